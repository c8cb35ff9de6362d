/**
 * Shared types of the siting module: candidates, the set-cover problem the solvers work on, and
 * the minimal surface of the HiGHS solver that core uses (the instance is an argument, so core
 * never loads WebAssembly itself).
 */
import type { BtsRecord, Technology } from '../types';
import type { Meters } from '../units';

/**
 * A message for people as a code and its parameters (file, count, name …); the app and the CLI
 * translate it at the edge, core never builds the sentence.
 */
export interface SitingMessage {
  code: string;
  params: Record<string, string | number>;
}

/** What a candidate is: another operator on an existing site, or a new tower. */
export type CandidateKind = 'upgrade' | 'new';

/** Where a candidate point came from. */
export type CandidateSource = 'colocation' | 'grid' | 'hamlet' | 'user';

/** One thing the planner could build: one operator at one point, as a BTS record. */
export interface SitingCandidate {
  /** Stable id: `upgrade:<siteId>:<operator>`, `grid:<i>:<j>[:<operator>]`, `hamlet:<id>[:<operator>]`, `user:<n>[:<operator>]` (no operator: a shared tower). */
  id: string;
  kind: CandidateKind;
  source: CandidateSource;
  /** The existing site an upgrade joins. */
  hostSiteId?: string;
  /** Operators already on the host site (upgrades only). */
  hostOperators?: string[];
  /** Cost in the minimum-set objective (an upgrade is cheaper than a new tower). */
  weight: number;
  /** The record the candidate adds when built (`siteId` is the candidate's proposal id). */
  record: BtsRecord;
}

/** A point the user asks to be considered (clicked on the map, or given to the CLI). */
export interface UserCandidatePoint {
  lng: number;
  lat: number;
  /** Operator of the new tower; default: each chosen operator (a shared tower when none is chosen). */
  operator?: string;
}

/** How candidates are made; every field is optional. */
export interface CandidateOptions {
  /**
   * The chosen operators. Given: the target is each one's mobile layer, upgrades and new towers are
   * for them. Absent or empty: the target is mobile broadband overall, upgrades consider every
   * operator in the data, new towers are operator-neutral shared towers (`SHARED_TOWER_OPERATOR`).
   */
  operators?: string[];
  /** Technology of proposed records (default `4G`; must count as mobile broadband). */
  technology?: Technology;
  /** Radius of proposed records; default `config.radiiMeters[technology]`. */
  radiusMeters?: Meters;
  /** Spacing of the grid of new-tower points, metres (default 500; 0 = no grid). */
  gridSpacingMeters?: Meters;
  /** Also propose a point inside each uncovered hamlet (default true). */
  includeHamletPoints?: boolean;
  /** Consider co-location upgrades of existing sites (default true). */
  includeUpgrades?: boolean;
  userPoints?: UserCandidatePoint[];
  /** Objective weights (default upgrade 1, new tower 3). */
  weights?: { upgrade: number; new: number };
}

/**
 * A weighted covering problem: elements (uncovered hamlet × target layer) with values, candidates
 * with weights, and which candidates cover which elements. Elements fall into groups (one per
 * target layer); each group has its own requirement. Optionally a shared-site ratio to reach
 * ({@link SharingRequirement}) and preference groups whose covered value only breaks ties.
 */
export interface CoverProblem {
  candidateWeights: number[];
  /** Value of each element: 1 (hamlet count) or its households. */
  elementValues: number[];
  /** Group (target layer index) of each element. */
  elementGroups: number[];
  /** Candidates covering each element (none = the element is uncoverable). */
  coveredBy: number[][];
  /** Value each group must gain (minimum-set problem); 0 = nothing to gain. */
  groupRequired: number[];
  /**
   * Per group: true for a preference group (required 0), whose covered value is maximised only
   * among the solutions of least weight (a tie-break, never traded against weight).
   */
  groupIsPreference?: boolean[];
  /** The shared-site ratio the chosen candidates must bring about (minimum-set problem only). */
  sharing?: SharingRequirement;
}

/**
 * The shared-site ratio as a linear requirement: shared_after ≥ t · sites_after, where an upgrade
 * of a single-operator site makes that site shared (once, however many operators join it), a new
 * shared tower adds a site and a shared site, and a new single-operator tower adds a site.
 */
export interface SharingRequirement {
  /** Sites and shared sites before any candidate (the engine's own counts). */
  sitesBefore: number;
  sharedBefore: number;
  /** The ratio t to reach. */
  share: number;
  /** `>`: the ratio must exceed t (the plan's "over 30 %"); `>=`: reach it. */
  comparator: '>' | '>=';
  /** Per candidate: index of the single-operator site it makes shared (an upgrade), or -1. */
  candidateHost: number[];
  /** Per candidate: sites it adds (1 for a new tower, 0 for an upgrade). */
  candidateNewSites: number[];
  /** Per candidate: shared sites it adds by itself (1 for a new shared tower). */
  candidateNewShared: number[];
  /** Pairs of candidates that would merge into one site if both were built: at most one of each. */
  conflicts: [number, number][];
}

/** How a solver run ended, as a code and parameters (translated at the edge). */
export type SolverStatusCode =
  /** HiGHS proved the answer optimal. */
  | 'optimal'
  /** HiGHS stopped at its time limit with an answer it could not prove optimal (`gap` tells how far). */
  | 'time-limit'
  /** HiGHS stopped for another reason (`highsStatus`) with an answer. */
  | 'stopped'
  /** The quick approximate method was asked for. */
  | 'greedy'
  /** The quick approximate method could not reach the requirement with these candidates. */
  | 'greedy-short'
  /** HiGHS failed (`reason`); the quick answer is used. */
  | 'fallback-failed'
  /** HiGHS ended (`highsStatus`) without an answer as good as the quick one, which is used. */
  | 'fallback-greedy-better'
  /** The whole run's time limit was used up before HiGHS could start; the quick answer is used. */
  | 'no-time-left'
  /** Nothing to gain: the requirement is already met. */
  | 'nothing-to-do';

/** A solver status: code and parameters. */
export interface SolverStatus {
  code: SolverStatusCode;
  params: Record<string, string | number>;
}

/** The outcome of a solver. */
export interface CoverSolution {
  /** Indices of the chosen candidates, ascending. */
  selected: number[];
  /** Objective of `selected` (Σ weight for a minimum set; covered value for a budget). */
  objective: number;
  /** Best proven bound on the objective (null when unknown, as for greedy alone). */
  bound: number | null;
  /** Relative optimality gap |objective − bound| / |objective| (0 when optimal; null when unknown). */
  gap: number | null;
  optimal: boolean;
  method: 'exact' | 'greedy';
  status: SolverStatus;
  /** True when a deadline stopped the greedy pass before it finished. */
  isCutShort?: boolean;
  /** Preference value covered (problems with preference groups), and whether HiGHS proved it the most possible at this weight. */
  preference?: { value: number; isOptimal: boolean };
}

/** Options of the exact solvers. */
export interface SolverOptions {
  /** HiGHS time limit, seconds (default 10). */
  timeLimitSeconds?: number;
  /** Relative gap at which HiGHS may stop and call the solution optimal (default 0). */
  relativeGap?: number;
  /** The greedy solution when the caller has it already (it is the warm start and the fallback). */
  greedy?: CoverSolution;
  /** The caller's clock in milliseconds, to give the second (preference) stage only the time left. */
  now?: () => number;
}

/** The few members of a HiGHS persistent model that the solvers use (see the `highs` npm package). */
export interface HighsModelLike {
  readonly options: { set(values: Readonly<Record<string, string | number | boolean>>): unknown };
  readonly info: { get(name: string): number | bigint };
  setSolution(solution: { indices: readonly number[]; values: readonly number[] }): unknown;
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { readonly colValue: ArrayLike<number> };
  getColByName(name: string): number;
  dispose(): void;
}

/**
 * A loaded HiGHS module (`await (await import('highs')).default()` in Node; in the browser pass
 * `locateFile` to the loader so it finds `highs.wasm`).
 */
export interface HighsLike {
  createModel(source: { format: 'lp'; data: string }): HighsModelLike;
}

/** What went wrong in a siting run. */
export type SitingErrorCode = 'invalid-option' | 'cancelled' | 'too-many-operators';

/**
 * Why a run cannot go on, for people: the message `error.<reason>` (text `siting.error.<reason>`
 * at the edge) with its parameters.
 */
export const SITING_ERROR_REASONS = [
  'target-share',
  'shared-target',
  'no-aim',
  'budget',
  'budget-and-shared',
  'time-limit',
  'technology',
  'radius',
  'grid-spacing',
  'weight-upgrade',
  'weight-new',
  'shared-operator',
  'user-point',
  'candidate-shapes',
  'too-many-operators',
  'cancelled',
] as const;

/**
 * An option's value as a message parameter: a finite number as it is (the edge writes it in the
 * reader's notation), anything else as text.
 * @param value the value given
 * @returns a number or its text
 * @example optionValue(Number.NaN) // 'NaN'
 */
export function optionValue(value: unknown): string | number {
  return typeof value === 'number' && Number.isFinite(value) ? value : String(value);
}

/** One of {@link SITING_ERROR_REASONS}. */
export type SitingErrorReason = (typeof SITING_ERROR_REASONS)[number];

/**
 * A siting run that cannot go on: a bad option (naming it and the value) or a cancellation. Its
 * `detail` is the message for people (`error.<reason>` and parameters, translated at the edge); the
 * `message` is for developers' logs only.
 * @example throw new SitingError('invalid-option', 'technology', { technology: '2G', mobile: '4G, 5G' }, 'technology');
 */
export class SitingError extends Error {
  readonly code: SitingErrorCode;
  /** What went wrong, as a message: `error.<reason>` and its parameters. */
  readonly detail: SitingMessage;
  /** The offending option, when there is one. */
  readonly where?: string;

  constructor(code: SitingErrorCode, reason: SitingErrorReason, params: Record<string, string | number> = {}, where?: string) {
    super(`${code}: ${reason} ${JSON.stringify(params)}`);
    this.name = 'SitingError';
    this.code = code;
    this.detail = { code: `error.${reason}`, params };
    if (where !== undefined) this.where = where;
  }
}
