import type { DataTable } from './data-table';
import { normalizeColumnName } from './column-aliases';
import { plainRecord, readOwn } from './read-cell';

/** Which column holds which field, as the user chose: field (`lng`, `operator`…) → header as written. */
export type ColumnChoice = Readonly<Record<string, string>>;

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
  const renames = new Map<string, string>();
  for (const [field, header] of Object.entries(choice)) {
    const names = Object.prototype.hasOwnProperty.call(aliases, field) ? aliases[field] : undefined;
    if (names === undefined || names.length === 0 || !table.headers.includes(header)) continue;
    renames.set(header, names[0]);
    // Another header that the parser would take for this field gives way to the chosen one.
    const keys = new Set(names.map(normalizeColumnName));
    for (const other of table.headers) if (other !== header && keys.has(normalizeColumnName(other)) && !renames.has(other)) renames.set(other, `${other}_2`);
  }
  if (renames.size === 0) return table;
  const taken = new Set<string>();
  const headers = table.headers.map((header) => {
    let name = renames.get(header) ?? header;
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${renames.get(header) ?? header}_${suffix}`;
    taken.add(name);
    return name;
  });
  const rows = table.rows.map((row) => plainRecord(table.headers.map((header, column) => [headers[column], (readOwn(row, header) as string | undefined) ?? ''] as const)));
  return { ...table, headers, rows };
}
