/**
 * Shared types of the siting module: candidates, the set-cover problem the solvers work on, and
 * the minimal surface of the HiGHS solver that core uses (the instance is an argument, so core
 * never loads WebAssembly itself).
 */
import type { BtsRecord, Technology } from '../types';
import type { Meters } from '../units';

/** What a candidate is: another operator on an existing site, or a new tower. */
export type CandidateKind = 'upgrade' | 'new';

/** Where a candidate point came from. */
export type CandidateSource = 'colocation' | 'grid' | 'hamlet' | 'user';

/** One thing the planner could build: one operator at one point, as a BTS record. */
export interface SitingCandidate {
  /** Stable id: `upgrade:<siteId>:<operator>`, `grid:<i>:<j>:<operator>`, `hamlet:<id>:<operator>`, `user:<n>:<operator>`. */
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
  /** Operator of the new tower; default: each chosen operator. */
  operator?: string;
}

/** How candidates are made; every field is optional. */
export interface CandidateOptions {
  /**
   * The chosen operators. Given: the target is each one's mobile layer, upgrades and new towers are
   * for them. Absent or empty: the target is mobile broadband overall, upgrades consider every
   * operator in the data, new towers go to `newSiteOperator`.
   */
  operators?: string[];
  /** Operator of new towers when no operator is chosen; default: the operator with the most records. */
  newSiteOperator?: string;
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
 * target layer); each group has its own requirement.
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
  /** Solver status (`optimal`, `time-limit`, `greedy`, `fallback: <why>`). */
  status: string;
}

/** Options of the exact solvers. */
export interface SolverOptions {
  /** HiGHS time limit, seconds (default 10). */
  timeLimitSeconds?: number;
  /** Relative gap at which HiGHS may stop and call the solution optimal (default 0). */
  relativeGap?: number;
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
 * A siting run that cannot go on: a bad option (naming it and the value) or a cancellation.
 * @example throw new SitingError('invalid-option', 'technology "2G" is not mobile broadband', 'technology');
 */
export class SitingError extends Error {
  readonly code: SitingErrorCode;
  /** The offending option, when there is one. */
  readonly where?: string;

  constructor(code: SitingErrorCode, message: string, where?: string) {
    super(message);
    this.name = 'SitingError';
    this.code = code;
    if (where !== undefined) this.where = where;
  }
}
