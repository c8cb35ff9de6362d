import { appendAll } from '../append-all';
import { resolveCrs, type CrsDefinition } from '../crs/crs-definitions';
import { detectCrsFromPrj } from '../crs/detect-crs-from-prj';
import type { BboxDegrees } from '../crs/guess-crs';
import { placeFeatureCollection, readGeoJsonCrsMember, type CrsReport, type DeclaredCrs } from '../crs/place-layer';
import { message, quotedValue } from '../messages';
import type { CoverageConfig, Warning } from '../types';
import { checkInputSize } from './check-input-size';
import { applyColumnChoice, applyPropertyChoice, fieldAliasesOf, type ColumnChoice } from './choose-columns';
import { BTS_COLUMN_ALIASES, FIBRE_COLUMN_ALIASES, resolveColumns } from './column-aliases';
import type { DataTable } from './data-table';
import { decodeText, looksLikeLegacyVietnameseFont } from './decode-text';
import { detectInputFormat, type InputFormat } from './detect-input-format';
import { readKml, readKmz } from './formats/read-kml';
import { readShapefileZip } from './formats/read-shapefile-zip';
import { isTopology, readTopoJson } from './formats/read-topojson';
import { readXlsxTable, type SheetChoice } from './formats/read-xlsx-table';
import { CoverageInputError } from './input-error';
import { parseBtsTable } from './parse-bts-records';
import { parseCsvTable } from './parse-csv-table';
import { parseFibreTable } from './parse-fibre';
import { parseInputCollection, parseInputFile, type ImportSummary, type InputKind, type ParsedInputFile } from './parse-input-file';
import { parseIndicatorsTable } from './parse-indicators';
import { readJsonInput } from './read-feature-collection';
import { placeTablePositions } from './place-table-positions';
import { flagOutsideVietnam } from './flag-outside-vietnam';
import { WarningMerger } from './import-collector';
import type { TableLayout } from './shape-table';

/** Options of {@link parseInputBytes}; all optional. */
export interface ParseInputOptions {
  /** The Excel sheet to read (name or 1-based index); default the first with data. */
  sheet?: SheetChoice;
  /** The coordinate system, overriding .prj, `crs` member and guess: `EPSG:3405`, `vn2000-tm:105.5`… */
  crs?: string | CrsDefinition;
  /** The planning area a guess should land in; default Sóc Trăng. `null` = anywhere in Vietnam. */
  regionBbox?: BboxDegrees | null;
  /** The VN-2000 3° TM zone preferred on a tie; default 105.5. */
  preferredCentralMeridian?: number;
  /** The TopoJSON object to read; default all. */
  topojsonObject?: string;
  /** The header row of a CSV (its line) or sheet (its row number), when the user picks it; default found (see `shapeTable`). */
  headerRow?: number;
  /** Which column holds which field (`lng` → `Cột 5`), when the user maps them (CSV, .xlsx). */
  columns?: ColumnChoice;
}

/** {@link ParsedInputFile} plus what the bytes were: format, text encoding, coordinate system. */
export interface ParsedInputBytes extends ParsedInputFile {
  format: InputFormat;
  /** Text encoding (CSV, GeoJSON, KML) or DBF code page (Shapefile). */
  encoding?: string;
  /** How the coordinate system was decided (layers with coordinates). */
  crs?: CrsReport;
  /** The sheet read, and all sheets (Excel). */
  sheet?: { name: string; names: string[] };
  /** Where a table's header was (CSV, .xlsx), its first rows and its column names, for the header-row and column choice. */
  table?: { layout: TableLayout; headers: string[] };
}

const LEGACY_FONT_WARNING = (file: string): Warning => ({ code: 'legacy-vietnamese-font', params: {}, where: file });

/**
 * Parses one input file from its bytes, whatever its format: CSV/TSV in any encoding Excel or Vietnamese
 * offices write (see `decodeText`), Excel .xlsx (`sheet` chooses the sheet), GeoJSON (also with a legacy
 * `crs` member), TopoJSON, KML, KMZ and zipped Shapefiles (.prj and .cpg honoured). Projected
 * coordinates (VN-2000 UTM or 3° TM zones, WGS84 UTM) are brought to WGS84: the system comes from the
 * `crs` option, else the .prj or `crs` member, else a guess from the numbers (reported with its
 * confidence and the alternatives, so the app can ask the user to confirm). Items far outside Vietnam
 * are warned about (`outside-vietnam`). Every summary counts rows read, used and skipped with reasons.
 *
 * A file that yields no usable row or feature at all is refused (`no-rows`, or `no-usable-rows` with the
 * first row's reason): the user named it, so an empty result is an error, not "0 % covered".
 * @param kind the layer the file feeds
 * @param file the file's name: its extension (and first bytes) pick the format; used in every message
 * @param bytes the file's content
 * @param config the field mapping and targets used by the parsers
 * @param options sheet, header row and column choice (tables), coordinate system, planning area, preferred TM-3 zone, TopoJSON object
 * @returns the parsed items and summaries, plus format, encoding, sheet and coordinate-system report
 * @throws {CoverageInputError} `file-too-large` (see `checkInputSize`), `file-empty`, `no-rows`,
 *   `no-usable-rows`, `hamlets-need-polygons` (a table given as hamlet polygons), `indicators-need-table`,
 *   `unknown-crs`, and the errors of the format readers and parsers (`zip-unreadable`, `xlsx-unreadable`,
 *   `file-binary`, `json-invalid-at`, `no-coordinate-columns`, …)
 * @example const parsed = await parseInputBytes('hamlets', 'ranh-gioi-ap.zip', bytes, DEFAULT_CONFIG);
 */
export async function parseInputBytes(kind: InputKind, file: string, bytes: Uint8Array | ArrayBuffer, config: CoverageConfig, options: ParseInputOptions = {}): Promise<ParsedInputBytes> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const size = checkInputSize(data, kind, file);
  if (!size.ok) throw new CoverageInputError({ code: 'file-too-large', file, params: size.reason?.params ?? {} });
  if (data.length === 0) throw new CoverageInputError({ code: 'file-empty', file });
  return requireUsableRows(await parseBytes(kind, file, data, config, options), file);
}

async function parseBytes(kind: InputKind, file: string, data: Uint8Array, config: CoverageConfig, options: ParseInputOptions): Promise<ParsedInputBytes> {
  const format = detectInputFormat(file, data);
  const override: DeclaredCrs | undefined =
    options.crs === undefined ? undefined : { crs: typeof options.crs === 'string' ? resolveCrs(options.crs, file) : options.crs, source: 'option', description: message('crs-from-option') };
  const placeOptions = { file, regionBbox: options.regionBbox, preferredCentralMeridian: options.preferredCentralMeridian };

  if (format === 'csv' || format === 'xlsx') {
    if (kind === 'hamlets') throw new CoverageInputError({ code: 'hamlets-need-polygons', file });
    let table: DataTable;
    let layout: TableLayout;
    let label = file;
    let encoding: string | undefined;
    let sheet: ParsedInputBytes['sheet'];
    if (format === 'csv') {
      const decoded = decodeText(data, file);
      encoding = decoded.encoding;
      const csv = parseCsvTable(decoded.text, file, options.headerRow === undefined ? {} : { headerRow: options.headerRow });
      table = csv;
      layout = csv.layout;
      if (decoded.encoding === 'windows-1258') table = { ...table, warnings: [{ code: 'encoding-guessed', params: {}, where: file }, ...table.warnings] };
      if (decoded.invalidSequences > 0) table = { ...table, warnings: [...invalidUtf8Rows(table, file), ...table.warnings] };
      if (looksLikeLegacyVietnameseFont(decoded.text.slice(0, 200_000))) table = { ...table, warnings: [LEGACY_FONT_WARNING(file), ...table.warnings] };
    } else {
      const xlsx = await readXlsxTable(data, file, options.sheet, options.headerRow === undefined ? {} : { headerRow: options.headerRow });
      label = `${file}[${xlsx.sheetName}]`;
      layout = xlsx.layout;
      sheet = { name: xlsx.sheetName, names: xlsx.sheetNames };
      table = xlsx;
      if (/\.(csv|tsv|txt)$/i.test(file)) table = { ...table, warnings: [{ code: 'excel-named-as-text', params: {}, where: file }, ...table.warnings] };
    }
    const tableInfo = { layout, headers: table.headers };
    if (options.columns !== undefined) table = applyColumnChoice(table, fieldAliasesOf(kind, config.fields), options.columns);
    if (kind === 'indicators') {
      const result = parseIndicatorsTable(table, label, config.targets);
      return finish({ input: { indicators: result.items }, demo: false, summaries: [] }, kind, label, result, { format, encoding, sheet, table: tableInfo });
    }
    const columns = kind === 'sites' ? resolveColumns(table.headers, BTS_COLUMN_ALIASES) : resolveColumns(table.headers, FIBRE_COLUMN_ALIASES);
    const placed = placeTablePositions(table, columns.lng, columns.lat, { ...placeOptions, declared: override });
    const placedTable = { ...placed.value, warnings: [...placed.value.warnings, ...placed.warnings] };
    const result = kind === 'sites' ? parseBtsTable(placedTable, label) : parseFibreTable(placedTable, label);
    const items = kind === 'sites' ? { btsRecords: result.items as never } : { fibrePoints: result.items as never };
    return finish({ input: items, demo: false, summaries: [] }, kind, label, result, { format, encoding, sheet, crs: placed.report, table: tableInfo });
  }

  if (kind === 'indicators' && format !== 'shapefile-zip' && format !== 'kml' && format !== 'kmz') {
    const decoded = decodeText(data, file);
    readJsonInput(decoded.text, file);
    return { ...parseInputFile(kind, file, decoded.text, config), format, encoding: decoded.encoding };
  }
  const layer = await readFeatureLayer(format, file, data, options);
  if (kind === 'indicators') throw new CoverageInputError({ code: 'indicators-need-table', file });
  const declared = override ?? layer.declared;
  if (override !== undefined && (format === 'kml' || format === 'kmz')) layer.warnings.push({ code: 'crs-option-ignored', params: { crs: override.crs.id }, where: file });
  const placed = placeFeatureCollection(layer.collection, { ...placeOptions, declared: format === 'kml' || format === 'kmz' ? layer.declared : declared });
  const chosen = options.columns === undefined ? placed.value : applyPropertyChoice(placed.value, fieldAliasesOf(kind, config.fields), options.columns);
  const parsed = parseInputCollection(kind, file, chosen, config);
  const warnings = [...layer.warnings, ...placed.warnings];
  const summaries = parsed.summaries.map((summary, index) => (index === 0 ? { ...summary, warnings: [...warnings, ...summary.warnings] } : summary));
  const result: ParsedInputBytes = { ...parsed, summaries, format: layer.isTopoJson ? 'topojson' : format === 'json' ? 'geojson' : format, crs: placed.report };
  if (layer.encoding !== undefined) result.encoding = layer.encoding;
  return flagOutsideVietnam(result);
}

/** A layer of features as read from a GeoJSON, TopoJSON, KML, KMZ or zipped Shapefile, before its coordinates are placed. */
interface FeatureLayer {
  collection: unknown;
  isTopoJson: boolean;
  /** The system the file declares (.prj, `crs` member, KML's WGS84). */
  declared: DeclaredCrs | undefined;
  encoding: string | undefined;
  warnings: Warning[];
}

async function readFeatureLayer(format: InputFormat, file: string, data: Uint8Array, options: ParseInputOptions): Promise<FeatureLayer> {
  const layer: FeatureLayer = { collection: undefined, isTopoJson: false, declared: undefined, encoding: undefined, warnings: [] };
  if (format === 'shapefile-zip') {
    const shapefile = await readShapefileZip(data, file);
    layer.collection = shapefile.collection;
    layer.encoding = shapefile.encoding;
    appendAll(layer.warnings, shapefile.warnings);
    if (options.crs === undefined && shapefile.prj !== null) {
      const prj = detectCrsFromPrj(shapefile.prj);
      if (prj !== null) layer.declared = { crs: prj.crs, source: 'prj', description: message('crs-from-prj', { detail: prj.description }) };
      else layer.warnings.push({ code: 'prj-unreadable', params: {}, where: file });
    }
  } else if (format === 'kml' || format === 'kmz') {
    const decoded = format === 'kml' ? decodeText(data, file) : null;
    layer.encoding = decoded?.encoding;
    if (decoded !== null && decoded.invalidSequences > 0) layer.warnings.push({ code: 'invalid-utf8', params: { count: decoded.invalidSequences }, where: file });
    layer.collection = format === 'kml' ? await readKml(decoded!.text, file) : await readKmz(data, file);
    layer.declared = { crs: resolveCrs('EPSG:4326'), source: 'format', description: message('crs-from-format') };
  } else {
    const decoded = decodeText(data, file);
    layer.encoding = decoded.encoding;
    if (decoded.invalidSequences > 0) layer.warnings.push({ code: 'invalid-utf8', params: { count: decoded.invalidSequences }, where: file });
    const json = readJsonInput(decoded.text, file);
    layer.isTopoJson = isTopology(json);
    if (layer.isTopoJson) layer.collection = readTopoJson(json, file, options.topojsonObject);
    else {
      layer.collection = json;
      const member = readGeoJsonCrsMember(json);
      if (member !== null && 'unknown' in member) layer.warnings.push({ code: 'crs-member-unknown', params: { value: quotedValue(member.unknown) }, where: file });
      else if (member !== null) layer.declared = member;
    }
  }
  return layer;
}

/**
 * The attribute names of a layer of features (GeoJSON, TopoJSON, KML, KMZ, zipped Shapefile), for the
 * import dialog's column choice: the property names of its first features, in the order first seen.
 * @param file the file's name (its extension and first bytes pick the format)
 * @param bytes the file's content
 * @returns the attribute names and how many features were read; null for a table (CSV, .xlsx) or a GIS file GDAL reads
 * @throws {CoverageInputError} the readers' errors (`zip-unreadable`, `json-invalid-at`, `file-binary`…)
 * @example (await inspectFeatureBytes('ap.geojson', bytes))?.headers // ['MA_AP', 'F3', 'XA']
 */
export async function inspectFeatureBytes(file: string, bytes: Uint8Array): Promise<{ headers: string[]; featureCount: number } | null> {
  const format = detectInputFormat(file, bytes);
  if (format !== 'geojson' && format !== 'json' && format !== 'topojson' && format !== 'kml' && format !== 'kmz' && format !== 'shapefile-zip') return null;
  const features = (((await readFeatureLayer(format, file, bytes, {})).collection as { features?: unknown } | null)?.features);
  return Array.isArray(features) ? { headers: collectAttributeNames(features), featureCount: features.length } : { headers: [], featureCount: 0 };
}

/** Features whose property names are gathered: a layer's attributes are the same on every feature. */
const SAMPLED_FEATURES = 200;

/**
 * The property names of the first features of a collection, in the order first seen.
 * @param features the features
 * @returns the names, each once
 * @example collectAttributeNames([{ properties: { a: 1 } }, { properties: { a: 2, b: 3 } }]) // ['a', 'b']
 */
export function collectAttributeNames(features: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const feature of features.slice(0, SAMPLED_FEATURES)) {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    if (properties !== null && typeof properties === 'object' && !Array.isArray(properties)) for (const key of Object.keys(properties)) names.add(key);
  }
  return [...names];
}

/** Warnings for the rows of a table read as UTF-8 that hold a replaced invalid byte (�). */
function invalidUtf8Rows(table: DataTable, file: string): Warning[] {
  const merger = new WarningMerger();
  table.rows.forEach((row, index) => {
    for (const header of table.headers) {
      if (row[header].includes('\ufffd')) {
        merger.add(message('invalid-utf8-row'), `${file}:${table.rowNumbers[index]}`);
        return;
      }
    }
  });
  const rows = merger.list('rows');
  return rows.length > 0 ? rows : [{ code: 'invalid-utf8', params: { count: 1 }, where: file }];
}

/**
 * Refuses a parsed file that yields nothing: no row or feature at all (`no-rows`), or none usable
 * (`no-usable-rows`, with how many were read and the first one's reason and place). Every reader
 * of a named file ends with it (text, tables, GeoJSON here; GIS files read through GDAL).
 * @param parsed what the file gave
 * @param file the file's label, for the refusal
 * @returns `parsed` when at least one row or feature is usable
 * @throws {CoverageInputError} `no-rows` or `no-usable-rows`
 * @example requireUsableRows(parseInputCollection('sites', 'tram.gpkg', collection, config), 'tram.gpkg')
 */
export function requireUsableRows<T extends Pick<ParsedInputBytes, 'summaries'>>(parsed: T, file: string): T {
  let read = 0;
  let used = 0;
  for (const summary of parsed.summaries) {
    read += summary.rowsRead;
    used += summary.rowsUsed;
  }
  if (used > 0) return parsed;
  if (read === 0) throw new CoverageInputError({ code: 'no-rows', file });
  const first = parsed.summaries.find((summary) => summary.skipped.length > 0)?.skipped[0];
  throw new CoverageInputError({
    code: 'no-usable-rows',
    file,
    params: { count: read, ...(first === undefined ? {} : { first: first.where, reason: { code: first.code, params: first.params } }) },
  });
}

function finish(
  parsed: ParsedInputFile,
  kind: InputKind,
  label: string,
  result: { rowsRead: number; rowsUsed: number; skipped: ImportSummary['skipped']; warnings: Warning[] },
  extra: Omit<ParsedInputBytes, keyof ParsedInputFile>,
): ParsedInputBytes {
  const summary: ImportSummary = { file: label, kind, rowsRead: result.rowsRead, rowsUsed: result.rowsUsed, skipped: result.skipped, warnings: result.warnings };
  const out: ParsedInputBytes = { ...parsed, summaries: [summary], format: extra.format };
  if (extra.encoding !== undefined) out.encoding = extra.encoding;
  if (extra.sheet !== undefined) out.sheet = extra.sheet;
  if (extra.crs !== undefined) out.crs = extra.crs;
  if (extra.table !== undefined) out.table = extra.table;
  return flagOutsideVietnam(out);
}
