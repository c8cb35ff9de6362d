/// <reference lib="webworker" />
// The engine worker: the core parsers, and the dataset of the current revision, posted once
// (`setDataset`) and kept with its prepared hamlets; each analysis then takes only filters and
// settings, and the siting calls (`siting-calls.ts`) work on the last analysis, with no second one.
import * as Comlink from 'comlink';
import {
  buildCoverageReport,
  CoverageInputError,
  createCoverageAnalysis,
  filterCoverageInput,
  parseBtsCsv,
  parseBtsGeoJson,
  parseFibreCsv,
  parseFibreGeoJson,
  parseHamletsGeoJson,
  parseIndicatorsCsv,
  parseIndicatorsJson,
  type CoverageInput,
} from '../core';
import { readRecordColumns } from './record-columns';
import { encodeSiteColumns, siteColumnBuffers } from './site-columns';
import type { AnalysisRequest, AnalysisResponse, AnalysisWorkerApi, EngineDataset, ParsedLayer, ParseFailure, ParseRequest } from './messages';
import { createSitingCalls, type SitingBase } from './siting-calls';

function emptyResult<T>() {
  return { items: [] as T[], rowsRead: 0, rowsUsed: 0, skipped: [], warnings: [] };
}

function parse({ kind, bytes, fileName, format, hamletFields }: ParseRequest): ParsedLayer {
  const text = new TextDecoder().decode(bytes);
  switch (kind) {
    case 'hamlets': {
      const parsed = parseHamletsGeoJson(text, fileName, hamletFields);
      const { demo, ...result } = parsed;
      return { kind, demo, result };
    }
    case 'sites':
      return { kind, result: format === 'csv' ? parseBtsCsv(text, fileName) : parseBtsGeoJson(text, fileName) };
    case 'fibre':
      if (format === 'csv') return { kind, result: parseFibreCsv(text, fileName), routes: emptyResult() };
      {
        const { points, routes } = parseFibreGeoJson(text, fileName);
        return { kind, result: points, routes };
      }
    case 'indicators':
      return { kind, result: format === 'csv' ? parseIndicatorsCsv(text, fileName) : parseIndicatorsJson(text, fileName) };
  }
}

/** The dataset the engine holds: its revision and the unfiltered input, records read from the posted columns. */
let dataset: { revision: number; input: CoverageInput } | null = null;
/** The last analysis (the siting calls' base), null until the first of this dataset. */
let current: SitingBase | null = null;

const api: AnalysisWorkerApi = {
  parseLayer(request: ParseRequest): ParsedLayer | ParseFailure {
    try {
      return parse(request);
    } catch (error) {
      if (error instanceof CoverageInputError) return { kind: 'error', code: error.code, message: error.message };
      return { kind: 'error', code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
    }
  },
  setDataset({ revision, input, columns }: EngineDataset) {
    const btsRecords = readRecordColumns({ ...columns.btsRecords, kind: 'btsRecord' as const });
    const fibrePoints = readRecordColumns({ ...columns.fibrePoints, kind: 'fibrePoint' as const });
    dataset = { revision, input: { ...input, btsRecords, fibrePoints } };
    current = null;
  },
  analyze({ revision, filters, config, groupBy }: AnalysisRequest, onProgress): AnalysisResponse {
    if (!dataset || dataset.revision !== revision) throw new Error(`the engine holds dataset ${dataset?.revision ?? 'none'}, not ${revision}`);
    const started = performance.now();
    const input = filterCoverageInput(dataset.input, filters);
    const analysis = createCoverageAnalysis(input, config, { onProgress: onProgress ? (done, total) => void onProgress(done, total) : undefined });
    // The sites go back as columns, transferred (see site-columns.ts).
    const { report, sites } = encodeSiteColumns(buildCoverageReport(analysis, groupBy));
    current = { analysis, kpis: report.kpis };
    return Comlink.transfer({ report, sites, durationMs: performance.now() - started }, siteColumnBuffers(sites));
  },
  ...createSitingCalls(() => current),
};

Comlink.expose(api);
