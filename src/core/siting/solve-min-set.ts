import { evaluateSelection, greedyCover } from './greedy-cover';
import { formatTerms, runHighs } from './run-highs';
import type { CoverProblem, CoverSolution, HighsLike, SolverOptions } from './siting-types';

/** Slack on value comparisons (household sums are floating point). */
const VALUE_EPSILON = 1e-9;

/**
 * The weighted minimum set as a MIP in LP format. For a group whose requirement is all of its
 * coverable value, every coverable element gets a plain cover row (Σ x ≥ 1); otherwise each
 * element gets a coverage variable y ∈ [0, 1] with y ≤ Σ x and the group a row Σ v·y ≥ required.
 * (y needs no integrality: with integral x its upper bound is 0 or 1.)
 */
function formatMinSetModel(problem: CoverProblem, used: number[]): string {
  const coverable = problem.groupRequired.map(() => 0);
  problem.coveredBy.forEach((candidates, element) => {
    if (candidates.length > 0) coverable[problem.elementGroups[element]] += problem.elementValues[element];
  });
  const isFull = problem.groupRequired.map((required, g) => required >= coverable[g] - VALUE_EPSILON);
  const rows: string[] = [];
  const bounds: string[] = [];
  const groupTerms: [number, string][][] = problem.groupRequired.map(() => []);
  problem.coveredBy.forEach((candidates, element) => {
    const g = problem.elementGroups[element];
    if (candidates.length === 0 || problem.groupRequired[g] <= VALUE_EPSILON || problem.elementValues[element] <= 0) return;
    const xs = candidates.map((c): [number, string] => [1, `x${c}`]);
    if (isFull[g]) {
      rows.push(` e${element}: ${formatTerms(xs)} >= 1`);
    } else {
      rows.push(` e${element}: ${formatTerms([[1, `y${element}`], ...xs.map(([, name]): [number, string] => [-1, name])])} <= 0`);
      bounds.push(` 0 <= y${element} <= 1`);
      groupTerms[g].push([problem.elementValues[element], `y${element}`]);
    }
  });
  groupTerms.forEach((terms, g) => {
    if (terms.length > 0) rows.push(` g${g}: ${formatTerms(terms)} >= ${problem.groupRequired[g]}`);
  });
  const objective = used.map((c): [number, string] => [problem.candidateWeights[c], `x${c}`]);
  return [
    'Minimize',
    ` obj: ${formatTerms(objective)}`,
    'Subject To',
    ...rows,
    ...(bounds.length > 0 ? ['Bounds', ...bounds] : []),
    'Binaries',
    ...used.map((c) => ` x${c}`),
    'End',
  ].join('\n');
}

function relativeGap(objective: number, bound: number | null): number | null {
  if (bound === null) return null;
  return objective === 0 ? 0 : Math.max(0, Math.abs(objective - bound) / Math.abs(objective));
}

/**
 * The weighted minimum set: min Σ w·x subject to every group reaching its required value, an
 * element counting as covered when a chosen candidate covers it. Solved exactly with HiGHS (warm
 * started from the greedy solution, within the time limit, gap reported); the greedy solution is
 * returned instead when HiGHS is not given, fails, or stops with nothing better than greedy.
 * Requirements larger than what the candidates can reach make the problem infeasible: the caller
 * lowers them first (see `proposeSites`), and greedy reports `requirement not reached` otherwise.
 * @param problem the cover problem
 * @param highs a loaded HiGHS module, or null for greedy only
 * @param options time limit (seconds, default 10) and relative gap (default 0)
 * @returns the chosen candidates, Σ weight as the objective, the bound and gap when known
 * @example solveMinSet(problem, highs, { timeLimitSeconds: 10 }).selected
 */
export function solveMinSet(problem: CoverProblem, highs: HighsLike | null, options: SolverOptions = {}): CoverSolution {
  const greedy = greedyCover(problem, 'min-set');
  if (problem.groupRequired.every((required) => required <= VALUE_EPSILON)) {
    return { selected: [], objective: 0, bound: 0, gap: 0, optimal: true, method: 'exact', status: 'nothing to cover' };
  }
  if (!highs) return greedy;
  const isUseful = new Uint8Array(problem.candidateWeights.length);
  for (const list of problem.coveredBy) for (const c of list) isUseful[c] = 1;
  const used = problem.candidateWeights.flatMap((_, c) => (isUseful[c] ? [c] : []));
  const columns = used.map((c) => `x${c}`);
  const chosen = new Set(greedy.selected);
  let run;
  try {
    const warmStart = greedy.status === 'greedy' ? used.map((c) => (chosen.has(c) ? 1 : 0)) : null;
    run = runHighs(highs, formatMinSetModel(problem, used), columns, warmStart, options);
  } catch (error) {
    return { ...greedy, status: `fallback: HiGHS failed (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!run.hasSolution) return { ...greedy, bound: run.bound, gap: relativeGap(greedy.objective, run.bound), status: `fallback: HiGHS ${run.status}` };
  const selected = used.filter((_, k) => run.values[k] > 0.5);
  const value = evaluateSelection(problem, selected);
  if (!value.meetsRequirement || (!run.optimal && greedy.status === 'greedy' && greedy.objective < value.weight)) {
    return { ...greedy, bound: run.bound, gap: relativeGap(greedy.objective, run.bound), status: `fallback: HiGHS ${run.status}, greedy is better` };
  }
  const gap = relativeGap(value.weight, run.bound) ?? (run.optimal ? 0 : null);
  return { selected, objective: value.weight, bound: run.bound, gap, optimal: run.optimal, method: 'exact', status: run.status };
}
