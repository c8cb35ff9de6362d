import Papa from 'papaparse';
import { listOf, message, type MessageCode } from '../messages';
import type { Warning } from '../types';
import type { DataTable } from './data-table';
import { WarningMerger } from './import-collector';
import { CoverageInputError } from './input-error';

/** A delimiter {@link parseCsvTable} recognises. */
export type CsvDelimiter = ',' | ';' | '\t';

/** A CSV file split into a header and data rows (a {@link DataTable} plus its delimiter). */
export interface CsvTable extends DataTable {
  /** Header names, trimmed, in file order; unique (see `parseCsvTable`). */
  headers: string[];
  /** One record per non-blank data row, keyed by header, values trimmed; a missing cell is `''`. */
  rows: Record<string, string>[];
  /**
   * `rowNumbers[i]` is the 1-based data row number of `rows[i]`: the header is excluded and blank rows
   * are counted, so row N is line N + 1 of the file unless a quoted cell spans several lines.
   */
  rowNumbers: number[];
  delimiter: CsvDelimiter;
  /** Problems that did not stop the parse: ragged rows, renamed headers, unterminated quotes. */
  warnings: Warning[];
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
const DELIMITER_CODES: Record<CsvDelimiter, MessageCode> = { ',': 'delimiter-comma', ';': 'delimiter-semicolon', '\t': 'delimiter-tab' };
/** Header cells a file may have: more is not a table (a one-line file of values, a binary file read as text). */
export const MAX_CSV_COLUMNS = 2_000;

/**
 * Splits CSV text into trimmed headers and records. Strips a UTF-8 byte-order mark, detects the
 * delimiter, skips blank rows (also rows of bare delimiters, as spreadsheets export them) and trims
 * header names and cells.
 *
 * The delimiter is the one of comma, semicolon and tab that occurs most often (outside quotes) in the
 * header row, so decimal commas in the data (`105,97` in a semicolon file) cannot mislead it; on a tie,
 * comma wins over semicolon over tab. A header without any of them is a single column, split at the
 * delimiter the whole text uses least. An empty header becomes `column_<n>`, and a repeated header gets a
 * `_2`, `_3`… suffix, with a warning. Cells beyond the header are dropped with a warning (usually
 * unquoted decimal commas in a comma-delimited file).
 * @param text the whole file as text
 * @param file label of the file, used in messages (`bts.csv`)
 * @returns headers, records, their data row numbers, the delimiter used and warnings
 * @throws {CoverageInputError} `file-empty` when the text holds no header row, `too-many-columns` when
 *   the header has more than {@link MAX_CSV_COLUMNS} cells
 * @example
 * parseCsvTable('ma_tram;kinh_do\nST01;105,97\n', 'bts.csv')
 * // { headers: ['ma_tram', 'kinh_do'], rows: [{ ma_tram: 'ST01', kinh_do: '105,97' }], rowNumbers: [1], delimiter: ';', warnings: [] }
 */
export function parseCsvTable(text: string, file: string): CsvTable {
  const content = text.replace(/^\ufeff/, '');
  const headerLine = content.split(/\r\n|\n|\r/).find((line) => !isBlankLine(line));
  if (headerLine === undefined) throw new CoverageInputError({ code: 'file-empty', file });
  const delimiter = detectDelimiter(headerLine, content);
  const parsed = Papa.parse<string[]>(content, { delimiter, header: false, skipEmptyLines: false });
  const records = parsed.data;
  const headerIndex = records.findIndex((record) => !isBlankRecord(record));
  if (headerIndex < 0) throw new CoverageInputError({ code: 'file-empty', file });
  if (records[headerIndex].length > MAX_CSV_COLUMNS) {
    throw new CoverageInputError({ code: 'too-many-columns', file, params: { count: records[headerIndex].length, limit: MAX_CSV_COLUMNS, headers: listOf(records[headerIndex], { quoted: true }) } });
  }
  const warnings: Warning[] = [];
  // Row problems are merged by kind, so a file with 100,000 ragged rows gives one warning per kind.
  const rowWarnings = new WarningMerger();
  for (const error of parsed.errors.slice(0, 10_000)) {
    const rowNumber = error.row === undefined ? undefined : error.row - headerIndex;
    const code: MessageCode = error.code === 'MissingQuotes' ? 'csv-unclosed-quote' : error.code === 'InvalidQuotes' ? 'csv-invalid-quote' : 'csv-syntax';
    if (rowNumber === undefined || rowNumber <= 0) warnings.push({ code, params: { row: rowNumber === undefined || rowNumber <= 0 ? 0 : rowNumber }, where: file });
    else rowWarnings.add(message(code, {}), `${file}:${rowNumber}`);
  }
  const headers = makeHeadersUnique(records[headerIndex], file, warnings);
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index];
    if (isBlankRecord(record)) continue;
    const rowNumber = index - headerIndex;
    if (record.length > headers.length) {
      const extra = record.slice(headers.length).filter((cell) => cell.trim() !== '');
      if (extra.length > 0) {
        rowWarnings.add(message('extra-cells', { headers: headers.length, cells: listOf(extra, { quoted: true, max: 3 }), delimiter: message(DELIMITER_CODES[delimiter]) }), `${file}:${rowNumber}`);
      }
    }
    // No prototype: a column named `__proto__` or `constructor` is an ordinary key holding its cell.
    const row = Object.create(null) as Record<string, string>;
    for (let column = 0; column < headers.length; column += 1) row[headers[column]] = (record[column] ?? '').trim();
    rows.push(row);
    rowNumbers.push(rowNumber);
  }
  return { headers, rows, rowNumbers, delimiter, warnings: [...warnings, ...rowWarnings.list('rows')] };
}

function isBlankLine(line: string): boolean {
  return line.replace(/[,;\t"\s]/g, '') === '';
}

function isBlankRecord(record: string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

function detectDelimiter(headerLine: string, content: string): CsvDelimiter {
  // Quoted header names may contain any delimiter; only count the ones outside quotes.
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
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

function makeHeadersUnique(record: string[], file: string, warnings: Warning[]): string[] {
  const seen = new Set<string>();
  return record.map((cell, index) => {
    const trimmed = cell.trim();
    let header = trimmed === '' ? `column_${index + 1}` : trimmed;
    for (let suffix = 2; seen.has(header); suffix += 1) header = `${trimmed}_${suffix}`;
    if (header !== trimmed && warnings.length < 50) {
      warnings.push(trimmed === '' ? { code: 'header-empty-named', params: { index: index + 1, renamed: header }, where: file } : { code: 'header-repeated-renamed', params: { header: trimmed, index: index + 1, renamed: header }, where: file });
    }
    seen.add(header);
    return header;
  });
}
