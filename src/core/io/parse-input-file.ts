import { appendAll } from '../append-all';
import { listOf, type Message } from '../messages';
import { findDuplicateSites, type SiteDuplicates } from './find-duplicate-sites';
import type { CoverageConfig, CoverageInput, ImportResult, SkippedItem, Warning } from '../types';
import { CoverageInputError } from './input-error';
import { parseBtsCsv, parseBtsGeoJson } from './parse-bts-records';
import { parseFibreCsv, parseFibreGeoJson } from './parse-fibre';
import { parseHamletsGeoJson } from './parse-hamlets';
import { parseIndicatorsCsv, parseIndicatorsJson } from './parse-indicators';

/** Which layer an input file feeds. */
export type InputKind = 'hamlets' | 'sites' | 'fibre' | 'indicators';

/** The account of one parsed file (one per layer a file feeds: a fibre GeoJSON feeds points and routes). */
export interface ImportSummary {
  file: string;
  kind: InputKind | 'fibre-routes';
  rowsRead: number;
  rowsUsed: number;
  skipped: ImportResult<unknown>['skipped'];
  warnings: Warning[];
}

/** One file's contribution to a `CoverageInput`, plus its import summaries. */
export interface ParsedInputFile {
  input: Partial<Omit<CoverageInput, 'demo'>>;
  demo: boolean;
  summaries: ImportSummary[];
}

function isCsvName(file: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(file);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CoverageInputError({ code: 'json-invalid', file, cause: error });
  }
}

function summaryOf(file: string, kind: ImportSummary['kind'], result: ImportResult<unknown>): ImportSummary {
  return { file, kind, rowsRead: result.rowsRead, rowsUsed: result.rowsUsed, skipped: result.skipped, warnings: result.warnings };
}

function isDemo(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { demo?: unknown }).demo === true;
}

/**
 * Parses one input file by its kind and its name's extension (`.csv`/`.tsv`/`.txt` as CSV,
 * anything else as GeoJSON or JSON).
 * @param kind the layer the file feeds
 * @param file the file's name, used for the format and in every message
 * @param text the file's content
 * @param config the field mapping and targets used by the parsers
 * @returns the parsed items, whether the file says it is demo data, and the import summaries
 * @throws CoverageInputError when the file as a whole is unusable
 * @example parseInputFile('sites', 'viettel.csv', 'ma_tram,nha_mang,kinh_do,vi_do,cong_nghe\nA,Viettel,105.9,9.6,4G', DEFAULT_CONFIG)
 */
export function parseInputFile(kind: InputKind, file: string, text: string, config: CoverageConfig): ParsedInputFile {
  const csv = isCsvName(file);
  if (kind === 'hamlets') return parseInputCollection(kind, file, parseJson(text, file), config);
  if (kind === 'sites') {
    if (csv) {
      const result = parseBtsCsv(text, file);
      return { input: { btsRecords: result.items }, demo: false, summaries: [summaryOf(file, kind, result)] };
    }
    return parseInputCollection(kind, file, parseJson(text, file), config);
  }
  if (kind === 'fibre') {
    if (csv) {
      const result = parseFibreCsv(text, file);
      return { input: { fibrePoints: result.items }, demo: false, summaries: [summaryOf(file, kind, result)] };
    }
    return parseInputCollection(kind, file, parseJson(text, file), config);
  }
  if (csv) {
    const result = parseIndicatorsCsv(text, file, config.targets);
    return { input: { indicators: result.items }, demo: false, summaries: [summaryOf(file, kind, result)] };
  }
  const json = parseJson(text, file);
  const result = parseIndicatorsJson(json, file, config.targets);
  return { input: { indicators: result.items }, demo: isDemo(json), summaries: [summaryOf(file, kind, result)] };
}

/**
 * Parses an already parsed GeoJSON FeatureCollection (WGS84) for a geodata layer: hamlet polygons, BTS
 * points, or fibre points and routes.
 * @param kind the layer the collection feeds
 * @param file the file's name, used in every message
 * @param json the parsed collection; a top-level `demo: true` marks demo data
 * @param config the field mapping used by the hamlet parser
 * @returns the parsed items, whether the collection says it is demo data, and the import summaries
 * @throws CoverageInputError `not-feature-collection` when it is not a FeatureCollection
 * @example parseInputCollection('sites', 'bts.geojson', { type: 'FeatureCollection', features: [] }, DEFAULT_CONFIG).summaries[0].rowsRead // 0
 */
export function parseInputCollection(kind: Exclude<InputKind, 'indicators'>, file: string, json: unknown, config: CoverageConfig): ParsedInputFile {
  if (kind === 'hamlets') {
    const result = parseHamletsGeoJson(json, file, config.fields);
    return { input: { hamlets: result.items }, demo: result.demo, summaries: [summaryOf(file, kind, result)] };
  }
  if (kind === 'sites') {
    const result = parseBtsGeoJson(json, file);
    return { input: { btsRecords: result.items }, demo: isDemo(json), summaries: [summaryOf(file, kind, result)] };
  }
  const result = parseFibreGeoJson(json, file);
  const summaries = [summaryOf(file, kind, result.points)];
  if (result.routes.rowsRead > 0) summaries.push(summaryOf(file, 'fibre-routes', result.routes));
  return { input: { fibrePoints: result.points.items, fibreRoutes: result.routes.items }, demo: isDemo(json), summaries };
}

/**
 * Puts parsed files together into one analysis input; skipped rows and parser warnings become
 * report warnings, so nothing is dropped silently. Sites a file gives that an earlier file already gave
 * (same operator and code, or identical records) are kept, with a `sites-already-given` warning on that file.
 * @param files parsed files, in any order
 * @returns the input (demo when any file is demo data) and the warnings
 * @example combineInputFiles([parseInputFile('hamlets', 'ap.geojson', text, DEFAULT_CONFIG)])
 */
export function combineInputFiles(files: ParsedInputFile[]): { input: CoverageInput; warnings: Warning[]; summaries: ImportSummary[] } {
  const input: CoverageInput = { hamlets: [], btsRecords: [], fibrePoints: [], fibreRoutes: [], indicators: [], demo: false };
  const warnings: Warning[] = [];
  const summaries: ImportSummary[] = [];
  for (const file of files) {
    const duplicates = file.input.btsRecords !== undefined && input.btsRecords.length > 0 ? findDuplicateSites(input.btsRecords, file.input.btsRecords) : null;
    appendAll(input.hamlets, file.input.hamlets ?? []);
    appendAll(input.btsRecords, file.input.btsRecords ?? []);
    appendAll(input.fibrePoints, file.input.fibrePoints ?? []);
    appendAll(input.fibreRoutes, file.input.fibreRoutes ?? []);
    appendAll(input.indicators, file.input.indicators ?? []);
    input.demo = input.demo || file.demo;
    for (const [index, fileSummary] of file.summaries.entries()) {
      // Sites already given by an earlier file are kept twice, with a word (the app lets the user choose).
      const summary = index === 0 && duplicates !== null && duplicates.count > 0 ? { ...fileSummary, warnings: [duplicateWarning(fileSummary.file, duplicates), ...fileSummary.warnings] } : fileSummary;
      summaries.push(summary);
      appendAll(warnings, summary.warnings);
      for (const skipped of summary.skipped) warnings.push({ code: 'row-skipped', params: { reason: skippedReasons(skipped) }, where: skipped.where });
    }
  }
  return { input, warnings, summaries };
}

function duplicateWarning(file: string, duplicates: SiteDuplicates): Warning {
  return { code: 'sites-already-given', params: { count: duplicates.count, sameId: duplicates.sameIdCount, identical: duplicates.identicalCount, examples: listOf(duplicates.examples, { quoted: true, total: duplicates.count }) }, where: file };
}

/** A skipped row's reasons as one message list (the first, then the others). */
function skippedReasons(skipped: SkippedItem): Message[] {
  return [{ code: skipped.code, params: skipped.params }, ...(skipped.also ?? [])];
}
