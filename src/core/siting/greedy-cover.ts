import type { CoverProblem, CoverSolution } from './siting-types';

/** What a set of chosen candidates achieves on a {@link CoverProblem}. */
export interface SelectionValue {
  /** Σ weight of the chosen candidates. */
  weight: number;
  /** Value covered per group. */
  groupValues: number[];
  /** Value covered over all groups. */
  totalValue: number;
  /** Every group reaches its requirement. */
  meetsRequirement: boolean;
}

/** Slack on value comparisons, so household sums in floating point do not miss by a hair. */
const VALUE_EPSILON = 1e-9;

/**
 * Evaluates a set of chosen candidates: its weight and the value it covers per group.
 * @param problem the cover problem
 * @param selected candidate indices
 * @returns weight, covered values and whether every group's requirement is met
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
  return {
    weight,
    groupValues,
    totalValue: groupValues.reduce((sum, value) => sum + value, 0),
    meetsRequirement: groupValues.every((value, g) => value >= problem.groupRequired[g] - VALUE_EPSILON),
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
 * most still-needed value per unit of weight until every group meets its requirement, then drops
 * candidates that became redundant (latest first). `budget`: takes up to `budget` candidates, each
 * time the one adding the most value. Ties go to the lowest index.
 * @param problem the cover problem
 * @param mode `min-set` or `budget`
 * @param budget the most candidates to take (`budget` mode)
 * @returns the greedy solution (`optimal` false, `gap` null); for `min-set` the objective is Σ weight,
 *   for `budget` the covered value; `status` is `greedy`, or `greedy: requirement not reached` when
 *   no candidate can add what is still needed
 * @example greedyCover(problem, 'min-set').selected // [2, 5]
 */
export function greedyCover(problem: CoverProblem, mode: 'min-set' | 'budget', budget = Infinity): CoverSolution {
  const covers = candidateCovers(problem);
  const elementCount = problem.coveredBy.length;
  const coverCount = new Int32Array(elementCount);
  const groupGained = problem.groupRequired.map(() => 0);
  const selected: number[] = [];
  const isSelected = new Uint8Array(problem.candidateWeights.length);
  const remaining = (g: number) => Math.max(0, problem.groupRequired[g] - groupGained[g]);
  const gainOf = new Float64Array(problem.groupRequired.length);

  for (;;) {
    if (mode === 'budget' ? selected.length >= budget : problem.groupRequired.every((_, g) => remaining(g) <= VALUE_EPSILON)) break;
    let best = -1;
    let bestScore = 0;
    for (let c = 0; c < covers.length; c++) {
      if (isSelected[c]) continue;
      gainOf.fill(0);
      for (const element of covers[c]) if (coverCount[element] === 0) gainOf[problem.elementGroups[element]] += problem.elementValues[element];
      let score = 0;
      for (let g = 0; g < gainOf.length; g++) score += mode === 'budget' ? gainOf[g] : Math.min(gainOf[g], remaining(g));
      if (mode === 'min-set') score /= problem.candidateWeights[c];
      if (score > bestScore + VALUE_EPSILON) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0) break;
    selected.push(best);
    isSelected[best] = 1;
    for (const element of covers[best]) {
      if (coverCount[element]++ === 0) groupGained[problem.elementGroups[element]] += problem.elementValues[element];
    }
  }
  if (mode === 'min-set') {
    // A later pick can make an earlier one redundant: drop those, latest first.
    for (let k = selected.length - 1; k >= 0; k--) {
      const c = selected[k];
      const lost = problem.groupRequired.map(() => 0);
      for (const element of covers[c]) if (coverCount[element] === 1) lost[problem.elementGroups[element]] += problem.elementValues[element];
      if (lost.every((value, g) => groupGained[g] - value >= problem.groupRequired[g] - VALUE_EPSILON)) {
        for (const element of covers[c]) coverCount[element]--;
        lost.forEach((value, g) => (groupGained[g] -= value));
        selected.splice(k, 1);
      }
    }
  }
  selected.sort((a, b) => a - b);
  const value = evaluateSelection(problem, selected);
  const reached = mode === 'budget' || value.meetsRequirement;
  return {
    selected,
    objective: mode === 'budget' ? value.totalValue : value.weight,
    bound: null,
    gap: null,
    optimal: false,
    method: 'greedy',
    status: reached ? 'greedy' : 'greedy: requirement not reached',
  };
}
