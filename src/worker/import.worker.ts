/// <reference lib="webworker" />
// The import worker: reads one file's bytes with core `parseInputBytes`. It is separate from the
// analysis worker because cancelling an import terminates it, which must not stop the analysis.
import * as Comlink from 'comlink';
import { detectInputFormat, inspectFeatureBytes, isInputProblem, parseInputBytes, parseMeasurementBytes, parseReferenceBytes, readXlsxTable, type InputProblem } from '../core';
import { detectGisFormat } from '../formats/gis-format';
import type { AttributeInspection, BytesParseFailure, BytesParseRequest, BytesParseSuccess, ImportWorkerApi, MeasurementParseRequest, MeasurementParseSuccess, ReferenceParseRequest, ReferenceParseSuccess, ResultExportRequest, ResultExportSuccess } from './import-messages';

/** Where the build puts gdal3.js's WebAssembly and data (vite.config.ts), on the app's own origin. */
const GDAL_URL = new URL(`${import.meta.env.BASE_URL}gdal/`, self.location.origin).href;

/** The companions of a message (a MapInfo table's .dat, .map, .id) as the GIS readers take them. */
const gisFilesOf = (companions: { fileName: string; bytes: ArrayBuffer }[]) => companions.map((companion) => ({ name: companion.fileName, bytes: new Uint8Array(companion.bytes) }));

const api: ImportWorkerApi = {
  async parseBytes({ kind, fileName, bytes, config, options, companions = [] }: BytesParseRequest, onReaderProgress?: (loaded: number, total: number) => void): Promise<BytesParseSuccess | BytesParseFailure> {
    const started = performance.now();
    try {
      const data = new Uint8Array(bytes);
      // MapInfo, DGN, GeoPackage, FileGDB, DXF, FlatGeobuf: GDAL, loaded only now.
      const parsed =
        detectGisFormat(fileName, data) === null
          ? await parseInputBytes(kind, fileName, bytes, config, options)
          : await (await import('../formats/parse-gis-in-worker')).parseGisInWorker(kind, { name: fileName, bytes: data }, gisFilesOf(companions), config, options, GDAL_URL, (loaded, total) => void onReaderProgress?.(loaded, total));
      return { kind: 'parsed', parsed, durationMs: performance.now() - started };
    } catch (error) {
      return failureOf(error, fileName, bytes);
    }
  },
  async inspectAttributes({ fileName, bytes, companions = [] }: Omit<BytesParseRequest, 'config' | 'options'>, onReaderProgress?: (loaded: number, total: number) => void): Promise<AttributeInspection | BytesParseFailure> {
    try {
      const data = new Uint8Array(bytes);
      if (detectGisFormat(fileName, data) === null) return { kind: 'attributes', headers: (await inspectFeatureBytes(fileName, data))?.headers ?? [] };
      const [{ inspectGisFile }, { loadGdalForFile }] = await Promise.all([import('../formats/read-gis-file'), import('../formats/load-gdal-in-worker')]);
      const gdal = await loadGdalForFile(fileName, GDAL_URL, (loaded, total) => void onReaderProgress?.(loaded, total));
      const files = (list: { name: string; bytes: Uint8Array }[], vsi: string[]) => gdal.open(list.map((entry) => new File([entry.bytes as Uint8Array<ArrayBuffer>], entry.name)), [], vsi);
      return { kind: 'attributes', headers: await inspectGisFile(gdal, files, { name: fileName, bytes: data }, gisFilesOf(companions)) };
    } catch (error) {
      return failureOf(error, fileName, bytes);
    }
  },
  async parseMeasurements({ fileName, bytes, options }: MeasurementParseRequest, onProgress?: (done: number, total: number) => void): Promise<MeasurementParseSuccess | BytesParseFailure> {
    const started = performance.now();
    try {
      const parsed = await parseMeasurementBytes(fileName, bytes, { ...options, onProgress: onProgress ? (done, total) => void onProgress(done, total) : undefined });
      const { set } = parsed;
      // The columns go back without a copy.
      const buffers = [set.lng, set.lat, set.timeMs, set.operator, set.technology, set.downMbps, set.upMbps, set.latencyMs, set.rsrpDbm, set.status, set.weight, set.file, set.row].map((column) => column.buffer as ArrayBuffer);
      return Comlink.transfer({ kind: 'parsed', parsed, durationMs: performance.now() - started }, buffers);
    } catch (error) {
      return failureOf(error, fileName, bytes);
    }
  },
  async parseReference({ fileName, bytes, options, companions = [] }: ReferenceParseRequest, onReaderProgress?: (loaded: number, total: number) => void): Promise<ReferenceParseSuccess | BytesParseFailure> {
    const started = performance.now();
    try {
      const data = new Uint8Array(bytes);
      // MapInfo, DGN, GeoPackage, FileGDB, DXF, FlatGeobuf: GDAL, loaded only now.
      const parsed =
        detectGisFormat(fileName, data) === null
          ? await parseReferenceBytes(fileName, data, options)
          : await (await import('../formats/parse-gis-in-worker')).parseGisReferenceInWorker({ name: fileName, bytes: data }, gisFilesOf(companions), options, GDAL_URL, (loaded, total) => void onReaderProgress?.(loaded, total));
      return { kind: 'parsed', parsed, durationMs: performance.now() - started };
    } catch (error) {
      return failureOf(error, fileName, bytes);
    }
  },
  async exportResults({ format, layer, hamlets, results, sites, proposals, targetProj4, language }: ResultExportRequest, onReaderProgress?: (loaded: number, total: number) => void): Promise<ResultExportSuccess> {
    // The writers (exceljs, GDAL) are chunks of their own, loaded only when results are exported.
    const [{ writeResultFiles }, { loadGdalInWorker }] = await Promise.all([import('../formats/write-result-files'), import('../formats/load-gdal-in-worker')]);
    let gdal: Awaited<ReturnType<typeof loadGdalInWorker>> | null = null;
    const files = await writeResultFiles([format], { hamlets, results, sites, proposals }, {
      gdal: async () => (gdal = await loadGdalInWorker(GDAL_URL, (loaded, total) => void onReaderProgress?.(loaded, total))),
      open: (text, name) => gdal!.open([new File([text], `${name}.geojson`)]),
      ...(targetProj4 === undefined ? {} : { targetProj4 }),
      language,
      gisLayers: [layer],
    });
    const list = [...files].map(([name, bytes]) => ({ name, bytes }));
    return Comlink.transfer({ files: list }, list.map((file) => file.bytes.buffer as ArrayBuffer));
  },
};

/** A failed parse as plain data: core's problem, or (out of memory, a library's bug) the file unreadable, the detail logged. */
async function failureOf(error: unknown, fileName: string, bytes: ArrayBuffer): Promise<BytesParseFailure> {
  if (!isInputProblem(error)) console.error(error);
  const problem: InputProblem = isInputProblem(error)
    ? { code: error.code, params: error.params, file: error.file, ...(error.where === undefined ? {} : { where: error.where }) }
    : { code: 'file-unreadable', params: {}, file: fileName };
  const failure: BytesParseFailure = { kind: 'error', problem };
  const sheetNames = await listSheetsAfterFailure(fileName, bytes);
  return sheetNames.length > 1 ? { ...failure, sheetNames } : failure;
}

// The sheet read by default may be a cover note; the user then needs the list to pick the data sheet.
async function listSheetsAfterFailure(fileName: string, bytes: ArrayBuffer): Promise<string[]> {
  const data = new Uint8Array(bytes);
  if (detectInputFormat(fileName, data) !== 'xlsx') return [];
  try {
    return (await readXlsxTable(data, fileName)).sheetNames;
  } catch {
    return [];
  }
}

Comlink.expose(api);
