import type { FieldMapping } from '../types';
import type { DataTable } from './data-table';
import { BTS_COLUMN_ALIASES, FIBRE_COLUMN_ALIASES, INDICATOR_COLUMN_ALIASES, normalizeColumnName } from './column-aliases';
import type { InputKind } from './parse-input-file';
import { plainRecord, readOwn } from './read-cell';

/** Which column holds which field, as the user chose: field (`lng`, `operator`…) → header as written. */
export type ColumnChoice = Readonly<Record<string, string>>;

/**
 * The accepted names per field of a layer, as its parser looks for them: the hamlet fields of the
 * configuration, the site, fibre or indicator column names.
 * @param kind the layer
 * @param fields the configuration's hamlet fields
 * @returns field → accepted names, the first the parser's preference
 * @example fieldAliasesOf('sites', DEFAULT_CONFIG.fields).operator[0] // 'operator'
 */
export function fieldAliasesOf(kind: InputKind, fields: FieldMapping): Readonly<Record<string, readonly string[]>> {
  if (kind === 'hamlets') return Object.fromEntries(Object.entries(fields) as [string, readonly string[]][]);
  return kind === 'sites' ? BTS_COLUMN_ALIASES : kind === 'fibre' ? FIBRE_COLUMN_ALIASES : INDICATOR_COLUMN_ALIASES;
}

/**
 * Applies the user's column choice to a table: each chosen header is renamed to its field's first alias
 * (the name the parsers look for first), and a header that already had that name, or matched the field
 * another way, gives way (`_2` is appended), so the chosen column wins. Fields the alias table does not
 * have and headers the table does not have are ignored.
 * @param table the table as read
 * @param aliases accepted names per field (`BTS_COLUMN_ALIASES`…); the first is the parsers' preference
 * @param choice field → header as written
 * @returns a new table (the same one when nothing applies)
 * @throws never
 * @example applyColumnChoice({ headers: ['Cột 5', 'Kinh độ'], rows: [...], rowNumbers: [1], warnings: [] }, BTS_COLUMN_ALIASES, { lng: 'Cột 5' }).headers // ['lon', 'Kinh độ_2']
 */
export function applyColumnChoice(table: DataTable, aliases: Readonly<Record<string, readonly string[]>>, choice: ColumnChoice): DataTable {
  const renames = chooseRenames(table.headers, aliases, choice);
  if (renames.size === 0) return table;
  const headers = renameAll(table.headers, renames);
  const rows = table.rows.map((row) => plainRecord(table.headers.map((header, column) => [headers[column], (readOwn(row, header) as string | undefined) ?? ''] as const)));
  return { ...table, headers, rows };
}

/**
 * Applies the user's column choice to a layer's attributes (a Shapefile's, GeoPackage's or GeoJSON's
 * feature properties) as {@link applyColumnChoice} does to a table's columns: each chosen attribute is
 * renamed to its field's first alias, and another attribute the parser would take for that field gives way.
 * @param collection a GeoJSON FeatureCollection (anything else is returned as it is)
 * @param aliases accepted names per field (`BTS_COLUMN_ALIASES`, the hamlet `fields`…)
 * @param choice field → attribute name as written
 * @returns a new collection with renamed properties (the same one when nothing applies)
 * @throws never
 * @example applyPropertyChoice({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { F3: 'Ấp 1' }, geometry: null }] }, { name: ['name', 'ten_ap'] }, { name: 'F3' }).features[0].properties // { name: 'Ấp 1' }
 */
export function applyPropertyChoice<T>(collection: T, aliases: Readonly<Record<string, readonly string[]>>, choice: ColumnChoice): T {
  const features = (collection as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return collection;
  const keys = new Set<string>();
  for (const feature of features) {
    const properties = propertiesOf(feature);
    if (properties !== null) for (const key of Object.keys(properties)) keys.add(key);
  }
  const renames = chooseRenames([...keys], aliases, choice);
  if (renames.size === 0) return collection;
  const renamed = features.map((feature) => {
    const properties = propertiesOf(feature);
    if (properties === null) return feature;
    const names = Object.keys(properties);
    const newNames = renameAll(names, renames);
    return { ...(feature as object), properties: plainRecord(names.map((name, index) => [newNames[index], readOwn(properties, name)] as const)) };
  });
  return { ...(collection as object), features: renamed } as T;
}

function propertiesOf(feature: unknown): Record<string, unknown> | null {
  const properties = (feature as { properties?: unknown } | null)?.properties;
  return properties !== null && typeof properties === 'object' && !Array.isArray(properties) ? (properties as Record<string, unknown>) : null;
}

/** Chosen header → its field's first alias; other headers the parser would take for that field → `<header>_2`. */
function chooseRenames(headers: readonly string[], aliases: Readonly<Record<string, readonly string[]>>, choice: ColumnChoice): Map<string, string> {
  const renames = new Map<string, string>();
  for (const [field, header] of Object.entries(choice)) {
    const names = Object.prototype.hasOwnProperty.call(aliases, field) ? aliases[field] : undefined;
    if (names === undefined || names.length === 0 || !headers.includes(header)) continue;
    renames.set(header, names[0]);
    // Another header that the parser would take for this field gives way to the chosen one.
    const keys = new Set(names.map(normalizeColumnName));
    for (const other of headers) if (other !== header && keys.has(normalizeColumnName(other)) && !renames.has(other)) renames.set(other, `${other}_2`);
  }
  return renames;
}

function renameAll(headers: readonly string[], renames: ReadonlyMap<string, string>): string[] {
  const taken = new Set<string>();
  return headers.map((header) => {
    let name = renames.get(header) ?? header;
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${renames.get(header) ?? header}_${suffix}`;
    taken.add(name);
    return name;
  });
}
