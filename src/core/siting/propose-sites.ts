import { buildCoverageReport, type CoverageAnalysis } from '../analyze-coverage';
import type { BtsRecord, KpiSet } from '../types';
import { buildCandidates, resolveCandidateOptions } from './build-candidates';
import { buildCoverProblem, measureTargets } from './build-cover-problem';
import { buildSharingRequirement, type SharedTarget } from './build-sharing-requirement';
import { computeCoverageGain, type CoverageGain } from './coverage-gain';
import { evaluateProposals, type HelpedHamlet, type PlacedProposal, type ProposalSetEvaluation } from './evaluate-proposals';
import { greedyCover } from './greedy-cover';
import type { ProposalPlace } from './locate-proposal';
import { createRunDeadline } from './run-deadline';
import { countSharing, reachableSharingRatio } from './sharing-requirement';
import { solveBudget } from './solve-budget';
import { isNothingToDo, solveMinSet } from './solve-min-set';
import { optionValue, SitingError, type CandidateOptions, type CoverSolution, type HighsLike, type SitingCandidate, type SitingMessage, type SolverStatus } from './siting-types';
import { findTargetLayers, resolveAimLayers, type ProposalAim } from './target-layers';

/** Phases reported to `onProgress`, in order. */
export type ProposePhase = 'candidates' | 'coverage-gain' | 'solve' | 'after';

/** Options of {@link proposeSites}: the candidate options plus the aim, the solver and the clock. */
export interface ProposeOptions extends CandidateOptions {
  /** Share of hamlets (or households) to reach in every target layer, in [0, 1] (default 1); null = no coverage target. */
  targetShare?: number | null;
  /** What the coverage target counts (default `hamlets`). */
  targetMeasure?: 'hamlets' | 'households';
  /** Shared-site ratio to reach, in [0, 1] (absent or null = none). */
  sharedTarget?: number | null;
  /** How the ratio must compare to `sharedTarget`; default the comparator of the plan's `shared-sites` target (`>`: over), else `>=`. */
  sharedComparator?: '>' | '>=';
  /** Given: the budget problem (cover the most with at most this many candidates) instead of the minimum set. */
  budget?: number;
  /** `exact` (HiGHS; default) or `greedy`. Exact without a HiGHS instance runs greedy. */
  method?: 'exact' | 'greedy';
  /** Time limit of the whole run, seconds (default 10); without `now` it bounds HiGHS alone. */
  timeLimitSeconds?: number;
  /** The caller's clock, milliseconds (e.g. `performance.now`): with it the limit bounds every phase. */
  now?: () => number;
  /** The deadline on `now`'s clock (default: its value at the start + the limit), to count time spent before the run. */
  deadlineMs?: number;
  /** Called at the start of each phase and during the coverage-gain phase. */
  onProgress?: (phase: ProposePhase, done: number, total: number) => void;
  /** Checked between phases (and every few hamlets); true stops the run with a `cancelled` error. */
  signal?: { readonly aborted: boolean };
}

/** One proposed build, placed, named and credited by the engine. */
export interface Proposal extends PlacedProposal {
  /** 1 = adds the most (see `rankByGain`). */
  rank: number;
  /** Its name for people, as a message (`proposal-name.*`, see `nameProposal`). */
  name: SitingMessage;
  /** A new tower's number among the new towers in rank order. */
  number?: number;
  place: ProposalPlace | null;
  /** Operators on its site once built (a shared tower names none). */
  operators: string[];
  /** Ids of the hamlets it is credited with bringing to covered. */
  newlyCovered: string[];
  /** The same hamlets with commune and district, per layer. */
  helped: HelpedHamlet[];
  householdsGained: number;
  weight: number;
  /** It makes a single-operator site shared, or adds a shared tower. */
  makesShared: boolean;
}

/** Coverage of one target layer before and after the proposals. */
export interface TargetLayerOutcome {
  layer: 'mobile';
  /** null = all operators. */
  operator: string | null;
  before: number;
  after: number;
}

/** The shared-site ratio: target, before, the model's count and the engine's after. */
export interface SharingOutcome {
  target: number;
  comparator: '>' | '>=';
  /** The engine's ratio before and after (re-analysis with the proposals added). */
  before: number;
  after: number;
  /** The ratio the model counted for the chosen candidates. */
  model: number;
  isMet: boolean;
  /** The most the candidates can reach; `isReduced` when the target was lowered to it. */
  reachable: number;
  isReduced: boolean;
}

/** The proposals and what they achieve. */
export interface ProposalResult {
  proposals: Proposal[];
  /** The proposals as BTS records, in rank order (feed them to `withExtraBtsRecords` or export them). */
  records: BtsRecord[];
  aim: ProposalAim;
  before: KpiSet;
  /** From the engine re-run with the proposals added (`evaluateProposals`). */
  after: KpiSet;
  problem: 'min-set' | 'budget';
  method: 'exact' | 'greedy';
  optimal: boolean;
  gap: number | null;
  status: SolverStatus;
  /** Σ weight (min set) or value covered (budget). */
  objective: number;
  /** The greedy solution, for comparison. */
  greedy: { count: number; objective: number };
  target: {
    measure: 'hamlets' | 'households';
    /** The coverage share asked for (null: no coverage target). */
    share: number | null;
    /** Share each target layer can reach at most with these candidates. */
    reachableShare: number[];
    /** True when the target share was lowered to what is reachable (see `uncoverable`). */
    isReduced: boolean;
    layers: TargetLayerOutcome[];
  };
  sharing: SharingOutcome | null;
  /** Hamlets (per target layer) that no single candidate can cover. */
  uncoverable: { hamletId: string; operator: string | null }[];
  candidates: { total: number; useful: number; pairsEvaluated: number };
  /** The wall clock: limit, time taken (null without a clock), each phase's start, and what the limit cut short. */
  timing: { limitSeconds: number; seconds: number | null; phaseStartMs: Partial<Record<ProposePhase, number>>; cutShort: SitingMessage[] };
  /** The analysis with the proposals added (for the map and what-if edits). */
  afterAnalysis: CoverageAnalysis;
  /** The engine's evaluation of the proposals (what an edited set is judged by too). */
  evaluation: ProposalSetEvaluation;
}

function checkSignal(options: ProposeOptions): void {
  if (options.signal?.aborted) throw new SitingError('cancelled', 'cancelled');
}

function validate(options: ProposeOptions): void {
  const share = options.targetShare;
  if (share !== undefined && share !== null && !(share >= 0 && share <= 1)) throw new SitingError('invalid-option', 'target-share', { value: optionValue(share) }, 'targetShare');
  const shared = options.sharedTarget;
  if (shared !== undefined && shared !== null && !(shared >= 0 && shared <= 1)) throw new SitingError('invalid-option', 'shared-target', { value: optionValue(shared) }, 'sharedTarget');
  if (share === null && (shared === undefined || shared === null)) throw new SitingError('invalid-option', 'no-aim', {}, 'targetShare');
  if (options.budget !== undefined && !(Number.isInteger(options.budget) && options.budget >= 0)) {
    throw new SitingError('invalid-option', 'budget', { value: optionValue(options.budget) }, 'budget');
  }
  if (options.budget !== undefined && shared !== undefined && shared !== null) throw new SitingError('invalid-option', 'budget-and-shared', {}, 'budget');
  if (options.timeLimitSeconds !== undefined && !(options.timeLimitSeconds > 0)) {
    throw new SitingError('invalid-option', 'time-limit', { value: optionValue(options.timeLimitSeconds) }, 'timeLimitSeconds');
  }
}

/**
 * The aim of a run from its options, defaults filled in: coverage target 1 unless given (null =
 * none), the shared-site target with the comparator of the plan's `shared-sites` target (`>`, "over
 * 30 %") unless `sharedComparator` says otherwise.
 * @param config the analysis config (its plan targets)
 * @param options the run's options
 * @param operators the chosen operators
 * @returns the aim, as `evaluateProposals` takes it
 * @example resolveProposalAim(DEFAULT_CONFIG, { sharedTarget: 0.3, targetShare: null }, []).sharedTarget // { share: 0.3, comparator: '>' }
 */
export function resolveProposalAim(config: CoverageAnalysis['config'], options: Pick<ProposeOptions, 'targetShare' | 'targetMeasure' | 'sharedTarget' | 'sharedComparator'>, operators: string[]): ProposalAim {
  const plan = config.targets.find((target) => target.id === 'shared-sites');
  const shared = options.sharedTarget ?? null;
  return {
    operators,
    measure: options.targetMeasure ?? 'hamlets',
    targetShare: options.targetShare === undefined ? 1 : options.targetShare,
    sharedTarget: shared === null ? null : { share: shared, comparator: options.sharedComparator ?? (plan?.comparator === '>' ? '>' : '>=') },
  };
}

/**
 * Proposes where to add sites: co-location upgrades and new towers (see `buildCandidates`), chosen
 * as the weighted minimum set reaching the aim — the target share of hamlets (or households) in
 * every target layer, the shared-site ratio (shared_after ≥ t · sites_after, preferring upgrades
 * that also cover the joining operator's uncovered hamlets), or both — or, with `budget`, the most
 * value with at most that many candidates. A hamlet counts as covered by a candidate when that
 * candidate alone, on top of the existing sites, brings it to the covered threshold (so the engine
 * re-run can only find more). With `now`, the time limit bounds the whole run: the coverage gain
 * stops at the deadline, HiGHS gets what is left less a reserve for the after-analysis, and
 * `timing.cutShort` says what the limit cut short. The `after` KPIs, the ranks and the names come
 * from the engine itself (`evaluateProposals`).
 * @param analysis the coverage analysis of the current sites
 * @param options candidates (operators, technology, radius in metres, grid spacing in metres,
 *   weights, user points), coverage and shared-site targets, budget, method, time limit (seconds)
 *   and clock, progress and cancellation
 * @param highs a loaded HiGHS module for the exact method (null/absent: greedy)
 * @returns the ranked proposals, KPIs before and after, the method, optimality, gap and timing
 * @throws {SitingError} `invalid-option`, `too-many-operators`, `cancelled`
 * @example proposeSites(analysis, { operators: ['Viettel'], targetShare: 1 }, highs).proposals.length
 */
export function proposeSites(analysis: CoverageAnalysis, options: ProposeOptions = {}, highs: HighsLike | null = null): ProposalResult {
  validate(options);
  const limitSeconds = options.timeLimitSeconds ?? 10;
  const deadline = createRunDeadline(options.now, limitSeconds, options.deadlineMs);
  const phaseStartMs: Partial<Record<ProposePhase, number>> = {};
  const cutShort: SitingMessage[] = [];
  const startPhase = (phase: ProposePhase) => {
    checkSignal(options);
    if (deadline.hasClock) phaseStartMs[phase] = deadline.elapsedMs();
    options.onProgress?.(phase, 0, 1);
  };
  const resolved = resolveCandidateOptions(analysis, options);
  const aim = resolveProposalAim(analysis.config, options, resolved.operators);
  const layers = resolveAimLayers(analysis, aim);

  startPhase('candidates');
  const reportStartedMs = deadline.elapsedMs();
  const before = buildCoverageReport(analysis, []).kpis;
  // Whatever the after-analysis measures later, it needs at least the time of a report or two.
  const minimumReserveMs = Math.max(20, 2 * (deadline.elapsedMs() - reportStartedMs));
  let candidates = buildCandidates(analysis, options);
  let sharing = aim.sharedTarget ? buildSharingRequirement(analysis, candidates, aim.sharedTarget) : null;
  let merging = 0;
  if (sharing && sharing.isMerging.some((flag) => flag === 1)) {
    // A new tower this close to an existing site would join it, not add a site: leave it out.
    const keep = candidates.filter((_, c) => sharing!.isMerging[c] === 0);
    merging = candidates.length - keep.length;
    candidates = keep;
    sharing = buildSharingRequirement(analysis, candidates, aim.sharedTarget as SharedTarget);
  }

  startPhase('coverage-gain');
  const gainOptions = {
    signal: options.signal,
    isPastDeadline: () => deadline.isPast(),
    onProgress: (done: number, total: number) => options.onProgress?.('coverage-gain', done, total),
  };
  const gain: CoverageGain | null = aim.targetShare !== null ? computeCoverageGain(analysis, candidates, layers.targetOperators, gainOptions) : null;
  const preference = layers.preferenceOperators.length > 0 && !deadline.isPast() ? computeCoverageGain(analysis, candidates, layers.preferenceOperators, gainOptions) : null;
  if (gain && gain.hamletsDone < gain.hamletsTotal) cutShort.push({ code: 'cut-short.coverage-gain', params: { done: gain.hamletsDone, total: gain.hamletsTotal } });
  if (layers.preferenceOperators.length > 0 && (!preference || preference.hamletsDone < preference.hamletsTotal)) {
    cutShort.push({ code: 'cut-short.preference', params: { done: preference?.hamletsDone ?? 0, total: preference?.hamletsTotal ?? 0 } });
  }
  checkSignal(options);

  const hamlets = analysis.input.hamlets;
  const value = (h: number) => (aim.measure === 'households' ? hamlets[h].households ?? 0 : 1);
  const built = buildCoverProblem(candidates, gain, preference, value, sharing?.requirement ?? null);
  const { problem, original } = built;
  const targets = gain?.targets ?? findTargetLayers(analysis, layers.targetOperators);
  const counted = measureTargets(analysis, targets, value);
  const coverable = targets.map(() => 0);
  const uncoverable: ProposalResult['uncoverable'] = [];
  (gain?.elements ?? []).forEach((element, e) => {
    if (problem.coveredBy[e].length > 0) coverable[element.target] += problem.elementValues[e];
    else if (gain?.isEvaluated[e]) uncoverable.push({ hamletId: hamlets[element.hamlet].id, operator: targets[element.target].key.operator });
  });
  // Hamlets without area are in the denominator but no candidate can cover them.
  if (gain) {
    analysis.prepared.forEach((hamlet, h) => {
      if (hamlet.areaM2 <= 0) for (const target of targets) uncoverable.push({ hamletId: hamlets[h].id, operator: target.key.operator });
    });
  }
  let isReduced = false;
  if (aim.targetShare !== null) {
    const share = aim.targetShare;
    targets.forEach((_, g) => {
      const raw = share * counted.total - counted.covered[g];
      // Hamlet counts are whole: needing 12.3 hamlets means 13.
      const needed = Math.max(0, aim.measure === 'hamlets' ? Math.ceil(raw - 1e-9) : raw);
      if (needed > coverable[g] + 1e-9) isReduced = true;
      problem.groupRequired[g] = Math.min(needed, coverable[g]);
    });
  }
  let sharingReduced = false;
  const reachable = problem.sharing ? reachableSharingRatio(problem.sharing) : 0;
  if (problem.sharing && aim.sharedTarget) {
    const wanted = { share: aim.sharedTarget.share, comparator: aim.sharedTarget.comparator };
    if (reachable < wanted.share || (reachable === wanted.share && wanted.comparator === '>')) {
      sharingReduced = true;
      problem.sharing = { ...problem.sharing, share: Math.min(wanted.share, reachable), comparator: '>=' };
    }
  }

  startPhase('solve');
  const isBudget = options.budget !== undefined;
  const engine = options.method === 'greedy' ? null : highs;
  const greedy = greedyCover(problem, isBudget ? 'budget' : 'min-set', options.budget, { isPastDeadline: () => deadline.isPast() });
  if (greedy.isCutShort) cutShort.push({ code: 'cut-short.greedy', params: { picked: greedy.selected.length } });
  const evaluate = (selected: number[]) => {
    const chosen = selected.map((s) => candidates[original[s]]);
    return { chosen, evaluation: evaluateProposals(analysis, chosen.map((candidate) => toPlaced(candidate)), aim, { baseKpis: before, weights: resolved.weights }) };
  };
  // The greedy answer's after-analysis is timed first, and that much time (and a half) is kept
  // back for the exact answer's; it is also the result when HiGHS returns the same set.
  let greedyAfter: ReturnType<typeof evaluate> | null = null;
  let afterReserveMs = 0;
  if (deadline.hasClock && engine) {
    const startedMs = deadline.elapsedMs();
    greedyAfter = evaluate(greedy.selected);
    afterReserveMs = Math.max(minimumReserveMs, 1.5 * (deadline.elapsedMs() - startedMs));
  }
  const solverSeconds = Math.min(limitSeconds, (deadline.remainingMs() - afterReserveMs) / 1000);
  let solution: CoverSolution;
  if (engine && deadline.hasClock && solverSeconds <= 0.001 && !(!isBudget && isNothingToDo(problem))) {
    solution = { ...greedy, status: { code: 'no-time-left', params: {} } };
    cutShort.push({ code: 'cut-short.solve-skipped', params: {} });
  } else {
    const solverOptions = { timeLimitSeconds: Math.max(solverSeconds, 0.001), greedy, ...(options.now ? { now: options.now } : {}) };
    solution = isBudget ? solveBudget(problem, options.budget ?? 0, engine, solverOptions) : solveMinSet(problem, engine, solverOptions);
    if (solution.status.code === 'time-limit' || (solution.status.code === 'fallback-greedy-better' && solution.status.params.highsStatus === 'time-limit')) {
      cutShort.push({ code: 'cut-short.solve', params: { seconds: Number(solverSeconds.toFixed(3)) } });
    }
    if (solution.preference && !solution.preference.isOptimal) cutShort.push({ code: 'cut-short.preference-solve', params: {} });
  }
  checkSignal(options);

  startPhase('after');
  const isSameAsGreedy = solution.selected.length === greedy.selected.length && solution.selected.every((s, k) => s === greedy.selected[k]);
  const { chosen, evaluation } = greedyAfter && isSameAsGreedy ? greedyAfter : evaluate(solution.selected);
  const byId = new Map(chosen.map((candidate) => [candidate.id, candidate]));
  const proposals = evaluation.proposals.map((evaluated): Proposal => {
    const candidate = byId.get(evaluated.id) as SitingCandidate;
    return {
      ...toPlaced(candidate),
      // Ranked, numbered and named by the engine's evaluation (`nameRankedProposals`).
      ...evaluated,
      newlyCovered: [...new Set(evaluated.helped.map((hamlet) => hamlet.hamletId))],
      weight: candidate.weight,
    };
  });
  const seconds = deadline.hasClock ? deadline.elapsedMs() / 1000 : null;
  if (seconds !== null && deadline.remainingMs() < 0) cutShort.push({ code: 'over-time', params: { seconds: Number(seconds.toFixed(3)), limit: limitSeconds } });
  const shareOf = (part: number) => (counted.total > 0 ? part / counted.total : 0);
  const modelCounts = problem.sharing ? countSharing(problem.sharing, solution.selected) : null;
  return {
    proposals,
    records: proposals.map((proposal) => byId.get(proposal.id)!.record),
    aim,
    before,
    after: evaluation.after,
    problem: isBudget ? 'budget' : 'min-set',
    method: solution.method,
    optimal: solution.optimal,
    gap: solution.gap,
    status: solution.status,
    objective: solution.objective,
    greedy: { count: greedy.selected.length, objective: greedy.objective },
    target: {
      measure: aim.measure,
      share: aim.targetShare,
      reachableShare: targets.map((_, g) => shareOf(counted.covered[g] + coverable[g])),
      isReduced,
      layers: evaluation.layers.map((layer) => ({ layer: 'mobile', ...layer })),
    },
    sharing:
      evaluation.sharing && modelCounts
        ? {
            target: evaluation.sharing.share,
            comparator: evaluation.sharing.comparator,
            before: evaluation.sharing.before,
            after: evaluation.sharing.after,
            model: modelCounts.sites > 0 ? modelCounts.shared / modelCounts.sites : 0,
            isMet: evaluation.sharing.isMet,
            reachable,
            isReduced: sharingReduced,
          }
        : null,
    uncoverable,
    candidates: { total: candidates.length + merging, useful: original.length, pairsEvaluated: (gain?.pairsEvaluated ?? 0) + (preference?.pairsEvaluated ?? 0) },
    timing: { limitSeconds, seconds, phaseStartMs, cutShort },
    afterAnalysis: evaluation.afterAnalysis,
    evaluation,
  };
}

function toPlaced(candidate: SitingCandidate): PlacedProposal {
  const { record } = candidate;
  return {
    id: candidate.id,
    kind: candidate.kind,
    ...(candidate.hostSiteId !== undefined ? { hostSiteId: candidate.hostSiteId } : {}),
    lng: record.lng,
    lat: record.lat,
    operator: record.operator,
    technology: record.technologies[0],
    radiusMeters: record.radiusMeters ?? 0,
  };
}
