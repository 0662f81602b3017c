// A tiny seeded PRNG for the corpus generator, so the same seed gives the same corpus everywhere.
// logs/ has one for its fuzzers, but datasec/ may import only core/ and datasec/
// (scripts/check-dependency-direction.js), so this is its own: xorshift32 after a splitmix-style seed mix.

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

export function createRandom(seed: number): Random {
  let state = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
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
