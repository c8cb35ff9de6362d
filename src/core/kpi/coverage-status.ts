import type { CoverageConfig, HamletResult, LayerName } from '../types';

/** The class a hamlet is drawn and listed in for one layer. */
export type CoverageStatus = 'covered' | 'partial' | 'none';

/** The order classes are shown in (legends, panels). */
export const COVERAGE_STATUSES: readonly CoverageStatus[] = ['covered', 'partial', 'none'];

/**
 * A hamlet counts as covered when the covered share of its area reaches the threshold; the engine's
 * covered flags and this rule compare with the same tolerance, so a fraction computed as 0.4999999999999
 * for a threshold of 0.5 is covered in both.
 */
const THRESHOLD_TOLERANCE = 1e-12;

/**
 * The covered threshold in force for a layer: `coveredThreshold.ftth` for FTTH, `coveredThreshold.mobile`
 * for the mobile layers (mobile broadband, 4G, 5G).
 * @param coveredThreshold the thresholds of the analysis (shares in [0, 1])
 * @param layer the layer
 * @returns the share of a hamlet's area that makes it covered
 * @example coveredThresholdOf({ mobile: 0.5, ftth: 0.1 }, 'ftth') // 0.1
 */
export function coveredThresholdOf(coveredThreshold: CoverageConfig['coveredThreshold'], layer: LayerName): number {
  return layer === 'ftth' ? coveredThreshold.ftth : coveredThreshold.mobile;
}

/**
 * The coverage class of a covered fraction: `covered` when it reaches the threshold, `partial` when some
 * of the hamlet is covered but less than the threshold, `none` when nothing is (fraction 0).
 * @param fraction covered share of the hamlet's area, in [0, 1]
 * @param threshold the covered threshold in force (see {@link coveredThresholdOf})
 * @returns the class
 * @example coverageStatus(0.022, 0.5) // 'partial'
 */
export function coverageStatus(fraction: number, threshold: number): CoverageStatus {
  if (fraction >= threshold - THRESHOLD_TOLERANCE) return 'covered';
  return fraction > 0 ? 'partial' : 'none';
}

/**
 * Whether a fraction reaches the threshold (the engine's covered flag).
 * @param fraction covered share in [0, 1]
 * @param threshold the covered threshold in force
 * @returns true when covered
 * @example isCoveredFraction(0.5, 0.5) // true
 */
export function isCoveredFraction(fraction: number, threshold: number): boolean {
  return fraction >= threshold - THRESHOLD_TOLERANCE;
}

/**
 * The coverage class of a hamlet's result on one layer, by the report's own covered flag (so it always
 * agrees with the KPIs and lists built from that report).
 * @param result the hamlet's result
 * @param layer the layer
 * @returns the class
 * @example coverageStatusOf(report.hamlets[0], 'mobile') // 'covered'
 */
export function coverageStatusOf(result: Pick<HamletResult, 'covered' | 'fraction'>, layer: LayerName): CoverageStatus {
  if (result.covered[layer]) return 'covered';
  return result.fraction[layer] > 0 ? 'partial' : 'none';
}

/**
 * One operator's fraction of a hamlet on a mobile layer, read as data (an operator called `toString` or
 * `__proto__` is an operator like any other; an operator without a layer of its own reads 0).
 * @param result the hamlet's result
 * @param operator the operator's name
 * @param layer a mobile layer
 * @returns the fraction in [0, 1]
 * @example operatorFractionOf(report.hamlets[0], 'Viettel', 'mobile') // 0.82
 */
export function operatorFractionOf(result: Pick<HamletResult, 'operatorFraction'>, operator: string, layer: 'mobile' | '4g' | '5g'): number {
  return Object.hasOwn(result.operatorFraction, operator) ? result.operatorFraction[operator][layer] : 0;
}
