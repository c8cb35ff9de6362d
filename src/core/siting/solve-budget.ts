import { evaluateSelection, greedyCover } from './greedy-cover';
import { formatTerms, runHighs } from './run-highs';
import type { CoverProblem, CoverSolution, HighsLike, SolverOptions, SolverStatus } from './siting-types';

/** Max Σ v·y subject to y ≤ Σ x (per element), Σ x ≤ k, x binary, y ∈ [0, 1]. */
function formatBudgetModel(problem: CoverProblem, used: number[], budget: number): string {
  const rows: string[] = [];
  const bounds: string[] = [];
  const objective: [number, string][] = [];
  problem.coveredBy.forEach((candidates, element) => {
    if (candidates.length === 0 || problem.elementValues[element] <= 0 || problem.groupIsPreference?.[problem.elementGroups[element]]) return;
    objective.push([problem.elementValues[element], `y${element}`]);
    rows.push(` e${element}: ${formatTerms([[1, `y${element}`], ...candidates.map((c): [number, string] => [-1, `x${c}`])])} <= 0`);
    bounds.push(` 0 <= y${element} <= 1`);
  });
  rows.push(` budget: ${formatTerms(used.map((c): [number, string] => [1, `x${c}`]))} <= ${budget}`);
  return ['Maximize', ` obj: ${formatTerms(objective)}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'Binaries', ...used.map((c) => ` x${c}`), 'End'].join('\n');
}

/**
 * The budget problem: with at most `budget` candidates, cover the most value (hamlets, or
 * households) over all groups. Solved exactly with HiGHS (warm started from greedy, within the
 * time limit, gap reported); greedy is returned when HiGHS is not given, fails, or does no better.
 * @param problem the cover problem (`groupRequired` is ignored)
 * @param budget the most candidates to choose (a whole number ≥ 0)
 * @param highs a loaded HiGHS module, or null for greedy only
 * @param options time limit (seconds, default 10) and relative gap (default 0)
 * @returns the chosen candidates and the covered value as the objective
 * @example solveBudget(problem, 5, highs).objective // hamlets covered by the best 5 candidates
 */
export function solveBudget(problem: CoverProblem, budget: number, highs: HighsLike | null, options: SolverOptions = {}): CoverSolution {
  const greedy = options.greedy ?? greedyCover(problem, 'budget', budget);
  const isUseful = new Uint8Array(problem.candidateWeights.length);
  problem.coveredBy.forEach((list, element) => {
    if (problem.elementValues[element] > 0 && !problem.groupIsPreference?.[problem.elementGroups[element]]) for (const c of list) isUseful[c] = 1;
  });
  const used = problem.candidateWeights.flatMap((_, c) => (isUseful[c] ? [c] : []));
  if (used.length === 0 || budget <= 0) return { selected: [], objective: 0, bound: 0, gap: 0, optimal: true, method: 'exact', status: { code: 'nothing-to-do', params: {} } };
  if (!highs) return greedy;
  const chosen = new Set(greedy.selected);
  let run;
  try {
    run = runHighs(highs, formatBudgetModel(problem, used, budget), used.map((c) => `x${c}`), used.map((c) => (chosen.has(c) ? 1 : 0)), options);
  } catch (error) {
    return { ...greedy, status: { code: 'fallback-failed', params: { reason: error instanceof Error ? error.message : String(error) } } };
  }
  if (!run.hasSolution) return { ...greedy, bound: run.bound, status: { code: 'fallback-greedy-better', params: { highsStatus: run.status } } };
  const selected = used.filter((_, k) => run.values[k] > 0.5);
  const value = evaluateSelection(problem, selected).totalValue;
  const gapOf = (objective: number) => (run.bound === null ? null : objective === 0 ? (run.bound <= 0 ? 0 : null) : Math.max(0, (run.bound - objective) / objective));
  if (selected.length > budget || (!run.optimal && value < greedy.objective)) {
    return { ...greedy, bound: run.bound, gap: gapOf(greedy.objective), status: { code: 'fallback-greedy-better', params: { highsStatus: run.status } } };
  }
  const gap = gapOf(value) ?? (run.optimal ? 0 : null);
  const status: SolverStatus = run.optimal ? { code: 'optimal', params: {} } : run.status === 'time-limit' ? { code: 'time-limit', params: gap === null ? {} : { gap } } : { code: 'stopped', params: { highsStatus: run.status } };
  return { selected, objective: value, bound: run.bound, gap, optimal: run.optimal, method: 'exact', status };
}
