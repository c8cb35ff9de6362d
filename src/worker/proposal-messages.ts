import type { PlacedProposal, ProposalSetEvaluation, SitingMessage, SolverStatus, Technology } from '../core';

/** The options of a proposal run as the panel sets them (all plain data, so they persist and cross the worker boundary). */
export interface ProposalRunOptions {
  /** Chosen operators; empty = mobile broadband overall (new towers are shared towers). */
  operators: string[];
  /** What the run aims at: coverage, the shared-site ratio, or both. */
  aim: 'coverage' | 'shared' | 'both';
  /** Share of hamlets or households to reach, in [0, 1] (aims `coverage` and `both`). */
  targetShare: number;
  /** Shared-site ratio to reach, in [0, 1] (aims `shared` and `both`), compared as the plan does. */
  sharedTarget: number;
  measure: 'hamlets' | 'households';
  problem: 'min-set' | 'budget';
  /** Number of candidates for the budget problem. */
  budget: number;
  method: 'exact' | 'greedy';
  gridSpacingMeters: number;
  technology: Technology;
  /** Radius of new records; null = the configured radius of the technology. */
  radiusMeters: number | null;
  /** The whole run's wall-clock limit, seconds (preparing the analysis included). */
  timeLimitSeconds: number;
}

/**
 * One proposed record as the app keeps and edits it: where it stands, its kind and operator, and
 * whether the user placed or moved it. Ranks, names (a new tower's number follows its rank) and
 * gains are the engine's (`ProposalEvaluation`), recomputed after every edit.
 */
export interface ProposedSite extends PlacedProposal {
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
  status: SolverStatus;
  objective: number;
  /** Number of proposals the solver chose (the user's edits come later). */
  count: number;
  greedy: { count: number; objective: number };
  /** The coverage share asked for (null: the shared-site ratio alone). */
  targetShare: number | null;
  reachableShare: number[];
  isReduced: boolean;
  uncoverableCount: number;
  sharing: { target: number; comparator: '>' | '>='; reachable: number; isReduced: boolean } | null;
  candidates: { total: number; useful: number; pairsEvaluated: number };
  /** The run's limit, the time it took by the worker's clock, and what the limit cut short. */
  timing: { limitSeconds: number; seconds: number | null; cutShort: SitingMessage[] };
  /** Time of `proposeSites` in the worker (the base analysis not included). */
  solveMs: number;
  /** Time spent preparing the run's analysis (0: the engine's current analysis serves). */
  baseMs: number;
}

/** The proposal set as the engine judged it (core's evaluation without the analysis itself). */
export interface ProposalEvaluation extends Omit<ProposalSetEvaluation, 'afterAnalysis'> {
  measure: 'hamlets' | 'households';
  /** Time of the evaluation in the worker. */
  durationMs: number;
}

export interface ProposalRunResponse {
  summary: ProposalRunSummary;
  proposals: ProposedSite[];
  evaluation: ProposalEvaluation;
}

/** A fatal problem of a run, as a plain object: what to tell the user (`detail`, a siting message) and a developer's text. */
export interface ProposalFailure {
  kind: 'error';
  code: string;
  /** For people: `error.<reason>` and its parameters (text `siting.error.<reason>`). */
  detail: SitingMessage;
  /** For developers' logs only. */
  message: string;
}

/** What the evaluation needs besides the records: the aim, from the run's (or the panel's) options. */
export interface EvaluationRequest {
  proposals: ProposedSite[];
  options: ProposalRunOptions;
}

/**
 * The siting calls of the engine worker: they work on the engine's last analysis (the one the map
 * shows), so edits are re-analysed cheaply and a run needs no analysis of its own.
 */
export interface SitingWorkerApi {
  /** Runs the proposals; `spentMs` is what the page already spent on this run, counted against the time limit. */
  propose(options: ProposalRunOptions, spentMs: number, onProgress?: (phase: string, done: number, total: number) => void): Promise<ProposalRunResponse | ProposalFailure>;
  evaluate(request: EvaluationRequest): ProposalEvaluation | ProposalFailure;
  /** Folds every proposal but `id` into the engine's analysis, so the next edits of `id` are cheap. */
  pin(proposals: ProposedSite[], id: string): void;
}

/**
 * The core options of a run's aim (coverage target, shared-site target) from the panel's options.
 * @param options the panel's options
 * @returns the fields `proposeSites` and `resolveProposalAim` take
 */
export function aimOptions(options: ProposalRunOptions): { targetShare: number | null; targetMeasure: 'hamlets' | 'households'; sharedTarget: number | null } {
  return {
    targetShare: options.aim === 'shared' ? null : options.targetShare,
    targetMeasure: options.measure,
    sharedTarget: options.aim === 'coverage' ? null : options.sharedTarget,
  };
}
