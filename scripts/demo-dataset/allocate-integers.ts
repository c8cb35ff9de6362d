/**
 * Splits an integer total into integer shares proportional to weights (largest remainder
 * method), so that generated households and population add up exactly to the census totals.
 * @param total the integer to split (≥ 0)
 * @param weights one weight per share, each ≥ 0, not all 0
 * @returns integers, same length as `weights`, summing exactly to `total`; ties go to the lower index
 * @throws when `total` is not a non-negative integer or the weights sum to 0
 * @example allocateIntegers(10, [1, 1, 1]) // [4, 3, 3]
 */
export function allocateIntegers(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`allocateIntegers: total ${total} is not a non-negative integer`);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(weightSum > 0)) throw new Error('allocateIntegers: weights must sum to more than 0');
  const exact = weights.map((weight) => (total * weight) / weightSum);
  const shares = exact.map(Math.floor);
  let remaining = total - shares.reduce((sum, share) => sum + share, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (remaining <= 0) break;
    shares[index]++;
    remaining--;
  }
  return shares;
}
