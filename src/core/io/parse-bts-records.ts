import { listOf, message, quotedValue, type Message } from '../messages';
import type { BtsRecord, ImportResult } from '../types';
import { BTS_COLUMN_ALIASES, createColumnResolver, resolveColumns } from './column-aliases';
import { ImportCollector } from './import-collector';
import { OPERATOR_ALIASES, normalizeOperator } from './normalize-operator';
import type { DataTable } from './data-table';
import { parseCsvTable } from './parse-csv-table';
import { parseTechnologies } from './parse-technologies';
import { placeLabel, readCellText, readOptionalNumber, readOwn } from './read-cell';
import { readFeatureCollection } from './read-feature-collection';
import { readGeoJsonPosition, readPosition, requireCoordinateColumns, type PositionReading } from './read-position';
import { isFrequencyMhz, MAX_FREQUENCY_MHZ, MIN_FREQUENCY_MHZ } from './record-rules';

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

const KNOWN_OPERATORS = listOf(Object.keys(OPERATOR_ALIASES), { quoted: false, max: 10 });

/** Largest radius a site record may set, in metres: beyond it the value is a typo or in the wrong unit. */
export const MAX_SITE_RADIUS_METERS = 100_000;

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
    const position = readPosition(readOwn(record, lngColumn), readOwn(record, latColumn), { lng: message('in-column', { column: lngColumn }), lat: message('in-column', { column: latColumn }) });
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
      collector.skip(where, problem ?? message('not-a-feature', { value: 'null' }));
      continue;
    }
    const points = readPoints(feature.geometry);
    if (!Array.isArray(points)) {
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
function readPoints(geometry: unknown): unknown[] | Message {
  if (geometry === null || typeof geometry !== 'object') return message('no-geometry');
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Point') return [coordinates];
  if (type !== 'MultiPoint') return message('geometry-not-point', { value: quotedValue(type ?? null) });
  if (!Array.isArray(coordinates) || coordinates.length === 0) return message('geometry-empty', { value: 'MultiPoint' });
  return coordinates;
}

function warnMissingColumns(columns: BtsColumns, file: string, collector: ImportCollector<BtsRecord>): void {
  for (const field of ['operator', 'technologies'] as const) {
    if (columns[field] !== undefined) continue;
    collector.warnOnce({
      code: field === 'operator' ? 'no-operator-column' : 'no-technology-column',
      params: { names: listOf(BTS_COLUMN_ALIASES[field], { quoted: false, max: 10 }) },
      where: file,
    });
  }
}

function addRecord(row: BtsRow, position: PositionReading, collector: ImportCollector<BtsRecord>, idSuffix = ''): void {
  const reasons: Message[] = [];
  const pending: Message[] = [];
  if (!position.ok) reasons.push(position.reason);
  else if (position.isSwapped) pending.push(message('swapped-coordinates'));

  const cell = (field: BtsField): unknown => (row.columns[field] === undefined ? undefined : readOwn(row.record, row.columns[field]));
  const columnLabel = (field: BtsField): Message => placeLabel(row.columns[field], BTS_COLUMN_ALIASES[field], row.isGeoJson);

  const operatorText = readCellText(cell('operator'));
  const operator = normalizeOperator(operatorText);
  if (operatorText === '') reasons.push(message('missing-operator', { at: columnLabel('operator') }));
  else if (!operator.known) pending.push(message('unknown-operator', { value: quotedValue(operator.name), known: KNOWN_OPERATORS }));

  const technologyText = readCellText(cell('technologies'));
  const { technologies, unknown } = parseTechnologies(technologyText);
  if (technologyText === '') reasons.push(message('missing-technology', { at: columnLabel('technologies') }));
  else if (technologies.length === 0) reasons.push(message('no-technology-recognised', { value: quotedValue(technologyText), at: columnLabel('technologies') }));
  // One warning per row at most: a cell of 10,000 unknown tokens quotes a few and counts them.
  if (unknown.length > 0) {
    const tokens = unknown.length === 1 ? quotedValue(unknown[0]) : listOf(unknown, { quoted: true });
    pending.push(message('unknown-technology', { value: tokens, at: columnLabel('technologies') }));
  }

  if (!position.ok || reasons.length > 0) {
    const [first, ...also] = reasons;
    collector.skip(row.where, first, also);
    return;
  }

  let siteId = readCellText(cell('siteId'));
  if (siteId === '') {
    siteId = row.fallbackId;
    pending.push(message(row.isGeoJson ? 'missing-site-id-feature' : 'missing-site-id-row', { at: columnLabel('siteId') }));
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
  if (radius.kind === 'number' && radius.value > 0 && radius.value <= MAX_SITE_RADIUS_METERS) record.radiusMeters = radius.value;
  else if (radius.kind === 'number' && radius.value > MAX_SITE_RADIUS_METERS) {
    pending.push(message('implausible-radius', { value: quotedValue(cell('radiusMeters')), limit: MAX_SITE_RADIUS_METERS, at: columnLabel('radiusMeters') }));
  } else if (radius.kind !== 'absent') pending.push(message('invalid-radius', { value: quotedValue(cell('radiusMeters')), at: columnLabel('radiusMeters') }));

  const azimuth = readOptionalNumber(cell('azimuthDegrees'), { ambiguousSeparator: 'decimal' });
  if (azimuth.kind === 'number' && azimuth.value >= -360 && azimuth.value <= 360) record.azimuthDegrees = ((azimuth.value % 360) + 360) % 360;
  else if (azimuth.kind !== 'absent') pending.push(message('invalid-azimuth', { value: quotedValue(cell('azimuthDegrees')), at: columnLabel('azimuthDegrees') }));

  const beamwidth = readOptionalNumber(cell('beamwidthDegrees'), { ambiguousSeparator: 'decimal' });
  if (beamwidth.kind !== 'absent' && record.azimuthDegrees === undefined) {
    pending.push(message('beamwidth-without-azimuth', { at: columnLabel('beamwidthDegrees') }));
  } else if (beamwidth.kind === 'number' && beamwidth.value > 0 && beamwidth.value <= 360) record.beamwidthDegrees = beamwidth.value;
  else if (beamwidth.kind !== 'absent') pending.push(message('invalid-beamwidth', { value: quotedValue(cell('beamwidthDegrees')), at: columnLabel('beamwidthDegrees') }));

  const height = readOptionalNumber(cell('heightMeters'), { ambiguousSeparator: 'decimal' });
  if (height.kind === 'number' && height.value >= 0) record.heightMeters = height.value;
  else if (height.kind !== 'absent') pending.push(message('invalid-height', { value: quotedValue(cell('heightMeters')), at: columnLabel('heightMeters') }));

  const frequency = readFrequencyMhz(cell('frequencyMhz'));
  if (frequency !== null && frequency !== 'invalid') record.frequencyMhz = frequency;
  else if (frequency === 'invalid') pending.push(message('invalid-frequency', { value: quotedValue(cell('frequencyMhz')), min: MIN_FREQUENCY_MHZ, max: MAX_FREQUENCY_MHZ, at: columnLabel('frequencyMhz') }));

  collector.use(record);
  for (const warning of pending) collector.warn(warning, row.where);
}

/**
 * A record's frequency in MHz from its cell: a number of MHz ("1800", "1.800", "2100 MHz") or of GHz
 * when the cell says so ("3,5 GHz"); null when absent, 'invalid' when not a frequency a mobile network
 * uses (outside {@link MIN_FREQUENCY_MHZ}–{@link MAX_FREQUENCY_MHZ}).
 */
function readFrequencyMhz(raw: unknown): number | null | 'invalid' {
  let text = raw;
  let scale = 1;
  if (typeof raw === 'string') {
    const unit = /\s*([mg])hz\s*$/i.exec(raw);
    if (unit) {
      scale = unit[1].toLowerCase() === 'g' ? 1000 : 1;
      text = raw.slice(0, unit.index);
    }
  }
  const value = readOptionalNumber(text, { ambiguousSeparator: scale === 1000 ? 'decimal' : 'thousands' });
  if (value.kind === 'absent') return null;
  if (value.kind === 'invalid') return 'invalid';
  const mhz = value.value * scale;
  return isFrequencyMhz(mhz) ? mhz : 'invalid';
}
