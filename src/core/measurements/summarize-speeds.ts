import type { MeasurementSet } from './measurement-set';
import { monthOfTime, type MeasurementPeriod } from './measurement-period';

/** The speed figures of one unit (or one operator or technology in it). */
export interface SpeedSummary {
  /** Speed tests counted (rows with a download figure; an open-data tile counts its `tests`). */
  tests: number;
  medianDownMbps: number | null;
  meanDownMbps: number | null;
  medianUpMbps: number | null;
  meanUpMbps: number | null;
  /** Share of the tests whose download is at or above the target. */
  shareAtTarget: number | null;
  /**
   * Whether every calendar month of the period has at least the minimum of tests (the i-Speed
   * publication rule); when false the figures are shown as "not enough samples", not as a value.
   */
  enoughSamples: boolean;
  /** Tests in the period's thinnest month (undated tests spread evenly over the months). */
  fewestTestsInAMonth: number;
}

/**
 * The weighted median of sorted values: the smallest value at which the running weight reaches
 * half the total, or the mean of it and the next value when the running weight is exactly half
 * (so with unit weights it is the usual median: the middle value, or the mean of the two middle).
 */
function medianOfSorted(values: Float64Array, weights: Float64Array, start: number, end: number, total: number): number {
  let running = 0;
  for (let k = start; k < end; k++) {
    running += weights[k];
    if (running === total / 2 && k + 1 < end) return (values[k] + values[k + 1]) / 2;
    if (running >= total / 2) return values[k];
  }
  return values[end - 1];
}

/** Sorts values[start, end) ascending, carrying the weights along. */
function sortSegment(values: Float64Array, weights: Float64Array, start: number, end: number): void {
  let isUnit = true;
  for (let k = start; k < end; k++) if (weights[k] !== 1) isUnit = false;
  if (isUnit) {
    values.subarray(start, end).sort();
    return;
  }
  const order = Array.from({ length: end - start }, (_, k) => start + k).sort((a, b) => values[a] - values[b]);
  const sortedValues = order.map((k) => values[k]);
  const sortedWeights = order.map((k) => weights[k]);
  values.set(sortedValues, start);
  weights.set(sortedWeights, start);
}

interface Column {
  starts: Uint32Array;
  values: Float64Array;
  weights: Float64Array;
  totals: Float64Array;
}

/** Values of one column grouped (counting sort by group), each group's segment sorted. */
function groupColumn(column: Float64Array, set: MeasurementSet, groupOfTest: ArrayLike<number>, groupCount: number, isCounted: (i: number) => boolean): Column {
  const starts = new Uint32Array(groupCount + 1);
  for (let i = 0; i < set.count; i++) {
    const g = groupOfTest[i];
    if (g >= 0 && column[i] === column[i] && isCounted(i)) starts[g + 1]++;
  }
  for (let g = 0; g < groupCount; g++) starts[g + 1] += starts[g];
  const fill = starts.slice(0, groupCount);
  const values = new Float64Array(starts[groupCount]);
  const weights = new Float64Array(starts[groupCount]);
  const totals = new Float64Array(groupCount);
  for (let i = 0; i < set.count; i++) {
    const g = groupOfTest[i];
    if (g < 0 || column[i] !== column[i] || !isCounted(i)) continue;
    const k = fill[g]++;
    values[k] = column[i];
    weights[k] = set.weight[i];
    totals[g] += set.weight[i];
  }
  for (let g = 0; g < groupCount; g++) sortSegment(values, weights, starts[g], starts[g + 1]);
  return { starts, values, weights, totals };
}

function meanOf(column: Column, g: number): number | null {
  const { starts, values, weights, totals } = column;
  if (!(totals[g] > 0)) return null;
  let sum = 0;
  for (let k = starts[g]; k < starts[g + 1]; k++) sum += values[k] * weights[k];
  return sum / totals[g];
}

function medianOf(column: Column, g: number): number | null {
  return column.totals[g] > 0 ? medianOfSorted(column.values, column.weights, column.starts[g], column.starts[g + 1], column.totals[g]) : null;
}

/**
 * Speed figures per group of tests: tests, median and mean download and upload (weighted by the
 * tests a row stands for), the share of tests at or above the target, and the publication rule.
 * A test counts for speed when it has a download figure; its upload counts when it has one.
 * @param set the measurements
 * @param groupOfTest per test, its group (0 … groupCount - 1), or -1 when it belongs to none
 * @param groupCount number of groups
 * @param targetOfGroup the download target of a group, Mbit/s (e.g. 40 for mobile broadband)
 * @param period the period (see `computeMeasurementPeriod`)
 * @param minSamplesPerMonth the publication rule's minimum of tests per month
 * @param isCounted which tests count at all (e.g. only mobile-broadband tests)
 * @returns one summary per group; groups without a speed test are null
 * @throws never
 * @example summarizeSpeeds(set, new Int32Array(set.count), 1, () => 40, period, 300)[0]?.medianDownMbps
 */
export function summarizeSpeeds(
  set: MeasurementSet,
  groupOfTest: ArrayLike<number>,
  groupCount: number,
  targetOfGroup: (group: number) => number,
  period: MeasurementPeriod,
  minSamplesPerMonth: number,
  isCounted: (i: number) => boolean = () => true,
): (SpeedSummary | null)[] {
  const down = groupColumn(set.downMbps, set, groupOfTest, groupCount, isCounted);
  const up = groupColumn(set.upMbps, set, groupOfTest, groupCount, isCounted);
  const months = period.months;
  const dated = new Float64Array(groupCount * months);
  const undated = new Float64Array(groupCount);
  for (let i = 0; i < set.count; i++) {
    const g = groupOfTest[i];
    if (g < 0 || set.downMbps[i] !== set.downMbps[i] || !isCounted(i)) continue;
    const month = period.firstMonth === null ? -1 : monthOfTime(set.timeMs[i]) - period.firstMonth;
    if (month >= 0 && month < months) dated[g * months + month] += set.weight[i];
    else undated[g] += set.weight[i];
  }
  const rows: (SpeedSummary | null)[] = [];
  for (let g = 0; g < groupCount; g++) {
    const tests = down.totals[g];
    if (!(tests > 0)) {
      rows.push(null);
      continue;
    }
    const target = targetOfGroup(g);
    let atTarget = 0;
    for (let k = down.starts[g]; k < down.starts[g + 1]; k++) if (down.values[k] >= target) atTarget += down.weights[k];
    let fewest = Infinity;
    for (let m = 0; m < months; m++) fewest = Math.min(fewest, dated[g * months + m] + undated[g] / months);
    rows.push({
      tests,
      medianDownMbps: medianOf(down, g),
      meanDownMbps: meanOf(down, g),
      medianUpMbps: medianOf(up, g),
      meanUpMbps: meanOf(up, g),
      shareAtTarget: atTarget / tests,
      enoughSamples: fewest >= minSamplesPerMonth,
      fewestTestsInAMonth: fewest,
    });
  }
  return rows;
}
