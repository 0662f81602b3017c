// Binary XML (MS-EVEN6 as the EVTX reference describes it) → the record's XML tree. Offsets inside
// Binary XML (names, template definitions) are relative to the chunk, so the parser always works on
// the whole chunk buffer, with `pos` pointing at the record's data.
//
// A record is almost always one template instance: a template definition (the shape of the XML,
// stored once per chunk and cached here by its offset) plus the record's substitution values. The
// template is parsed once into a tree with `Substitution` holes; each record fills the holes.
//
// Hostile input cannot hang or blow the stack: every loop advances `pos` or stops, reads are bounds
// checked (EvtxFormatError), and nesting (elements, Binary XML values inside values, templates inside
// templates) is limited.

import { decodeValue, VALUE_TYPE, type DecodedValue, type ScalarValue } from './binxml-values.js';
import { ElementBudget, MAX_NESTING } from './binxml-limits.js';
import { EvtxFormatError } from './evtx-format-error.js';
import type { XmlElement, XmlText } from './xml-tree.js';

const TOKEN = {
  EOF: 0x00,
  OPEN_START_ELEMENT: 0x01,
  CLOSE_START_ELEMENT: 0x02,
  CLOSE_EMPTY_ELEMENT: 0x03,
  END_ELEMENT: 0x04,
  VALUE: 0x05,
  ATTRIBUTE: 0x06,
  CDATA: 0x07,
  CHAR_REF: 0x08,
  ENTITY_REF: 0x09,
  PI_TARGET: 0x0a,
  PI_DATA: 0x0b,
  TEMPLATE_INSTANCE: 0x0c,
  NORMAL_SUBSTITUTION: 0x0d,
  OPTIONAL_SUBSTITUTION: 0x0e,
  FRAGMENT_HEADER: 0x0f,
} as const;

const MORE_FLAG = 0x40;
/** Elements, Binary XML values and templates nested deeper than this are refused as malformed. */
const MAX_DEPTH = 64;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A hole in a template, filled from the record's substitution values. */
export class Substitution {
  constructor(
    readonly index: number,
    readonly optional: boolean,
  ) {}
}

export type TemplatePart = XmlText | Substitution;
export interface TemplateElement {
  readonly name: string;
  readonly attributes: { readonly name: string; readonly value: TemplatePart[] }[];
  readonly children: (TemplateElement | TemplatePart)[];
}

/** A substitution value: decoded, or (type 0x21) the elements of its own Binary XML. */
export interface SubstitutionValue {
  readonly type: number;
  readonly value: DecodedValue | XmlElement[];
  /** For Binary XML: how many elements the value expands to, charged again at every use but the first. */
  readonly elements?: number;
  /** For Binary XML: how often the template has used the value so far. */
  uses?: number;
}

/**
 * A template instance as it is stored, not filled in: the template and the record's values, a Binary
 * XML value being a template instance of its own (`nested`). What `template-fields.ts` reads.
 */
export interface RawTemplateInstance {
  readonly template: TemplateElement;
  /** The template's identifier as written (16 bytes as latin1): equal for equal templates, but unchecked. */
  readonly guid: string | undefined;
  /**
   * The values, as parallel lists (a record has tens; an object each was a tenth of what the EVTX
   * hunt allocated): each one's type, its decoded value (null for a Binary XML value), and for a
   * Binary XML value its own template instance.
   */
  readonly types: readonly number[];
  readonly values: readonly DecodedValue[];
  readonly nested: readonly (RawTemplateInstance | undefined)[];
}

/** What the parser keeps per chunk: names and template definitions by their chunk offset. */
export class ChunkContext {
  readonly names = new Map<number, string>();
  readonly templates = new Map<number, TemplateElement>();
  readonly templateGuids = new Map<TemplateElement, string>();
  constructor(readonly chunk: Buffer) {}
}

/** Parses the Binary XML of one record, `start` to `end` in the chunk, into its root element. */
export function parseRecordXml(context: ChunkContext, start: number, end: number): XmlElement {
  const parser = new BinXmlParser(context, start, end, false, new ElementBudget(start));
  const root = parser.document();
  if (root === undefined) throw new EvtxFormatError('record holds no XML element', start);
  return root as XmlElement;
}

/**
 * The record as one template instance whose Binary XML values are each one template instance too,
 * not filled in; undefined when the record holds anything else (then `parseRecordXml` reads it).
 * Almost every record is of this form. Nothing is charged to an element budget: nothing is built.
 */
export function parseRecordInstance(context: ChunkContext, start: number, end: number): RawTemplateInstance | undefined {
  return new BinXmlParser(context, start, end, false, new ElementBudget(start)).rawInstance();
}

class BinXmlParser {
  private readonly buf: Buffer;
  private pos: number;

  constructor(
    private readonly context: ChunkContext,
    start: number,
    private readonly end: number,
    // Elements inside a Binary XML substitution value carry no dependency identifier.
    private readonly inSubstitution: boolean,
    private readonly budget: ElementBudget,
    private readonly depth = 0,
  ) {
    this.buf = context.chunk;
    this.pos = start;
    if (end > this.buf.length) throw new EvtxFormatError('record runs past the end of its chunk', start);
    if (depth > MAX_NESTING) throw new EvtxFormatError('Binary XML nested too deeply', start);
  }

  /** Processing instructions, one fragment (an element or a template instance), end of file. */
  document(): TemplateElement | undefined {
    let root: TemplateElement | undefined;
    while (this.pos < this.end) {
      const token = this.buf[this.pos];
      if (token === TOKEN.EOF) break;
      if (token === TOKEN.PI_TARGET || token === TOKEN.PI_DATA) {
        this.skipProcessingInstruction(token);
      } else if (token === TOKEN.FRAGMENT_HEADER) {
        this.need(4);
        this.pos += 4;
      } else if ((token & ~MORE_FLAG) === TOKEN.OPEN_START_ELEMENT) {
        const element = this.element(0);
        root ??= element;
      } else if (token === TOKEN.TEMPLATE_INSTANCE) {
        const element = this.templateInstance();
        root ??= element;
      } else {
        throw this.error(`unexpected token 0x${token.toString(16)} at document level`);
      }
      if (root !== undefined && !this.inSubstitution) break;
    }
    return root;
  }

  /** All elements of a Binary XML substitution value (usually one fragment with one template). */
  elements(): XmlElement[] {
    const found: XmlElement[] = [];
    while (this.pos < this.end) {
      const before = this.pos;
      const token = this.buf[this.pos];
      if (token === TOKEN.EOF) break;
      if (token === TOKEN.PI_TARGET || token === TOKEN.PI_DATA) this.skipProcessingInstruction(token);
      else if (token === TOKEN.FRAGMENT_HEADER) {
        this.need(4);
        this.pos += 4;
      } else if ((token & ~MORE_FLAG) === TOKEN.OPEN_START_ELEMENT) found.push(this.element(0) as XmlElement);
      else if (token === TOKEN.TEMPLATE_INSTANCE) found.push(this.templateInstance());
      else throw this.error(`unexpected token 0x${token.toString(16)} in a Binary XML value`);
      if (this.pos <= before) throw this.error('Binary XML value does not advance');
    }
    return found;
  }

  private element(level: number): TemplateElement {
    if (level > MAX_DEPTH) throw this.error('elements nested too deeply');
    this.budget.charge(1);
    this.need(this.inSubstitution ? 9 : 11);
    const hasAttributes = (this.buf[this.pos] & MORE_FLAG) !== 0;
    this.pos += this.inSubstitution ? 1 : 3; // token, dependency identifier
    this.pos += 4; // data size: the structure itself says where the element ends
    const name = this.nameAt(this.u32());
    const attributes: TemplateElement['attributes'] = [];
    if (hasAttributes) {
      const listSize = this.u32();
      const listEnd = this.pos + listSize;
      if (listEnd > this.end) throw this.error('attribute list runs past the end of the record');
      while (this.pos < listEnd && (this.buf[this.pos] & ~MORE_FLAG) === TOKEN.ATTRIBUTE) {
        this.pos += 1;
        const attributeName = this.nameAt(this.u32());
        attributes.push({ name: attributeName, value: this.textParts() });
      }
    }
    const children: TemplateElement['children'] = [];
    this.need(1);
    const close = this.buf[this.pos++];
    if (close === TOKEN.CLOSE_EMPTY_ELEMENT) return { name, attributes, children };
    if (close !== TOKEN.CLOSE_START_ELEMENT) throw this.error(`expected the end of <${nameForMessage(name)}>'s start tag, found token 0x${close.toString(16)}`, this.pos - 1);
    for (;;) {
      this.need(1);
      const token = this.buf[this.pos];
      const base = token & ~MORE_FLAG;
      if (token === TOKEN.END_ELEMENT) {
        this.pos++;
        return { name, attributes, children };
      }
      if (base === TOKEN.OPEN_START_ELEMENT) children.push(this.element(level + 1));
      else if (token === TOKEN.TEMPLATE_INSTANCE) children.push(this.templateInstance());
      else if (token === TOKEN.PI_TARGET || token === TOKEN.PI_DATA) this.skipProcessingInstruction(token);
      else if (isTextToken(token)) children.push(...this.textParts());
      else throw this.error(`unexpected token 0x${token.toString(16)} inside <${nameForMessage(name)}>`);
    }
  }

  /** Consecutive text tokens: values, CDATA, character and entity references, substitutions. */
  private textParts(): TemplatePart[] {
    const parts: TemplatePart[] = [];
    while (this.pos < this.end && isTextToken(this.buf[this.pos])) {
      const token = this.buf[this.pos];
      const base = token & ~MORE_FLAG;
      this.pos++;
      if (base === TOKEN.VALUE) {
        this.need(1);
        const type = this.buf[this.pos++];
        if (type !== VALUE_TYPE.STRING) throw this.error(`value token of type 0x${type.toString(16)}, expected a string`, this.pos - 1);
        parts.push(this.countedString());
      } else if (base === TOKEN.CDATA) {
        parts.push(this.countedString());
      } else if (base === TOKEN.CHAR_REF) {
        parts.push(String.fromCharCode(this.u16()));
      } else if (base === TOKEN.ENTITY_REF) {
        const entity = this.nameAt(this.u32());
        parts.push(ENTITIES[entity] ?? `&${entity};`);
      } else {
        this.need(3);
        const index = this.buf.readUInt16LE(this.pos);
        this.pos += 3; // identifier, then the value type, which the value itself carries again
        parts.push(new Substitution(index, token === TOKEN.OPTIONAL_SUBSTITUTION));
      }
    }
    return parts;
  }

  /**
   * Fragment headers, then one template instance, its values read but not filled in. In a Binary XML
   * value nothing but an end-of-file token may follow it; a record's document ends at its first
   * fragment, as in `document()`. Undefined when the bytes are anything else.
   */
  rawInstance(): RawTemplateInstance | undefined {
    while (this.pos < this.end && this.buf[this.pos] === TOKEN.FRAGMENT_HEADER) {
      this.need(4);
      this.pos += 4;
    }
    if (this.pos >= this.end || this.buf[this.pos] !== TOKEN.TEMPLATE_INSTANCE) return undefined;
    const template = this.templateOfInstance();
    const count = this.valueCount();
    const descriptors = this.pos - count * 4;
    // Made at their length: grown by push, each was copied several times over.
    const types = new Array<number>(count);
    const values = new Array<DecodedValue>(count);
    const nested = new Array<RawTemplateInstance | undefined>(count);
    for (let i = 0; i < count; i++) {
      const size = this.valueSize(descriptors, i);
      const type = this.valueType(descriptors, i);
      types[i] = type;
      if (type === VALUE_TYPE.BINXML) {
        const instance = new BinXmlParser(this.context, this.pos, this.pos + size, true, this.budget, this.depth + 1).rawInstance();
        if (instance === undefined) return undefined;
        values[i] = null;
        nested[i] = instance;
      } else {
        values[i] = this.scalarValue(size, type);
        nested[i] = undefined;
      }
      this.pos += size;
    }
    if (this.inSubstitution && this.pos < this.end && this.buf[this.pos] !== TOKEN.EOF) return undefined;
    return { template, guid: this.context.templateGuids.get(template), types, values, nested };
  }

  private templateInstance(): XmlElement {
    const template = this.templateOfInstance();
    const values = this.substitutionValues();
    const [root] = instantiate(template, values, 0, this.budget);
    if (root === undefined) throw this.error('template instance produced no element');
    return root;
  }

  /** A template instance's header and its template: parsed here when defined inline, else from the chunk. */
  private templateOfInstance(): TemplateElement {
    this.need(10);
    this.pos += 6; // token, unknown byte, template identifier
    const definitionOffset = this.u32();
    let template = this.context.templates.get(definitionOffset);
    if (definitionOffset === this.pos) {
      // The definition follows inline: next-definition offset, GUID, data size, then the data.
      this.need(24);
      const dataSize = this.buf.readUInt32LE(this.pos + 20);
      const dataStart = this.pos + 24;
      if (dataStart + dataSize > this.end) throw this.error('template definition runs past the end of the record');
      template ??= this.templateDefinition(definitionOffset, dataStart, dataStart + dataSize);
      this.pos = dataStart + dataSize;
    } else if (template === undefined) {
      // Defined earlier in the chunk, by a record this reader may have skipped: parse it there.
      if (definitionOffset + 24 > this.buf.length) throw this.error(`template definition offset 0x${definitionOffset.toString(16)} is outside the chunk`);
      const dataSize = this.buf.readUInt32LE(definitionOffset + 20);
      const dataStart = definitionOffset + 24;
      template = this.templateDefinition(definitionOffset, dataStart, Math.min(dataStart + dataSize, this.buf.length));
    }
    return template;
  }

  private templateDefinition(offset: number, start: number, end: number): TemplateElement {
    if (this.depth >= MAX_NESTING) throw this.error('templates nested too deeply');
    const parser = new BinXmlParser(this.context, start, end, false, this.budget, this.depth + 1);
    const root = parser.document();
    if (root === undefined) throw this.error(`template at 0x${offset.toString(16)} holds no element`);
    this.context.templates.set(offset, root);
    // Next-definition offset, then the GUID.
    if (offset + 20 <= this.buf.length) this.context.templateGuids.set(root, this.buf.toString('latin1', offset + 4, offset + 20));
    return root;
  }

  private substitutionValues(): SubstitutionValue[] {
    const count = this.valueCount();
    const descriptors = this.pos - count * 4;
    const values: SubstitutionValue[] = [];
    for (let i = 0; i < count; i++) {
      const size = this.valueSize(descriptors, i);
      const type = this.valueType(descriptors, i);
      if (type === VALUE_TYPE.BINXML) {
        const nested = new BinXmlParser(this.context, this.pos, this.pos + size, true, this.budget, this.depth + 1);
        const before = this.budget.spent;
        values.push({ type, value: nested.elements(), elements: this.budget.spent - before });
      } else {
        values.push({ type, value: this.scalarValue(size, type) });
      }
      this.pos += size;
    }
    return values;
  }

  /**
   * The count of a template instance's values, moving past it and their descriptors (4 bytes each:
   * size, type, one unused), which are read in place, and no object made for them.
   */
  private valueCount(): number {
    const count = this.u32();
    if (count * 4 > this.end - this.pos) throw this.error(`template instance claims ${count} values`);
    this.pos += count * 4;
    return count;
  }

  /** Value i's size, checked against the record's end from where the value starts (`pos`). */
  private valueSize(descriptors: number, i: number): number {
    const size = this.buf.readUInt16LE(descriptors + i * 4);
    if (this.pos + size > this.end) throw this.error(`substitution value of ${size} bytes runs past the end of the record`);
    return size;
  }

  /** Value i's type, from its descriptor. */
  private valueType(descriptors: number, i: number): number {
    return this.buf[descriptors + i * 4 + 2];
  }

  /** A value that is not Binary XML: decoded, or null when empty (an empty string stays a string). */
  private scalarValue(size: number, type: number): DecodedValue {
    return size === 0 && type !== VALUE_TYPE.STRING ? null : decodeValue(this.buf, this.pos, size, type);
  }

  /** A name by its chunk offset; when the offset is here, the name is stored inline and skipped. */
  private nameAt(offset: number): string {
    let name = this.context.names.get(offset);
    if (name === undefined) {
      if (offset + 8 > this.buf.length) throw this.error(`name offset 0x${offset.toString(16)} is outside the chunk`);
      const characters = this.buf.readUInt16LE(offset + 6);
      const textEnd = offset + 8 + characters * 2;
      if (textEnd > this.buf.length) throw this.error(`name at 0x${offset.toString(16)} runs past the end of the chunk`);
      name = this.buf.toString('utf16le', offset + 8, textEnd);
      this.context.names.set(offset, name);
    }
    if (offset === this.pos) this.pos += 8 + name.length * 2 + 2;
    return name;
  }

  private countedString(): string {
    const characters = this.u16();
    this.need(characters * 2);
    const text = this.buf.toString('utf16le', this.pos, this.pos + characters * 2);
    this.pos += characters * 2;
    return text;
  }

  private skipProcessingInstruction(token: number): void {
    this.pos++;
    if (token === TOKEN.PI_TARGET) this.nameAt(this.u32());
    else this.countedString();
  }

  private u16(): number {
    this.need(2);
    const value = this.buf.readUInt16LE(this.pos);
    this.pos += 2;
    return value;
  }

  private u32(): number {
    this.need(4);
    const value = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return value;
  }

  private need(bytes: number): void {
    if (this.pos + bytes > this.end) throw this.error('record ends in the middle of a structure');
  }

  private error(message: string, at = this.pos): EvtxFormatError {
    return new EvtxFormatError(message, at);
  }
}

/**
 * An element name as a warning quotes it. In a damaged record the "name" is whatever bytes the bad
 * offset points at: up to 65535 characters, control characters included, and warnings go to a
 * terminal, where an escape sequence from a hostile file must not arrive intact.
 */
function nameForMessage(name: string): string {
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isTextToken(token: number): boolean {
  const base = token & ~MORE_FLAG;
  return base === TOKEN.VALUE || base === TOKEN.CDATA || base === TOKEN.CHAR_REF || base === TOKEN.ENTITY_REF || token === TOKEN.NORMAL_SUBSTITUTION || token === TOKEN.OPTIONAL_SUBSTITUTION;
}

/**
 * Fills a template's holes with a record's values, as libevtx and Windows do: an attribute whose only
 * part is an optional substitution with no value is left out (`<Correlation/>` without ActivityID);
 * an element whose content is an optional substitution of the null type is left out altogether; an
 * element whose content is an array value is repeated once per item (classic providers' `<Data>`);
 * a Binary XML value becomes child elements.
 */
export function instantiate(template: TemplateElement, values: readonly SubstitutionValue[], level: number, budget: ElementBudget): XmlElement[] {
  if (level > MAX_DEPTH) throw new EvtxFormatError('template elements nested too deeply', 0);
  let arrayItems: readonly ScalarValue[] | undefined;
  for (const child of template.children) {
    if (!(child instanceof Substitution)) continue;
    const filled = values[child.index];
    if (child.optional && (filled === undefined || filled.type === VALUE_TYPE.NULL)) return [];
    if (filled !== undefined && Array.isArray(filled.value) && filled.type !== VALUE_TYPE.BINXML) arrayItems = filled.value as ScalarValue[];
  }
  const attributes: XmlElement['attributes'] = [];
  for (const attribute of template.attributes) {
    const value = fillText(attribute.value, values);
    if (value !== undefined) attributes.push({ name: attribute.name, value });
  }
  budget.charge(Math.max(1, arrayItems?.length ?? 1));
  if (arrayItems === undefined) return [{ name: template.name, attributes, children: fillChildren(template, values, level, -1, budget) }];
  // No items still gives one empty element, as the reference says.
  if (arrayItems.length === 0) return [{ name: template.name, attributes, children: [] }];
  return arrayItems.map((_, item) => ({ name: template.name, attributes, children: fillChildren(template, values, level, item, budget) }));
}

/** An element's content with values filled in; `item` picks one entry of an array value (-1: none). */
function fillChildren(template: TemplateElement, values: readonly SubstitutionValue[], level: number, item: number, budget: ElementBudget): XmlElement['children'] {
  const children: XmlElement['children'] = [];
  for (const child of template.children) {
    if (child instanceof Substitution) {
      const filled = values[child.index];
      if (filled === undefined || filled.value === null) continue;
      if (filled.type === VALUE_TYPE.BINXML) {
        // The same elements, shared, at every use: cheap here, but each use is rendered in full.
        // Parsing the value paid for one copy already.
        filled.uses = (filled.uses ?? 0) + 1;
        if (filled.uses > 1) budget.charge(filled.elements ?? 0);
        children.push(...(filled.value as XmlElement[]));
      }
      else if (item >= 0 && Array.isArray(filled.value)) children.push((filled.value as ScalarValue[])[item] ?? '');
      else children.push(filled.value as XmlText);
    } else if (isTemplateElement(child)) {
      children.push(...instantiate(child, values, level + 1, budget));
    } else {
      children.push(child);
    }
  }
  return children;
}

function isTemplateElement(node: TemplateElement | TemplatePart): node is TemplateElement {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && !(node instanceof Substitution);
}

/** An attribute's parts with values filled in; undefined when nothing is left of it. */
function fillText(parts: readonly TemplatePart[], values: readonly SubstitutionValue[]): XmlText[] | undefined {
  const filled: XmlText[] = [];
  let onlyEmptySubstitutions = parts.length > 0;
  for (const part of parts) {
    if (part instanceof Substitution) {
      const value = values[part.index];
      if (value === undefined || value.value === null || value.type === VALUE_TYPE.BINXML) continue;
      filled.push(value.value as ScalarValue | ScalarValue[]);
      onlyEmptySubstitutions = false;
    } else {
      filled.push(part);
      onlyEmptySubstitutions = false;
    }
  }
  return onlyEmptySubstitutions ? undefined : filled;
}
