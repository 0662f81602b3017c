// The YAML tree a rule is parsed from, independent of the YAML library that read it. Two readers
// produce it: the located reader (`yaml`, every node with its offset, for error messages) and the fast
// reader (`js-yaml`, no offsets, about five times faster). The rule parser reads only this tree, so both
// give the same rules; a rule with a problem is always read again by the located reader (see
// parse-rule-file.ts), which is why an offset may be missing here.

export type RuleNode = MapNode | SeqNode | ScalarNode | OtherNode;

export interface MapNode {
  readonly kind: 'map';
  readonly pairs: readonly NodePair[];
  readonly offset?: number;
}

export interface NodePair {
  /** Null for an empty key (`: value`). */
  readonly key: RuleNode | null;
  readonly value: RuleNode | null;
}

export interface SeqNode {
  readonly kind: 'seq';
  readonly items: readonly (RuleNode | null)[];
  readonly offset?: number;
}

export interface ScalarNode {
  readonly kind: 'scalar';
  /** As YAML's core schema resolves it: string, number, boolean or null. */
  readonly value: unknown;
  /** For a plain (unquoted) scalar, the text as written: numbers keep their form (`0x17`, `1.0`). */
  readonly source?: string;
  readonly offset?: number;
}

/** An alias or anything else no rule may hold. */
export interface OtherNode {
  readonly kind: 'other';
  readonly offset?: number;
}

export const isMapNode = (node: RuleNode | null | undefined): node is MapNode => node?.kind === 'map';
export const isSeqNode = (node: RuleNode | null | undefined): node is SeqNode => node?.kind === 'seq';
export const isScalarNode = (node: RuleNode | null | undefined): node is ScalarNode => node?.kind === 'scalar';

/** The value of the first pair whose key is exactly the string `key` (as `yaml`'s `YAMLMap.get`). */
export function mapGet(map: MapNode, key: string): RuleNode | null | undefined {
  for (const pair of map.pairs) {
    if (pair.key !== null && pair.key.kind === 'scalar' && pair.key.value === key) return pair.value;
  }
  return undefined;
}

export function mapHas(map: MapNode, key: string): boolean {
  return map.pairs.some((pair) => pair.key !== null && pair.key.kind === 'scalar' && pair.key.value === key);
}

export function offsetOf(node: RuleNode | null | undefined): number | undefined {
  return node?.offset;
}
