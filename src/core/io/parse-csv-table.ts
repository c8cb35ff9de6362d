import Papa from 'papaparse';
import { listOf, message, type MessageCode } from '../messages';
import type { Warning } from '../types';
import type { DataTable } from './data-table';
import { WarningMerger } from './import-collector';
import { CoverageInputError } from './input-error';
import { HEADER_SEARCH_ROWS, locateHeader, type RawRow } from './locate-header';
import { MAX_TABLE_COLUMNS, shapeTable, type TableLayout } from './shape-table';

/** A delimiter {@link parseCsvTable} recognises. */
export type CsvDelimiter = ',' | ';' | '\t';

/** A CSV file split into a header and data rows (a {@link DataTable} plus its delimiter). */
export interface CsvTable extends DataTable {
  /** Header names, trimmed, in file order; unique (see `parseCsvTable`). */
  headers: string[];
  /** One record per non-blank data row, keyed by header, values trimmed; a missing cell is `''`. */
  rows: Record<string, string>[];
  /**
   * `rowNumbers[i]` is the 1-based data row number of `rows[i]`, counted from the header's (last) row,
   * blank rows included: row N is line N + H of the file for a header on line H, unless a quoted cell
   * spans several lines.
   */
  rowNumbers: number[];
  delimiter: CsvDelimiter;
  /** Where the header was found (or picked), and the first rows, for a header-row picker. */
  layout: TableLayout;
  /** Problems that did not stop the parse: ragged rows, renamed headers, unterminated quotes. */
  warnings: Warning[];
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
const DELIMITER_CODES: Record<CsvDelimiter, MessageCode> = { ',': 'delimiter-comma', ';': 'delimiter-semicolon', '\t': 'delimiter-tab' };
/** Header cells a file may have: more is not a table (a one-line file of values, a binary file read as text). */
export const MAX_CSV_COLUMNS = MAX_TABLE_COLUMNS;

/** Options of {@link parseCsvTable}. */
export interface ParseCsvTableOptions {
  /** The record number (1-based, as the file's line number unless a quoted cell spans lines) of the header row the user picked. */
  headerRow?: number;
}

/**
 * Splits CSV text into trimmed headers and records, as offices write them. Strips a UTF-8 byte-order
 * mark, detects the delimiter, finds the header (see `shapeTable`: title, date and blank lines may come
 * first, two header rows are joined), skips blank, totals and column-numbering rows (each reported), and
 * trims header names and cells.
 *
 * The delimiter is the one of comma, semicolon and tab under which the header found has the most known
 * column names; when none has any, the one that occurs most often (outside quotes) in the first non-blank
 * line, so decimal commas in the data (`105,97` in a semicolon file) cannot mislead it; on a tie, comma
 * wins over semicolon over tab. A line without any of them is a single column, split at the delimiter the
 * whole text uses least. An empty header becomes `column_<n>`, and a repeated header gets a `_2`, `_3`…
 * suffix, with a warning. Cells beyond the header are dropped with a warning (usually unquoted decimal
 * commas in a comma-delimited file).
 * @param text the whole file as text
 * @param file label of the file, used in messages (`bts.csv`)
 * @param options the header row the user picked
 * @returns headers, records, their data row numbers (counted from the header), the delimiter, where the header was, and warnings
 * @throws {CoverageInputError} `file-empty` when the text holds no header row, `too-many-columns` when
 *   the header has more than {@link MAX_CSV_COLUMNS} cells, `header-row-missing` for a picked row that is blank or absent
 * @example
 * parseCsvTable('ma_tram;kinh_do\nST01;105,97\n', 'bts.csv')
 * // { headers: ['ma_tram', 'kinh_do'], rows: [{ ma_tram: 'ST01', kinh_do: '105,97' }], rowNumbers: [1], delimiter: ';', warnings: [], layout: {...} }
 */
export function parseCsvTable(text: string, file: string, options: ParseCsvTableOptions = {}): CsvTable {
  const content = text.replace(/^\ufeff/, '');
  const lines = content.split(/\r\n|\n|\r/);
  const firstLine = lines.find((line) => !isBlankLine(line));
  if (firstLine === undefined) throw new CoverageInputError({ code: 'file-empty', file });
  const delimiter = detectDelimiter(lines, firstLine, content);
  const parsed = Papa.parse<string[]>(content, { delimiter, header: false, skipEmptyLines: false });
  const records = parsed.data;
  const firstIndex = records.findIndex((record) => !isBlankRecord(record));
  if (firstIndex < 0) throw new CoverageInputError({ code: 'file-empty', file });
  if (records[firstIndex].length > MAX_CSV_COLUMNS) {
    throw new CoverageInputError({ code: 'too-many-columns', file, params: { count: records[firstIndex].length, limit: MAX_CSV_COLUMNS, headers: listOf(records[firstIndex], { quoted: true }) } });
  }
  const rows: RawRow[] = records.map((cells, index) => ({ rowNumber: index + 1, cells }));
  const extraCells = (cells: readonly string[], headers: number) => message('extra-cells', { headers, cells: listOf(cells, { quoted: true, max: 3 }), delimiter: message(DELIMITER_CODES[delimiter]) });
  const { table, layout } = shapeTable(rows, file, { ...(options.headerRow === undefined ? {} : { headerRow: options.headerRow }), numbering: 'after-header', extraCells });
  const warnings: Warning[] = [];
  // Row problems are merged by kind, so a file with 100,000 ragged rows gives one warning per kind.
  const rowWarnings = new WarningMerger();
  for (const error of parsed.errors.slice(0, 10_000)) {
    const rowNumber = error.row === undefined ? undefined : error.row + 1 - layout.headerRow;
    const code: MessageCode = error.code === 'MissingQuotes' ? 'csv-unclosed-quote' : error.code === 'InvalidQuotes' ? 'csv-invalid-quote' : 'csv-syntax';
    if (rowNumber === undefined || rowNumber <= 0) warnings.push({ code, params: { row: rowNumber === undefined || rowNumber <= 0 ? 0 : rowNumber }, where: file });
    else rowWarnings.add(message(code, {}), `${file}:${rowNumber}`);
  }
  return { ...table, delimiter, layout, warnings: [...warnings, ...table.warnings, ...rowWarnings.list('rows')] };
}

function isBlankLine(line: string): boolean {
  return line.replace(/[,;\t"\s]/g, '') === '';
}

function isBlankRecord(record: string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

function detectDelimiter(lines: readonly string[], firstLine: string, content: string): CsvDelimiter {
  // The delimiter under which a header of known column names appears wins (a title line may hold any of them).
  const sample = lines.filter((line) => !isBlankLine(line)).slice(0, HEADER_SEARCH_ROWS).map((line) => line.slice(0, 16_384)).join('\n');
  let best: CsvDelimiter | null = null;
  let bestKnown = 0;
  for (const delimiter of DELIMITERS) {
    const cells = Papa.parse<string[]>(sample, { delimiter, header: false, skipEmptyLines: true }).data;
    const known = locateHeader(cells.map((row, index) => ({ rowNumber: index + 1, cells: row })))?.knownCount ?? 0;
    if (known > bestKnown) {
      best = delimiter;
      bestKnown = known;
    }
  }
  if (best !== null) return best;
  // Quoted header names may contain any delimiter; only count the ones outside quotes.
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const headerCounts = DELIMITERS.map((delimiter) => countOf(unquoted, delimiter));
  const most = headerCounts.reduce((largest, count) => Math.max(largest, count), 0);
  if (most > 0) return DELIMITERS[headerCounts.indexOf(most)];
  // A single column: take the delimiter the text uses least, so that no cell is split.
  const textCounts = DELIMITERS.map((delimiter) => countOf(content, delimiter));
  return DELIMITERS[textCounts.indexOf(textCounts.reduce((smallest, count) => Math.min(smallest, count), Infinity))];
}

function countOf(text: string, delimiter: CsvDelimiter): number {
  return text.split(delimiter).length - 1;
}
