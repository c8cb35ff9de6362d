import { message, quotedValue } from '../messages';
import type { Hamlet, ImportResult, Position, SkippedItem, Warning } from '../types';
import { findColumn } from '../io/column-aliases';
import type { DataTable } from '../io/data-table';
import { readCellText, readOptionalNumber, readOwn } from '../io/read-cell';
import { readFeatureCollection } from '../io/read-feature-collection';
import type { CommuneArea, HamletListEntry } from './approximate-types';

/** Column names of a hamlet list (a table, or a point layer's properties), most specific first. */
export const HAMLET_LIST_COLUMN_ALIASES = {
  id: ['id', 'ma_ap', 'ma_thon', 'ma'],
  name: ['name', 'ten_ap', 'ten_thon', 'ten'],
  communeCode: ['commune_code', 'ma_xa', 'ma_phuong_xa', 'ma_xa_phuong'],
  commune: ['commune', 'xa', 'ten_xa', 'phuong_xa', 'xa_phuong'],
  districtCode: ['district_code', 'ma_huyen'],
  district: ['district', 'huyen', 'ten_huyen', 'quan_huyen'],
  households: ['households', 'so_ho', 'ho'],
  population: ['population', 'dan_so', 'so_dan'],
  lng: ['lng', 'lon', 'long', 'longitude', 'kinh_do'],
  lat: ['lat', 'latitude', 'vi_do'],
} as const;

type ListField = keyof typeof HAMLET_LIST_COLUMN_ALIASES;

/** Codes written as numbers (31522.0 from a spreadsheet) are codes: the integer's digits. */
function readCode(raw: unknown): string | null {
  const text = readCellText(raw);
  if (text === '') return null;
  return /^\d+\.0+$/.test(text) ? text.replace(/\.0+$/, '') : text;
}

function readEntry(cell: (field: ListField) => unknown, where: string, fallbackId: string, point: Position | null, properties: Record<string, unknown>, warnings: Warning[]): HamletListEntry | SkippedItem {
  const name = readCellText(cell('name'));
  const id = readCellText(cell('id')) || fallbackId;
  const communeCode = readCode(cell('communeCode'));
  const commune = readCellText(cell('commune'));
  if (communeCode === null && commune === '') return { ...message('approx-hamlet-no-commune', { names: HAMLET_LIST_COLUMN_ALIASES.communeCode.join(', ') }), where };
  const entry: HamletListEntry = { id, name, communeCode, commune, district: readCellText(cell('district')), districtCode: readCode(cell('districtCode')), point, properties, where };
  for (const field of ['households', 'population'] as const) {
    const count = readOptionalNumber(cell(field), { ambiguousSeparator: 'thousands' });
    if (count.kind === 'number' && count.value >= 0) entry[field] = count.value;
    else if (count.kind !== 'absent') warnings.push({ ...message(`invalid-${field}`, { value: quotedValue(cell(field)), property: field }), where });
  }
  return entry;
}

function finish(entries: (HamletListEntry | SkippedItem)[], warnings: Warning[]): ImportResult<HamletListEntry> {
  const items: HamletListEntry[] = [];
  const skipped: SkippedItem[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    if (!('id' in entry)) {
      skipped.push(entry);
      continue;
    }
    const first = seen.get(entry.id);
    if (first !== undefined) {
      skipped.push({ ...message('duplicate-hamlet-id', { value: quotedValue(entry.id), first }), where: entry.where });
      continue;
    }
    seen.set(entry.id, entry.where);
    items.push(entry);
  }
  return { items, rowsRead: entries.length, rowsUsed: items.length, skipped, warnings };
}

function readPointCells(lngRaw: unknown, latRaw: unknown, where: string, warnings: Warning[]): Position | null {
  const lng = readOptionalNumber(lngRaw, {});
  const lat = readOptionalNumber(latRaw, {});
  if (lng.kind === 'absent' && lat.kind === 'absent') return null;
  if (lng.kind === 'number' && lat.kind === 'number' && Math.abs(lng.value) <= 180 && Math.abs(lat.value) <= 90) return [lng.value, lat.value];
  warnings.push({ ...message('approx-point-invalid', { value: quotedValue(`${readCellText(lngRaw)}, ${readCellText(latRaw)}`) }), where });
  return null;
}

/**
 * Reads a hamlet list from a table (CSV, .xlsx): one row per hamlet with its name, its commune's code
 * (or the commune's name and district), households and population, and optionally its point in degrees
 * (`lng`/`kinh_do`, `lat`/`vi_do`). A row without any commune is skipped with the reason.
 * @param table the table
 * @param label the file's label, for places (`file:row`)
 * @returns the entries, with rows read, used and skipped
 * @throws never
 * @example readHamletListTable(parseCsvTable('ma_ap,ten_ap,ma_xa\nA1,Ấp 1,31522', 'ap.csv'), 'ap.csv').items[0].communeCode // '31522'
 */
export function readHamletListTable(table: DataTable, label: string): ImportResult<HamletListEntry> {
  const columns = new Map<ListField, string | undefined>();
  for (const field of Object.keys(HAMLET_LIST_COLUMN_ALIASES) as ListField[]) columns.set(field, findColumn(table.headers, HAMLET_LIST_COLUMN_ALIASES[field]));
  const warnings: Warning[] = [...table.warnings];
  const entries = table.rows.map((row, index) => {
    const where = `${label}:${table.rowNumbers[index]}`;
    const cell = (field: ListField): unknown => {
      const column = columns.get(field);
      return column === undefined ? undefined : readOwn(row, column);
    };
    const properties = Object.assign(Object.create(null) as Record<string, unknown>, row);
    return readEntry(cell, where, where, readPointCells(cell('lng'), cell('lat'), where, warnings), properties, warnings);
  });
  return finish(entries, warnings);
}

/**
 * Reads a hamlet list from a GeoJSON FeatureCollection of points (one per hamlet: its cultural house
 * or centre) or of features without geometry; properties as in {@link readHamletListTable}. A polygon
 * feature is skipped: polygons are hamlet boundaries, read as such.
 * @param json the parsed collection (WGS84)
 * @param file the file's name, for places (`file#feature`)
 * @returns the entries, with rows read, used and skipped
 * @throws {CoverageInputError} when the input is not a FeatureCollection
 * @example readHamletListFeatures(collection, 'ap.geojson').items[0].point // [105.97, 9.6]
 */
export function readHamletListFeatures(json: unknown, file: string): ImportResult<HamletListEntry> {
  const warnings: Warning[] = [];
  const entries = readFeatureCollection(json, file).features.map(({ where, feature, problem, index }) => {
    if (feature === null) return { ...(problem ?? message('not-a-feature', { value: 'null' })), where };
    const keys = Object.keys(feature.properties);
    const cell = (field: ListField): unknown => {
      const column = findColumn(keys, HAMLET_LIST_COLUMN_ALIASES[field]);
      return column === undefined ? undefined : readOwn(feature.properties, column);
    };
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
    let point: Position | null = null;
    if (geometry !== null && typeof geometry === 'object') {
      const coordinates = geometry.type === 'MultiPoint' && Array.isArray(geometry.coordinates) ? geometry.coordinates[0] : geometry.coordinates;
      if (geometry.type !== 'Point' && geometry.type !== 'MultiPoint') return { ...message('approx-feature-not-point', { value: quotedValue(geometry.type) }), where };
      point = Array.isArray(coordinates) ? readPointCells(coordinates[0], coordinates[1], where, warnings) : null;
    }
    const properties = Object.assign(Object.create(null) as Record<string, unknown>, feature.properties);
    return readEntry(cell, where, readCellText(feature.id) || `${file}#${index}`, point, properties, warnings);
  });
  return finish(entries, warnings);
}

/**
 * The communes of a polygon layer read as hamlets (`parseInputBytes('hamlets', …)`, any format): code
 * from `commune_code`/`ma_xa` (else the feature's own id when it has one), name from `ten_xa`, else the
 * name or commune field, district and its code as written.
 * @param communes the polygon layer
 * @returns one commune area per polygon
 * @throws never
 * @example readCommuneAreas(parsed.input.hamlets)[0].code // '31522'
 */
export function readCommuneAreas(communes: readonly Hamlet[]): CommuneArea[] {
  return communes.map((feature) => {
    const keys = Object.keys(feature.properties);
    const property = (aliases: readonly string[]): unknown => {
      const column = findColumn(keys, aliases);
      return column === undefined ? undefined : readOwn(feature.properties, column);
    };
    const hasOwnId = findColumn(keys, ['id', 'code', 'ma']) !== undefined;
    const code = readCode(property(HAMLET_LIST_COLUMN_ALIASES.communeCode)) ?? (hasOwnId ? feature.id : null);
    const name = readCellText(property(['ten_xa', 'commune_name'])) || feature.name || feature.commune;
    return { code, name, district: feature.district, districtCode: readCode(property(HAMLET_LIST_COLUMN_ALIASES.districtCode)), geometry: feature.geometry, where: feature.id };
  });
}
