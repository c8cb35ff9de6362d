/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the generator needs.
 * Every generator function receives one of these, so a seed fully determines the dataset.
 */

/** Seeded random source; every method advances the same internal state. */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  range(min: number, max: number): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to `weights` (all ≥ 0, sum > 0). */
  weightedIndex(weights: readonly number[]): number;
  /** A shuffled copy of `items` (Fisher–Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * Creates a mulberry32 generator. Same seed, same sequence, on every platform.
 * @param seed any integer; only its low 32 bits are used
 * @returns a {@link Random}
 * @example const random = createRandom(20190401); random.int(1, 6) // a die roll
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      // 1 - next() is in (0, 1], so the logarithm stays finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('pick: empty list');
      return items[Math.floor(next() * items.length)];
    },
    weightedIndex: (weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      if (!(total > 0)) throw new Error('weightedIndex: weights must sum to more than 0');
      let target = next() * total;
      for (let index = 0; index < weights.length; index++) {
        target -= weights[index];
        if (target < 0) return index;
      }
      return weights.length - 1;
    },
    shuffle: (items) => {
      const copy = items.slice();
      for (let index = copy.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1));
        [copy[index], copy[other]] = [copy[other], copy[index]];
      }
      return copy;
    },
  };
  return random;
}

/**
 * Derives an independent seed for a sub-generator, so that changing how many draws one part
 * makes (e.g. more fibre points) does not shift every later part of the dataset.
 * @param seed the dataset seed
 * @param label a stable name of the part, e.g. `"bts"`
 * @returns a 32-bit seed
 * @example createRandom(deriveSeed(42, 'fibre'))
 */
export function deriveSeed(seed: number, label: string): number {
  let hash = (seed ^ 0x9e3779b9) >>> 0;
  for (let index = 0; index < label.length; index++) {
    hash = Math.imul(hash ^ label.charCodeAt(index), 0x01000193) >>> 0;
  }
  return (hash ^ (hash >>> 16)) >>> 0;
}
