// Finds which of many literal needles occur in a string.
// A needle of 4 or more characters is filed under one of its 4-character grams (the rarest among the
// needles); one pass hashes every gram of the value (a rolling hash), and only where a filed gram's bit
// is set does it check the needles filed there, in place. Short non-ASCII needles (emoji, lookalike
// letters) are filed whole and skipped for pure-ASCII values; short ASCII needles, and every needle
// of a small set, are found with `includes`; one-character needles with a bitmap of character codes.
// This is what lets thousands of `contains` rules cost a few microseconds per field: profiling showed
// short needles (windash flags such as ` -e`) checked one by one with `includes` dominating the hunt.

import { escapeRegExp } from './value-matchers.js';

const LONG_GRAM = 4;
const NON_ASCII = /[^\x00-\x7f]/;
/** Multiplier of the polynomial rolling hash over a gram's characters. */
const BASE = 0x01000193;

interface Entry {
  readonly needle: string;
  /** Where the filed gram starts inside the needle. */
  readonly offset: number;
  readonly id: number;
}

/** Polynomial hash of `size` characters at `at`, the same value the rolling search computes. */
function polynomialHash(value: string, at: number, size: number): number {
  let hash = 0;
  for (let j = 0; j < size; j++) hash = (Math.imul(hash, BASE) + value.charCodeAt(at + j)) | 0;
  return hash;
}

/** Needles filed under grams of one size. The bitmap is sized to the needles (about 64 bits each). */
class GramTable {
  private readonly bitmap: Int32Array;
  private readonly shift: number;
  private readonly buckets = new Map<number, Entry[]>();
  /** BASE^(size-1), to drop the oldest character from the rolling hash. */
  private readonly top: number;
  /**
   * True while every needle filed here has a non-ASCII character (emoji, lookalike letters: most of
   * the short needles): then a pure-ASCII value, the usual case, cannot hold any and is not scanned.
   */
  onlyNonAscii = true;

  constructor(
    readonly size: number,
    needleCount: number,
  ) {
    const bits = Math.min(20, Math.max(10, Math.ceil(Math.log2(needleCount * 64))));
    this.bitmap = new Int32Array(1 << (bits - 5));
    this.shift = 32 - bits;
    let top = 1;
    for (let j = 1; j < size; j++) top = Math.imul(top, BASE);
    this.top = top;
  }

  private slot(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }

  add(entry: Entry): void {
    if (!NON_ASCII.test(entry.needle)) this.onlyNonAscii = false;
    const slot = this.slot(polynomialHash(entry.needle, entry.offset, this.size));
    this.bitmap[slot >>> 5] |= 1 << (slot & 31);
    const bucket = this.buckets.get(slot);
    if (bucket) bucket.push(entry);
    else this.buckets.set(slot, [entry]);
  }

  search(value: string, found: (id: number) => void): void {
    const size = this.size;
    const length = value.length;
    if (length < size) return;
    const bitmap = this.bitmap;
    const shift = this.shift;
    const top = this.top;
    let hash = polynomialHash(value, 0, size - 1);
    for (let i = 0, end = i + size - 1; end < length; i++, end++) {
      hash = (Math.imul(hash, BASE) + value.charCodeAt(end)) | 0;
      const slot = Math.imul(hash, 0x9e3779b1) >>> shift;
      if ((bitmap[slot >>> 5] & (1 << (slot & 31))) !== 0) {
        const bucket = this.buckets.get(slot);
        if (bucket !== undefined) {
          for (const entry of bucket) {
            const start = i - entry.offset;
            if (start >= 0 && value.startsWith(entry.needle, start)) found(entry.id);
          }
        }
      }
      // Drop the gram's first character before the next one is added.
      hash = (hash - Math.imul(value.charCodeAt(i), top)) | 0;
    }
  }
}

/**
 * How many needles hold each gram hash: open addressing over typed arrays, each needle counted once
 * per gram however often the gram repeats in it (the needle last counted is kept per slot).
 */
class GramCounts {
  private readonly hashes: Int32Array;
  private readonly counts: Int32Array;
  /** The needle that last counted the slot's gram, plus one (0: the slot is empty). */
  private readonly lastNeedle: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(grams: number) {
    let bits = 4;
    while (1 << bits < grams * 2) bits++;
    this.hashes = new Int32Array(1 << bits);
    this.counts = new Int32Array(1 << bits);
    this.lastNeedle = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  private slot(hash: number): number {
    // The multiplied hash's top bits: its low bits mix poorly.
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    while (this.lastNeedle[slot] !== 0 && this.hashes[slot] !== hash) slot = (slot + 1) & this.mask;
    return slot;
  }

  countOnce(hash: number, needle: number): void {
    const slot = this.slot(hash);
    if (this.lastNeedle[slot] === needle + 1) return;
    if (this.lastNeedle[slot] === 0) this.hashes[slot] = hash;
    this.lastNeedle[slot] = needle + 1;
    this.counts[slot]++;
  }

  count(hash: number): number {
    const slot = this.slot(hash);
    return this.lastNeedle[slot] === 0 ? 0 : this.counts[slot];
  }
}

/** Up to this many needles, one `includes` each (V8's native search) beats hashing every gram. */
const FEW_NEEDLES = 24;

export class SubstringIndex {
  private readonly tables: GramTable[];
  /** Needles searched with `includes`: short ASCII ones, or all of them when there are few. */
  private readonly direct: { needle: string; id: number }[] = [];
  /**
   * One alternation of the direct needles, asked first: V8 answers "none of them" about three times
   * faster than an `includes` per needle, and none is the usual answer (keyword rules, rare flags).
   */
  private directAny: RegExp | undefined;
  /** One-character needles (mostly emoji halves and lookalike letters): char code → needle ids. */
  private readonly single = new Map<number, number[]>();
  /** Allocated only when there are one-character needles: an index exists per field and group. */
  private singleBits: Int32Array | undefined;
  private singlesOnlyNonAscii = true;
  readonly size: number;

  /** `needles[i]` is reported as id i. Needles must already be lower-cased if values are. */
  constructor(needles: readonly string[]) {
    this.size = needles.length;
    // How many needles hold each 4-gram, to file every needle under its rarest one. Grams are counted
    // by hash, not as strings, in a flat table (gram-counts below): this runs for every field of every
    // rule group built, and the Map and Set it used were a tenth of a hunt over the EVTX samples. A
    // collision only makes a gram look commoner than it is; the search itself checks every needle in full.
    let grams = 0;
    for (const needle of needles) grams += Math.max(0, needle.length - LONG_GRAM + 1);
    const gramCounts = new GramCounts(grams);
    needles.forEach((needle, id) => {
      for (let offset = 0; offset + LONG_GRAM <= needle.length; offset++) gramCounts.countOnce(polynomialHash(needle, offset, LONG_GRAM), id);
    });
    const bySize = new Map<number, GramTable>();
    const table = (size: number): GramTable => {
      let existing = bySize.get(size);
      if (!existing) bySize.set(size, (existing = new GramTable(size, needles.length)));
      return existing;
    };
    const few = needles.length <= FEW_NEEDLES;
    needles.forEach((needle, id) => {
      if (needle.length === 0) return;
      if (needle.length === 1) {
        const code = needle.charCodeAt(0);
        this.singleBits ??= new Int32Array(2048);
        if (code < 0x80) this.singlesOnlyNonAscii = false;
        this.singleBits[code >>> 5] |= 1 << (code & 31);
        const ids = this.single.get(code);
        if (ids) ids.push(id);
        else this.single.set(code, [id]);
        return;
      }
      if (few || (needle.length < LONG_GRAM && !NON_ASCII.test(needle))) {
        this.direct.push({ needle, id });
        return;
      }
      if (needle.length < LONG_GRAM) {
        // Short non-ASCII needles (emoji, lookalike letters) are filed whole; ASCII values skip them.
        table(needle.length).add({ needle, offset: 0, id });
        return;
      }
      let bestOffset = 0;
      let bestCount = Infinity;
      for (let offset = 0; offset + LONG_GRAM <= needle.length; offset++) {
        const count = gramCounts.count(polynomialHash(needle, offset, LONG_GRAM));
        if (count < bestCount) {
          bestCount = count;
          bestOffset = offset;
        }
      }
      table(LONG_GRAM).add({ needle, offset: bestOffset, id });
    });
    this.tables = [...bySize.values()];
    if (this.direct.length >= 4) this.directAny = new RegExp(this.direct.map(({ needle }) => escapeRegExp(needle)).join('|'));
  }

  /** Calls `found(id)` for every needle that occurs in the value (possibly more than once per needle). */
  search(value: string, found: (id: number) => void): void {
    if (this.directAny === undefined || this.directAny.test(value)) {
      for (const { needle, id } of this.direct) if (value.includes(needle)) found(id);
    }
    let ascii: boolean | undefined;
    const bits = this.singleBits;
    if (bits !== undefined && !(this.singlesOnlyNonAscii && (ascii = !NON_ASCII.test(value)))) {
      for (let i = 0; i < value.length; i++) {
        const code = value.charCodeAt(i);
        if ((bits[code >>> 5] & (1 << (code & 31))) === 0) continue;
        for (const id of this.single.get(code) ?? []) found(id);
      }
    }
    for (const table of this.tables) {
      if (table.onlyNonAscii && (ascii ??= !NON_ASCII.test(value))) continue;
      table.search(value, found);
    }
  }
}
