import * as Comlink from 'comlink';
import type { MeasurementSet, RadiusOverride } from '../core';
import type { EvidenceFailure, EvidenceRequest, EvidenceResponse, EvidenceWorkerApi, HexViewRequest } from './evidence-messages';
import type { AttributeInspection, BytesParseFailure, BytesParseRequest, BytesParseSuccess, ImportWorkerApi, MeasurementParseRequest, MeasurementParseSuccess, ReferenceParseRequest, ReferenceParseSuccess, ResultExportRequest, ResultExportSuccess } from './import-messages';
import { recordColumnBuffers } from './record-columns';
import { decodeSiteColumns } from './site-columns';
import type { AnalysisRequest, AnalysisResponse, AnalysisWorkerApi, EngineDataset, ParsedLayer, ParseFailure, ParseRequest } from './messages';
import type { EvaluationRequest, ProposalEvaluation, ProposalFailure, ProposalRunOptions, ProposalRunResponse, ProposedSite } from './proposal-messages';

// The engine worker holds the dataset of one revision (posted once) and the last analysis, which the
// siting calls reuse. Cancelling a proposal run terminates it; the next call starts a fresh one,
// which is posted the dataset again.
let engine: { instance: Worker; remote: Comlink.Remote<AnalysisWorkerApi>; revision: number | null } | null = null;

// Created on first use, so modules that import the client (and their tests) never start a worker.
function engineWorker(): NonNullable<typeof engine> {
  if (!engine) {
    const instance = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
    engine = { instance, remote: Comlink.wrap<AnalysisWorkerApi>(instance), revision: null };
  }
  return engine;
}

function worker(): Comlink.Remote<AnalysisWorkerApi> {
  return engineWorker().remote;
}

/** Starts the worker now (its script loads while the page renders); later calls reuse it. */
export function warmUpWorker(): void {
  worker();
}

/** Parses one file with the core parsers, off the main thread (its bytes are transferred, so the caller loses them). */
export function parseLayerInWorker(request: ParseRequest): Promise<ParsedLayer | ParseFailure> {
  return worker().parseLayer(Comlink.transfer(request, [request.bytes]));
}

/** The dataset revision the engine worker holds (null: none, e.g. a fresh worker). */
export function engineRevision(): number | null {
  return engine?.revision ?? null;
}

/** Posts a revision's dataset to the engine worker, which keeps it; the column buffers are transferred (`dataset` is spent). */
export function setEngineDataset(dataset: EngineDataset): Promise<void> {
  const current = engineWorker();
  current.revision = dataset.revision;
  const transferred = [dataset.columns.btsRecords, dataset.columns.fibrePoints].flatMap(recordColumnBuffers);
  return current.remote.setDataset(Comlink.transfer(dataset, transferred));
}

/** Analyses the engine's dataset (see {@link setEngineDataset}) off the main thread; `onProgress` gets (hamlets done, hamlets in all). */
export function analyzeInWorker(request: AnalysisRequest, onProgress?: (done: number, total: number) => void): Promise<AnalysisResponse> {
  const answer = worker().analyze(request, onProgress ? Comlink.proxy(onProgress) : undefined);
  return answer.then(({ report, sites, durationMs }) => ({ report: sites ? decodeSiteColumns({ report, sites }) : report, durationMs }));
}

// The import worker lives apart from the analysis worker: a cancelled import terminates its worker
// (the next import starts a fresh one), which must not stop the analysis.
let importing: { instance: Worker; remote: Comlink.Remote<ImportWorkerApi>; reject: ((error: Error) => void) | null } | null = null;

function importWorker(): NonNullable<typeof importing> {
  if (!importing) {
    const instance = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
    importing = { instance, remote: Comlink.wrap<ImportWorkerApi>(instance), reject: null };
  }
  return importing;
}

/** The rejection of a parse that {@link cancelBytesParse} stopped. */
export class ImportCancelledError extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelledError';
  }
}

/** Parses one file's bytes with core `parseInputBytes` in the import worker; the ArrayBuffer is transferred, not copied. */
export function parseBytesInWorker(request: BytesParseRequest, onReaderProgress?: (loaded: number, total: number) => void): Promise<BytesParseSuccess | BytesParseFailure> {
  const worker = importWorker();
  const transferred = [request.bytes, ...(request.companions ?? []).map((companion) => companion.bytes)];
  return new Promise((resolve, reject) => {
    worker.reject = reject;
    worker.remote
      .parseBytes(Comlink.transfer(request, transferred), onReaderProgress ? Comlink.proxy(onReaderProgress) : undefined)
      .then(resolve, reject)
      .finally(() => {
        if (worker.reject === reject) worker.reject = null;
      });
  });
}

/** The attribute names of a layer of features, read in the import worker (GDAL loaded there for a GIS file); cancelled like a parse. */
export function inspectAttributesInWorker(request: Omit<BytesParseRequest, 'config' | 'options'>, onReaderProgress?: (loaded: number, total: number) => void): Promise<AttributeInspection | BytesParseFailure> {
  const worker = importWorker();
  return new Promise((resolve, reject) => {
    worker.reject = reject;
    worker.remote
      .inspectAttributes(request, onReaderProgress ? Comlink.proxy(onReaderProgress) : undefined)
      .then(resolve, reject)
      .finally(() => {
        if (worker.reject === reject) worker.reject = null;
      });
  });
}

/** Writes the hamlet results in one format in the import worker (GDAL loaded there on first use). */
export function exportResultsInWorker(request: ResultExportRequest, onReaderProgress?: (loaded: number, total: number) => void): Promise<ResultExportSuccess> {
  return importWorker().remote.exportResults(request, onReaderProgress ? Comlink.proxy(onReaderProgress) : undefined);
}

/** Stops a running parse at once by terminating the import worker; its promise rejects with {@link ImportCancelledError}. */
export function cancelBytesParse(): void {
  if (!importing) return;
  const { instance, reject } = importing;
  importing = null;
  instance.terminate();
  reject?.(new ImportCancelledError());
}

/** Runs `proposeSites` on the engine's analysis; `spentMs` counts against the time limit; `onProgress` gets (phase, done, total). */
export function proposeInWorker(options: ProposalRunOptions, spentMs: number, onProgress?: (phase: string, done: number, total: number) => void): Promise<ProposalRunResponse | ProposalFailure> {
  return worker().propose(options, spentMs, onProgress ? Comlink.proxy(onProgress) : undefined);
}

/** Re-analyses a proposal set against the engine's analysis. */
export function evaluateInWorker(request: EvaluationRequest): Promise<ProposalEvaluation | ProposalFailure> {
  return worker().evaluate(request);
}

/** Folds every proposal but `id` into the engine's analysis, so dragging `id` re-analyses only its hamlets. */
export function pinInWorker(proposals: ProposedSite[], id: string): Promise<void> {
  return worker().pin(proposals, id);
}

/** Stops the engine worker (a running proposal never answers); the next call starts a fresh one without a dataset. */
export function terminateEngineWorker(): void {
  engine?.instance.terminate();
  engine = null;
}

// The evidence worker keeps the field tests and judges them against the analysis; apart from the
// analysis worker, so a calibration's re-analyses never hold up the map.
let evidence: Comlink.Remote<EvidenceWorkerApi> | null = null;

function evidenceWorker(): Comlink.Remote<EvidenceWorkerApi> {
  if (!evidence) {
    const instance = new Worker(new URL('./evidence.worker.ts', import.meta.url), { type: 'module', name: 'evidence' });
    evidence = Comlink.wrap<EvidenceWorkerApi>(instance);
  }
  return evidence;
}

/** Hands the field tests to the evidence worker (a copy: the store keeps its own). */
export function setMeasurementsInWorker(set: MeasurementSet | null): Promise<void> {
  return evidenceWorker().setMeasurements(set);
}

/** Judges the tests against the analysis of `request.input`, with the radii already applied. */
export function evaluateEvidenceInWorker(request: EvidenceRequest, overrides: RadiusOverride[]): Promise<EvidenceResponse | EvidenceFailure> {
  return evidenceWorker().evaluate(request, overrides);
}

/** The last judged analysis on H3 hexagons, as GeoJSON. */
export function hexViewInWorker(request: HexViewRequest): Promise<GeoJSON.FeatureCollection | EvidenceFailure> {
  return evidenceWorker().hexView(request);
}

/** Reads a reference layer's bytes in the import worker (cancelled like any import). */
export function parseReferenceInWorker(request: ReferenceParseRequest): Promise<ReferenceParseSuccess | BytesParseFailure> {
  const worker = importWorker();
  return new Promise((resolve, reject) => {
    worker.reject = reject;
    worker.remote
      .parseReference(Comlink.transfer(request, [request.bytes, ...(request.companions ?? []).map((companion) => companion.bytes)]))
      .then(resolve, reject)
      .finally(() => {
        if (worker.reject === reject) worker.reject = null;
      });
  });
}

/** Parses a measurement file's bytes in the import worker (cancelled like any import); `onProgress` gets (rows done, rows). */
export function parseMeasurementsInWorker(request: MeasurementParseRequest, onProgress?: (done: number, total: number) => void): Promise<MeasurementParseSuccess | BytesParseFailure> {
  const worker = importWorker();
  return new Promise((resolve, reject) => {
    worker.reject = reject;
    worker.remote
      .parseMeasurements(Comlink.transfer(request, [request.bytes]), onProgress ? Comlink.proxy(onProgress) : undefined)
      .then(resolve, reject)
      .finally(() => {
        if (worker.reject === reject) worker.reject = null;
      });
  });
}
