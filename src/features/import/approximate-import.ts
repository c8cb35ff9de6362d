// Hamlets without polygons in the import dialog: a hamlet list (a table with commune codes, or GeoJSON
// points) is read here and, with commune polygons, becomes approximate hamlet areas through core's
// `buildApproximateHamlets`, the same function the command line's `--communes` uses.
import {
  applyColumnChoice,
  buildApproximateHamlets,
  decodeText,
  detectInputFormat,
  HAMLET_LIST_COLUMN_ALIASES,
  readCommuneAreas,
  readHamletListFeatures,
  readHamletListTable,
  readTableBytes,
  type Hamlet,
  type HamletListEntry,
  type ImportResult,
  type InputProblem,
  type ParsedInputBytes,
  type Warning,
} from '../../core';
import { detectGisFormat } from '../../formats/gis-format';
import type { ImportReport } from './import-report';

/** Field warnings of a polygon layer read as hamlets that a commune layer cannot help having (it has no hamlet names, ids, households). */
const COMMUNE_LAYER_QUIET_WARNINGS: ReadonlySet<string> = new Set(['missing-name', 'missing-id-feature', 'missing-commune', 'missing-district', 'missing-households', 'missing-population']);

/** How much of a GeoJSON file is looked at for polygons before it is read as a list of points. */
const POLYGON_SNIFF_BYTES = 256 * 1024;

/** A hamlet list as read, with what its report says. */
export interface HamletListReading {
  list: ImportResult<HamletListEntry>;
  format: 'csv' | 'xlsx' | 'geojson';
  pointCount: number;
}

/**
 * Reads a file given as hamlets as a hamlet list when it is one: any CSV or .xlsx table (hamlet
 * polygons never come as a table), or a GeoJSON of points or of features without geometry. A GeoJSON
 * with polygons is a hamlet layer: null, and the usual import goes on.
 * @throws what core's readers throw for a broken file (the caller reports it)
 */
export async function readHamletListFile(fileName: string, bytes: Uint8Array, choice: { sheet?: string; headerRow?: number; columns?: Record<string, string> } = {}): Promise<HamletListReading | null> {
  // A GeoPackage, FlatGeobuf, MapInfo or CAD drawing is a layer for GDAL, never a list read as text.
  if (detectGisFormat(fileName, bytes) !== null) return null;
  const format = detectInputFormat(fileName, bytes);
  let list: ImportResult<HamletListEntry>;
  let shownFormat: HamletListReading['format'];
  if (format === 'csv' || format === 'xlsx') {
    // The header row and columns the mapping step chose (else found).
    const read = (await readTableBytes(fileName, bytes, { ...(choice.sheet === undefined ? {} : { sheet: choice.sheet }), ...(choice.headerRow === undefined ? {} : { headerRow: choice.headerRow }) }))!;
    list = readHamletListTable(choice.columns === undefined ? read.table : applyColumnChoice(read.table, HAMLET_LIST_COLUMN_ALIASES, choice.columns), read.label);
    shownFormat = format;
  } else if (format === 'geojson' || format === 'json') {
    // A polygon near the start: hamlet boundaries, not a list (and no read of a large layer here).
    if (/"type"\s*:\s*"(Multi)?Polygon"/.test(decodeText(bytes.subarray(0, POLYGON_SNIFF_BYTES), fileName).text)) return null;
    list = readHamletListFeatures(decodeText(bytes, fileName).text, fileName);
    const notPoints = list.skipped.filter((item) => item.code === 'approx-feature-not-point').length;
    if (notPoints > 0 && notPoints >= list.items.length) return null;
    shownFormat = 'geojson';
  } else return null;
  return { list, format: shownFormat, pointCount: list.items.filter((entry) => entry.point !== null).length };
}

/** The commune polygons of a parsed polygon layer, and its summaries' warnings a commune layer may have. */
export function readCommuneLayer(parsed: ParsedInputBytes): { communes: Hamlet[]; warnings: Warning[] } {
  const warnings = parsed.summaries.flatMap((summary) => summary.warnings.filter((warning) => !COMMUNE_LAYER_QUIET_WARNINGS.has(warning.code)));
  return { communes: parsed.input.hamlets ?? [], warnings };
}

/** What building the approximate hamlets gave: the hamlets to import and the dialog's report. */
export interface ApproximateImport {
  hamlets: Hamlet[];
  report: ImportReport;
}

/**
 * Builds the approximate hamlets of a hamlet list inside commune polygons, with a report of the list
 * (rows read, used, skipped), what was matched and not, and every warning of the list, the commune layer
 * and the build (codes + parameters; the report view words them).
 * @param listFile the hamlet list's file name
 * @param reading the list as read
 * @param communeLayer the commune polygons (a polygon layer as core reads hamlets) and its file's name
 */
export function buildApproximateImport(listFile: string, reading: HamletListReading, communeLayer: { fileName: string; communes: readonly Hamlet[]; warnings: readonly Warning[] }): ApproximateImport {
  const { list } = reading;
  const communeAreas = readCommuneAreas(communeLayer.communes);
  const built = buildApproximateHamlets(list.items, communeAreas);
  const matchedCommunes = new Set(built.hamlets.map((hamlet) => `${hamlet.district}\u0000${hamlet.commune}`)).size;
  const report: ImportReport = {
    fileName: listFile,
    kind: 'hamlets',
    rowsRead: list.rowsRead,
    rowsUsed: built.hamlets.length,
    skipped: list.skipped,
    warnings: [...list.warnings, ...communeLayer.warnings, ...built.warnings],
    problem: null,
    format: reading.format,
    approximate: { communeFile: communeLayer.fileName, hamlets: built.hamlets.length, communes: matchedCommunes, voronoi: built.counts.voronoi, commune: built.counts.commune, unmatched: built.counts.unmatched },
  };
  if (built.hamlets.length === 0) {
    const first = built.warnings[0];
    report.problem = { code: 'no-usable-rows', params: { count: list.rowsRead, first: communeLayer.fileName, ...(first === undefined ? {} : { reason: { code: first.code, params: first.params } }) }, file: listFile };
  }
  return { hamlets: built.hamlets, report };
}

/** The report of a hamlet list none of whose rows could be used (nothing is imported). */
export function listFailedReport(fileName: string, reading: HamletListReading): ImportReport {
  const { list } = reading;
  const first = list.skipped[0];
  const problem: InputProblem =
    list.rowsRead === 0 || first === undefined
      ? { code: 'no-rows' as const, params: {}, file: fileName }
      : { code: 'no-usable-rows' as const, params: { count: list.rowsRead, first: first.where, reason: { code: first.code, params: first.params } }, file: fileName };
  return { fileName, kind: 'hamlets', rowsRead: list.rowsRead, rowsUsed: 0, skipped: list.skipped, warnings: list.warnings, problem, format: reading.format };
}
