import type { RecordColumns } from './record-columns';
import type { SiteColumns } from './site-columns';
import type { SitingWorkerApi } from './proposal-messages';
import type { BtsRecord, CoverageConfig, InputFilters, CoverageInput, CoverageReport, FibrePoint, FibreRoute, FieldMapping, Hamlet, ImportResult, IndicatorValue } from '../core';

/** The kinds of layer a user can import. */
export type LayerKind = 'hamlets' | 'sites' | 'fibre' | 'indicators';

/** A file handed to the worker for parsing: its text, its name, and whether it is GeoJSON/JSON or CSV. */
export interface ParseRequest {
  kind: LayerKind;
  /** The file's bytes, UTF-8 (transferred: the page neither decodes nor copies them). */
  bytes: ArrayBuffer;
  fileName: string;
  format: 'json' | 'csv';
  /** Accepted property names per hamlet field, when the user mapped unknown ones. */
  hamletFields?: FieldMapping;
}

/** What one parse returns, per kind; fibre GeoJSON may hold points and routes at once. */
export type ParsedLayer =
  | { kind: 'hamlets'; demo: boolean; result: ImportResult<Hamlet> }
  | { kind: 'sites'; result: ImportResult<BtsRecord> }
  | { kind: 'fibre'; result: ImportResult<FibrePoint>; routes: ImportResult<FibreRoute> }
  | { kind: 'indicators'; result: ImportResult<IndicatorValue> };

/** A fatal problem with a whole file, as a plain object (errors lose their fields across the boundary). */
export interface ParseFailure {
  kind: 'error';
  code: string;
  message: string;
}

/**
 * The dataset of one revision, posted to the engine worker once (it keeps it until the next
 * revision): hamlets with the merger table applied, routes, indicators; sites and fibre points as
 * columns, their buffers transferred (a million records as objects would be cloned).
 */
export interface EngineDataset {
  revision: number;
  input: Omit<CoverageInput, 'btsRecords' | 'fibrePoints' | 'operatorFilter'>;
  columns: { btsRecords: RecordColumns; fibrePoints: RecordColumns };
}

/** One analysis of the dataset the engine holds: only what changes between runs. */
export interface AnalysisRequest {
  /** The dataset revision this analysis is of (the engine refuses another). */
  revision: number;
  filters: InputFilters;
  config: CoverageConfig;
  groupBy: string[];
}

export interface AnalysisResponse {
  /** The report; from the worker its `sites` is empty and they come as `sites` columns (the client rebuilds them). */
  report: CoverageReport;
  sites?: SiteColumns;
  /** Time spent in the engine inside the worker. */
  durationMs: number;
}

/** The engine worker's functions through comlink (the siting calls are in `proposal-messages.ts`). */
export interface AnalysisWorkerApi extends SitingWorkerApi {
  parseLayer(request: ParseRequest): ParsedLayer | ParseFailure;
  /** Replaces the dataset the engine holds (and forgets the analysis of the previous one). */
  setDataset(dataset: EngineDataset): void;
  analyze(request: AnalysisRequest, onProgress?: (done: number, total: number) => void): AnalysisResponse;
}
