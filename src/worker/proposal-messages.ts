import type { BtsRecord, CoverageConfig, CoverageInput, KpiSet, Proposal, Technology } from '../core';

/** The options of a proposal run as the panel sets them (all plain data, so they persist and cross the worker boundary). */
export interface ProposalRunOptions {
  /** Chosen operators; empty = mobile broadband overall. */
  operators: string[];
  /** Share of hamlets or households to reach, in [0, 1]. */
  targetShare: number;
  measure: 'hamlets' | 'households';
  problem: 'min-set' | 'budget';
  /** Number of candidates for the budget problem. */
  budget: number;
  method: 'exact' | 'greedy';
  gridSpacingMeters: number;
  technology: Technology;
  /** Radius of new records; null = the configured radius of the technology. */
  radiusMeters: number | null;
  timeLimitSeconds: number;
}

/**
 * One proposed record as the app keeps and edits it: core's `Proposal` without the solver's rank,
 * cost weight and gains (the app derives them after each edit), plus what the solver credited and
 * whether the user placed or moved it. `id` is the record's site id (`upgrade:<site>:<operator>`,
 * `grid:…`, `hamlet:…`, `user:<n>:<operator>`); `hostSiteId` is dropped when an upgrade is moved.
 */
export interface ProposedSite extends Omit<Proposal, 'rank' | 'newlyCovered' | 'householdsGained' | 'weight'> {
  /** Hamlet ids the solver credited to this proposal (kept until the proposal is moved). */
  solverNewlyCovered: string[];
  /** Placed or moved by the user rather than the solver. */
  isEdited: boolean;
}

/** What the solver reported about its run (the proposals themselves go to the editable set). */
export interface ProposalRunSummary {
  options: ProposalRunOptions;
  problem: 'min-set' | 'budget';
  method: 'exact' | 'greedy';
  optimal: boolean;
  gap: number | null;
  status: string;
  objective: number;
  /** Number of proposals the solver chose (the user's edits come later). */
  count: number;
  greedy: { count: number; objective: number };
  targetShare: number;
  reachableShare: number[];
  isReduced: boolean;
  uncoverableCount: number;
  candidates: { total: number; useful: number; pairsEvaluated: number };
  /** Time of `proposeSites` in the worker (the base analysis not included). */
  solveMs: number;
  /** Time spent building the base analysis in the worker for this run (0 when cached). */
  baseMs: number;
}

/** Coverage of one target layer (all operators, or one operator's mobile layer). */
export interface TargetLayerShare {
  operator: string | null;
  share: number;
}

/** The proposal set evaluated by the engine: KPIs before and after, per-proposal gains. */
export interface ProposalEvaluation {
  before: KpiSet;
  after: KpiSet;
  targetBefore: TargetLayerShare[];
  targetAfter: TargetLayerShare[];
  measure: 'hamlets' | 'households';
  /** Per proposal (same order as given): hamlets newly covered (ids and names), households gained. */
  gains: { id: string; hamlets: { id: string; name: string }[]; households: number }[];
  /** Time of `withExtraBtsRecords` + report in the worker. */
  durationMs: number;
  /** Whether the other proposals were already folded into the base (an edit of the picked proposal). */
  isPinned: boolean;
}

export interface ProposalRunResponse {
  summary: ProposalRunSummary;
  proposals: ProposedSite[];
  evaluation: ProposalEvaluation;
}

/** A fatal problem of a run, as a plain object. */
export interface ProposalFailure {
  kind: 'error';
  code: string;
  message: string;
}

export interface ProposalBase {
  input: CoverageInput;
  config: CoverageConfig;
}

/** What the evaluation needs besides the records. */
export interface EvaluationRequest {
  proposals: ProposedSite[];
  operators: string[];
  measure: 'hamlets' | 'households';
}

/** The stateful siting worker: it keeps the last base analysis so edits are re-analysed cheaply. */
export interface SitingWorkerApi {
  /** Replaces the cached base analysis; returns the time it took. */
  setBase(base: ProposalBase): number;
  propose(options: ProposalRunOptions, onProgress?: (phase: string, done: number, total: number) => void): Promise<ProposalRunResponse | ProposalFailure>;
  evaluate(request: EvaluationRequest): ProposalEvaluation | ProposalFailure;
  /** Folds every proposal but `id` into the cached base, so the next edits of `id` are cheap. */
  pin(proposals: ProposedSite[], id: string): void;
}

/** The proposals as BTS records (what the engine and the site import see). */
export function toBtsRecords(proposals: ProposedSite[]): BtsRecord[] {
  return proposals.map((proposal) => ({
    siteId: proposal.id,
    operator: proposal.operator,
    lng: proposal.lng,
    lat: proposal.lat,
    technologies: [proposal.technology],
    radiusMeters: proposal.radiusMeters,
  }));
}
