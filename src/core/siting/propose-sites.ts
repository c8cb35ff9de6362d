import { buildCoverageReport, withExtraBtsRecords, type CoverageAnalysis } from '../analyze-coverage';
import type { BtsRecord, Hamlet, KpiSet, Technology } from '../types';
import { buildCandidates, resolveCandidateOptions } from './build-candidates';
import { computeCoverageGain, type CoverageGain } from './coverage-gain';
import { greedyCover } from './greedy-cover';
import { solveBudget } from './solve-budget';
import { solveMinSet } from './solve-min-set';
import { SitingError, type CandidateKind, type CandidateOptions, type CoverProblem, type CoverSolution, type HighsLike, type SitingCandidate } from './siting-types';
import { findTargetLayers, isMobileCovered, type TargetLayer } from './target-layers';

/** Phases reported to `onProgress`, in order. */
export type ProposePhase = 'candidates' | 'coverage-gain' | 'solve' | 'after';

/** Options of {@link proposeSites}: the candidate options plus the problem and the solver. */
export interface ProposeOptions extends CandidateOptions {
  /** Share of hamlets (or households) to reach in every target layer, in [0, 1] (default 1). */
  targetShare?: number;
  /** What the target counts (default `hamlets`). */
  targetMeasure?: 'hamlets' | 'households';
  /** Given: the budget problem (cover the most with at most this many candidates) instead of the minimum set. */
  budget?: number;
  /** `exact` (HiGHS; default) or `greedy`. Exact without a HiGHS instance runs greedy. */
  method?: 'exact' | 'greedy';
  /** HiGHS time limit, seconds (default 10). */
  timeLimitSeconds?: number;
  /** Called at the start of each phase and during the coverage-gain phase. */
  onProgress?: (phase: ProposePhase, done: number, total: number) => void;
  /** Checked between phases (and every few hamlets); true stops the run with a `cancelled` error. */
  signal?: { readonly aborted: boolean };
}

/** One proposed build: another operator on an existing site, or a new tower. */
export interface Proposal {
  /** The record's `siteId` (the candidate id). */
  id: string;
  /** 1 = covers the most still-uncovered value. */
  rank: number;
  kind: CandidateKind;
  hostSiteId?: string;
  lng: number;
  lat: number;
  /** The operator the proposal adds. */
  operator: string;
  /** Operators hosted once it is built (the host's and the new one). */
  operators: string[];
  technology: Technology;
  radiusMeters: number;
  /** Ids of hamlets this proposal brings to covered (first in rank order to do so). */
  newlyCovered: string[];
  householdsGained: number;
  weight: number;
}

/** Coverage of one target layer before and after the proposals. */
export interface TargetLayerOutcome {
  layer: 'mobile';
  /** null = all operators. */
  operator: string | null;
  before: number;
  after: number;
}

/** The proposals and what they achieve. */
export interface ProposalResult {
  proposals: Proposal[];
  /** The proposals as BTS records (feed them to `withExtraBtsRecords` or export them). */
  records: BtsRecord[];
  before: KpiSet;
  /** From the engine re-run with the proposals added (`withExtraBtsRecords` + `buildCoverageReport`). */
  after: KpiSet;
  problem: 'min-set' | 'budget';
  method: 'exact' | 'greedy';
  optimal: boolean;
  gap: number | null;
  status: string;
  /** Σ weight (min set) or value covered (budget). */
  objective: number;
  /** The greedy solution, for comparison. */
  greedy: { count: number; objective: number };
  target: {
    measure: 'hamlets' | 'households';
    share: number;
    /** Share each target layer can reach at most with these candidates. */
    reachableShare: number[];
    /** True when the target share was lowered to what is reachable (see `uncoverable`). */
    isReduced: boolean;
    layers: TargetLayerOutcome[];
  };
  /** Hamlets (per target layer) that no single candidate can cover. */
  uncoverable: { hamletId: string; operator: string | null }[];
  candidates: { total: number; useful: number; pairsEvaluated: number };
  /** The analysis with the proposals added (for the map and what-if edits). */
  afterAnalysis: CoverageAnalysis;
}

function checkSignal(options: ProposeOptions): void {
  if (options.signal?.aborted) throw new SitingError('cancelled', 'proposal run cancelled');
}

/** The covered value of each target layer, and the total value (the share's denominator). */
function measureTargets(analysis: CoverageAnalysis, targets: TargetLayer[], value: (h: number) => number): { covered: number[]; total: number } {
  const threshold = analysis.config.coveredThreshold.mobile;
  let total = 0;
  for (let h = 0; h < analysis.prepared.length; h++) total += value(h);
  const covered = targets.map((target) => {
    let sum = 0;
    for (let h = 0; h < analysis.prepared.length; h++) if (isMobileCovered(target.fractions[h], threshold)) sum += value(h);
    return sum;
  });
  return { covered, total };
}

/** The cover problem over the useful candidates, identical candidates (same cover, same weight) merged. */
function buildProblem(gain: CoverageGain, candidates: SitingCandidate[], value: (h: number) => number): { problem: CoverProblem; original: number[] } {
  const original: number[] = [];
  const seen = new Map<string, number>();
  const remap = new Int32Array(candidates.length).fill(-1);
  gain.covers.forEach((elements, c) => {
    if (elements.length === 0) return;
    const key = `${candidates[c].weight}|${elements.join(',')}`;
    const known = seen.get(key);
    if (known !== undefined) return;
    seen.set(key, original.length);
    remap[c] = original.length;
    original.push(c);
  });
  return {
    problem: {
      candidateWeights: original.map((c) => candidates[c].weight),
      elementValues: gain.elements.map((element) => value(element.hamlet)),
      elementGroups: gain.elements.map((element) => element.target),
      coveredBy: gain.coveredBy.map((list) => list.flatMap((c) => (remap[c] >= 0 ? [remap[c]] : []))),
      groupRequired: gain.targets.map(() => 0),
    },
    original,
  };
}

/**
 * Proposes where to add sites: co-location upgrades and new towers (see `buildCandidates`), chosen
 * as the weighted minimum set reaching the target share of hamlets (or households) in every target
 * layer, or — with `budget` — the most value with at most that many candidates. A hamlet counts as
 * covered by a candidate when that candidate alone, on top of the existing sites, brings it to the
 * covered threshold (so the engine re-run can only find more). The `after` KPIs come from the
 * engine itself with the proposals added.
 * @param analysis the coverage analysis of the current sites
 * @param options candidates (operators, technology, radius in metres, grid spacing in metres,
 *   weights, user points), target share and measure, budget, method, time limit (seconds),
 *   progress and cancellation
 * @param highs a loaded HiGHS module for the exact method (null/absent: greedy)
 * @returns the ranked proposals, KPIs before and after, the method, optimality and gap
 * @throws {SitingError} `invalid-option`, `too-many-operators`, `cancelled`
 * @example proposeSites(analysis, { operators: ['Viettel'], targetShare: 1 }, highs).proposals.length
 */
export function proposeSites(analysis: CoverageAnalysis, options: ProposeOptions = {}, highs: HighsLike | null = null): ProposalResult {
  const share = options.targetShare ?? 1;
  if (!(share >= 0 && share <= 1)) throw new SitingError('invalid-option', `target share ${String(share)} must be in [0, 1]`, 'targetShare');
  if (options.budget !== undefined && !(Number.isInteger(options.budget) && options.budget >= 0)) {
    throw new SitingError('invalid-option', `budget ${String(options.budget)} must be a whole number ≥ 0`, 'budget');
  }
  if (options.timeLimitSeconds !== undefined && !(options.timeLimitSeconds > 0)) {
    throw new SitingError('invalid-option', `time limit ${String(options.timeLimitSeconds)} s must be a positive number`, 'timeLimitSeconds');
  }
  const measure = options.targetMeasure ?? 'hamlets';
  const resolved = resolveCandidateOptions(analysis, options);
  checkSignal(options);
  options.onProgress?.('candidates', 0, 1);
  const candidates = buildCandidates(analysis, options);
  checkSignal(options);
  options.onProgress?.('coverage-gain', 0, 1);
  const gain = computeCoverageGain(analysis, candidates, resolved.operators, {
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.('coverage-gain', done, total),
  });
  checkSignal(options);

  const hamlets = analysis.input.hamlets;
  const value = (h: number) => (measure === 'households' ? hamlets[h].households ?? 0 : 1);
  const { problem, original } = buildProblem(gain, candidates, value);
  const before = measureTargets(analysis, gain.targets, value);
  const coverable = gain.targets.map(() => 0);
  const uncoverable: ProposalResult['uncoverable'] = [];
  gain.elements.forEach((element, e) => {
    if (problem.coveredBy[e].length > 0) coverable[element.target] += problem.elementValues[e];
    else uncoverable.push({ hamletId: hamlets[element.hamlet].id, operator: gain.targets[element.target].key.operator });
  });
  // Hamlets without area are in the denominator but no candidate can cover them.
  analysis.prepared.forEach((hamlet, h) => {
    if (hamlet.areaM2 <= 0) for (const target of gain.targets) uncoverable.push({ hamletId: hamlets[h].id, operator: target.key.operator });
  });
  let isReduced = false;
  gain.targets.forEach((_, g) => {
    const raw = share * before.total - before.covered[g];
    // Hamlet counts are whole: needing 12.3 hamlets means 13.
    const needed = Math.max(0, measure === 'hamlets' ? Math.ceil(raw - 1e-9) : raw);
    if (needed > coverable[g] + 1e-9) isReduced = true;
    problem.groupRequired[g] = Math.min(needed, coverable[g]);
  });

  options.onProgress?.('solve', 0, 1);
  const isBudget = options.budget !== undefined;
  const engine = options.method === 'greedy' ? null : highs;
  const solverOptions = { timeLimitSeconds: options.timeLimitSeconds ?? 10 };
  const solution: CoverSolution = isBudget ? solveBudget(problem, options.budget ?? 0, engine, solverOptions) : solveMinSet(problem, engine, solverOptions);
  const greedy = greedyCover(problem, isBudget ? 'budget' : 'min-set', options.budget);
  checkSignal(options);

  options.onProgress?.('after', 0, 1);
  const proposals = rankProposals(solution.selected, problem, original, candidates, gain, hamlets, resolved.technology);
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate.record]));
  const records = proposals.map((proposal) => byId.get(proposal.id)!);
  const afterAnalysis = withExtraBtsRecords(analysis, [...analysis.extraRecords, ...records]);
  const afterTargets = findTargetLayers(afterAnalysis, resolved.operators);
  const after = measureTargets(afterAnalysis, afterTargets, value);
  const shareOf = (part: number) => (before.total > 0 ? part / before.total : 0);
  return {
    proposals,
    records,
    before: buildCoverageReport(analysis, []).kpis,
    after: buildCoverageReport(afterAnalysis, []).kpis,
    problem: isBudget ? 'budget' : 'min-set',
    method: solution.method,
    optimal: solution.optimal,
    gap: solution.gap,
    status: solution.status,
    objective: solution.objective,
    greedy: { count: greedy.selected.length, objective: greedy.objective },
    target: {
      measure,
      share,
      reachableShare: gain.targets.map((_, g) => shareOf(before.covered[g] + coverable[g])),
      isReduced,
      layers: gain.targets.map((target, g) => ({ layer: 'mobile', operator: target.key.operator, before: shareOf(before.covered[g]), after: shareOf(after.covered[g]) })),
    },
    uncoverable,
    candidates: { total: candidates.length, useful: original.length, pairsEvaluated: gain.pairsEvaluated },
    afterAnalysis,
  };
}

/**
 * Orders the chosen candidates by what each adds: repeatedly the one newly covering the most value
 * (ties: lower weight, then candidate order), and credits each hamlet to the first that covers it.
 */
function rankProposals(selected: number[], problem: CoverProblem, original: number[], candidates: SitingCandidate[], gain: CoverageGain, hamletList: Hamlet[], technology: Technology): Proposal[] {
  const hamlets = gain.elements.map((element) => element.hamlet);
  const isCovered = new Uint8Array(problem.coveredBy.length);
  const coversOf = new Map<number, number[]>(selected.map((s) => [s, []]));
  problem.coveredBy.forEach((list, e) => {
    for (const s of list) coversOf.get(s)?.push(e);
  });
  const left = [...selected];
  const proposals: Proposal[] = [];
  const credited = new Set<number>();
  while (left.length > 0) {
    let bestK = 0;
    let bestValue = -1;
    left.forEach((s, k) => {
      const gained = coversOf.get(s)!.reduce((sum, e) => sum + (isCovered[e] ? 0 : Math.max(problem.elementValues[e], 1e-9)), 0);
      const best = left[bestK];
      if (gained > bestValue + 1e-12 || (Math.abs(gained - bestValue) <= 1e-12 && problem.candidateWeights[s] < problem.candidateWeights[best])) {
        bestK = k;
        bestValue = gained;
      }
    });
    const s = left.splice(bestK, 1)[0];
    const candidate = candidates[original[s]];
    const newHamlets: number[] = [];
    for (const e of coversOf.get(s)!) {
      if (isCovered[e]) continue;
      isCovered[e] = 1;
      if (!credited.has(hamlets[e])) {
        credited.add(hamlets[e]);
        newHamlets.push(hamlets[e]);
      }
    }
    const { record } = candidate;
    proposals.push({
      id: candidate.id,
      rank: proposals.length + 1,
      kind: candidate.kind,
      ...(candidate.hostSiteId !== undefined ? { hostSiteId: candidate.hostSiteId } : {}),
      lng: record.lng,
      lat: record.lat,
      operator: record.operator,
      operators: [...new Set([...(candidate.hostOperators ?? []), record.operator])].sort(),
      technology,
      radiusMeters: record.radiusMeters ?? 0,
      newlyCovered: newHamlets.map((h) => hamletList[h].id),
      householdsGained: newHamlets.reduce((sum, h) => sum + (hamletList[h].households ?? 0), 0),
      weight: candidate.weight,
    });
  }
  return proposals;
}
