import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from './prng';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const first = createRandom(7);
    const second = createRandom(7);
    const draws = Array.from({ length: 20 }, () => [first.next(), second.next()]);
    for (const [a, b] of draws) expect(a).toBe(b);
  });

  it('gives a different sequence for another seed', () => {
    expect(createRandom(1).next()).not.toBe(createRandom(2).next());
  });

  it('keeps every draw in its range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, min, span) => {
        const random = createRandom(seed);
        for (let draw = 0; draw < 20; draw++) {
          const unit = random.next();
          const whole = random.int(min, min + span);
          if (unit < 0 || unit >= 1 || whole < min || whole > min + span || !Number.isInteger(whole)) return false;
        }
        return true;
      }),
      { seed: 20190401 },
    );
  });

  it('never picks an index whose weight is 0', () => {
    const random = createRandom(3);
    for (let draw = 0; draw < 200; draw++) expect(random.weightedIndex([0, 2, 0, 1])).not.toBe(0);
  });

  it('shuffles a copy and leaves the input alone', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const shuffled = createRandom(5).shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...shuffled].sort()).toEqual(items);
  });
});

describe('deriveSeed', () => {
  it('is stable and differs per label', () => {
    expect(deriveSeed(42, 'bts')).toBe(deriveSeed(42, 'bts'));
    expect(deriveSeed(42, 'bts')).not.toBe(deriveSeed(42, 'fibre'));
    expect(deriveSeed(42, 'bts')).not.toBe(deriveSeed(43, 'bts'));
  });
});
