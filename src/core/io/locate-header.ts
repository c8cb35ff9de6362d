import { BTS_COLUMN_ALIASES, FIBRE_COLUMN_ALIASES, INDICATOR_COLUMN_ALIASES, normalizeColumnName } from './column-aliases';
import { MEASUREMENT_COLUMN_ALIASES } from '../measurements/measurement-columns';
import { MERGER_COLUMN_ALIASES } from '../admin/merger-table';
import { HAMLET_LIST_COLUMN_ALIASES } from '../approximate/read-hamlet-list';

/** One row of a sheet or a CSV file before a header is chosen: its number as the user sees it, and its cells. */
export interface RawRow {
  /** The row number messages show (the sheet's own row, or the CSV line's 1-based record number). */
  rowNumber: number;
  cells: readonly string[];
}

/** Rows above the header that are searched for it (issue: offices put a title, a date line and a blank line first). */
export const HEADER_SEARCH_ROWS = 30;

/** Longest text taken for a column name while searching, and cells per row looked at. */
const MAX_HEADER_LENGTH = 200;
const MAX_HEADER_CELLS = 2_001;

/** Where the header is: its row (the lower one of a two-row header), the joined names, and why rows above it are not data. */
export interface HeaderLocation {
  /** Index in the rows given of the header's last row; data starts after it. */
  index: number;
  /** 1, or 2 when two header rows were joined ("Tọa độ" over "Kinh độ" / "Vĩ độ"). */
  rowCount: 1 | 2;
  /** Header names, joined and trimmed, in column order (not yet made unique). */
  headers: string[];
  /** How many header names are column names this tool knows. */
  knownCount: number;
  /** Whether the user chose the row. */
  isChosen: boolean;
}

/** Why a row after the header is not data. */
export type NonDataRow = 'totals' | 'numbering' | 'header-repeat';

const DEGREE_WORDS = new Set(['do', 'deg', 'degree', 'degrees']);
const MINUTE_WORDS = new Set(['phut', 'min', 'minute', 'minutes']);
const SECOND_WORDS = new Set(['giay', 'sec', 'second', 'seconds']);

let knownKeys: ReadonlySet<string> | null = null;

/** Every column name the readers know (sites, fibre, indicators, measurements, merger tables, hamlet lists), as comparison keys. */
function knownColumnKeys(): ReadonlySet<string> {
  if (knownKeys === null) {
    const tables: Readonly<Record<string, readonly (string | readonly [string, number])[]>>[] = [BTS_COLUMN_ALIASES, FIBRE_COLUMN_ALIASES, INDICATOR_COLUMN_ALIASES, MEASUREMENT_COLUMN_ALIASES, MERGER_COLUMN_ALIASES, HAMLET_LIST_COLUMN_ALIASES];
    const keys = new Set<string>();
    for (const table of tables) for (const aliases of Object.values(table)) for (const alias of aliases) keys.add(normalizeColumnName(typeof alias === 'string' ? alias : alias[0]));
    for (const extra of ['ten_ap', 'ma_ap', 'ap', 'khom', 'xa', 'huyen', 'ma_xa', 'ma_huyen', 'so_ho', 'dan_so', 'households', 'population', 'name', 'ten']) keys.add(normalizeColumnName(extra));
    knownKeys = keys;
  }
  return knownKeys;
}

/**
 * Whether a header is a column name the readers know (any input kind), or a degree / minute / second
 * part of a known coordinate column ("Kinh độ (phút)").
 * @param header a header as written
 * @returns true for a known column
 * @throws never
 * @example isKnownColumnName('Mã trạm') // true
 */
export function isKnownColumnName(header: string): boolean {
  const key = normalizeColumnName(header);
  if (key === '') return false;
  return knownColumnKeys().has(key) || dmsPartOf(header) !== null;
}

/**
 * The coordinate a header is one part of, when it names a degree, minute or second column of a known
 * coordinate column: "Kinh độ (độ)", "Vĩ độ - phút", "lat sec".
 * @param header a header as written
 * @returns the coordinate's own name (as written) and the part, or null
 * @throws never
 * @example dmsPartOf('Kinh độ (phút)') // { base: 'Kinh độ', part: 'minutes' }
 */
export function dmsPartOf(header: string): { base: string; part: 'degrees' | 'minutes' | 'seconds' } | null {
  const words = header.trim().split(/[\s()[\]/_\-–,.:]+/).filter((word) => word !== '');
  if (words.length < 2) return null;
  const last = normalizeColumnName(words[words.length - 1]);
  const part = DEGREE_WORDS.has(last) ? 'degrees' : MINUTE_WORDS.has(last) ? 'minutes' : SECOND_WORDS.has(last) ? 'seconds' : null;
  if (part === null) return null;
  const base = words.slice(0, -1).join(' ');
  const key = normalizeColumnName(base);
  const coordinates = [...BTS_COLUMN_ALIASES.lng, ...BTS_COLUMN_ALIASES.lat].map(normalizeColumnName);
  return coordinates.includes(key) ? { base, part } : null;
}

/** How many distinct known names a header row has (a merged group repeated over its columns counts once). */
function score(headers: readonly string[]): number {
  const known = new Set<string>();
  for (const header of headers) if (isKnownColumnName(header)) known.add(normalizeColumnName(header));
  return known.size;
}

/**
 * One header from two rows: the upper cell (a merged group such as "Tọa độ") over the lower one. The
 * name the readers know wins: the two joined, else the lower, else the upper; a degree / minute /
 * second under a coordinate becomes "Kinh độ (phút)".
 */
function joinHeader(upper: string, lower: string): string {
  if (lower === '') return upper;
  if (upper === '' || upper === lower) return lower;
  const joined = `${upper} ${lower}`;
  if (dmsPartOf(`${upper} (${lower})`) !== null) return `${upper} (${lower})`;
  for (const candidate of [joined, lower, upper]) if (isKnownColumnName(candidate)) return candidate;
  return joined;
}

/**
 * Joins two header rows cell by cell. A merged cell of the upper row stands over every column under it:
 * a CSV (or a sheet saved without merges) leaves the cells after the first empty, so an empty upper cell
 * over a filled lower one takes the upper cell to its left when that one also stands over a filled cell.
 */
function joinRows(upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const headers: string[] = [];
  let carried = '';
  for (let column = 0; column < width; column += 1) {
    const below = (lower[column] ?? '').trim();
    let above = (upper[column] ?? '').trim();
    if (above === '' && below !== '' && carried !== '') above = carried;
    carried = above !== '' && below !== '' ? above : '';
    headers.push(joinHeader(above, below));
  }
  return headers;
}

/** Whether a row has a cell that is a number or a coordinate: header names never are. */
function hasNumber(cells: readonly string[]): boolean {
  return cells.some((cell) => /^\s*[-+]?\d+(?:[.,]\d+)*\s*$|\d\s*°/.test(cell ?? ''));
}

const trimmed = (cells: readonly string[]): string[] => cells.map((cell) => cell.trim());

/**
 * Finds the header of a table as offices make them: a title ("DANH SÁCH TRẠM BTS …"), a date line and a
 * blank line may come first, and the header may take two rows with merged cells ("Tọa độ" over
 * "Kinh độ" / "Vĩ độ"). Among the first {@link HEADER_SEARCH_ROWS} rows, the header is the row (or the
 * pair of rows, joined) with the most names the readers know (see {@link isKnownColumnName}); a pair
 * wins only with more known names than its upper row, and at least as many as its lower row when the
 * upper one has known names itself; the earliest row wins a tie. When no row has
 * a known name, the first row is the header (a table of the user's own columns, mapped by hand).
 * @param rows the non-blank rows in order
 * @param chosen the 0-based index (in `rows`) of the header row the user picked (its single row), if any
 * @returns the header's place and names, or null when there is no row
 * @throws never
 * @example locateHeader([{ rowNumber: 1, cells: ['DANH SÁCH TRẠM'] }, { rowNumber: 3, cells: ['Mã trạm', 'Kinh độ', 'Vĩ độ'] }])?.index // 1
 */
export function locateHeader(rows: readonly RawRow[], chosen?: number): HeaderLocation | null {
  if (rows.length === 0) return null;
  if (chosen !== undefined && chosen >= 0 && chosen < rows.length) {
    const headers = trimmed(rows[chosen].cells);
    return { index: chosen, rowCount: 1, headers, knownCount: score(headers), isChosen: true };
  }
  // Only the rows searched, and only cells short enough to be a column's name, are looked at: a 10 MB
  // cell or a row of a million cells costs nothing here.
  rows = rows.slice(0, HEADER_SEARCH_ROWS + 1).map((row) => ({ rowNumber: row.rowNumber, cells: row.cells.slice(0, MAX_HEADER_CELLS).map((cell) => (cell !== undefined && cell.length <= MAX_HEADER_LENGTH ? cell : '')) }));
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  let best: HeaderLocation = { index: 0, rowCount: 1, headers: trimmed(rows[0].cells), knownCount: score(rows[0].cells), isChosen: false };
  // The search stops at row 30 of the sheet or file, whatever the blank rows before it.
  for (let index = 0; index < limit && rows[index].rowNumber <= HEADER_SEARCH_ROWS; index += 1) {
    const single = trimmed(rows[index].cells);
    const singleScore = score(single);
    if (singleScore > best.knownCount) best = { index, rowCount: 1, headers: single, knownCount: singleScore, isChosen: false };
    if (index + 1 < rows.length && rows[index + 1].rowNumber <= HEADER_SEARCH_ROWS) {
      const pair = joinRows(rows[index].cells, rows[index + 1].cells);
      const pairScore = score(pair);
      const lowerScore = score(rows[index + 1].cells);
      // A pair is a header when it knows more than either row; or as much as the lower row when the
      // upper one has known names too (a sheet whose merged cells repeat the upper names below). A lower
      // row holding a number is data under a one-row header (a site list with cells `x`, `id`, `4G`…).
      const isPair = pairScore > singleScore && (pairScore > lowerScore || (pairScore === lowerScore && singleScore > 0)) && !hasNumber(rows[index + 1].cells);
      if (isPair && pairScore > best.knownCount) {
        best = { index: index + 1, rowCount: 2, headers: pair, knownCount: pairScore, isChosen: false };
      }
    }
  }
  return best;
}

const TOTALS = /^(tổng|tong|cộng|cong|total|sum)\b/iu;

/**
 * Whether a row after the header is not data: a totals row ("Tổng cộng", "Cộng", "Total" in its first
 * filled cells), a row numbering the columns ("(1) (2) (3)…" or "1 2 3…" under the header, as official
 * forms have), or the header repeated (a sheet printed with a header on every page).
 * @param cells the row's cells
 * @param headers the header names
 * @returns why the row is not data, or null for a data row
 * @throws never
 * @example classifyRow(['', 'Tổng cộng', '', '12'], ['STT', 'Mã trạm', 'Nhà mạng', 'Số trạm']) // 'totals'
 */
export function classifyRow(cells: readonly string[], headers: readonly string[]): NonDataRow | null {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (filled.length === 0) return null;
  if (filled.slice(0, 2).some((cell) => TOTALS.test(cell.normalize('NFC')))) return 'totals';
  const numbers = filled.map((cell) => /^\(?(\d{1,3})\)?$/.exec(cell)?.[1]);
  if (filled.length >= 3 && numbers.every((number, index) => number !== undefined && Number(number) === index + 1)) return 'numbering';
  const key = (cell: string) => normalizeColumnName(cell);
  const headerKeys = headers.map(key).filter((name) => name !== '');
  if (filled.length >= 2 && headerKeys.length >= 2 && filled.every((cell) => headerKeys.includes(key(cell)))) return 'header-repeat';
  return null;
}
