import * as Comlink from 'comlink';
import type { AnalysisRequest, AnalysisResponse, AnalysisWorkerApi, ParsedLayer, ParseFailure, ParseRequest } from './messages';

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
