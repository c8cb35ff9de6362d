import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateIntegers } from './allocate-integers';

describe('allocateIntegers', () => {
  it('splits evenly with ties going to the lower index', () => {
    expect(allocateIntegers(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('gives nothing to a zero weight', () => {
    expect(allocateIntegers(5, [0, 3, 2])).toEqual([0, 3, 2]);
  });

  it('always adds up to the total and stays within one of the exact share', () => {
    fc.assert(
      fc.property(fc.nat(2_000_000), fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 60 }), (total, weights) => {
        const shares = allocateIntegers(total, weights);
        const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
        const sum = shares.reduce((acc, share) => acc + share, 0);
        return sum === total && shares.every((share, index) => Number.isInteger(share) && Math.abs(share - (total * weights[index]) / weightSum) < 1 + 1e-9);
      }),
      { seed: 20190401 },
    );
  });

  it('rejects a fractional total and all-zero weights', () => {
    expect(() => allocateIntegers(1.5, [1])).toThrow(/non-negative integer/);
    expect(() => allocateIntegers(3, [0, 0])).toThrow(/sum to more than 0/);
  });
});
