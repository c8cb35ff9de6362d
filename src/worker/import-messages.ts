import type { CoverageConfig, Hamlet, HamletResult, InputKind, InputProblem, ParsedInputBytes, ParseInputOptions, ParsedMeasurementBytes, ParsedReferenceLayer } from '../core';
import type { ResultExportFormat } from '../formats/write-result-files';
import type { ProposalExportItem, SiteExportInput } from '../formats/layer-export-tables';
import type { ExportLayer } from '../formats/write-gis-exports';

/** A file's bytes for the import worker; `bytes` is transferred, so the sender's copy becomes empty. */
export interface BytesParseRequest {
  kind: InputKind;
  fileName: string;
  bytes: ArrayBuffer;
  config: CoverageConfig;
  /** Sheet and coordinate system as chosen by the user; a `CrsDefinition` object is not sent, only ids. */
  options: Omit<ParseInputOptions, 'crs'> & { crs?: string };
  /** Files picked with a MapInfo table (its .dat, .map, .id; a .mif's .mid), transferred too. */
  companions?: { fileName: string; bytes: ArrayBuffer }[];
}

/** What `parseInputBytes` returned, and its time inside the worker. */
export interface BytesParseSuccess {
  kind: 'parsed';
  parsed: ParsedInputBytes;
  durationMs: number;
}

/** A layer's attribute names (a Shapefile's, GeoPackage's, GeoJSON's properties), for the column choice. */
export interface AttributeInspection {
  kind: 'attributes';
  headers: string[];
}

/** A whole-file problem as plain data (errors lose their fields across the boundary), translated by the page. */
export interface BytesParseFailure {
  kind: 'error';
  problem: InputProblem;
  /** A workbook's sheets, when the sheet read could not be used: the user may pick another. */
  sheetNames?: string[];
}

/** A measurement file's bytes for the import worker (transferred). */
export interface MeasurementParseRequest {
  fileName: string;
  bytes: ArrayBuffer;
  options: Omit<ParseInputOptions, 'crs'> & { crs?: string };
}

/** What `parseMeasurementBytes` returned (its columns transferred back), and its time inside the worker. */
export interface MeasurementParseSuccess {
  kind: 'parsed';
  parsed: ParsedMeasurementBytes;
  durationMs: number;
}

/** A reference (context) layer's file: the same readers and coordinate rules as the other imports. */
export interface ReferenceParseRequest {
  fileName: string;
  bytes: ArrayBuffer;
  options: Omit<ParseInputOptions, 'crs'> & { crs?: string };
  /** Files picked with a MapInfo table: its .dat, .map, .id (a .mif's .mid). */
  companions?: { fileName: string; bytes: ArrayBuffer }[];
}

/** The reference layer read, and its time inside the worker. */
export interface ReferenceParseSuccess {
  kind: 'parsed';
  parsed: ParsedReferenceLayer;
  durationMs: number;
}

/** The results to write in one format (GDAL, loaded on first use, writes the GIS formats). */
export interface ResultExportRequest {
  format: ResultExportFormat;
  /** The layer a GIS format writes (the workbook holds every layer). */
  layer: ExportLayer;
  hamlets: Hamlet[];
  results: HamletResult[];
  sites: SiteExportInput;
  proposals: ProposalExportItem[];
  /** The system to write GIS files in (proj4); WGS84 when absent. */
  targetProj4?: string;
  language: 'vi' | 'en';
}

/** The files written, by name (a MapInfo TAB comes with its .dat, .map and .id). */
export interface ResultExportSuccess {
  files: { name: string; bytes: Uint8Array }[];
}

/** The functions the import worker exposes through comlink. */
export interface ImportWorkerApi {
  /** `onReaderProgress`: bytes of the GIS reader (gdal3.js) received, while it loads for a GIS file. */
  parseBytes(request: BytesParseRequest, onReaderProgress?: (loaded: number, total: number) => void): Promise<BytesParseSuccess | BytesParseFailure>;
  /** The attribute names of a layer of features (GIS files through GDAL), without parsing it; none for a table or a drawing. */
  inspectAttributes(request: Omit<BytesParseRequest, 'config' | 'options'>, onReaderProgress?: (loaded: number, total: number) => void): Promise<AttributeInspection | BytesParseFailure>;
  parseMeasurements(request: MeasurementParseRequest, onProgress?: (done: number, total: number) => void): Promise<MeasurementParseSuccess | BytesParseFailure>;
  parseReference(request: ReferenceParseRequest): Promise<ReferenceParseSuccess | BytesParseFailure>;
  /** `onReaderProgress`: as for `parseBytes`, while gdal3.js loads for a GIS format. */
  exportResults(request: ResultExportRequest, onReaderProgress?: (loaded: number, total: number) => void): Promise<ResultExportSuccess>;
}
