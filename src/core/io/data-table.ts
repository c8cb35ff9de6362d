import type { Warning } from '../types';

/**
 * A table from any source (CSV text, an Excel sheet) as the row parsers take it: unique trimmed headers
 * and records of trimmed text cells.
 */
export interface DataTable {
  /** Header names, trimmed, in column order; unique. */
  headers: string[];
  /** One record per non-blank data row, keyed by header; a missing cell is `''`. */
  rows: Record<string, string>[];
  /**
   * `rowNumbers[i]` is the row number of `rows[i]` that messages show: for CSV the 1-based data row
   * (header excluded), for a spreadsheet the sheet's own row number.
   */
  rowNumbers: number[];
  /** Problems that did not stop the read. */
  warnings: Warning[];
}
