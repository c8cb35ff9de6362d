/// <reference lib="webworker" />
// Thin: exposes the core parsers and engine to the UI through comlink; no state is kept here.
import * as Comlink from 'comlink';
import {
  buildCoverageReport,
  CoverageInputError,
  createCoverageAnalysis,
  parseBtsCsv,
  parseBtsGeoJson,
  parseFibreCsv,
  parseFibreGeoJson,
  parseHamletsGeoJson,
  parseIndicatorsCsv,
  parseIndicatorsJson,
  type CoverageInput,
} from '../core';
import { readRecordColumns, type RecordColumns } from './record-columns';
import type { AnalysisRequest, AnalysisResponse, AnalysisWorkerApi, ParsedLayer, ParseFailure, ParseRequest } from './messages';

function emptyResult<T>() {
  return { items: [] as T[], rowsRead: 0, rowsUsed: 0, skipped: [], warnings: [] };
}

function parse({ kind, text, fileName, format, hamletFields }: ParseRequest): ParsedLayer {
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

/** The input with its records read from the posted columns. */
function withColumns(input: CoverageInput, columns: NonNullable<AnalysisRequest['columns']>): CoverageInput {
  const read = <Kind extends 'btsRecord' | 'fibrePoint'>(kind: Kind, table: RecordColumns) => readRecordColumns({ ...table, kind });
  const btsRecords = read('btsRecord', columns.btsRecords);
  const fibrePoints = read('fibrePoint', columns.fibrePoints);
  const operatorFilter = input.operatorFilter && columns.otherBtsRecords ? { ...input.operatorFilter, otherBtsRecords: read('btsRecord', columns.otherBtsRecords) } : input.operatorFilter;
  return { ...input, btsRecords, fibrePoints, ...(operatorFilter ? { operatorFilter } : {}) };
}

const api: AnalysisWorkerApi = {
  parseLayer(request: ParseRequest): ParsedLayer | ParseFailure {
    try {
      return parse(request);
    } catch (error) {
      if (error instanceof CoverageInputError) return { kind: 'error', code: error.code, message: error.message };
      return { kind: 'error', code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
    }
  },
  analyze({ input: posted, columns, config, groupBy }: AnalysisRequest, onProgress): AnalysisResponse {
    const started = performance.now();
    const input = columns ? withColumns(posted, columns) : posted;
    const analysis = createCoverageAnalysis(input, config, { onProgress: onProgress ? (done, total) => void onProgress(done, total) : undefined });
    const report = buildCoverageReport(analysis, groupBy);
    return { report, durationMs: performance.now() - started };
  },
};

Comlink.expose(api);
