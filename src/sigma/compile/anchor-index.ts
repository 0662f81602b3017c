// The prefilter for one group of rules (the rules that can see one kind of event): from an event,
// the rules worth evaluating, found through their anchors by hash lookups and one substring pass
// per field instead of trying every rule.
import type { CompiledRule } from './compile-rule.js';
import { KEYWORD_FIELD } from './anchors.js';
import { MISSING, NULL_VALUE, type EventView, type FieldSlots } from './event-view.js';
import { SubstringIndex } from './substring-index.js';
import { escapeRegExp } from './value-matchers.js';

interface FieldIndex {
  readonly slot: number;
  /** Folded whole value → rule positions. */
  readonly equals: Map<string, number[]>;
  readonly substrings: SubstringIndex;
  /** Needle id → rule positions. */
  readonly needleRules: number[][];
  /** Recent long values → the needle ids found in them: logs repeat command lines and paths a lot. */
  /**
   * Recent long values, keyed as the event had them (not folded, so a repeated value is neither
   * lower-cased nor scanned again) → the rules their equality hits and the needles found in them.
   */
  readonly recent: Map<string, RecentValue>;
  /** Look-ups and hits of `recent` in the current window, and values left to search without it. */
  lookups: number;
  hits: number;
  skipCache: number;
}

interface RecentValue {
  readonly equalHits: readonly number[] | undefined;
  readonly needleIds: readonly number[];
}

/**
 * A field whose values rarely repeat (hashes, file names with random parts) is not worth remembering:
 * each value then costs a look-up, an entry, and garbage that outlives young collections. After a
 * window of look-ups with fewer hits than this share, the field's values are searched directly for
 * SKIP_WINDOWS windows, then the cache is tried again.
 */
const CACHE_WINDOW = 1024;
const CACHE_MIN_HIT_SHARE = 0.25;
const SKIP_WINDOWS = 8;
/** Values shorter than this are searched again rather than remembered. */
const CACHE_MIN_LENGTH = 24;
/** Per field; the cache is emptied when full, which keeps memory bounded whatever the input. */
const CACHE_ENTRIES = 4096;

/**
 * Remembered values across every index of an engine. Per field alone, memory grew with the number of
 * (channel, event id) groups a hunt meets: over mixed EVTX files, 142 groups kept each worker thread
 * near its heap cap. A field whose cache is full, or that finds the shared budget spent, starts again.
 */
export class RecentValueBudget {
  used = 0;
  constructor(readonly limit = 32768) {}
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Of every Unicode character, only these two lower-case to something holding ASCII: the Kelvin sign
 * (to k) and the dotted capital I (to i and a combining dot, the one change of length). Checked over
 * every code point; asserted by keyword-prefilter.test.ts.
 */
export const FOLDS_TO_ASCII = /[\u0130\u212A]/;

/**
 * For keyword needles that are all ASCII, one case-insensitive alternation run over the event's raw
 * text before its folded text is built and searched (building it was a tenth of the hunt's time, for
 * SigmaHQ's one Windows-wide keyword rule). The needles are lower-case ASCII, so in the folded text
 * each occurrence is made of ASCII characters that were, in the raw text, the same letters in some
 * case at the same places (`/x/i` without the `u` flag never lets a non-ASCII character stand for
 * an ASCII one) — unless the raw text holds one of the two characters FOLDS_TO_ASCII names; the
 * alternation therefore also matches those. Other non-ASCII text, such as Sysmon's `Product`
 * ("Microsoft® Windows® Operating System") on most events, needs no folding to be ruled out.
 */
function asciiQuickCheck(needles: readonly string[]): QuickCheck | undefined {
  if (needles.length === 0 || needles.some((needle) => NON_ASCII.test(needle))) return undefined;
  // A raw value at least half as long as the shortest needle may hold it once folded (the dotted
  // capital I becomes two characters); shorter values are not asked.
  const minLength = Math.ceil(Math.min(...needles.map((needle) => needle.length)) / 2);
  return { pattern: new RegExp(`${FOLDS_TO_ASCII.source}|${needles.map(escapeRegExp).join('|')}`, 'i'), minLength };
}

interface QuickCheck {
  readonly pattern: RegExp;
  readonly minLength: number;
}

export class AnchorIndex {
  private readonly always: number[] = [];
  private readonly fields: FieldIndex[] = [];
  private keyword: { substrings: SubstringIndex; needleRules: number[][]; quickCheck: QuickCheck | undefined } | undefined;
  private readonly stamp: Int32Array;
  private epoch = 0;
  private readonly result: number[] = [];
  /** Needle id → rule positions of the field being searched; read by markNeedle. */
  private currentNeedleRules: number[][] = [];
  /** Created once, so the substring search gets the same function for every field and event. */
  private readonly markNeedle = (id: number): void => {
    for (const position of this.currentNeedleRules[id]) this.mark(position);
  };

  constructor(
    readonly rules: readonly CompiledRule[],
    slots: FieldSlots,
    /** Shared by the engine's indexes; a lone index gets its own. */
    private readonly budget: RecentValueBudget = new RecentValueBudget(),
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
        this.keyword = { substrings: new SubstringIndex(needles), needleRules, quickCheck: asciiQuickCheck(needles) };
        continue;
      }
      this.fields.push({ slot: slots.slotOf(field), equals: entry.equals, substrings: new SubstringIndex(needles), needleRules, recent: new Map(), lookups: 0, hits: 0, skipCache: 0 });
    }
  }

  /**
   * Positions (in `rules`) of the rules to evaluate for the event in the view, in rule order. The
   * returned array is reused by the next call: use it before asking again. Nothing is allocated per
   * event here, since this runs for every event (the garbage collector showed up in the profile).
   */
  candidates(view: EventView): readonly number[] {
    this.epoch++;
    const result = this.result;
    result.length = 0;
    for (const position of this.always) this.mark(position);
    for (const field of this.fields) {
      const raw = view.text(field.slot);
      if (raw === MISSING) continue;
      this.currentNeedleRules = field.needleRules;
      if (typeof raw === 'string' && raw.length >= CACHE_MIN_LENGTH && field.skipCache === 0) this.searchRemembered(field, raw, view);
      else if (typeof raw === 'string' && raw.length >= CACHE_MIN_LENGTH) {
        field.skipCache--;
        this.searchField(field, view.folded(field.slot) as string);
      }
      else if (raw === NULL_VALUE) this.searchField(field, '');
      else {
        const folded = view.folded(field.slot);
        if (typeof folded === 'string') this.searchField(field, folded);
        else if (Array.isArray(folded)) for (const text of folded) this.searchField(field, text);
      }
    }
    const keyword = this.keyword;
    if (keyword && (keyword.quickCheck === undefined || view.someRawValue(keyword.quickCheck.pattern, keyword.quickCheck.minLength))) {
      this.currentNeedleRules = keyword.needleRules;
      keyword.substrings.search(view.allFoldedText(), this.markNeedle);
    }
    if (result.length > 1) sortPositions(result);
    return result;
  }

  private searchField(field: FieldIndex, text: string): void {
    const hits = field.equals.get(text);
    if (hits) for (const position of hits) this.mark(position);
    if (field.substrings.size > 0) field.substrings.search(text, this.markNeedle);
  }

  /** A long value: answered from the field's cache of recent values when it repeats. */
  private searchRemembered(field: FieldIndex, raw: string, view: EventView): void {
    let remembered = field.recent.get(raw);
    if (remembered !== undefined) field.hits++;
    if (++field.lookups === CACHE_WINDOW) {
      if (field.hits < CACHE_WINDOW * CACHE_MIN_HIT_SHARE) {
        field.skipCache = CACHE_WINDOW * SKIP_WINDOWS;
        this.budget.used -= field.recent.size;
        field.recent.clear();
      }
      field.lookups = 0;
      field.hits = 0;
    }
    if (remembered === undefined) {
      const folded = view.folded(field.slot) as string;
      const needleIds: number[] = [];
      if (field.substrings.size > 0) field.substrings.search(folded, (id) => needleIds.push(id));
      remembered = { equalHits: field.equals.get(folded), needleIds };
      const budget = this.budget;
      if (field.recent.size >= CACHE_ENTRIES || budget.used >= budget.limit) {
        budget.used -= field.recent.size;
        field.recent.clear();
      }
      // Other fields may hold the whole budget: then this value is simply not remembered.
      if (budget.used < budget.limit) {
        field.recent.set(raw, remembered);
        budget.used++;
      }
    }
    if (remembered.equalHits) for (const position of remembered.equalHits) this.mark(position);
    for (const id of remembered.needleIds) this.markNeedle(id);
  }

  private mark(position: number): void {
    if (this.stamp[position] !== this.epoch) {
      this.stamp[position] = this.epoch;
      this.result.push(position);
    }
  }
}

/**
 * Sorts rule positions in place. A few positions (the usual case) by insertion: `Array.prototype.sort`
 * copies the array into a work area on every call, a tenth of the hunt's garbage by the heap profile.
 */
function sortPositions(positions: number[]): void {
  if (positions.length > 32) {
    positions.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < positions.length; i++) {
    const value = positions[i];
    let j = i - 1;
    while (j >= 0 && positions[j] > value) {
      positions[j + 1] = positions[j];
      j--;
    }
    positions[j + 1] = value;
  }
}
