import Papa from 'papaparse';
import type { Warning } from '../types';
import type { DataTable } from './data-table';
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
const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

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
 * @throws {CoverageInputError} `empty-file` when the text holds no header row
 * @example
 * parseCsvTable('ma_tram;kinh_do\nST01;105,97\n', 'bts.csv')
 * // { headers: ['ma_tram', 'kinh_do'], rows: [{ ma_tram: 'ST01', kinh_do: '105,97' }], rowNumbers: [1], delimiter: ';', warnings: [] }
 */
export function parseCsvTable(text: string, file: string): CsvTable {
  const content = text.replace(/^\ufeff/, '');
  const headerLine = content.split(/\r\n|\n|\r/).find((line) => !isBlankLine(line));
  if (headerLine === undefined) {
    throw new CoverageInputError({ code: 'empty-file', file, detail: 'the file is empty (no header row)' });
  }
  const delimiter = detectDelimiter(headerLine, content);
  const parsed = Papa.parse<string[]>(content, { delimiter, header: false, skipEmptyLines: false });
  const records = parsed.data;
  const headerIndex = records.findIndex((record) => !isBlankRecord(record));
  if (headerIndex < 0) {
    throw new CoverageInputError({ code: 'empty-file', file, detail: 'the file is empty (no header row)' });
  }
  const warnings: Warning[] = parsed.errors.map((error) => {
    const rowNumber = error.row === undefined ? undefined : error.row - headerIndex;
    return {
      code: 'csv-syntax',
      message: `${rowNumber === undefined ? '' : rowNumber <= 0 ? 'header: ' : `row ${rowNumber}: `}${error.message} (${error.code})`,
      ...(rowNumber === undefined ? {} : { where: `${file}:${rowNumber <= 0 ? 'header' : rowNumber}` }),
    };
  });
  const headers = makeHeadersUnique(records[headerIndex], file, warnings);
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index];
    if (isBlankRecord(record)) continue;
    const rowNumber = index - headerIndex;
    const extra = record.slice(headers.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) {
      warnings.push({
        code: 'extra-cells',
        message: `row ${rowNumber} has ${record.length} cells but the header has ${headers.length}; extra cells ignored: ${extra.map((cell) => JSON.stringify(cell)).join(', ')} (${DELIMITER_NAMES[delimiter]}-delimited file: quote cells that contain a ${DELIMITER_NAMES[delimiter]})`,
        where: `${file}:${rowNumber}`,
      });
    }
    const row: Record<string, string> = {};
    headers.forEach((header, column) => {
      row[header] = (record[column] ?? '').trim();
    });
    rows.push(row);
    rowNumbers.push(rowNumber);
  }
  return { headers, rows, rowNumbers, delimiter, warnings };
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
    if (header !== trimmed) {
      warnings.push({
        code: 'renamed-header',
        message: trimmed === '' ? `column ${index + 1} has no header; named it "${header}"` : `header "${trimmed}" appears more than once; column ${index + 1} renamed to "${header}"`,
        where: `${file}:header`,
      });
    }
    seen.add(header);
    return header;
  });
}
