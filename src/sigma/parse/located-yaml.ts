// The located YAML reader: `yaml` (full YAML 1.2, DESIGN.md's choice) with a line counter, every node
// of the tree with its offset. Slower than the fast reader (fast-yaml.ts) by about five times, so it
// reads a file only when the fast reader cannot, or when a rule of the file has a problem whose place
// must be reported as file:line:column.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { RuleNode } from './rule-node.js';

export type LocatedDocument =
  /** Null for an empty document. */
  | { readonly contents: RuleNode | null }
  | { readonly yamlError: { readonly message: string; readonly offset: number } };

export interface LocatedFile {
  readonly documents: readonly LocatedDocument[];
  /** 1-based line and column of an offset in the text. */
  readonly lineColumn: (offset: number) => { line: number; column: number };
}

export function readLocatedYaml(text: string): LocatedFile {
  const lineCounter = new LineCounter();
  const lineColumn = (offset: number): { line: number; column: number } => {
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
  let parsed: Document.Parsed[] | Document.Parsed;
  try {
    parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
  } catch (error) {
    return { documents: [{ yamlError: { message: (error as Error).message, offset: 0 } }], lineColumn };
  }
  const documents = (Array.isArray(parsed) ? parsed : [parsed]).map((document): LocatedDocument => {
    if (document.errors.length > 0) {
      const first = document.errors[0];
      return { yamlError: { message: first.message.split('\n')[0], offset: first.pos[0] } };
    }
    return { contents: toRuleNode(document.contents as Node | null) };
  });
  return { documents, lineColumn };
}

function toRuleNode(node: Node | null): RuleNode | null {
  if (node === null || node === undefined) return null;
  const offset = Array.isArray(node.range) ? node.range[0] : undefined;
  if (isMap(node)) {
    return {
      kind: 'map',
      pairs: node.items.map((pair) => ({ key: toRuleNode(pair.key as Node | null), value: toRuleNode(pair.value as Node | null) })),
      offset,
    };
  }
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => toRuleNode(item as Node | null)), offset };
  if (isScalar(node)) {
    const source = node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : undefined;
    return { kind: 'scalar', value: node.value, source, offset };
  }
  // An alias: rules may not use them (the fast reader hands every file with an anchor to this one).
  return { kind: 'other', offset };
}
