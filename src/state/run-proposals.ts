import { evaluateInWorker, pinInWorker, proposeInWorker, terminateEngineWorker } from '../worker/client';
import type { ProposalEvaluation, ProposalFailure } from '../worker/proposal-messages';
import { useAnalysisStore } from './analysis-store';
import { useDatasetStore } from './dataset-store';
import { SHARED_TOWER_OPERATOR } from '../core';
import { selectJudgingOptions, selectTargetOperators, useProposalsStore } from './proposals-store';
import { runAnalysis } from './run-analysis';
import { useSettingsStore } from './settings-store';

// The proposals work on the engine worker's own analysis (the one the map shows): a run or an
// evaluation queued after an analysis uses that analysis, with no analysis of its own.
let runGeneration = 0;
let evaluationChain: Promise<void> = Promise.resolve();

function isFailure(value: unknown): value is ProposalFailure {
  return typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'error';
}

/** Runs the proposal solver in the engine worker with the panel's options. */
export async function runProposals(): Promise<void> {
  const dataset = useDatasetStore.getState();
  if (dataset.status !== 'ready' || dataset.hamlets.length === 0) return;
  const run = ++runGeneration;
  const { actions, options } = useProposalsStore.getState();
  actions.startRun();
  try {
    actions.setProgress({ phase: 'analysis', done: 0, total: 1 });
    // Nothing to prepare first (the engine's analysis serves): the whole limit is the solver's.
    const response = await proposeInWorker(options, 0, (phase, done, total) => {
      if (run === runGeneration) actions.setProgress({ phase, done, total });
    });
    if (run !== runGeneration) return;
    if (isFailure(response)) {
      actions.failRun(response.detail);
      return;
    }
    actions.finishRun(response.summary, response.proposals, response.evaluation);
    performance.mark('proposals-done', { detail: { solveMs: response.summary.solveMs, proposals: response.proposals.length } });
  } catch (error) {
    // The worker itself failed (it could not start, it crashed): no coded reason to give.
    if (run === runGeneration) actions.failRun({ code: 'error.unexpected', params: {} });
    console.warn('proposal run failed', error);
  }
}

/**
 * Stops a running proposal: the engine worker is terminated, and a fresh one is posted the dataset
 * and analyses it again (the map keeps the last report meanwhile).
 */
export function cancelProposals(): void {
  if (useProposalsStore.getState().status !== 'running') return;
  runGeneration++;
  terminateEngineWorker();
  // An evaluation pending in the terminated worker never answers; start the chain afresh.
  evaluationChain = Promise.resolve();
  void runAnalysis();
  useProposalsStore.getState().actions.cancelRun();
  if (useProposalsStore.getState().proposals.length > 0) void evaluateProposals();
}

/** Re-analyses the current proposal set in the worker (the last edit wins; older answers are dropped). */
export function evaluateProposals(): Promise<void> {
  evaluationChain = evaluationChain.then(async () => {
    const state = useProposalsStore.getState();
    const revision = state.revision;
    if (state.status === 'running' || useAnalysisStore.getState().report === null) return;
    state.actions.setEvaluating();
    try {
      const request = { proposals: state.proposals, options: selectJudgingOptions(state) };
      const result: ProposalEvaluation | ProposalFailure = await evaluateInWorker(request);
      if (isFailure(result)) {
        state.actions.setEvaluation(null, revision);
        return;
      }
      state.actions.setEvaluation(result, revision);
      performance.mark('proposals-evaluated', { detail: { revision, durationMs: result.durationMs } });
    } catch {
      state.actions.setEvaluation(null, revision);
    }
  });
  return evaluationChain;
}

/**
 * Folds the other proposals into the worker's base when one is picked, so its edits (drag, typed
 * move, delete) recompute only the hamlets it reaches. Queued with the evaluations, in order.
 */
function pinSelected(id: string): void {
  evaluationChain = evaluationChain.then(async () => {
    const state = useProposalsStore.getState();
    if (state.status === 'running' || useAnalysisStore.getState().report === null || !state.proposals.some((proposal) => proposal.id === id)) return;
    try {
      await pinInWorker(state.proposals, id);
    } catch {
      // Without a pin the next edit simply takes the longer way.
    }
  });
}

/** Re-evaluates the proposals after every edit and after every new analysis (dataset, filters, settings). */
export function startProposalsRunner(): () => void {
  const unsubscribers = [
    useProposalsStore.subscribe((state, previous) => {
      if (state.revision !== previous.revision && state.status !== 'running') {
        // A finished run arrives with its own evaluation; edits and loads need one.
        if (!(state.status === 'done' && previous.status === 'running')) void evaluateProposals();
      }
      if (state.selectedId !== previous.selectedId && state.selectedId !== null) pinSelected(state.selectedId);
    }),
    useAnalysisStore.subscribe((state, previous) => {
      if (state.report !== previous.report && state.report !== null && useProposalsStore.getState().proposals.length > 0) void evaluateProposals();
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

/** Operator of a site the user adds: the first chosen operator, else none yet (a shared tower). */
export function operatorForNewSite(): string {
  return selectTargetOperators(useProposalsStore.getState())[0] ?? SHARED_TOWER_OPERATOR;
}

/** Adds a new tower where the user clicked, with the run's technology and radius (or the configured one). */
export function addProposalAt(lng: number, lat: number): void {
  const state = useProposalsStore.getState();
  const options = state.summary?.options ?? state.options;
  const radius = options.radiusMeters ?? useSettingsStore.getState().radiiMeters[options.technology];
  state.actions.addProposal(lng, lat, operatorForNewSite(), radius);
}
