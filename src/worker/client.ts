import * as Comlink from 'comlink';
import type { AnalysisRequest, AnalysisResponse, AnalysisWorkerApi, ParsedLayer, ParseFailure, ParseRequest } from './messages';
import type { EvaluationRequest, ProposalBase, ProposalEvaluation, ProposalFailure, ProposalRunOptions, ProposalRunResponse, SitingWorkerApi } from './proposal-messages';

let remote: Comlink.Remote<AnalysisWorkerApi> | null = null;

// Created on first use, so modules that import the client (and their tests) never start a worker.
function worker(): Comlink.Remote<AnalysisWorkerApi> {
  if (!remote) {
    const instance = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
    remote = Comlink.wrap<AnalysisWorkerApi>(instance);
  }
  return remote;
}

/** Starts the worker now (its script loads while the page renders); later calls reuse it. */
export function warmUpWorker(): void {
  worker();
}

/** Parses one file with the core parsers, off the main thread. */
export function parseLayerInWorker(request: ParseRequest): Promise<ParsedLayer | ParseFailure> {
  return worker().parseLayer(request);
}

/** Runs the coverage engine off the main thread; `onProgress` gets (hamlets done, hamlets in all). */
export function analyzeInWorker(request: AnalysisRequest, onProgress?: (done: number, total: number) => void): Promise<AnalysisResponse> {
  return worker().analyze(request, onProgress ? Comlink.proxy(onProgress) : undefined);
}

// The siting worker is separate from the analysis worker: a proposal run can take seconds and is
// cancelled by terminating its worker, which must not take the coverage analysis down with it.
let siting: { instance: Worker; remote: Comlink.Remote<SitingWorkerApi> } | null = null;

function sitingWorker(): Comlink.Remote<SitingWorkerApi> {
  if (!siting) {
    const instance = new Worker(new URL('./siting.worker.ts', import.meta.url), { type: 'module', name: 'siting' });
    siting = { instance, remote: Comlink.wrap<SitingWorkerApi>(instance) };
  }
  return siting.remote;
}

/** Builds the base analysis the siting worker proposes from and evaluates edits against; resolves to its time (ms). */
export function setSitingBase(base: ProposalBase): Promise<number> {
  return sitingWorker().setBase(base);
}

/** Runs `proposeSites` in the siting worker; `onProgress` gets (phase, done, total). */
export function proposeInWorker(options: ProposalRunOptions, onProgress?: (phase: string, done: number, total: number) => void): Promise<ProposalRunResponse | ProposalFailure> {
  return sitingWorker().propose(options, onProgress ? Comlink.proxy(onProgress) : undefined);
}

/** Re-analyses a proposal set against the cached base analysis. */
export function evaluateInWorker(request: EvaluationRequest): Promise<ProposalEvaluation | ProposalFailure> {
  return sitingWorker().evaluate(request);
}

/** Stops the siting worker (a running proposal never answers); the next call starts a fresh one without a base. */
export function terminateSitingWorker(): void {
  siting?.instance.terminate();
  siting = null;
}
