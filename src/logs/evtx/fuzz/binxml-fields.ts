// Where the offset, size and count fields of one record's Binary XML are, so the fuzzer can corrupt
// exactly the numbers the parser trusts (name and template offsets, substitution counts and sizes)
// instead of hoping a random byte lands on one. A lenient walk over an intact record: it stops
// quietly at anything it does not expect and returns what it found until then.

export interface BinXmlField {
  /** Offset of the field in the chunk. */
  readonly at: number;
  readonly width: 1 | 2 | 4;
  readonly kind: BinXmlFieldKind;
}

export type BinXmlFieldKind =
  | 'element name offset'
  | 'element data size'
  | 'attribute list size'
  | 'attribute name offset'
  | 'name character count'
  | 'string character count'
  | 'entity name offset'
  | 'substitution index'
  | 'substitution type'
  | 'template definition offset'
  | 'template definition size'
  | 'substitution count'
  | 'substitution value size'
  | 'substitution value type';

/** Offset fields point into the chunk; the others are sizes, counts or types. */
export const OFFSET_FIELD_KINDS: ReadonlySet<BinXmlFieldKind> = new Set(['element name offset', 'attribute name offset', 'entity name offset', 'template definition offset']);

const MAX_FIELDS = 4096;

/** The fields of the Binary XML from `start` to `end` in `chunk` (a record's data). */
export function binXmlFields(chunk: Buffer, start: number, end: number): BinXmlField[] {
  const walker = new FieldWalker(chunk, end);
  try {
    walker.document(start, false);
  } catch {
    // An out-of-range read on an odd record: keep the fields found before it.
  }
  return walker.fields;
}

class FieldWalker {
  readonly fields: BinXmlField[] = [];

  constructor(
    private readonly chunk: Buffer,
    private readonly end: number,
  ) {}

  /** Fragments, template instances and elements up to an end-of-file token; returns where it stopped. */
  document(pos: number, inSubstitution: boolean, end = this.end): number {
    while (pos < end && this.fields.length < MAX_FIELDS) {
      const token = this.chunk[pos];
      if (token === 0x00) return pos + 1;
      if (token === 0x0f) pos += 4;
      else if (token === 0x0c) pos = this.templateInstance(pos);
      else if ((token & ~0x40) === 0x01) pos = this.element(pos, inSubstitution);
      else throw new Error('stop');
    }
    return pos;
  }

  private add(at: number, width: 1 | 2 | 4, kind: BinXmlFieldKind): void {
    if (at + width <= this.end) this.fields.push({ at, width, kind });
  }

  private element(pos: number, inSubstitution: boolean): number {
    const hasAttributes = (this.chunk[pos] & 0x40) !== 0;
    pos += inSubstitution ? 1 : 3;
    this.add(pos, 4, 'element data size');
    pos += 4;
    pos = this.nameReference(pos, 'element name offset');
    if (hasAttributes) {
      this.add(pos, 4, 'attribute list size');
      const listEnd = pos + 4 + this.chunk.readUInt32LE(pos);
      pos += 4;
      while (pos < listEnd && (this.chunk[pos] & ~0x40) === 0x06) pos = this.text(this.nameReference(pos + 1, 'attribute name offset'));
    }
    const close = this.chunk[pos++];
    if (close === 0x03) return pos;
    if (close !== 0x02) throw new Error('stop');
    for (;;) {
      const token = this.chunk[pos];
      if (token === 0x04) return pos + 1;
      if ((token & ~0x40) === 0x01) pos = this.element(pos, inSubstitution);
      else if (token === 0x0c) pos = this.templateInstance(pos);
      else pos = this.text(pos, true);
    }
  }

  /** A name offset; when it points right after itself the name follows inline and is skipped. */
  private nameReference(pos: number, kind: BinXmlFieldKind): number {
    this.add(pos, 4, kind);
    const offset = this.chunk.readUInt32LE(pos);
    pos += 4;
    if (offset !== pos) return pos;
    this.add(pos + 6, 2, 'name character count');
    return pos + 8 + this.chunk.readUInt16LE(pos + 6) * 2 + 2;
  }

  /** Consecutive text tokens; with `mustAdvance`, at least one (content of an element). */
  private text(pos: number, mustAdvance = false): number {
    const start = pos;
    for (;;) {
      const token = this.chunk[pos];
      const base = token & ~0x40;
      if (base === 0x05 || base === 0x07) {
        const at = base === 0x05 ? pos + 2 : pos + 1;
        this.add(at, 2, 'string character count');
        pos = at + 2 + this.chunk.readUInt16LE(at) * 2;
      } else if (base === 0x08) pos += 3;
      else if (base === 0x09) {
        this.add(pos + 1, 4, 'entity name offset');
        pos += 5;
      } else if (token === 0x0d || token === 0x0e) {
        this.add(pos + 1, 2, 'substitution index');
        this.add(pos + 3, 1, 'substitution type');
        pos += 4;
      } else break;
    }
    if (mustAdvance && pos === start) throw new Error('stop');
    return pos;
  }

  private templateInstance(pos: number): number {
    this.add(pos + 6, 4, 'template definition offset');
    const definition = this.chunk.readUInt32LE(pos + 6);
    pos += 10;
    if (definition === pos) {
      this.add(pos + 20, 4, 'template definition size');
      const dataStart = pos + 24;
      const dataEnd = dataStart + this.chunk.readUInt32LE(pos + 20);
      this.document(dataStart, false, Math.min(dataEnd, this.end));
      pos = dataEnd;
    }
    this.add(pos, 4, 'substitution count');
    const count = this.chunk.readUInt32LE(pos);
    pos += 4;
    if (count * 4 > this.end - pos) throw new Error('stop');
    const values: { size: number; type: number }[] = [];
    for (let i = 0; i < count; i++, pos += 4) {
      this.add(pos, 2, 'substitution value size');
      this.add(pos + 2, 1, 'substitution value type');
      values.push({ size: this.chunk.readUInt16LE(pos), type: this.chunk[pos + 2] });
    }
    for (const { size, type } of values) {
      if (type === 0x21) this.document(pos, true, Math.min(pos + size, this.end));
      pos += size;
    }
    return pos;
  }
}
