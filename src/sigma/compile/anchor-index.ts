// The prefilter for one group of rules (the rules that can see one kind of event): from an event,
// the rules worth evaluating, found through their anchors by hash lookups and one substring pass
// per field instead of trying every rule.
import type { CompiledRule } from './compile-rule.js';
import { KEYWORD_FIELD } from './anchors.js';
import { MISSING, NULL_VALUE, type EventView, type FieldSlots } from './event-view.js';
import { SubstringIndex } from './substring-index.js';

interface FieldIndex {
  readonly slot: number;
  /** Folded whole value → rule positions. */
  readonly equals: Map<string, number[]>;
  readonly substrings: SubstringIndex;
  /** Needle id → rule positions. */
  readonly needleRules: number[][];
}

export class AnchorIndex {
  private readonly always: number[] = [];
  private readonly fields: FieldIndex[] = [];
  private keyword: { substrings: SubstringIndex; needleRules: number[][] } | undefined;
  private readonly stamp: Int32Array;
  private epoch = 0;

  constructor(
    readonly rules: readonly CompiledRule[],
    slots: FieldSlots,
  ) {
    this.stamp = new Int32Array(rules.length);
    const perField = new Map<string, { equals: Map<string, number[]>; needles: Map<string, number[]> }>();
    rules.forEach((compiled, position) => {
      if (compiled.anchors === null) {
        this.always.push(position);
        return;
      }
      for (const anchor of compiled.anchors) {
        let entry = perField.get(anchor.field);
        if (!entry) perField.set(anchor.field, (entry = { equals: new Map(), needles: new Map() }));
        const table = anchor.kind === 'equals' ? entry.equals : entry.needles;
        const list = table.get(anchor.text);
        if (!list) table.set(anchor.text, [position]);
        else if (list[list.length - 1] !== position) list.push(position);
      }
    });
    for (const [field, entry] of perField) {
      const needles = [...entry.needles.keys()];
      const needleRules = needles.map((needle) => entry.needles.get(needle) ?? []);
      if (field === KEYWORD_FIELD) {
        // Keyword equality anchors do not arise (keywords are substring searches).
        this.keyword = { substrings: new SubstringIndex(needles), needleRules };
        continue;
      }
      this.fields.push({ slot: slots.slotOf(field), equals: entry.equals, substrings: new SubstringIndex(needles), needleRules });
    }
  }

  /** Positions (in `rules`) of the rules to evaluate for the event in the view, in rule order. */
  candidates(view: EventView): number[] {
    const epoch = ++this.epoch;
    const stamp = this.stamp;
    const result: number[] = [];
    const mark = (position: number): void => {
      if (stamp[position] !== epoch) {
        stamp[position] = epoch;
        result.push(position);
      }
    };
    for (const position of this.always) mark(position);
    for (const field of this.fields) {
      const value = view.folded(field.slot);
      if (value === MISSING) continue;
      const texts = typeof value === 'string' ? [value] : value === NULL_VALUE ? [''] : value;
      for (const text of texts) {
        const hits = field.equals.get(text);
        if (hits) for (const position of hits) mark(position);
        if (field.substrings.size > 0) field.substrings.search(text, (id) => field.needleRules[id].forEach(mark));
      }
    }
    if (this.keyword) {
      const keyword = this.keyword;
      for (const text of view.allFoldedValues()) keyword.substrings.search(text, (id) => keyword.needleRules[id].forEach(mark));
    }
    if (result.length > 1) result.sort((a, b) => a - b);
    return result;
  }
}
