import type { Hamlet, ImportResult } from '../types';
import { findColumn } from '../io/column-aliases';
import type { DataTable } from '../io/data-table';
import { parseCsvTable } from '../io/parse-csv-table';
import { PropertyReader } from './read-property';

/** One row of a commune merger table: an old commune and the post-July-2025 unit it became part of. */
export interface MergerRow {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
}

/** The grouping of the post-July-2025 communes (read from the hamlets' `new_code` / `new_name`). */
export const NEW_COMMUNE_FIELD = 'new_commune';

/** The hamlet properties the merger table writes: the new unit's code and name. */
export const NEW_UNIT_PROPERTIES = { code: 'new_code', name: 'new_name' } as const;

/** Accepted column names of a merger table, per field, in order of preference. */
export const MERGER_COLUMN_ALIASES = {
  oldCode: ['old_code', 'commune_code', 'ma_xa_cu', 'ma_xa'],
  oldName: ['old_name', 'ten_xa_cu', 'commune'],
  newCode: ['new_code', 'ma_xa_moi'],
  newName: ['new_name', 'ten_xa_moi', 'don_vi_moi'],
} as const;

/**
 * Reads a merger table (CSV with `old_code` / `old_name`, `new_code`, `new_name`, or the Vietnamese
 * `ma_xa_cu`, `ten_xa_cu`, `ma_xa_moi`, `ten_xa_moi`). A row needs an old code or an old name, and a new
 * code or name; other rows are skipped with the reason.
 * @param text the CSV text (decoded)
 * @param file the file name, for `file:row` places
 * @returns the rows, with the skipped rows and the table's warnings
 * @example parseMergerCsv('old_code,new_code,new_name\n31522,31510,Phường Phú Lợi\n', 'm.csv').items[0].newCode // '31510'
 */
export function parseMergerCsv(text: string, file: string): ImportResult<MergerRow> {
  return parseMergerTable(parseCsvTable(text, file), file);
}

/**
 * Reads a merger table already read as a table (CSV or .xlsx, header found or picked, columns chosen):
 * the rows as {@link parseMergerCsv} reads them.
 * @param table the table
 * @param file the table's label, for `file:row` places
 * @returns the rows, with the skipped rows and the table's warnings
 * @example parseMergerTable(parseCsvTable('old_code,new_name\n31522,Phường Phú Lợi\n', 'm.csv'), 'm.csv').items[0].newName // 'Phường Phú Lợi'
 */
export function parseMergerTable(table: DataTable, file: string): ImportResult<MergerRow> {
  const column = (aliases: readonly string[]) => findColumn(table.headers, aliases);
  const columns = {
    oldCode: column(MERGER_COLUMN_ALIASES.oldCode),
    oldName: column(MERGER_COLUMN_ALIASES.oldName),
    newCode: column(MERGER_COLUMN_ALIASES.newCode),
    newName: column(MERGER_COLUMN_ALIASES.newName),
  };
  const items: MergerRow[] = [];
  const skipped: ImportResult<MergerRow>['skipped'] = [];
  table.rows.forEach((row, index) => {
    const cell = (name: string | undefined) => (name === undefined || !Object.hasOwn(row, name) ? '' : (row[name] ?? '').trim());
    const entry = { oldCode: cell(columns.oldCode), oldName: cell(columns.oldName), newCode: cell(columns.newCode), newName: cell(columns.newName) };
    const where = `${file}:${table.rowNumbers[index]}`;
    if (!entry.oldCode && !entry.oldName) skipped.push({ where, code: 'merger-no-old-unit', params: {} });
    else if (!entry.newCode && !entry.newName) skipped.push({ where, code: 'merger-no-new-unit', params: {} });
    else items.push(entry);
  });
  return { items, rowsRead: table.rows.length, rowsUsed: items.length, skipped, warnings: table.warnings };
}

/**
 * Gives every hamlet its post-July-2025 unit: `new_code` and `new_name` properties from the row of its
 * old commune, matched by the hamlet's commune code (`commune_code`, `ma_xa`, `old_code`, `ma_xa_cu`),
 * else by the old commune's name when that name is unique in the table (names such as "Phường 1" repeat
 * across districts, so they never match by name alone). The engine's `new_commune` grouping then keys the new
 * communes by `new_code`. Hamlets are copied, never changed; an unmatched hamlet keeps its own
 * properties (a layer may carry `new_code` itself).
 * @param hamlets the hamlets
 * @param merger the merger table's rows
 * @returns the hamlets with the new unit's properties
 * @example applyMergerTable(hamlets, rows)[0].properties.new_code // '31510'
 */
export function applyMergerTable(hamlets: Hamlet[], merger: MergerRow[]): Hamlet[] {
  if (merger.length === 0) return hamlets;
  const byCode = new Map(merger.filter((row) => row.oldCode).map((row) => [row.oldCode, row]));
  const nameCounts = new Map<string, number>();
  for (const row of merger) if (row.oldName) nameCounts.set(row.oldName, (nameCounts.get(row.oldName) ?? 0) + 1);
  const byName = new Map(merger.filter((row) => row.oldName && nameCounts.get(row.oldName) === 1).map((row) => [row.oldName, row]));
  const reader = new PropertyReader();
  // The hamlet's own code columns, most specific first (a hamlet layer says commune_code, not old_code).
  const codeFields = ['commune_code', 'ma_xa', 'old_code', 'ma_xa_cu'];
  return hamlets.map((hamlet) => {
    const code = reader.read(hamlet.properties, codeFields);
    const row = byCode.get(code) ?? byName.get(hamlet.commune.trim());
    if (!row) return hamlet;
    const properties: Record<string, unknown> = { ...hamlet.properties };
    delete properties[NEW_UNIT_PROPERTIES.code];
    delete properties[NEW_UNIT_PROPERTIES.name];
    if (row.newCode) properties[NEW_UNIT_PROPERTIES.code] = row.newCode;
    if (row.newName) properties[NEW_UNIT_PROPERTIES.name] = row.newName;
    return { ...hamlet, properties };
  });
}
