/**
 * A seeded uniform random source (mulberry32): the same seed gives the same sequence everywhere,
 * so a calibration's bootstrap can be repeated exactly. Core never draws from `Math.random`.
 * @param seed any integer; only its low 32 bits are used
 * @returns a function giving numbers in [0, 1)
 * @throws never
 * @example const random = createSeededRandom(13); random() // 0.0…1
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
