import { countSharing, isSharingMet, sharingShortfall } from './sharing-requirement';
import type { CoverProblem, CoverSolution } from './siting-types';

/** What a set of chosen candidates achieves on a {@link CoverProblem}. */
export interface SelectionValue {
  /** Σ weight of the chosen candidates. */
  weight: number;
  /** Value covered per group (preference groups included). */
  groupValues: number[];
  /** Value covered over all groups that are not preference groups. */
  totalValue: number;
  /** Value covered in preference groups. */
  preferenceValue: number;
  /** Sites and shared sites after (null without a sharing requirement). */
  sharing: { sites: number; shared: number; isMet: boolean } | null;
  /** Every group reaches its requirement, the shared-site ratio too, and no two conflicting candidates are chosen. */
  meetsRequirement: boolean;
}

/** Slack on value comparisons, so household sums in floating point do not miss by a hair. */
const VALUE_EPSILON = 1e-9;

/** Options of {@link greedyCover}. */
export interface GreedyOptions {
  /** Checked before each pick; true stops the pass with what it has (`isCutShort`). */
  isPastDeadline?: () => boolean;
}

/**
 * Evaluates a set of chosen candidates: its weight, the value it covers per group, and the
 * shared-site counts and ratio when the problem has a sharing requirement.
 * @param problem the cover problem
 * @param selected candidate indices
 * @returns weight, covered values and whether every requirement is met
 * @example evaluateSelection(problem, [0, 3]).meetsRequirement
 */
export function evaluateSelection(problem: CoverProblem, selected: readonly number[]): SelectionValue {
  const chosen = new Set(selected);
  const groupValues = problem.groupRequired.map(() => 0);
  problem.coveredBy.forEach((candidates, element) => {
    if (candidates.some((c) => chosen.has(c))) groupValues[problem.elementGroups[element]] += problem.elementValues[element];
  });
  let weight = 0;
  for (const c of chosen) weight += problem.candidateWeights[c];
  const isPreference = (g: number) => problem.groupIsPreference?.[g] === true;
  const counts = problem.sharing ? countSharing(problem.sharing, chosen) : null;
  const sharing = problem.sharing && counts ? { ...counts, isMet: isSharingMet(problem.sharing, counts) } : null;
  const isConflictFree = (problem.sharing?.conflicts ?? []).every(([a, b]) => !(chosen.has(a) && chosen.has(b)));
  return {
    weight,
    groupValues,
    totalValue: groupValues.reduce((sum, value, g) => sum + (isPreference(g) ? 0 : value), 0),
    preferenceValue: groupValues.reduce((sum, value, g) => sum + (isPreference(g) ? value : 0), 0),
    sharing,
    meetsRequirement: groupValues.every((value, g) => value >= problem.groupRequired[g] - VALUE_EPSILON) && (sharing?.isMet ?? true) && isConflictFree,
  };
}

function candidateCovers(problem: CoverProblem): number[][] {
  const covers: number[][] = problem.candidateWeights.map(() => []);
  problem.coveredBy.forEach((candidates, element) => {
    for (const c of candidates) covers[c].push(element);
  });
  return covers;
}

/**
 * Greedy solutions of the two cover problems. `min-set`: repeatedly takes the candidate with the
 * most still-needed value per unit of weight until every group meets its requirement and the
 * shared-site ratio is reached, then drops candidates that became redundant (latest first).
 * `budget`: takes up to `budget` candidates, each time the one adding the most value. Ties go to
 * the candidate covering the most preference value, then to the lowest index. A candidate's
 * shared-site gain counts in units of the coverage still needed (so neither kind of need drowns
 * the other), and a candidate conflicting with a chosen one is skipped.
 * @param problem the cover problem
 * @param mode `min-set` or `budget`
 * @param budget the most candidates to take (`budget` mode)
 * @param options a deadline check (the pass stops early when it turns true)
 * @returns the greedy solution (`optimal` false, `gap` null); for `min-set` the objective is Σ
 *   weight, for `budget` the covered value; status `greedy`, or `greedy-short` when no candidate
 *   can add what is still needed
 * @example greedyCover(problem, 'min-set').selected // [2, 5]
 */
export function greedyCover(problem: CoverProblem, mode: 'min-set' | 'budget', budget = Infinity, options: GreedyOptions = {}): CoverSolution {
  const covers = candidateCovers(problem);
  const coverCount = new Int32Array(problem.coveredBy.length);
  const groupCount = problem.groupRequired.length;
  const isPreference = problem.groupRequired.map((_, g) => problem.groupIsPreference?.[g] === true);
  const groupGained = problem.groupRequired.map(() => 0);
  const selected: number[] = [];
  const isSelected = new Uint8Array(problem.candidateWeights.length);
  const isBlocked = new Uint8Array(problem.candidateWeights.length);
  const conflictsOf = new Map<number, number[]>();
  for (const [a, b] of problem.sharing?.conflicts ?? []) {
    conflictsOf.set(a, [...(conflictsOf.get(a) ?? []), b]);
    conflictsOf.set(b, [...(conflictsOf.get(b) ?? []), a]);
  }
  const sharing = mode === 'min-set' ? problem.sharing : undefined;
  const hostTaken = new Uint8Array(sharing ? sharing.candidateHost.reduce((most, host) => Math.max(most, host), -1) + 1 : 0);
  let counts = sharing ? { sites: sharing.sitesBefore, shared: sharing.sharedBefore } : { sites: 0, shared: 0 };
  const remaining = (g: number) => Math.max(0, problem.groupRequired[g] - groupGained[g]);
  const isSharingDone = () => !sharing || isSharingMet(sharing, counts);
  const totalRequired = problem.groupRequired.reduce((sum, required) => sum + required, 0);
  const initialShortfall = sharing ? Math.max(1, sharingShortfall(sharing, counts)) : 1;
  const sharingScale = totalRequired > VALUE_EPSILON ? totalRequired / initialShortfall : 1;
  const gainOf = new Float64Array(groupCount);
  let isCutShort = false;

  for (;;) {
    const isDone = mode === 'budget' ? selected.length >= budget : problem.groupRequired.every((_, g) => remaining(g) <= VALUE_EPSILON) && isSharingDone();
    if (isDone) break;
    if (options.isPastDeadline?.()) {
      isCutShort = true;
      break;
    }
    // At exactly t a strict `>` still needs one more shared site: a floor keeps that need visible.
    const shortfall = sharing && !isSharingDone() ? Math.max(sharingShortfall(sharing, counts), 1e-3) : 0;
    let best = -1;
    let bestScore = 0;
    let bestPreference = 0;
    for (let c = 0; c < covers.length; c++) {
      if (isSelected[c] || isBlocked[c]) continue;
      gainOf.fill(0);
      for (const element of covers[c]) if (coverCount[element] === 0) gainOf[problem.elementGroups[element]] += problem.elementValues[element];
      let score = 0;
      let preference = 0;
      for (let g = 0; g < groupCount; g++) {
        if (isPreference[g]) preference += gainOf[g];
        else score += mode === 'budget' ? gainOf[g] : Math.min(gainOf[g], remaining(g));
      }
      if (sharing && shortfall > 0) {
        const host = sharing.candidateHost[c];
        const gained = (host >= 0 && !hostTaken[host] ? 1 : 0) + sharing.candidateNewShared[c] - sharing.share * sharing.candidateNewSites[c];
        if (gained > 0) score += sharingScale * Math.min(gained, shortfall);
      }
      if (mode === 'min-set') score /= problem.candidateWeights[c];
      if (score > bestScore + VALUE_EPSILON || (best >= 0 && score > bestScore - VALUE_EPSILON && preference > bestPreference + VALUE_EPSILON)) {
        best = c;
        bestScore = Math.max(score, bestScore);
        bestPreference = preference;
      }
    }
    if (best < 0) break;
    selected.push(best);
    isSelected[best] = 1;
    for (const other of conflictsOf.get(best) ?? []) isBlocked[other] = 1;
    if (sharing && sharing.candidateHost[best] >= 0) hostTaken[sharing.candidateHost[best]] = 1;
    if (sharing) counts = countSharing(sharing, selected);
    for (const element of covers[best]) {
      if (coverCount[element]++ === 0) groupGained[problem.elementGroups[element]] += problem.elementValues[element];
    }
  }
  if (mode === 'min-set' && !isCutShort) dropRedundant(problem, covers, selected, coverCount, groupGained, sharing);
  selected.sort((a, b) => a - b);
  const value = evaluateSelection(mode === 'min-set' ? problem : { ...problem, sharing: undefined }, selected);
  const reached = mode === 'budget' || value.meetsRequirement;
  return {
    selected,
    objective: mode === 'budget' ? value.totalValue : value.weight,
    bound: null,
    gap: null,
    optimal: false,
    method: 'greedy',
    status: { code: reached ? 'greedy' : 'greedy-short', params: {} },
    ...(isCutShort ? { isCutShort } : {}),
  };
}

/** A later pick can make an earlier one redundant: drop those, latest first. */
function dropRedundant(problem: CoverProblem, covers: number[][], selected: number[], coverCount: Int32Array, groupGained: number[], sharing: CoverProblem['sharing']): void {
  for (let k = selected.length - 1; k >= 0; k--) {
    const c = selected[k];
    const lost = problem.groupRequired.map(() => 0);
    for (const element of covers[c]) if (coverCount[element] === 1) lost[problem.elementGroups[element]] += problem.elementValues[element];
    const keepsGroups = lost.every((value, g) => groupGained[g] - value >= problem.groupRequired[g] - VALUE_EPSILON);
    const keepsSharing = !sharing || isSharingMet(sharing, countSharing(sharing, selected.filter((_, j) => j !== k)));
    if (keepsGroups && keepsSharing) {
      for (const element of covers[c]) coverCount[element]--;
      lost.forEach((value, g) => (groupGained[g] -= value));
      selected.splice(k, 1);
    }
  }
}
