// The siting calls of the engine worker (analysis.worker.ts): they work on the engine's current
// analysis, the one the map shows (so a what-if edit recomputes only the hamlets it touches and a run
// needs no analysis of its own), and load HiGHS on the first exact run. Cancelling a run terminates
// the engine worker; the client starts a fresh one and posts the dataset again. Every answer is
// core's: `proposeSites`, `evaluateProposals`, `pinProposals`.
import {
  evaluateProposals,
  pinProposals,
  proposeSites,
  resolveProposalAim,
  SitingError,
  type CoverageAnalysis,
  type HighsLike,
  type KpiSet,
  type PinnedBase,
  type ProposalSetEvaluation,
} from '../core';
import { aimOptions, type EvaluationRequest, type ProposalEvaluation, type ProposalFailure, type ProposalRunOptions, type ProposalRunResponse, type ProposedSite, type SitingWorkerApi } from './proposal-messages';

/** The analysis proposals are judged against, and its KPIs. */
export interface SitingBase {
  analysis: CoverageAnalysis;
  kpis: KpiSet;
}

let highs: Promise<HighsLike> | null = null;

/** HiGHS, loaded (its own chunk and WebAssembly) on the first exact run only. */
async function loadHighs(): Promise<HighsLike> {
  const [{ default: highsLoader }, { default: wasmUrl }] = await Promise.all([import('highs'), import('highs/runtime?url')]);
  return (await highsLoader({ locateFile: () => wasmUrl })) as unknown as HighsLike;
}
const PROGRESS_INTERVAL_MS = 150;

function failure(error: unknown): ProposalFailure {
  if (error instanceof SitingError) return { kind: 'error', code: error.code, detail: error.detail, message: error.message };
  return { kind: 'error', code: 'unexpected', detail: { code: 'error.unexpected', params: {} }, message: error instanceof Error ? error.message : String(error) };
}

const NO_BASE: ProposalFailure = { kind: 'error', code: 'no-base', detail: { code: 'error.no-base', params: {} }, message: 'the engine worker has no analysis yet' };

/** The evaluation as it crosses to the page: without the analysis itself. */
function toMessage(evaluation: ProposalSetEvaluation, options: ProposalRunOptions, durationMs: number): ProposalEvaluation {
  const { afterAnalysis: _after, ...rest } = evaluation;
  return { ...rest, measure: options.measure, durationMs };
}

/**
 * The siting calls on the base `current()` returns (null: no analysis yet). A pin holds until the
 * base changes (`current()` returns another).
 */
export function createSitingCalls(current: () => SitingBase | null): SitingWorkerApi {
  let pinned: { base: SitingBase; pin: PinnedBase } | null = null;
  const pinnedOf = (base: SitingBase) => (pinned?.base === base ? pinned.pin : null);
  return {
  async propose(options, spentMs, onProgress): Promise<ProposalRunResponse | ProposalFailure> {
    try {
      const solver = options.method === 'exact' ? await (highs ??= loadHighs()) : null;
      const base = current();
      if (!base) return NO_BASE;
      const started = performance.now();
      // The gain phase reports every few hamlets; the page needs a few updates a second, not thousands.
      let lastPhase = '';
      let lastReport = 0;
      const report = (phase: string, done: number, total: number) => {
        const now = performance.now();
        if (phase === lastPhase && now - lastReport < PROGRESS_INTERVAL_MS && done < total) return;
        lastPhase = phase;
        lastReport = now;
        void onProgress?.(phase, done, total);
      };
      const result = proposeSites(
        base.analysis,
        {
          operators: options.operators,
          ...aimOptions(options),
          ...(options.problem === 'budget' && options.aim === 'coverage' ? { budget: options.budget } : {}),
          method: options.method,
          gridSpacingMeters: options.gridSpacingMeters,
          technology: options.technology,
          ...(options.radiusMeters !== null ? { radiusMeters: options.radiusMeters } : {}),
          timeLimitSeconds: options.timeLimitSeconds,
          // The page's time preparing the base counts against the limit too.
          now: () => performance.now(),
          deadlineMs: started + options.timeLimitSeconds * 1000 - spentMs,
          onProgress: report,
        },
        solver,
      );
      const solveMs = performance.now() - started;
      pinned = null;
      const proposals: ProposedSite[] = result.proposals.map((proposal) => ({
        id: proposal.id,
        kind: proposal.kind,
        ...(proposal.hostSiteId !== undefined ? { hostSiteId: proposal.hostSiteId } : {}),
        lng: proposal.lng,
        lat: proposal.lat,
        operator: proposal.operator,
        technology: proposal.technology,
        radiusMeters: proposal.radiusMeters,
        isEdited: false,
      }));
      return {
        summary: {
          options,
          problem: result.problem,
          method: result.method,
          optimal: result.optimal,
          gap: result.gap,
          status: result.status,
          objective: result.objective,
          count: result.proposals.length,
          greedy: result.greedy,
          targetShare: result.target.share,
          reachableShare: result.target.reachableShare,
          isReduced: result.target.isReduced,
          uncoverableCount: result.uncoverable.length,
          sharing: result.sharing ? { target: result.sharing.target, comparator: result.sharing.comparator, reachable: result.sharing.reachable, isReduced: result.sharing.isReduced } : null,
          candidates: result.candidates,
          timing: { limitSeconds: result.timing.limitSeconds, seconds: result.timing.seconds, cutShort: result.timing.cutShort },
          solveMs,
          baseMs: 0,
        },
        proposals,
        // The run's own evaluation (`proposeSites` ranks and names through `evaluateProposals`).
        evaluation: toMessage(result.evaluation, options, result.timing.seconds !== null ? result.timing.seconds * 1000 - (result.timing.phaseStartMs.after ?? 0) : 0),
      };
    } catch (error) {
      return failure(error);
    }
  },
  evaluate(request: EvaluationRequest) {
    const base = current();
    if (!base) return NO_BASE;
    try {
      const started = performance.now();
      const aim = resolveProposalAim(base.analysis.config, aimOptions(request.options), request.options.operators);
      const evaluation = evaluateProposals(base.analysis, request.proposals, aim, { baseKpis: base.kpis, pinned: pinnedOf(base) });
      return toMessage(evaluation, request.options, performance.now() - started);
    } catch (error) {
      return failure(error);
    }
  },
  pin(proposals, id) {
    const base = current();
    pinned = base ? { base, pin: pinProposals(base.analysis, proposals, id) } : null;
  },
  };
}
