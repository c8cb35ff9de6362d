import type { CoverageAnalysis } from '../analyze-coverage';
import { buildCoverageShapes, buildLayerKeys, MAX_OPERATOR_LAYERS, type LayerKey } from '../coverage/coverage-shapes';
import { indexShapes, type IndexedShapes } from '../coverage/compute-coverage';
import { computeHamletFractions, KernelScratch } from '../coverage/area-kernel';
import { SitingError, type SitingCandidate } from './siting-types';
import { findTargetLayers, isMobileCovered, type TargetLayer } from './target-layers';

/** One thing to cover: a hamlet that one target layer leaves uncovered. */
export interface TargetElement {
  /** Hamlet index in the analysis. */
  hamlet: number;
  /** Index into `CoverageGain.targets`. */
  target: number;
}

/** Which currently uncovered hamlets each candidate would cover on its own, on top of the existing sites. */
export interface CoverageGain {
  targets: TargetLayer[];
  elements: TargetElement[];
  /** Per element, the candidates (indices) that cover it. */
  coveredBy: number[][];
  /** Per candidate, the elements (indices) it covers. */
  covers: number[][];
  /** Hamlet–candidate pairs the kernel evaluated (for measurements). */
  pairsEvaluated: number;
  /** Uncovered hamlets evaluated, and in all (fewer when the deadline stopped the computation). */
  hamletsDone: number;
  hamletsTotal: number;
  /** Per element: 1 when its hamlet was evaluated (an element left out has no covering candidate yet). */
  isEvaluated: Uint8Array;
}

/** Options of {@link computeCoverageGain}. */
export interface CoverageGainOptions {
  /** Called every few hamlets with (hamlets done, hamlets in all). */
  onProgress?: (done: number, total: number) => void;
  /** Checked every few hamlets; when it turns true the computation stops with a `cancelled` error. */
  signal?: { readonly aborted: boolean };
  /** Checked every few hamlets; when it turns true the computation stops and returns what it has. */
  isPastDeadline?: () => boolean;
}

/** Layer keys and shape sets for the target layers: the analysis' own when it has every needed operator. */
function resolveLayerSpace(analysis: CoverageAnalysis, operators: string[]): { layerKeys: LayerKey[]; baseSets: IndexedShapes[] } {
  const known = new Set(analysis.layerKeys.map((key) => key.operator));
  if (operators.every((operator) => known.has(operator))) {
    return { layerKeys: analysis.layerKeys, baseSets: analysis.extra ? [analysis.base, analysis.extra] : [analysis.base] };
  }
  // A chosen operator with no record yet: its layer exists in no shape mask, so rebuild the
  // mobile shapes with layer keys that include it (fibre is no part of any target layer).
  const records = [...analysis.input.btsRecords, ...analysis.extraRecords];
  const all = new Set([...records.map((record) => record.operator), ...operators]);
  const layerKeys = buildLayerKeys(all);
  const missing = operators.filter((operator) => !layerKeys.some((key) => key.operator === operator));
  if (missing.length > 0) {
    throw new SitingError('too-many-operators', 'too-many-operators', { count: all.size, max: MAX_OPERATOR_LAYERS, missing: missing.join(', ') }, 'operators');
  }
  const built = buildCoverageShapes({ btsRecords: records, fibrePoints: [], fibreRoutes: [] }, analysis.config, layerKeys);
  return { layerKeys, baseSets: [indexShapes(built.shapes)] };
}

/**
 * For each candidate, the hamlets it would bring to the covered threshold in a target layer, on
 * top of the existing sites (one candidate at a time). Only hamlets a target layer leaves
 * uncovered are evaluated, each against the candidates whose disc reaches its bounding box, with
 * the engine's own kernel and threshold, so a covered hamlet here is covered in a
 * re-run of the engine with the candidate added (coverage is monotone, so adding more sites keeps
 * it covered).
 * @param analysis the coverage analysis (prepared hamlets, indexed shapes, fractions)
 * @param candidates the candidates (each makes exactly one omnidirectional shape)
 * @param operators chosen operators (empty = mobile broadband overall)
 * @param options progress, cancellation and a deadline check
 * @returns elements (uncovered hamlet × target layer), the candidate ↔ element cover lists, and how
 *   many hamlets were evaluated before the deadline (all, without one)
 * @throws {SitingError} `too-many-operators`, `cancelled`
 * @example computeCoverageGain(analysis, buildCandidates(analysis), []).covers[0] // [3, 7]
 */
export function computeCoverageGain(analysis: CoverageAnalysis, candidates: SitingCandidate[], operators: string[], options: CoverageGainOptions = {}): CoverageGain {
  const targets = findTargetLayers(analysis, operators);
  const { layerKeys, baseSets } = resolveLayerSpace(analysis, operators);
  const layerCount = layerKeys.length;
  const threshold = analysis.config.coveredThreshold.mobile;
  const targetBits = targets.map((target) => layerKeys.findIndex((key) => key.layer === target.key.layer && key.operator === target.key.operator));
  const targetMask = targetBits.reduce((mask, bit) => mask | (1 << bit), 0);
  // Only the target layers; each layer's fraction is computed alone, so it matches the engine's to the bit.
  const passes = [{ mask: targetMask }];

  const built = buildCoverageShapes({ btsRecords: candidates.map((candidate) => candidate.record), fibrePoints: [], fibreRoutes: [] }, analysis.config, layerKeys);
  if (built.shapes.count !== candidates.length) {
    throw new SitingError('invalid-option', 'candidate-shapes', { count: candidates.length, shapes: built.shapes.count }, 'candidates');
  }
  const candidateSet = indexShapes(built.shapes);

  const elements: TargetElement[] = [];
  const elementOf = new Map<number, number[]>();
  analysis.prepared.forEach((hamlet, h) => {
    if (hamlet.areaM2 <= 0) return;
    targets.forEach((target, t) => {
      if (isMobileCovered(target.fractions[h], threshold)) return;
      const list = elementOf.get(h) ?? [];
      list[t] = elements.length;
      elementOf.set(h, list);
      elements.push({ hamlet: h, target: t });
    });
  });
  const coveredBy: number[][] = elements.map(() => []);
  const covers: number[][] = candidates.map(() => []);
  const scratch = new KernelScratch();
  const out = new Float64Array(layerCount);
  const isEvaluated = new Uint8Array(elements.length);
  let pairsEvaluated = 0;
  let done = 0;
  for (const [h, hamletElements] of elementOf) {
    if (done % 32 === 0) {
      if (options.signal?.aborted) throw new SitingError('cancelled', 'cancelled');
      if (options.isPastDeadline?.()) break;
      options.onProgress?.(done, elementOf.size);
    }
    done++;
    for (const element of hamletElements) if (element !== undefined) isEvaluated[element] = 1;
    const hamlet = analysis.prepared[h];
    const [minLng, minLat, maxLng, maxLat] = hamlet.bbox;
    let openMask = 0;
    hamletElements.forEach((element, t) => {
      if (element !== undefined) openMask |= 1 << targetBits[t];
    });
    const reaching = candidateSet.index.search(minLng, minLat, maxLng, maxLat).filter((c) => (built.shapes.mask[c] & openMask) !== 0);
    // No candidate reaches the hamlet: its base shapes need not be gathered (an edit's re-ranking
    // evaluates a few proposals against every uncovered hamlet).
    if (reaching.length === 0) continue;
    scratch.count = 0;
    for (const set of baseSets) scratch.addCandidates(hamlet, set.shapes, set.index.search(minLng, minLat, maxLng, maxLat));
    // Only the open target layers matter: other bits off keeps the kernel from scanning them.
    for (let i = 0; i < scratch.count; i++) scratch.mask[i] &= openMask;
    const baseCount = scratch.count;
    for (const c of reaching) {
      scratch.count = baseCount;
      scratch.addCandidates(hamlet, built.shapes, [c]);
      scratch.mask[baseCount] &= openMask;
      computeHamletFractions(hamlet, scratch, layerCount, passes, out, 0);
      pairsEvaluated++;
      hamletElements.forEach((element, t) => {
        if (element !== undefined && isMobileCovered(out[targetBits[t]], threshold)) {
          coveredBy[element].push(c);
          covers[c].push(element);
        }
      });
    }
  }
  options.onProgress?.(done, elementOf.size);
  for (const list of coveredBy) list.sort((a, b) => a - b);
  for (const list of covers) list.sort((a, b) => a - b);
  return { targets, elements, coveredBy, covers, pairsEvaluated, hamletsDone: done, hamletsTotal: elementOf.size, isEvaluated };
}
