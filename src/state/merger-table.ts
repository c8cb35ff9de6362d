import { findColumn, normalizeColumnName, parseCsvTable, type Hamlet, type ImportResult } from '../core';

/** One row of a commune merger table: an old commune and the post-July-2025 unit it became part of. */
export interface MergerRow {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
}

/** The hamlet property the merger adds, and the group key the dashboard asks the engine for. */
export const NEW_COMMUNE_FIELD = 'new_commune';

export const MERGER_COLUMN_ALIASES = {
  oldCode: ['old_code', 'commune_code', 'ma_xa_cu', 'ma_xa'],
  oldName: ['old_name', 'ten_xa_cu', 'commune'],
  newCode: ['new_code', 'ma_xa_moi'],
  newName: ['new_name', 'ten_xa_moi', 'don_vi_moi'],
} as const;

/**
 * Reads a merger table (CSV with `old_code`/`old_name`, `new_code`, `new_name`). A row needs an old code or
 * an old name, and a new name or code; other rows are skipped with the reason.
 */
export function parseMergerCsv(text: string, file: string): ImportResult<MergerRow> {
  const table = parseCsvTable(text, file);
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
    const cell = (name: string | undefined) => (name === undefined || !Object.hasOwn(row, name) ? '' : row[name].trim());
    const entry = { oldCode: cell(columns.oldCode), oldName: cell(columns.oldName), newCode: cell(columns.newCode), newName: cell(columns.newName) };
    const where = `${file}:${table.rowNumbers[index]}`;
    if (!entry.oldCode && !entry.oldName) skipped.push({ where, code: 'merger-no-old-unit', params: {} });
    else if (!entry.newCode && !entry.newName) skipped.push({ where, code: 'merger-no-new-unit', params: {} });
    else items.push(entry);
  });
  return { items, rowsRead: table.rows.length, rowsUsed: items.length, skipped, warnings: table.warnings };
}

function hamletCommuneCode(hamlet: Hamlet): string {
  const key = Object.keys(hamlet.properties).find((name) => MERGER_COLUMN_ALIASES.oldCode.some((alias) => normalizeColumnName(alias) === normalizeColumnName(name)));
  const value = key === undefined ? undefined : hamlet.properties[key];
  return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * Adds `new_commune` to every hamlet's properties: matched by commune code, else by the old commune name
 * when that name is unique in the table (names such as "Phường 1" repeat across districts).
 * Hamlets are copied, never changed; unmatched hamlets get no property (the engine groups them under "—").
 */
export function applyMergerTable(hamlets: Hamlet[], merger: MergerRow[]): Hamlet[] {
  if (merger.length === 0) return hamlets;
  const byCode = new Map(merger.filter((row) => row.oldCode).map((row) => [row.oldCode, row]));
  const nameCounts = new Map<string, number>();
  for (const row of merger) if (row.oldName) nameCounts.set(row.oldName, (nameCounts.get(row.oldName) ?? 0) + 1);
  const byName = new Map(merger.filter((row) => row.oldName && nameCounts.get(row.oldName) === 1).map((row) => [row.oldName, row]));
  return hamlets.map((hamlet) => {
    const row = byCode.get(hamletCommuneCode(hamlet)) ?? byName.get(hamlet.commune);
    if (!row) return hamlet;
    return { ...hamlet, properties: { ...hamlet.properties, [NEW_COMMUNE_FIELD]: row.newName || row.newCode } };
  });
}
