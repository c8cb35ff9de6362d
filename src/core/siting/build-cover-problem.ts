import type { CoverageAnalysis } from '../analyze-coverage';
import type { CoverageGain } from './coverage-gain';
import type { CoverProblem, SharingRequirement, SitingCandidate } from './siting-types';
import { isMobileCovered, type TargetLayer } from './target-layers';

/** The cover problem over the useful candidates, and where its pieces came from. */
export interface BuiltCoverProblem {
  problem: CoverProblem;
  /** Per problem candidate: its index in the candidate list. */
  original: number[];
  /** Number of target elements (they come first; preference elements follow). */
  targetElementCount: number;
}

/**
 * The covered value of each target layer, and the total value (the share's denominator).
 * @param analysis the coverage analysis
 * @param targets the target layers
 * @param value each hamlet's value (1, or its households)
 * @returns covered value per target layer and the total
 * @example measureTargets(analysis, findTargetLayers(analysis, []), () => 1).covered[0]
 */
export function measureTargets(analysis: CoverageAnalysis, targets: TargetLayer[], value: (h: number) => number): { covered: number[]; total: number } {
  const threshold = analysis.config.coveredThreshold.mobile;
  let total = 0;
  for (let h = 0; h < analysis.prepared.length; h++) total += value(h);
  const covered = targets.map((target) => {
    let sum = 0;
    for (let h = 0; h < analysis.prepared.length; h++) if (isMobileCovered(target.fractions[h], threshold)) sum += value(h);
    return sum;
  });
  return { covered, total };
}

/**
 * Builds the cover problem: target elements (one group per target layer), then preference elements
 * (one preference group per preference layer), the candidates that cover something or (with a
 * sharing requirement) make a site shared, identical candidates merged (same weight, same cover,
 * same effect on the ratio), and the sharing requirement re-indexed to those candidates.
 * Requirements start at 0; the caller sets them.
 * @param candidates all candidates
 * @param gain what each candidate covers on the target layers (null: no coverage target)
 * @param preference what each candidate covers on the preference layers (null: none)
 * @param value each hamlet's value (1, or its households)
 * @param sharing the sharing requirement over all candidates (null: none)
 * @returns the problem, the original index of each of its candidates, the target element count
 * @example buildCoverProblem(candidates, gain, null, () => 1, null).problem.candidateWeights.length
 */
export function buildCoverProblem(candidates: SitingCandidate[], gain: CoverageGain | null, preference: CoverageGain | null, value: (h: number) => number, sharing: SharingRequirement | null): BuiltCoverProblem {
  const targetElements = gain?.elements.length ?? 0;
  const covers = candidates.map((_, c) => [...(gain?.covers[c] ?? []), ...(preference?.covers[c] ?? []).map((e) => e + targetElements)]);
  const original: number[] = [];
  const seen = new Map<string, number>();
  const remap = new Int32Array(candidates.length).fill(-1);
  const isConflicting = new Uint8Array(candidates.length);
  for (const [a, b] of sharing?.conflicts ?? []) isConflicting[a] = isConflicting[b] = 1;
  candidates.forEach((candidate, c) => {
    const makesShared = sharing !== null && sharing.candidateHost[c] >= 0;
    if ((gain?.covers[c].length ?? 0) === 0 && !makesShared) return;
    const effect = sharing ? `${sharing.candidateHost[c]}|${sharing.candidateNewSites[c]}|${sharing.candidateNewShared[c]}` : '';
    const key = `${candidate.weight}|${effect}|${covers[c].join(',')}`;
    // Candidates that would merge with another cannot stand in for each other.
    if (!isConflicting[c] && seen.has(key)) return;
    if (!isConflicting[c]) seen.set(key, original.length);
    remap[c] = original.length;
    original.push(c);
  });
  const targetGroups = gain?.targets.length ?? 0;
  const preferenceGroups = preference?.targets.length ?? 0;
  const remapList = (list: number[]) => list.flatMap((c) => (remap[c] >= 0 ? [remap[c]] : []));
  const problem: CoverProblem = {
    candidateWeights: original.map((c) => candidates[c].weight),
    elementValues: [...(gain?.elements ?? []), ...(preference?.elements ?? [])].map((element) => value(element.hamlet)),
    elementGroups: [...(gain?.elements ?? []).map((element) => element.target), ...(preference?.elements ?? []).map((element) => targetGroups + element.target)],
    coveredBy: [...(gain?.coveredBy ?? []), ...(preference?.coveredBy ?? [])].map(remapList),
    groupRequired: Array.from({ length: targetGroups + preferenceGroups }, () => 0),
    ...(preferenceGroups > 0 ? { groupIsPreference: Array.from({ length: targetGroups + preferenceGroups }, (_, g) => g >= targetGroups) } : {}),
    ...(sharing
      ? {
          sharing: {
            ...sharing,
            candidateHost: original.map((c) => sharing.candidateHost[c]),
            candidateNewSites: original.map((c) => sharing.candidateNewSites[c]),
            candidateNewShared: original.map((c) => sharing.candidateNewShared[c]),
            conflicts: sharing.conflicts.flatMap(([a, b]): [number, number][] => (remap[a] >= 0 && remap[b] >= 0 ? [[remap[a], remap[b]]] : [])),
          },
        }
      : {}),
  };
  return { problem, original, targetElementCount: targetElements };
}
