// Turns a path inside a parsed YAML document (as zod reports it) into a 1-based line and column, so a
// mapping error reads `file:line:column` and points at the offending key or value.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * The position of the deepest node that exists along `path` (a missing key points at its parent).
 * With `atKey`, the last segment points at the key itself rather than its value (unknown keys).
 */
export function locatePath(
  document: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  atKey = false,
): LineColumn {
  let node: Node | null = document.contents;
  let best: Node | null = node;
  for (let index = 0; index < path.length && node; index++) {
    const segment = path[index];
    const last = index === path.length - 1;
    let next: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as Node;
      next = last && atKey ? key : ((pair.value as Node | null) ?? key);
    } else if (isSeq(node) && typeof segment === 'number') {
      next = (node.items[segment] as Node | undefined) ?? null;
    }
    if (next && isAlias(next)) next = (next.resolve(document) as Node | undefined) ?? next;
    if (!next) break;
    node = next;
    best = next;
  }
  return offsetToLineColumn(lineCounter, best?.range?.[0] ?? 0);
}

export function offsetToLineColumn(lineCounter: LineCounter, offset: number): LineColumn {
  const position = lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}
