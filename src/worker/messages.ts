import type { RecordColumns } from './record-columns';
import type { BtsRecord, CoverageConfig, CoverageInput, CoverageReport, FibrePoint, FibreRoute, FieldMapping, Hamlet, ImportResult, IndicatorValue } from '../core';

/** The kinds of layer a user can import. */
export type LayerKind = 'hamlets' | 'sites' | 'fibre' | 'indicators';

/** A file handed to the worker for parsing: its text, its name, and whether it is GeoJSON/JSON or CSV. */
export interface ParseRequest {
  kind: LayerKind;
  text: string;
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

export interface AnalysisRequest {
  /** The input; its sites and fibre points (and an operator filter's other sites) come as `columns` when those are given. */
  input: CoverageInput;
  /** Sites and fibre points as columns, their buffers transferred: a million records as objects would be cloned. */
  columns?: { btsRecords: RecordColumns; fibrePoints: RecordColumns; otherBtsRecords: RecordColumns | null };
  config: CoverageConfig;
  groupBy: string[];
}

export interface AnalysisResponse {
  report: CoverageReport;
  /** Time spent in the engine inside the worker. */
  durationMs: number;
}

/** The functions the analysis worker exposes through comlink. */
export interface AnalysisWorkerApi {
  parseLayer(request: ParseRequest): ParsedLayer | ParseFailure;
  analyze(request: AnalysisRequest, onProgress?: (done: number, total: number) => void): AnalysisResponse;
}
