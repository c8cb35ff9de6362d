import type { HamletResult, LayerName } from '../types';

/** Coverage status of one hamlet on one layer: covered, partly (some but below threshold), not covered. */
export type CoverageStatus = 'covered' | 'partial' | 'none';

/**
 * The class a hamlet is drawn in on a layer's map (screen and paper): covered when the engine marks
 * it covered, partly covered when some of it is reached but less than the threshold, else not covered.
 * @param hamlet the hamlet's result from the analysis
 * @param layer the map's layer
 * @returns `'covered'`, `'partial'` or `'none'`
 * @example coverageStatusOf(report.hamlets[0], '4g') // 'partial'
 */
export function coverageStatusOf(hamlet: HamletResult, layer: LayerName): CoverageStatus {
  if (hamlet.covered[layer]) return 'covered';
  return hamlet.fraction[layer] > 0 ? 'partial' : 'none';
}
