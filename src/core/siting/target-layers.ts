/**
 * The layers a siting target is about: mobile broadband overall, or each chosen operator's mobile
 * layer; and which hamlets each of them leaves uncovered.
 */
import type { CoverageAnalysis } from '../analyze-coverage';
import type { LayerKey } from '../coverage/coverage-shapes';
import type { SharedTarget } from './build-sharing-requirement';

/** What a proposal run aims at; an edited proposal set is judged against the same aim. */
export interface ProposalAim {
  /** Chosen operators (empty = mobile broadband overall). */
  operators: string[];
  /** What the coverage target counts. */
  measure: 'hamlets' | 'households';
  /** Share to reach in every target layer, in [0, 1]; null = no coverage target (the shared-site ratio alone). */
  targetShare: number | null;
  /** The shared-site ratio to reach; null = none. */
  sharedTarget: SharedTarget | null;
}

/**
 * The layers an aim is judged on: the target layers (each chosen operator's mobile layer, or
 * mobile broadband overall), and — with a shared-site target — the preference layers: the own
 * mobile layer of each operator an upgrade may add, unless those are the target layers already.
 * @param analysis the coverage analysis (operators with a layer of their own)
 * @param aim the aim
 * @returns operators of the target layers (empty = overall) and of the preference layers
 * @example resolveAimLayers(analysis, { operators: [], measure: 'hamlets', targetShare: 1, sharedTarget: null }).preferenceOperators // []
 */
export function resolveAimLayers(analysis: CoverageAnalysis, aim: ProposalAim): { targetOperators: string[]; preferenceOperators: string[] } {
  if (!aim.sharedTarget) return { targetOperators: aim.operators, preferenceOperators: [] };
  if (aim.operators.length > 0) return { targetOperators: aim.operators, preferenceOperators: aim.targetShare === null ? aim.operators : [] };
  const withLayers = [...new Set(analysis.layerKeys.flatMap((key) => (key.operator === null ? [] : [key.operator])))].sort();
  return { targetOperators: [], preferenceOperators: withLayers };
}

/** A target layer and, per hamlet, its current fraction. */
export interface TargetLayer {
  key: LayerKey;
  /** Current covered fraction per hamlet (0 for an operator with no layer in the analysis). */
  fractions: Float64Array;
}

/**
 * The target layers of a siting run and their current fractions.
 * @param analysis the coverage analysis
 * @param operators chosen operators (empty = mobile broadband overall)
 * @returns one target layer per operator, or the overall mobile layer
 * @example findTargetLayers(analysis, ['Viettel'])[0].key // { layer: 'mobile', operator: 'Viettel' }
 */
export function findTargetLayers(analysis: CoverageAnalysis, operators: readonly string[]): TargetLayer[] {
  const keys: LayerKey[] = operators.length === 0 ? [{ layer: 'mobile', operator: null }] : operators.map((operator) => ({ layer: 'mobile', operator }));
  const layerCount = analysis.layerKeys.length;
  return keys.map((key) => {
    const index = analysis.layerKeys.findIndex((known) => known.layer === key.layer && known.operator === key.operator);
    const fractions = new Float64Array(analysis.prepared.length);
    if (index >= 0) for (let h = 0; h < fractions.length; h++) fractions[h] = analysis.fractions[h * layerCount + index];
    return { key, fractions };
  });
}

/**
 * Whether a fraction counts as covered for the mobile layers (same tolerance as the report).
 * @param fraction covered fraction in [0, 1]
 * @param threshold `config.coveredThreshold.mobile`
 * @returns true when covered
 * @example isMobileCovered(0.5, 0.5) // true
 */
export function isMobileCovered(fraction: number, threshold: number): boolean {
  return fraction >= threshold - 1e-12;
}

/**
 * Indices of hamlets (with an area) that some target layer leaves uncovered.
 * @param analysis the coverage analysis
 * @param targets the target layers
 * @returns hamlet indices, ascending
 * @example findUncoveredHamlets(analysis, findTargetLayers(analysis, [])).length
 */
export function findUncoveredHamlets(analysis: CoverageAnalysis, targets: TargetLayer[]): number[] {
  const threshold = analysis.config.coveredThreshold.mobile;
  const uncovered: number[] = [];
  analysis.prepared.forEach((hamlet, h) => {
    if (hamlet.areaM2 > 0 && targets.some((target) => !isMobileCovered(target.fractions[h], threshold))) uncovered.push(h);
  });
  return uncovered;
}
