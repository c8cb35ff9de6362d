import { applyColumnChoice, checkInputSize, decodeText, MERGER_COLUMN_ALIASES, parseMergerCsv, parseMergerTable, readTableBytes, type InputKind, type ParsedInputBytes } from '../../core';
import { useDatasetStore, type DatasetLayerName } from '../../state/dataset-store';
import { buildCoverageConfig, useSettingsStore } from '../../state/settings-store';
import { parseBytesInWorker } from '../../worker/client';
import type { ImportKind } from './column-mapping';
import { failedReport, problemFromError, reportFromParsed, type ImportReport } from './import-report';
import { readFileBytes } from './read-file-bytes';
import { refuseMeasurementsBySize } from '../measurements/import-measurements';
import { GIS_ACCEPT } from '../../formats/gis-file-names';

export type { ImportReport } from './import-report';

/**
 * The files picked or dropped at once as one import: a MapInfo table with its .dat, .map, .id (a .mif
 * with its .mid) is one file and its companions; otherwise the first file alone. Null for no file.
 */
export async function groupPickedFiles(list: readonly File[]): Promise<{ main: File; companions: File[] } | null> {
  if (list.length <= 1) return list[0] === undefined ? null : { main: list[0], companions: [] };
  const { groupGisFiles } = await import('../../formats/gis-file-names');
  const group = groupGisFiles(list.map((file) => ({ name: file.name, file }))).groups[0];
  return group === undefined ? { main: list[0], companions: [] } : { main: group.main.file, companions: group.companions.map((companion) => companion.file) };
}

/** Every extension core reads (`parseInputBytes`); the format itself is decided from the name and first bytes. */
export const IMPORT_ACCEPT = `.geojson,.json,.topojson,.csv,.tsv,.txt,.xlsx,.xls,.kml,.kmz,.zip,${GIS_ACCEPT}`;

export function fileFormatOf(fileName: string): 'csv' | 'json' | 'other' {
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return /\.(geojson|json)$/i.test(fileName) ? 'json' : 'other';
}

/** One file to import and the choices made for it so far (sheet, coordinate system, renamed columns). */
export interface ImportJob {
  kind: ImportKind;
  file: Blob;
  fileName: string;
  sheet?: string;
  crs?: string;
  /** The header row the user picked (a CSV line, a sheet row). */
  headerRow?: number;
  /** The columns the user mapped: field → header as in the table (a layer: field → attribute). */
  columns?: Record<string, string>;
  /** The user answered the hamlet layer's scale question (units too large, names like communes) with "analyse anyway". */
  isLayerAccepted?: boolean;
  /** Files picked with a MapInfo table: its .dat, .map, .id (a .mif's .mid). */
  companions?: { name: string; file: Blob }[];
}

export interface ImportProgress {
  /** `loading-reader`: the GIS file reader (gdal3.js) is downloading, the first time such a file is opened. */
  phase: 'reading' | 'parsing' | 'loading-reader';
  /** 0–1 while reading or loading the reader; null while parsing (core gives no intermediate progress). */
  share: number | null;
}

export type ParseOutcome = { kind: 'parsed'; parsed: ParsedInputBytes; report: ImportReport } | { kind: 'failed'; report: ImportReport; sheetNames?: string[] };

/**
 * What the page reads, lower than the command line's 200 MB: a 68 MB GeoJSON of 273,542 polygons
 * parsed in the worker but then stalled the page for tens of seconds while the layer was copied to
 * IndexedDB, the map and the analysis worker (README, "Loading real data"). A province's layers are
 * a few MB; larger files go through `npm run analyze`, which reads up to 200 MB.
 */
export const BROWSER_MAX_INPUT_BYTES: Record<InputKind, number> = {
  hamlets: 25 * 1024 * 1024,
  sites: 25 * 1024 * 1024,
  fibre: 25 * 1024 * 1024,
  indicators: 10 * 1024 * 1024,
};

/** The file's size check as a report, or null when it may be read. */
export function refuseBySize(kind: ImportKind, fileName: string, size: number): ImportReport | null {
  if (kind === 'measurements') return refuseMeasurementsBySize(fileName, size);
  const check = checkInputSize(size, kind === 'merger' ? 'indicators' : kind === 'reference' ? 'hamlets' : kind, fileName, BROWSER_MAX_INPUT_BYTES);
  if (check.ok) return null;
  const problem = { code: 'file-too-large' as const, params: check.reason?.params ?? {}, file: fileName };
  return { ...failedReport(fileName, kind, problem), size: { sizeBytes: check.sizeBytes, limitBytes: check.limitBytes } };
}

/**
 * Reads a file (with progress) and parses it with core `parseInputBytes` in the import worker; the
 * merger table is small and read here. A file over the size limit is refused before it is read.
 */
export async function parseImportJob(job: ImportJob, onProgress: (progress: ImportProgress) => void, signal?: AbortSignal): Promise<ParseOutcome> {
  const refused = refuseBySize(job.kind, job.fileName, job.file.size);
  if (refused) return { kind: 'failed', report: refused };
  onProgress({ phase: 'reading', share: 0 });
  const buffer = await readFileBytes(job.file, (share) => onProgress({ phase: 'reading', share }), signal);
  performance.mark('import-read');
  onProgress({ phase: 'parsing', share: null });
  if (job.kind === 'merger' || job.kind === 'measurements') throw new Error(`${job.kind} files are imported by their own reader`);
  const settings = useSettingsStore.getState();
  const config = buildCoverageConfig(settings);
  const companions = await readCompanions(job);
  const onReaderProgress = (loaded: number, total: number) => onProgress(loaded >= total && total > 0 ? { phase: 'parsing', share: null } : { phase: 'loading-reader', share: total > 0 ? loaded / total : null });
  const response = await parseBytesInWorker({
    kind: job.kind as InputKind,
    fileName: job.fileName,
    bytes: buffer,
    config,
    options: {
      ...(job.sheet === undefined ? {} : { sheet: job.sheet }),
      ...(job.crs === undefined ? {} : { crs: job.crs }),
      ...(job.headerRow === undefined ? {} : { headerRow: job.headerRow }),
      ...(job.columns === undefined ? {} : { columns: job.columns }),
    },
    ...(companions.length > 0 ? { companions } : {}),
  }, onReaderProgress);
  if (response.kind === 'error') return { kind: 'failed', report: failedReport(job.fileName, job.kind, response.problem), ...(response.sheetNames ? { sheetNames: response.sheetNames } : {}) };
  return { kind: 'parsed', parsed: response.parsed, report: reportFromParsed(job.fileName, job.kind, response.parsed, response.durationMs) };
}

/** The files picked with a job's main file (a MapInfo table's .dat, .map, .id), read for the import worker. */
export function readCompanions(job: ImportJob): Promise<{ fileName: string; bytes: ArrayBuffer }[]> {
  return Promise.all((job.companions ?? []).map(async (companion) => ({ fileName: companion.name, bytes: await companion.file.arrayBuffer() })));
}

/** Puts a parsed file's items into the dataset (replace or add). A file with no usable item changes nothing. */
export function commitParsed(kind: Exclude<ImportKind, 'merger' | 'measurements' | 'reference'>, parsed: ParsedInputBytes, mode: 'replace' | 'add'): void {
  const { importLayer } = useDatasetStore.getState().actions;
  const { input } = parsed;
  if (kind === 'fibre') {
    const points = input.fibrePoints ?? [];
    const routes = input.fibreRoutes ?? [];
    if (points.length === 0 && routes.length === 0) return;
    importLayer('fibrePoints', points, mode);
    importLayer('fibreRoutes', routes, mode);
    return;
  }
  const layer: Record<typeof kind, DatasetLayerName> = { hamlets: 'hamlets', sites: 'btsRecords', indicators: 'indicators' };
  const items = (kind === 'hamlets' ? input.hamlets : kind === 'sites' ? input.btsRecords : input.indicators) ?? [];
  if (items.length > 0) importLayer(layer[kind], items as never, mode);
}

/**
 * Reads the commune merger table (CSV in any encoding, or .xlsx; header row and columns as the mapping
 * step chose) here: it is a few hundred rows. A table with no usable row is refused like any other
 * file, and the current table is kept.
 */
export async function importMergerTable(job: ImportJob, mode: 'replace' | 'add'): Promise<ImportReport> {
  const { fileName } = job;
  try {
    const bytes = new Uint8Array(await job.file.arrayBuffer());
    const read = await readTableBytes(fileName, bytes, { ...(job.sheet === undefined ? {} : { sheet: job.sheet }), ...(job.headerRow === undefined ? {} : { headerRow: job.headerRow }) });
    const result = read === null
      ? parseMergerCsv(decodeText(bytes, fileName).text, fileName)
      : parseMergerTable(job.columns === undefined ? read.table : applyColumnChoice(read.table, MERGER_COLUMN_ALIASES, job.columns), read.label);
    if (result.rowsRead === 0) return failedReport(fileName, 'merger', { code: 'no-rows', params: {}, file: fileName });
    if (result.items.length === 0) {
      const first = result.skipped[0];
      return failedReport(fileName, 'merger', { code: 'no-usable-rows', params: { count: result.rowsRead, first: first.where, reason: { code: first.code, params: first.params } }, file: fileName });
    }
    useDatasetStore.getState().actions.importLayer('merger', result.items, mode);
    return { fileName, kind: 'merger', rowsRead: result.rowsRead, rowsUsed: result.rowsUsed, skipped: result.skipped, warnings: result.warnings, problem: null };
  } catch (error) {
    return failedReport(fileName, 'merger', problemFromError(fileName, error));
  }
}
