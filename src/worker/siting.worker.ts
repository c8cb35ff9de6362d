/// <reference lib="webworker" />
// The siting worker: keeps the last base analysis (so a what-if edit recomputes only the hamlets it
// touches) and loads HiGHS on the first exact run. Cancelling a run terminates this worker; the
// client starts a fresh one and sends the base again.
import * as Comlink from 'comlink';
import highsLoader from 'highs';
import wasmUrl from 'highs/runtime?url';
import { buildCoverageReport, createCoverageAnalysis, proposeSites, SitingError, type CoverageAnalysis, type HighsLike, type KpiSet } from '../core';
import { evaluateProposals, pinProposals, type PinnedBase } from './evaluate-proposals';
import type { ProposalFailure, ProposalRunOptions, ProposalRunResponse, ProposedSite, SitingWorkerApi } from './proposal-messages';

let base: { analysis: CoverageAnalysis; kpis: KpiSet } | null = null;
let pinned: PinnedBase | null = null;
let highs: Promise<HighsLike> | null = null;
const PROGRESS_INTERVAL_MS = 150;

function failure(error: unknown): ProposalFailure {
  if (error instanceof SitingError) return { kind: 'error', code: error.code, message: error.message };
  return { kind: 'error', code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

const NO_BASE: ProposalFailure = { kind: 'error', code: 'no-base', message: 'the siting worker has no analysis yet' };

const api: SitingWorkerApi = {
  setBase({ input, config }) {
    const started = performance.now();
    const analysis = createCoverageAnalysis(input, config);
    base = { analysis, kpis: buildCoverageReport(analysis, []).kpis };
    pinned = null;
    return performance.now() - started;
  },
  async propose(options: ProposalRunOptions, onProgress): Promise<ProposalRunResponse | ProposalFailure> {
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
          targetShare: options.targetShare,
          targetMeasure: options.measure,
          ...(options.problem === 'budget' ? { budget: options.budget } : {}),
          method: options.method,
          gridSpacingMeters: options.gridSpacingMeters,
          technology: options.technology,
          ...(options.radiusMeters !== null ? { radiusMeters: options.radiusMeters } : {}),
          timeLimitSeconds: options.timeLimitSeconds,
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
        operators: proposal.operators,
        technology: proposal.technology,
        radiusMeters: proposal.radiusMeters,
        solverNewlyCovered: proposal.newlyCovered,
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
          candidates: result.candidates,
          solveMs,
          baseMs: 0,
        },
        proposals,
        evaluation: evaluateProposals(base.analysis, base.kpis, { proposals, operators: options.operators, measure: options.measure }),
      };
    } catch (error) {
      return failure(error);
    }
  },
  evaluate(request) {
    if (!base) return NO_BASE;
    try {
      return evaluateProposals(base.analysis, base.kpis, request, pinned);
    } catch (error) {
      return failure(error);
    }
  },
  pin(proposals, id) {
    if (base) pinned = pinProposals(base.analysis, proposals, id);
  },
};

Comlink.expose(api);
