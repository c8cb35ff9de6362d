import { listOf, message, quotedValue, type Message } from '../messages';
import type { Warning } from '../types';
import type { DataTable } from './data-table';
import { WarningMerger } from './import-collector';
import { CoverageInputError } from './input-error';
import { classifyRow, dmsPartOf, HEADER_SEARCH_ROWS, locateHeader, type RawRow } from './locate-header';
import { normalizeColumnName } from './column-aliases';
import { plainRecord } from './read-cell';

/** Header cells a table may have: more is not a table (a one-line file of values, a binary file read as text). */
export const MAX_TABLE_COLUMNS = 2_000;
/** Cells of a row kept in {@link TableLayout.rows} (for a header-row picker), and characters per cell. */
const PREVIEW_CELLS = 12;
const PREVIEW_CHARS = 40;

/** Where a table's header was found, and its first rows as read, so a user can pick another header row. */
export interface TableLayout {
  /** Row number (sheet row, or CSV record) of the header's last row. */
  headerRow: number;
  /** 2 when two header rows were joined. */
  headerRowCount: 1 | 2;
  /** Whether the header row was given (`--header-row`, the import dialog) rather than found. */
  isChosen: boolean;
  /** How many header names are known column names. */
  knownCount: number;
  /** The first non-blank rows (up to {@link HEADER_SEARCH_ROWS}), cells cut short, for a picker. */
  rows: RawRow[];
}

/** Options of {@link shapeTable}. */
export interface ShapeTableOptions {
  /** The row number (as in {@link RawRow.rowNumber}) of the header row the user picked. */
  headerRow?: number;
  /**
   * How data rows are numbered in messages: `sheet` keeps each row's own number (a spreadsheet), `after-header`
   * counts from the header (CSV: data row 1 is the record after the header).
   */
  numbering: 'sheet' | 'after-header';
  /** The warning for cells beyond the header's columns. */
  extraCells(cells: readonly string[], headerCount: number): Message;
}

/**
 * Turns the rows of a sheet or a CSV file, as offices make them, into a {@link DataTable}: finds the
 * header with {@link locateHeader} (title, date and blank rows first; two header rows with merged cells
 * joined), or takes the row the user picked; skips totals rows, column-numbering rows and repeated
 * headers after it; joins separate degree / minute / second columns of a coordinate into one column
 * (`Kinh độ` = `105°58'12,5"`, read by `parseCoordinate`). Every row that is not data is reported with
 * its place: `rows-above-header` (with the row numbers and their first text), `totals-row-skipped`,
 * `numbering-row-skipped`, `header-repeat-skipped`, `blank-rows-skipped`. Empty headers become
 * `column_<n>` and repeated ones get `_2`, `_3`…, with a warning.
 * @param rows every row in order, blank ones included, numbered as messages show them
 * @param label the table's label in messages (`bts.csv`, `tram.xlsx[Trạm]`)
 * @param options picked header row, numbering of data rows, the extra-cells warning
 * @returns the table and where its header was
 * @throws {CoverageInputError} `file-empty` without a non-blank row; `header-row-missing` (with the row
 *   and the last row) when the picked row does not exist or is blank; `too-many-columns`
 * @example shapeTable([{ rowNumber: 1, cells: ['DANH SÁCH TRẠM'] }, { rowNumber: 2, cells: ['Mã trạm', 'Kinh độ', 'Vĩ độ'] }, { rowNumber: 3, cells: ['A', '105.9', '9.6'] }], 'a.xlsx', { numbering: 'sheet', extraCells: () => message('extra-cells-sheet') }).table.rowNumbers // [3]
 */
export function shapeTable(rows: readonly RawRow[], label: string, options: ShapeTableOptions): { table: DataTable; layout: TableLayout } {
  const filled = rows.filter((row) => !isBlank(row.cells));
  if (filled.length === 0) throw new CoverageInputError({ code: 'file-empty', file: label });
  let chosen: number | undefined;
  if (options.headerRow !== undefined) {
    chosen = filled.findIndex((row) => row.rowNumber === options.headerRow);
    if (chosen < 0) throw new CoverageInputError({ code: 'header-row-missing', file: label, params: { row: options.headerRow, last: rows[rows.length - 1]?.rowNumber ?? 0 } });
  }
  const found = locateHeader(filled, chosen)!;
  const headerRow = filled[found.index].rowNumber;
  const firstHeaderRow = filled[found.index - found.rowCount + 1].rowNumber;
  const headerCells = filled[found.index].cells;
  if (headerCells.length > MAX_TABLE_COLUMNS) {
    throw new CoverageInputError({ code: 'too-many-columns', file: label, params: { count: headerCells.length, limit: MAX_TABLE_COLUMNS, headers: listOf(headerCells, { quoted: true }) } });
  }
  const warnings: Warning[] = [];
  const above = rows.filter((row) => row.rowNumber < firstHeaderRow);
  if (above.length > 0) {
    const titled = above.filter((row) => !isBlank(row.cells)).map((row) => `${row.rowNumber}: ${firstText(row.cells)}`);
    warnings.push({ code: 'rows-above-header', params: { count: above.length, headerRow, rows: listOf(titled, { quoted: true, max: 4 }) }, where: label });
  }
  const headers = uniqueHeaders(found.headers, label, warnings);
  const dms = dmsColumns(headers);
  const allHeaders = [...headers, ...dms.map((group) => group.name)];
  if (dms.length > 0) warnings.push({ code: 'dms-columns-joined', params: { columns: listOf(dms.map((group) => group.name), { quoted: true }) }, where: label });
  const rowWarnings = new WarningMerger();
  const records: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  const numberOf = (row: RawRow): number => (options.numbering === 'sheet' ? row.rowNumber : row.rowNumber - headerRow);
  // Blank rows at the very end of a sheet or file are not worth a word.
  const lastFilledRow = filled[filled.length - 1].rowNumber;
  for (const row of rows) {
    if (row.rowNumber <= headerRow) continue;
    const place = `${label}:${numberOf(row)}`;
    if (isBlank(row.cells)) {
      if (row.rowNumber < lastFilledRow) rowWarnings.add(message('blank-rows-skipped'), place);
      continue;
    }
    const kind = classifyRow(row.cells, found.headers);
    if (kind !== null) {
      const code = kind === 'totals' ? 'totals-row-skipped' : kind === 'numbering' ? 'numbering-row-skipped' : 'header-repeat-skipped';
      rowWarnings.add(message(code, { value: quotedValue(firstText(row.cells)) }), place);
      continue;
    }
    const extra = row.cells.slice(headers.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) rowWarnings.add(options.extraCells(extra, headers.length), place);
    const cells = headers.map((header, column) => [header, (row.cells[column] ?? '').trim()] as const);
    const joined = dms.map((group) => [group.name, joinDms(group.columns.map((column) => (column < 0 ? '' : (row.cells[column] ?? '').trim())))] as const);
    records.push(plainRecord([...cells, ...joined]));
    rowNumbers.push(numberOf(row));
  }
  const layout: TableLayout = {
    headerRow,
    headerRowCount: found.rowCount,
    isChosen: found.isChosen,
    knownCount: found.knownCount,
    rows: filled.slice(0, HEADER_SEARCH_ROWS).map((row) => ({ rowNumber: row.rowNumber, cells: row.cells.slice(0, PREVIEW_CELLS).map((cell) => cutCell(cell)) })),
  };
  return { table: { headers: allHeaders, rows: records, rowNumbers, warnings: [...warnings, ...rowWarnings.list('rows')] }, layout };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === undefined || cell.trim() === '');
}

function firstText(cells: readonly string[]): string {
  return cutCell(cells.find((cell) => cell !== undefined && cell.trim() !== '') ?? '');
}

function cutCell(cell: string | undefined): string {
  const text = (cell ?? '').trim();
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

/** A coordinate written in separate degree / minute / second columns: the name of the joined column and the parts' columns (-1 = absent). */
interface DmsGroup {
  name: string;
  columns: [number, number, number];
}

/** Groups of degree / minute / second columns that have a degree column and no column of the joined name yet. */
function dmsColumns(headers: readonly string[]): DmsGroup[] {
  const groups = new Map<string, DmsGroup>();
  const taken = new Set(headers.map(normalizeColumnName));
  headers.forEach((header, column) => {
    const part = dmsPartOf(header);
    if (part === null) return;
    const key = normalizeColumnName(part.base);
    if (taken.has(key)) return;
    let group = groups.get(key);
    if (group === undefined) {
      group = { name: part.base, columns: [-1, -1, -1] };
      groups.set(key, group);
    }
    const slot = part.part === 'degrees' ? 0 : part.part === 'minutes' ? 1 : 2;
    if (group.columns[slot] < 0) group.columns[slot] = column;
  });
  return [...groups.values()].filter((group) => group.columns[0] >= 0);
}

/** Degree, minute and second cells as one coordinate text (`105°58'12,5"`), or '' when the degrees are blank. */
function joinDms([degrees, minutes, seconds]: readonly string[]): string {
  if (degrees === '') return '';
  return `${degrees}°${minutes === '' ? '0' : minutes}'${seconds === '' ? '0' : seconds}"`;
}

function uniqueHeaders(cells: readonly string[], label: string, warnings: Warning[]): string[] {
  const seen = new Set<string>();
  let renamed = 0;
  return cells.map((cell, index) => {
    const trimmed = cell.trim();
    let header = trimmed === '' ? `column_${index + 1}` : trimmed;
    for (let suffix = 2; seen.has(header); suffix += 1) header = `${trimmed}_${suffix}`;
    if (header !== trimmed && renamed < 50) {
      renamed += 1;
      warnings.push(trimmed === '' ? { code: 'header-empty-named', params: { index: index + 1, renamed: header }, where: label } : { code: 'header-repeated-renamed', params: { header: trimmed, index: index + 1, renamed: header }, where: label });
    }
    seen.add(header);
    return header;
  });
}
