import { evaluateSelection, greedyCover } from './greedy-cover';
import { formatTerms, runHighs, type HighsRun } from './run-highs';
import type { CoverProblem, CoverSolution, HighsLike, SolverOptions, SolverStatus } from './siting-types';

/** Slack on value comparisons (household sums are floating point). */
const VALUE_EPSILON = 1e-9;
/** What a strict `>` ratio asks beyond t · sites, in shared sites (far above HiGHS' feasibility tolerance). */
const STRICT_MARGIN = 1e-4;

/** Candidates that can matter: they cover a required element, or raise the shared-site ratio. */
function usefulCandidates(problem: CoverProblem): number[] {
  const isUseful = new Uint8Array(problem.candidateWeights.length);
  problem.coveredBy.forEach((list, element) => {
    const g = problem.elementGroups[element];
    if (problem.groupIsPreference?.[g] || problem.groupRequired[g] <= VALUE_EPSILON || problem.elementValues[element] <= 0) return;
    for (const c of list) isUseful[c] = 1;
  });
  const sharing = problem.sharing;
  if (sharing) {
    for (let c = 0; c < isUseful.length; c++) if (sharing.candidateHost[c] >= 0 || sharing.candidateNewShared[c] > 0) isUseful[c] = 1;
  }
  return problem.candidateWeights.flatMap((_, c) => (isUseful[c] ? [c] : []));
}

/**
 * The weighted minimum set as a MIP in LP format. For a group whose requirement is all of its
 * coverable value, every coverable element gets a plain cover row (Σ x ≥ 1); otherwise each
 * element gets a coverage variable y ∈ [0, 1] with y ≤ Σ x and the group a row Σ v·y ≥ required.
 * (y needs no integrality: with integral x its upper bound is 0 or 1.) A sharing requirement adds
 * z_s ≤ Σ x, z binary (site s becomes shared) and Σ z + Σ (newShared − t·newSites)·x ≥ t·sites − shared,
 * plus x_a + x_b ≤ 1 for candidates that would merge. With `preferenceCostCap` it is the second
 * stage instead: the same rows, Σ w·x ≤ the cap, and the objective the preference value covered.
 */
function formatMinSetModel(problem: CoverProblem, used: number[], preferenceCostCap: number | null): string {
  const isUsed = new Set(used);
  const isPreference = (g: number) => problem.groupIsPreference?.[g] === true;
  const coverable = problem.groupRequired.map(() => 0);
  problem.coveredBy.forEach((candidates, element) => {
    if (candidates.length > 0) coverable[problem.elementGroups[element]] += problem.elementValues[element];
  });
  const isFull = problem.groupRequired.map((required, g) => !isPreference(g) && required >= coverable[g] - VALUE_EPSILON);
  const rows: string[] = [];
  const bounds: string[] = [];
  const groupTerms: [number, string][][] = problem.groupRequired.map(() => []);
  const rewards: [number, string][] = [];
  // z is binary though its value follows from x: HiGHS proves the ratio row far faster so
  // (on the demo, 0.1 s instead of seconds for the same optimum).
  const binaries = used.map((c) => ` x${c}`);
  problem.coveredBy.forEach((listed, element) => {
    const g = problem.elementGroups[element];
    const candidates = listed.filter((c) => isUsed.has(c));
    if (candidates.length === 0 || problem.elementValues[element] <= 0) return;
    if (isPreference(g) ? preferenceCostCap === null : problem.groupRequired[g] <= VALUE_EPSILON) return;
    const xs = candidates.map((c): [number, string] => [1, `x${c}`]);
    if (isFull[g]) {
      rows.push(` e${element}: ${formatTerms(xs)} >= 1`);
      return;
    }
    rows.push(` e${element}: ${formatTerms([[1, `y${element}`], ...xs.map(([, name]): [number, string] => [-1, name])])} <= 0`);
    bounds.push(` 0 <= y${element} <= 1`);
    if (isPreference(g)) rewards.push([-problem.elementValues[element], `y${element}`]);
    else groupTerms[g].push([problem.elementValues[element], `y${element}`]);
  });
  groupTerms.forEach((terms, g) => {
    if (terms.length > 0) rows.push(` g${g}: ${formatTerms(terms)} >= ${problem.groupRequired[g]}`);
  });
  const sharing = problem.sharing;
  if (sharing) {
    const hostCandidates = new Map<number, number[]>();
    for (const c of used) if (sharing.candidateHost[c] >= 0) hostCandidates.set(sharing.candidateHost[c], [...(hostCandidates.get(sharing.candidateHost[c]) ?? []), c]);
    const ratioTerms: [number, string][] = [];
    for (const [host, candidates] of hostCandidates) {
      rows.push(` h${host}: ${formatTerms([[1, `z${host}`], ...candidates.map((c): [number, string] => [-1, `x${c}`])])} <= 0`);
      ratioTerms.push([1, `z${host}`]);
      binaries.push(` z${host}`);
    }
    for (const c of used) {
      const coefficient = sharing.candidateNewShared[c] - sharing.share * sharing.candidateNewSites[c];
      if (coefficient !== 0) ratioTerms.push([coefficient, `x${c}`]);
    }
    const required = sharing.share * sharing.sitesBefore - sharing.sharedBefore + (sharing.comparator === '>' ? STRICT_MARGIN : 0);
    rows.push(ratioTerms.length > 0 ? ` share: ${formatTerms(ratioTerms)} >= ${required}` : ` share: 0 x${used[0]} >= ${required}`);
    sharing.conflicts.forEach(([a, b], k) => {
      if (isUsed.has(a) && isUsed.has(b)) rows.push(` k${k}: 1 x${a} + 1 x${b} <= 1`);
    });
  }
  const cost = used.map((c): [number, string] => [problem.candidateWeights[c], `x${c}`]);
  if (preferenceCostCap !== null) rows.push(` cost: ${formatTerms(cost)} <= ${preferenceCostCap + VALUE_EPSILON}`);
  const objective = preferenceCostCap !== null && rewards.length > 0 ? rewards : cost;
  return [
    'Minimize',
    ` obj: ${formatTerms(objective)}`,
    'Subject To',
    ...(rows.length > 0 ? rows : [` none: 1 x${used[0]} >= 0`]),
    ...(bounds.length > 0 ? ['Bounds', ...bounds] : []),
    'Binaries',
    ...binaries,
    'End',
  ].join('\n');
}

function relativeGap(objective: number, bound: number | null): number | null {
  if (bound === null) return null;
  return objective === 0 ? 0 : Math.max(0, Math.abs(objective - bound) / Math.abs(objective));
}

function statusOf(run: HighsRun, gap: number | null): SolverStatus {
  if (run.optimal) return { code: 'optimal', params: {} };
  if (run.status === 'time-limit') return { code: 'time-limit', params: gap === null ? {} : { gap } };
  return { code: 'stopped', params: { highsStatus: run.status } };
}

/**
 * Whether nothing needs to be chosen: every group's requirement and the ratio are met as they are.
 * @param problem the cover problem
 * @returns true when the empty selection meets every requirement
 * @example isNothingToDo({ ...problem, groupRequired: [0] }) // true without a sharing requirement
 */
export function isNothingToDo(problem: CoverProblem): boolean {
  return problem.groupRequired.every((required) => required <= VALUE_EPSILON) && evaluateSelection(problem, []).meetsRequirement;
}

/** The preference stage only breaks ties: at most a third of the solver's time, and never over 5 s. */
const PREFERENCE_TIME_SHARE = 1 / 3;
const PREFERENCE_MAX_SECONDS = 5;

/**
 * The weighted minimum set: min Σ w·x subject to every group reaching its required value (an
 * element counts as covered when a chosen candidate covers it) and, when the problem has one, the
 * shared-site ratio reaching its target. Solved exactly with HiGHS (warm started from the greedy
 * solution, within the time limit, gap reported); the greedy solution is returned instead when
 * HiGHS is not given, fails, or stops with nothing better than greedy. With preference groups a
 * second HiGHS stage then keeps the weight at most the first stage's and covers the most
 * preference value (for at most a third of the time limit and 5 s, warm started from the first answer),
 * so the preference only ever breaks ties. Requirements larger than what the candidates can reach
 * make the problem infeasible: the caller lowers them first (see `proposeSites`), and greedy
 * reports `greedy-short` otherwise.
 * @param problem the cover problem
 * @param highs a loaded HiGHS module, or null for greedy only
 * @param options time limit (seconds, default 10) with the caller's clock to split it between
 *   the stages, relative gap (default 0), the greedy solution when already computed
 * @returns the chosen candidates, Σ weight as the objective, the bound and gap when known
 * @example solveMinSet(problem, highs, { timeLimitSeconds: 10 }).selected
 */
export function solveMinSet(problem: CoverProblem, highs: HighsLike | null, options: SolverOptions = {}): CoverSolution {
  if (isNothingToDo(problem)) {
    return { selected: [], objective: 0, bound: 0, gap: 0, optimal: true, method: 'exact', status: { code: 'nothing-to-do', params: {} } };
  }
  const greedy = options.greedy ?? greedyCover(problem, 'min-set');
  if (!highs) return greedy;
  const used = usefulCandidates(problem);
  if (used.length === 0) return greedy;
  const limitSeconds = options.timeLimitSeconds ?? 10;
  const startedMs = options.now?.() ?? 0;
  const columns = used.map((c) => `x${c}`);
  const chosen = new Set(greedy.selected);
  let run;
  try {
    const warmStart = greedy.status.code === 'greedy' ? used.map((c) => (chosen.has(c) ? 1 : 0)) : null;
    run = runHighs(highs, formatMinSetModel(problem, used, null), columns, warmStart, options);
  } catch (error) {
    return { ...greedy, status: { code: 'fallback-failed', params: { reason: error instanceof Error ? error.message : String(error) } } };
  }
  const isGreedyComplete = greedy.status.code === 'greedy';
  const fallback: CoverSolution = {
    ...greedy,
    bound: run.bound,
    gap: isGreedyComplete ? relativeGap(greedy.objective, run.bound) : null,
    status: { code: isGreedyComplete ? 'fallback-greedy-better' : 'greedy-short', params: { highsStatus: run.status } },
  };
  if (!run.hasSolution) return fallback;
  const selected = used.filter((_, k) => run.values[k] > 0.5);
  const value = evaluateSelection(problem, selected);
  if (!value.meetsRequirement || (!run.optimal && isGreedyComplete && greedy.objective < value.weight)) return fallback;
  const gap = run.optimal ? 0 : relativeGap(value.weight, run.bound);
  const solution: CoverSolution = { selected, objective: value.weight, bound: run.bound, gap, optimal: run.optimal, method: 'exact', status: statusOf(run, gap) };
  if (!problem.groupIsPreference?.some(Boolean)) return solution;
  const spentSeconds = options.now ? (options.now() - startedMs) / 1000 : 0;
  const preferenceSeconds = Math.min(limitSeconds * PREFERENCE_TIME_SHARE, PREFERENCE_MAX_SECONDS, limitSeconds - spentSeconds);
  return preferenceSeconds > 0.01 ? improvePreference(problem, used, solution, highs, { ...options, timeLimitSeconds: preferenceSeconds }) : solution;
}

/** The second stage: among answers of at most the first stage's weight, the most preference value. */
function improvePreference(problem: CoverProblem, used: number[], first: CoverSolution, highs: HighsLike, options: SolverOptions): CoverSolution {
  const chosen = new Set(first.selected);
  const firstValue = evaluateSelection(problem, first.selected);
  let run;
  try {
    run = runHighs(highs, formatMinSetModel(problem, used, first.objective), used.map((c) => `x${c}`), used.map((c) => (chosen.has(c) ? 1 : 0)), options);
  } catch {
    return { ...first, preference: { value: firstValue.preferenceValue, isOptimal: false } };
  }
  if (!run.hasSolution) return { ...first, preference: { value: firstValue.preferenceValue, isOptimal: false } };
  const selected = used.filter((_, k) => run.values[k] > 0.5);
  const value = evaluateSelection(problem, selected);
  const isBetter = value.meetsRequirement && value.weight <= first.objective + VALUE_EPSILON && value.preferenceValue > firstValue.preferenceValue + VALUE_EPSILON;
  return isBetter
    ? { ...first, selected, objective: value.weight, preference: { value: value.preferenceValue, isOptimal: run.optimal } }
    : { ...first, preference: { value: firstValue.preferenceValue, isOptimal: run.optimal } };
}
