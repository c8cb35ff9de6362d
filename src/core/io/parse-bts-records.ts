import type { BtsRecord, ImportResult } from '../types';
import { BTS_COLUMN_ALIASES, createColumnResolver, resolveColumns } from './column-aliases';
import { ImportCollector } from './import-collector';
import { OPERATOR_ALIASES, normalizeOperator } from './normalize-operator';
import type { DataTable } from './data-table';
import { parseCsvTable } from './parse-csv-table';
import { parseTechnologies } from './parse-technologies';
import { describeValue, readCellText, readOptionalNumber } from './read-cell';
import { readFeatureCollection } from './read-feature-collection';
import { readGeoJsonPosition, readPosition, requireCoordinateColumns, type PositionReading } from './read-position';

type BtsField = keyof typeof BTS_COLUMN_ALIASES;
type BtsColumns = Partial<Record<BtsField, string>>;

/** A row's cells plus where they came from. */
interface BtsRow {
  where: string;
  record: Record<string, unknown>;
  columns: BtsColumns;
  /** Id to use when the row has no site id of its own. */
  fallbackId: string;
  /** Names the coordinate source in messages. */
  isGeoJson: boolean;
}

type Pending = { code: string; message: string };

const KNOWN_OPERATORS = Object.keys(OPERATOR_ALIASES).join(', ');

/**
 * Reads an operator's BTS site list from CSV (comma, semicolon or tab; Vietnamese or English headers,
 * see {@link BTS_COLUMN_ALIASES}). One row = one operator at one point.
 *
 * Rows are skipped (with the reason) when the coordinates are missing, not numbers or out of range, when
 * the operator is missing, or when no technology is recognised. Kept with a warning: unknown operators
 * (`unknown-operator`), unknown technology tokens (`unknown-technology`, ignored), radius ≤ 0 or not a
 * number (`invalid-radius`, the default radius applies), swapped coordinates (`swapped-coordinates`,
 * swapped back), missing site id (`missing-site-id`, the id becomes `file:row`), beamwidth without azimuth
 * (`beamwidth-without-azimuth`, ignored). Azimuths are brought into [0, 360).
 * @param text the CSV file as text
 * @param file label of the file, used in `source`, `where` and messages
 * @returns the records with `source` = `file:row`, and everything that was skipped or warned about
 * @throws {CoverageInputError} `empty-file`, or `no-coordinate-columns` when no longitude or latitude
 *   column is found
 * @example
 * parseBtsCsv('ma_tram;nha_mang;kinh_do;vi_do;cong_nghe\nST01;VNPT;105,97;9,60;4G/5G\n', 'bts.csv').items
 * // [{ siteId: 'ST01', operator: 'VinaPhone', lng: 105.97, lat: 9.6, technologies: ['4G', '5G'], source: 'bts.csv:1' }]
 */
export function parseBtsCsv(text: string, file: string): ImportResult<BtsRecord> {
  return parseBtsTable(parseCsvTable(text, file), file);
}

/**
 * Reads BTS records from a table of any source (CSV, an Excel sheet): the rules of {@link parseBtsCsv}.
 * @param table headers, text records and their row numbers (see `parseCsvTable`, `readXlsxTable`)
 * @param file label of the table, used in `source`, `where` (`file:rowNumber`) and messages
 * @returns the records and everything that was skipped or warned about
 * @throws {CoverageInputError} `no-coordinate-columns` when no longitude or latitude column is found
 * @example parseBtsTable({ headers: ['lon', 'lat', 'operator', 'tech'], rows: [{ lon: '105.9', lat: '9.6', operator: 'Viettel', tech: '4G' }], rowNumbers: [2], warnings: [] }, 'bts.xlsx[Sheet1]').items[0].source // 'bts.xlsx[Sheet1]:2'
 */
export function parseBtsTable(table: DataTable, file: string): ImportResult<BtsRecord> {
  const columns = resolveColumns(table.headers, BTS_COLUMN_ALIASES);
  const { lng: lngColumn, lat: latColumn } = requireCoordinateColumns(table.headers, columns, BTS_COLUMN_ALIASES, file);
  const collector = new ImportCollector<BtsRecord>('rows');
  table.warnings.forEach((warning) => collector.warnOnce(warning));
  warnMissingColumns(columns, file, collector);
  table.rows.forEach((record, index) => {
    const where = `${file}:${table.rowNumbers[index]}`;
    const position = readPosition(record[lngColumn], record[latColumn], { lng: `column "${lngColumn}"`, lat: `column "${latColumn}"` });
    addRecord({ where, record, columns, fallbackId: where, isGeoJson: false }, position, collector);
  });
  return collector.finish();
}

/**
 * Reads BTS records from a GeoJSON FeatureCollection of Point / MultiPoint features whose properties use
 * the same names as the CSV columns ({@link BTS_COLUMN_ALIASES}); the geometry gives the position.
 * Skips and warnings are those of {@link parseBtsCsv}. A MultiPoint gives one record per position, with
 * `-1`, `-2`… appended to its site id, and counts as one row per position (`where` = `file#feature[k]`).
 * A missing site id falls back to the feature `id`, then to `file#index`.
 * @param json GeoJSON text or the parsed object
 * @param file label of the file, used in `source`, `where` and messages
 * @returns the records with `source` = `file#index`, and everything that was skipped or warned about
 * @throws {CoverageInputError} `empty-file`, `invalid-json` or `not-feature-collection`
 * @example
 * parseBtsGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.97, 9.6] }, properties: { operator: 'Viettel', tech: '4G' } }] }, 'bts.geojson').items[0].siteId
 * // 'bts.geojson#0'
 */
export function parseBtsGeoJson(json: unknown, file: string): ImportResult<BtsRecord> {
  const { features } = readFeatureCollection(json, file);
  const collector = new ImportCollector<BtsRecord>('rows');
  const columnsOf = createColumnResolver(BTS_COLUMN_ALIASES);
  for (const { where, feature, problem } of features) {
    if (feature === null) {
      collector.skip(where, problem ?? 'not a GeoJSON Feature');
      continue;
    }
    const points = readPoints(feature.geometry);
    if (typeof points === 'string') {
      collector.skip(where, points);
      continue;
    }
    const columns = columnsOf(Object.keys(feature.properties));
    const featureId = readCellText(feature.id);
    points.forEach((coordinates, index) => {
      const isMulti = points.length > 1;
      const pointWhere = isMulti ? `${where}[${index}]` : where;
      const position = readGeoJsonPosition(coordinates, index);
      const row: BtsRow = { where: pointWhere, record: feature.properties, columns, fallbackId: featureId || where, isGeoJson: true };
      addRecord(row, position, collector, isMulti ? `-${index + 1}` : '');
    });
  }
  return collector.finish();
}

/** Positions of a Point / MultiPoint geometry, or why there are none. */
function readPoints(geometry: unknown): unknown[] | string {
  if (geometry === null || typeof geometry !== 'object') return 'no geometry';
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Point') return [coordinates];
  if (type !== 'MultiPoint') return `geometry type ${describeValue(type ?? null)} is not Point or MultiPoint`;
  if (!Array.isArray(coordinates) || coordinates.length === 0) return 'MultiPoint has no positions';
  return coordinates;
}

function warnMissingColumns(columns: BtsColumns, file: string, collector: ImportCollector<BtsRecord>): void {
  for (const field of ['operator', 'technologies'] as const) {
    if (columns[field] !== undefined) continue;
    collector.warnOnce({
      code: 'missing-column',
      message: `no ${field === 'operator' ? 'operator' : 'technology'} column (expected one of ${BTS_COLUMN_ALIASES[field].join(', ')}); every row is skipped`,
      where: file,
    });
  }
}

function addRecord(row: BtsRow, position: PositionReading, collector: ImportCollector<BtsRecord>, idSuffix = ''): void {
  const reasons: string[] = [];
  const pending: Pending[] = [];
  if (!position.ok) reasons.push(position.reason);
  else if (position.isSwapped) {
    pending.push({ code: 'swapped-coordinates', message: 'latitude looked like a Vietnamese longitude and longitude like a latitude; swapped them' });
  }

  const cell = (field: BtsField): unknown => (row.columns[field] === undefined ? undefined : row.record[row.columns[field]]);
  const columnLabel = (field: BtsField): string =>
    row.columns[field] === undefined ? `no ${row.isGeoJson ? 'property' : 'column'} ${BTS_COLUMN_ALIASES[field].join('/')}` : `${row.isGeoJson ? 'property' : 'column'} "${row.columns[field]}"`;

  const operatorText = readCellText(cell('operator'));
  const operator = normalizeOperator(operatorText);
  if (operatorText === '') reasons.push(`missing operator (${columnLabel('operator')})`);
  else if (!operator.known) {
    pending.push({ code: 'unknown-operator', message: `operator ${describeValue(operator.name)} is not one of ${KNOWN_OPERATORS}; kept as written` });
  }

  const technologyText = readCellText(cell('technologies'));
  const { technologies, unknown } = parseTechnologies(technologyText);
  if (technologyText === '') reasons.push(`missing technology (${columnLabel('technologies')})`);
  else if (technologies.length === 0) reasons.push(`no technology recognised in ${describeValue(technologyText)} (${columnLabel('technologies')})`);
  for (const token of unknown) {
    pending.push({ code: 'unknown-technology', message: `technology ${describeValue(token)} not recognised (${columnLabel('technologies')}); ignored` });
  }

  if (!position.ok || reasons.length > 0) {
    collector.skip(row.where, reasons.join('; '));
    return;
  }

  let siteId = readCellText(cell('siteId'));
  if (siteId === '') {
    siteId = row.fallbackId;
    const fallback = row.isGeoJson ? "the feature id, else the feature's location (file#index)," : "the row's location (file:row)";
    pending.push({ code: 'missing-site-id', message: `missing site id (${columnLabel('siteId')}); ${fallback} is used as id` });
  }
  const record: BtsRecord = {
    siteId: `${siteId}${idSuffix}`,
    operator: operator.name,
    lng: position.position[0],
    lat: position.position[1],
    technologies,
    source: row.where,
  };

  const radius = readOptionalNumber(cell('radiusMeters'), { ambiguousSeparator: 'thousands' });
  if (radius.kind === 'number' && radius.value > 0) record.radiusMeters = radius.value;
  else if (radius.kind !== 'absent') {
    pending.push({ code: 'invalid-radius', message: `radius ${describeValue(cell('radiusMeters'))} is not a number > 0 (${columnLabel('radiusMeters')}); the default radius of the technology is used` });
  }

  const azimuth = readOptionalNumber(cell('azimuthDegrees'), { ambiguousSeparator: 'decimal' });
  if (azimuth.kind === 'number' && azimuth.value >= -360 && azimuth.value <= 360) record.azimuthDegrees = ((azimuth.value % 360) + 360) % 360;
  else if (azimuth.kind !== 'absent') {
    pending.push({ code: 'invalid-azimuth', message: `azimuth ${describeValue(cell('azimuthDegrees'))} is not a number in [-360, 360] (${columnLabel('azimuthDegrees')}); treated as omnidirectional` });
  }

  const beamwidth = readOptionalNumber(cell('beamwidthDegrees'), { ambiguousSeparator: 'decimal' });
  if (beamwidth.kind !== 'absent' && record.azimuthDegrees === undefined) {
    pending.push({ code: 'beamwidth-without-azimuth', message: `beamwidth without a valid azimuth (${columnLabel('beamwidthDegrees')}); ignored` });
  } else if (beamwidth.kind === 'number' && beamwidth.value > 0 && beamwidth.value <= 360) record.beamwidthDegrees = beamwidth.value;
  else if (beamwidth.kind !== 'absent') {
    pending.push({ code: 'invalid-beamwidth', message: `beamwidth ${describeValue(cell('beamwidthDegrees'))} is not a number in (0, 360] (${columnLabel('beamwidthDegrees')}); the default beamwidth is used` });
  }

  const height = readOptionalNumber(cell('heightMeters'), { ambiguousSeparator: 'decimal' });
  if (height.kind === 'number' && height.value >= 0) record.heightMeters = height.value;
  else if (height.kind !== 'absent') {
    pending.push({ code: 'invalid-height', message: `height ${describeValue(cell('heightMeters'))} is not a number ≥ 0 (${columnLabel('heightMeters')}); ignored` });
  }

  collector.use(record);
  pending.forEach(({ code, message }) => collector.warn(code, message, row.where));
}
