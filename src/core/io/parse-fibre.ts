import { listOf, message, quotedValue, type Message } from '../messages';
import type { FibrePoint, FibreRoute, ImportResult, Position } from '../types';
import { FIBRE_COLUMN_ALIASES, createColumnResolver, resolveColumns } from './column-aliases';
import { ImportCollector } from './import-collector';
import { OPERATOR_ALIASES, normalizeOperator } from './normalize-operator';
import type { DataTable } from './data-table';
import { parseCsvTable } from './parse-csv-table';
import { MAX_SITE_RADIUS_METERS } from './parse-bts-records';
import { placeLabel, readCellText, readOptionalNumber, readOwn } from './read-cell';
import { readFeatureCollection } from './read-feature-collection';
import { readGeoJsonPosition, readPosition, requireCoordinateColumns } from './read-position';

type FibreField = keyof typeof FIBRE_COLUMN_ALIASES;

/** The attributes points and routes share, read from one row or feature. */
interface FibreAttributes {
  id: string;
  operator?: string;
  kind?: string;
  radiusMeters?: number;
}

/** What {@link parseFibreGeoJson} returns: fibre points and fibre routes, each fully accounted for. */
export interface FibreGeoJsonResult {
  points: ImportResult<FibrePoint>;
  routes: ImportResult<FibreRoute>;
}

const KNOWN_OPERATORS = listOf(Object.keys(OPERATOR_ALIASES), { quoted: false, max: 10 });

/**
 * Reads fibre access points (splitters, ODPs, cabinets) from CSV; columns in {@link FIBRE_COLUMN_ALIASES}.
 * Rows with missing, non-numeric or out-of-range coordinates are skipped with the reason. Kept with a
 * warning: swapped coordinates (`swapped-coordinates`), missing id (`missing-id`, the id becomes
 * `file:row`), unknown operator (`unknown-operator`), radius ≤ 0 or not a number (`invalid-radius`).
 * @param text the CSV file as text
 * @param file label of the file, used in `source`, `where` and messages
 * @returns the points with `source` = `file:row`, and everything that was skipped or warned about
 * @throws {CoverageInputError} `empty-file`, or `no-coordinate-columns` when no longitude or latitude column is found
 * @example
 * parseFibreCsv('ma_diem,loai,kinh_do,vi_do\nODP1,splitter,105.97,9.6\n', 'odp.csv').items
 * // [{ id: 'ODP1', kind: 'splitter', lng: 105.97, lat: 9.6, source: 'odp.csv:1' }]
 */
export function parseFibreCsv(text: string, file: string): ImportResult<FibrePoint> {
  return parseFibreTable(parseCsvTable(text, file), file);
}

/**
 * Reads fibre access points from a table of any source (CSV, an Excel sheet): the rules of {@link parseFibreCsv}.
 * @param table headers, text records and their row numbers (see `parseCsvTable`, `readXlsxTable`)
 * @param file label of the table, used in `source`, `where` (`file:rowNumber`) and messages
 * @returns the points and everything that was skipped or warned about
 * @throws {CoverageInputError} `no-coordinate-columns` when no longitude or latitude column is found
 * @example parseFibreTable({ headers: ['id', 'lon', 'lat'], rows: [{ id: 'ODP1', lon: '105.9', lat: '9.6' }], rowNumbers: [2], warnings: [] }, 'odp.xlsx[Sheet1]').items[0].id // 'ODP1'
 */
export function parseFibreTable(table: DataTable, file: string): ImportResult<FibrePoint> {
  const columns = resolveColumns(table.headers, FIBRE_COLUMN_ALIASES);
  const { lng: lngColumn, lat: latColumn } = requireCoordinateColumns(table.headers, columns, FIBRE_COLUMN_ALIASES, file);
  const collector = new ImportCollector<FibrePoint>('rows');
  table.warnings.forEach((warning) => collector.warnOnce(warning));
  table.rows.forEach((record, index) => {
    const where = `${file}:${table.rowNumbers[index]}`;
    const position = readPosition(readOwn(record, lngColumn), readOwn(record, latColumn), { lng: message('in-column', { column: lngColumn }), lat: message('in-column', { column: latColumn }) });
    if (!position.ok) {
      collector.skip(where, position.reason);
      return;
    }
    const pending: Message[] = position.isSwapped ? [message('swapped-coordinates')] : [];
    const attributes = readAttributes(record, columns, where, 'column', pending);
    collector.use({ ...attributes, lng: position.position[0], lat: position.position[1], source: where });
    for (const warning of pending) collector.warn(warning, where);
  });
  return collector.finish();
}

/**
 * Reads fibre points and routes from one GeoJSON FeatureCollection: Point / MultiPoint features become
 * points, LineString / MultiLineString features become routes (one per line). Properties use the names
 * of {@link FIBRE_COLUMN_ALIASES}; a missing id falls back to the feature `id`, then to `file#index`.
 * Multi-geometries give one item per part, with `-1`, `-2`… appended to the id, and count as one row per
 * part (`where` = `file#feature[k]`). Features without geometry or with another geometry type are
 * reported in `points.skipped`. A route needs at least 2 valid positions.
 * @param json GeoJSON text or the parsed object
 * @param file label of the file, used in `source`, `where` and messages
 * @returns `{ points, routes }`, each an ImportResult with `source` = `file#index`
 * @throws {CoverageInputError} `empty-file`, `invalid-json` or `not-feature-collection`
 * @example
 * parseFibreGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'R1', properties: {}, geometry: { type: 'LineString', coordinates: [[105.9, 9.6], [106, 9.6]] } }] }, 'fibre.geojson').routes.items
 * // [{ id: 'R1', coordinates: [[105.9, 9.6], [106, 9.6]], source: 'fibre.geojson#0' }]
 */
export function parseFibreGeoJson(json: unknown, file: string): FibreGeoJsonResult {
  const { features } = readFeatureCollection(json, file);
  const points = new ImportCollector<FibrePoint>('rows');
  const routes = new ImportCollector<FibreRoute>('rows');
  const columnsOf = createColumnResolver(FIBRE_COLUMN_ALIASES);
  for (const { where, feature, problem } of features) {
    if (feature === null) {
      points.skip(where, problem ?? message('not-a-feature', { value: 'null' }));
      continue;
    }
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
    const type = geometry !== null && typeof geometry === 'object' ? geometry.type : undefined;
    const coordinates = geometry?.coordinates;
    const isPoint = type === 'Point' || type === 'MultiPoint';
    const isLine = type === 'LineString' || type === 'MultiLineString';
    if (!isPoint && !isLine) {
      points.skip(where, type === undefined ? message('no-geometry') : message('geometry-not-fibre', { value: quotedValue(type) }));
      continue;
    }
    const parts = type === 'Point' || type === 'LineString' ? [coordinates] : coordinates;
    const target = isPoint ? points : routes;
    if (!Array.isArray(parts) || parts.length === 0) {
      target.skip(where, message('geometry-empty', { value: String(type) }));
      continue;
    }
    const columns = columnsOf(Object.keys(feature.properties));
    const fallbackId = readCellText(feature.id) || where;
    parts.forEach((part: unknown, index: number) => {
      const partWhere = parts.length > 1 ? `${where}[${index}]` : where;
      const suffix = parts.length > 1 ? `-${index + 1}` : '';
      if (isPoint) addPoint(part, index, feature.properties, columns, partWhere, fallbackId, suffix, points);
      else addRoute(part, feature.properties, columns, partWhere, fallbackId, suffix, routes);
    });
  }
  return { points: points.finish(), routes: routes.finish() };
}

function addPoint(
  coordinates: unknown,
  index: number,
  properties: Record<string, unknown>,
  columns: Partial<Record<FibreField, string>>,
  where: string,
  fallbackId: string,
  suffix: string,
  collector: ImportCollector<FibrePoint>,
): void {
  const position = readGeoJsonPosition(coordinates, index);
  if (!position.ok) {
    collector.skip(where, position.reason);
    return;
  }
  const pending: Message[] = position.isSwapped ? [message('swapped-coordinates')] : [];
  const attributes = readAttributes(properties, columns, fallbackId, 'property', pending);
  collector.use({ ...attributes, id: `${attributes.id}${suffix}`, lng: position.position[0], lat: position.position[1], source: where });
  for (const warning of pending) collector.warn(warning, where);
}

function addRoute(
  line: unknown,
  properties: Record<string, unknown>,
  columns: Partial<Record<FibreField, string>>,
  where: string,
  fallbackId: string,
  suffix: string,
  collector: ImportCollector<FibreRoute>,
): void {
  if (!Array.isArray(line) || line.length < 2) {
    const count = Array.isArray(line) ? line.length : 0;
    collector.skip(where, message('line-too-short', { count }));
    return;
  }
  const coordinates: Position[] = [];
  let isSwapped = false;
  for (let index = 0; index < line.length; index += 1) {
    const position = readGeoJsonPosition(line[index], index);
    if (!position.ok) {
      collector.skip(where, position.reason);
      return;
    }
    isSwapped ||= position.isSwapped;
    coordinates.push(position.position);
  }
  const pending: Message[] = isSwapped ? [message('swapped-coordinates')] : [];
  const attributes = readAttributes(properties, columns, fallbackId, 'property', pending);
  const route: FibreRoute = { id: `${attributes.id}${suffix}`, coordinates, source: where };
  if (attributes.operator !== undefined) route.operator = attributes.operator;
  if (attributes.radiusMeters !== undefined) route.radiusMeters = attributes.radiusMeters;
  collector.use(route);
  for (const warning of pending) collector.warn(warning, where);
}

function readAttributes(
  record: Record<string, unknown>,
  columns: Partial<Record<FibreField, string>>,
  fallbackId: string,
  noun: 'column' | 'property',
  pending: Message[],
): FibreAttributes {
  const cell = (field: FibreField): unknown => (columns[field] === undefined ? undefined : readOwn(record, columns[field]));
  const label = (field: FibreField): Message => placeLabel(columns[field], FIBRE_COLUMN_ALIASES[field], noun === 'property');

  const attributes: FibreAttributes = { id: readCellText(cell('id')) };
  if (attributes.id === '') {
    attributes.id = fallbackId;
    pending.push(message(noun === 'property' ? 'missing-id-feature' : 'missing-id-row', { at: label('id') }));
  }
  const operatorText = readCellText(cell('operator'));
  if (operatorText !== '') {
    const operator = normalizeOperator(operatorText);
    attributes.operator = operator.name;
    if (!operator.known) pending.push(message('unknown-operator', { value: quotedValue(operator.name), known: KNOWN_OPERATORS }));
  }
  const kind = readCellText(cell('kind'));
  if (kind !== '') attributes.kind = kind;
  const radius = readOptionalNumber(cell('radiusMeters'), { ambiguousSeparator: 'thousands' });
  if (radius.kind === 'number' && radius.value > 0 && radius.value <= MAX_SITE_RADIUS_METERS) attributes.radiusMeters = radius.value;
  else if (radius.kind === 'number' && radius.value > MAX_SITE_RADIUS_METERS) {
    pending.push(message('implausible-radius', { value: quotedValue(cell('radiusMeters')), limit: MAX_SITE_RADIUS_METERS, at: label('radiusMeters') }));
  } else if (radius.kind !== 'absent') pending.push(message('invalid-radius', { value: quotedValue(cell('radiusMeters')), at: label('radiusMeters') }));
  return attributes;
}
