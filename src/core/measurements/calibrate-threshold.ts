/** The best threshold of a score and how sure it is. */
export interface ThresholdCalibration {
  /** Predicted covered when score ≤ threshold. */
  threshold: number;
  /** Bounds of the bootstrap confidence interval of the threshold. */
  low: number;
  high: number;
  /** Balanced accuracy at the threshold: the mean of the served and the not-served tests' hit rates. */
  balancedAccuracy: number;
  /** Weight of served and of not-served tests. */
  served: number;
  notServed: number;
}

/** A uniform number in [0, 1): seeded by the caller, so every run can be repeated. */
export type RandomSource = () => number;

/**
 * The best threshold over tests sorted by score, with the tests' weights (bootstrap multiplicities):
 * the cut that maximises balanced accuracy, placed halfway between the last score it keeps and the
 * next one (so a clean separation gives the middle of the gap).
 */
function bestCut(scores: Float64Array, served: Uint8Array, weights: ArrayLike<number>, order: Uint32Array): { threshold: number; balancedAccuracy: number } | null {
  let positives = 0;
  let negatives = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (served[i] === 1) positives += weights[i];
    else negatives += weights[i];
  }
  if (!(positives > 0) || !(negatives > 0)) return null;
  // Threshold below every score: nothing predicted covered.
  let truePositives = 0;
  let falsePositives = 0;
  let best = 0.5;
  let bestAt = -1;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (served[i] === 1) truePositives += weights[i];
    else falsePositives += weights[i];
    // Only cut between distinct scores.
    if (k + 1 < order.length && scores[order[k + 1]] === scores[i]) continue;
    const accuracy = (truePositives / positives + (negatives - falsePositives) / negatives) / 2;
    if (accuracy > best + 1e-12) {
      best = accuracy;
      bestAt = k;
    }
  }
  if (bestAt < 0) return { threshold: Number.isFinite(scores[order[0]]) ? scores[order[0]] / 2 : 0, balancedAccuracy: best };
  const kept = scores[order[bestAt]];
  const next = bestAt + 1 < order.length ? scores[order[bestAt + 1]] : kept;
  return { threshold: Number.isFinite(next) ? (kept + next) / 2 : kept, balancedAccuracy: best };
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return NaN;
  const position = share * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * Finds the threshold of a score (a distance to the nearest site, a path-loss excess) that best
 * separates served from not-served tests: predicted covered when score ≤ threshold, chosen for the
 * largest balanced accuracy (so a thousand tests in town do not outvote fifty at the edge), with a
 * percentile bootstrap confidence interval: the tests are resampled with replacement `rounds` times
 * and the threshold found again each time.
 * @param scores per test; Infinity = never predicted covered (e.g. no site within reach)
 * @param served per test, 1 served or 0 not served
 * @param weights per test, how many tests the row stands for
 * @param options `random` (seeded, see `createSeededRandom`), `rounds`, `confidenceLevel`
 * @returns the calibration, or null when the tests are all served or all not served
 * @throws never
 * @example calibrateThreshold(Float64Array.of(100, 900, 2000, 5000), Uint8Array.of(1, 1, 0, 0), [1, 1, 1, 1], { random, rounds: 200, confidenceLevel: 0.95 })?.threshold // 1450
 */
export function calibrateThreshold(
  scores: Float64Array,
  served: Uint8Array,
  weights: ArrayLike<number>,
  options: { random: RandomSource; rounds: number; confidenceLevel: number },
): ThresholdCalibration | null {
  const count = scores.length;
  const order = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => scores[a] - scores[b] || a - b);
  const best = bestCut(scores, served, weights, order);
  if (best === null) return null;
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < count; i++) {
    if (served[i] === 1) positives += weights[i];
    else negatives += weights[i];
  }
  // A bootstrap resample draws `count` rows with replacement: its weights are the draws' multiplicities
  // times the rows' own weights.
  const multiplicity = new Float64Array(count);
  const thresholds: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    multiplicity.fill(0);
    for (let k = 0; k < count; k++) multiplicity[Math.min(count - 1, Math.floor(options.random() * count))] += 1;
    for (let i = 0; i < count; i++) multiplicity[i] *= weights[i];
    const resampled = bestCut(scores, served, multiplicity, order);
    if (resampled !== null) thresholds.push(resampled.threshold);
  }
  thresholds.sort((a, b) => a - b);
  const tail = (1 - options.confidenceLevel) / 2;
  return {
    threshold: best.threshold,
    low: thresholds.length > 0 ? percentile(thresholds, tail) : best.threshold,
    high: thresholds.length > 0 ? percentile(thresholds, 1 - tail) : best.threshold,
    balancedAccuracy: best.balancedAccuracy,
    served: positives,
    notServed: negatives,
  };
}
