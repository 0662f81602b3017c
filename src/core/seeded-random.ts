// Seeded pseudo-random numbers, for everything that must be the same from the same seed on every machine
// and Node version: the fuzzers (EVTX, JSON, syslog), so a failure found once is replayed exactly from
// the seed it prints, and generated test data (the identifier corpus of datasec/). In core/ so that
// logs/ and datasec/, which may not import each other, share one.

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  /** An integer in [low, high], both included. */
  between(low: number, high: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` random characters of `alphabet`. */
  chars(alphabet: string, count: number): string;
}

/** mulberry32: tiny, fast, and good enough for mutations and test data; not for anything secret. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number): number => Math.floor(next() * n);
  return {
    next,
    below,
    between: (low, high) => low + below(high - low + 1),
    chance: (probability) => next() < probability,
    pick: (items) => items[below(items.length)],
    chars: (alphabet, count) => Array.from({ length: count }, () => alphabet[below(alphabet.length)]).join(''),
  };
}

/**
 * The seed of case `iteration` of a run: each case gets its own seed (printed on failure), so one
 * case is replayed without replaying the run before it.
 */
export function caseSeed(runSeed: number, iteration: number): number {
  let h = Math.imul((runSeed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(iteration + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
