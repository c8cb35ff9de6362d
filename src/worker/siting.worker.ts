/// <reference lib="webworker" />
// The siting worker: keeps the last base analysis (so a what-if edit recomputes only the hamlets it
// touches) and loads HiGHS on the first exact run. Cancelling a run terminates this worker; the
// client starts a fresh one and sends the base again. Every answer is core's: `proposeSites`,
// `evaluateProposals`, `pinProposals`.
import * as Comlink from 'comlink';
import highsLoader from 'highs';
import wasmUrl from 'highs/runtime?url';
import {
  buildCoverageReport,
  createCoverageAnalysis,
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

let base: { analysis: CoverageAnalysis; kpis: KpiSet } | null = null;
let pinned: PinnedBase | null = null;
let highs: Promise<HighsLike> | null = null;
const PROGRESS_INTERVAL_MS = 150;

function failure(error: unknown): ProposalFailure {
  if (error instanceof SitingError) return { kind: 'error', code: error.code, detail: error.detail, message: error.message };
  return { kind: 'error', code: 'unexpected', detail: { code: 'error.unexpected', params: {} }, message: error instanceof Error ? error.message : String(error) };
}

const NO_BASE: ProposalFailure = { kind: 'error', code: 'no-base', detail: { code: 'error.no-base', params: {} }, message: 'the siting worker has no analysis yet' };

/** The evaluation as it crosses to the page: without the analysis itself. */
function toMessage(evaluation: ProposalSetEvaluation, options: ProposalRunOptions, durationMs: number): ProposalEvaluation {
  const { afterAnalysis: _after, ...rest } = evaluation;
  return { ...rest, measure: options.measure, durationMs };
}

const api: SitingWorkerApi = {
  setBase({ input, config }) {
    const started = performance.now();
    const analysis = createCoverageAnalysis(input, config);
    base = { analysis, kpis: buildCoverageReport(analysis, []).kpis };
    pinned = null;
    return performance.now() - started;
  },
  async propose(options, spentMs, onProgress): Promise<ProposalRunResponse | ProposalFailure> {
    if (!base) return NO_BASE;
    try {
      const solver = options.method === 'exact' ? await (highs ??= highsLoader({ locateFile: () => wasmUrl }) as Promise<HighsLike>) : null;
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
    if (!base) return NO_BASE;
    try {
      const started = performance.now();
      const aim = resolveProposalAim(base.analysis.config, aimOptions(request.options), request.options.operators);
      const evaluation = evaluateProposals(base.analysis, request.proposals, aim, { baseKpis: base.kpis, pinned });
      return toMessage(evaluation, request.options, performance.now() - started);
    } catch (error) {
      return failure(error);
    }
  },
  pin(proposals, id) {
    if (base) pinned = pinProposals(base.analysis, proposals, id);
  },
};

Comlink.expose(api);
