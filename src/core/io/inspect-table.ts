import type { DataTable } from './data-table';
import { decodeText } from './decode-text';
import { detectInputFormat } from './detect-input-format';
import { readXlsxTable, type SheetChoice } from './formats/read-xlsx-table';
import { parseCsvTable } from './parse-csv-table';
import type { TableLayout } from './shape-table';

/** A table's header as found (or picked) and its column names, before its rows are parsed. */
export interface TableInspection {
  layout: TableLayout;
  /** The column names, unique (with separate degree / minute / second columns joined, see `shapeTable`). */
  headers: string[];
  /** The rows read, for a count. */
  rowCount: number;
  /** The sheet read and all sheets (Excel). */
  sheet?: { name: string; names: string[] };
}

/**
 * Reads a CSV or .xlsx file only as far as its header and column names, for the import dialog's
 * header-row and column choice.
 * @param file the file's name (its extension and first bytes pick the format)
 * @param bytes the file's content
 * @param options the sheet and the header row picked
 * @returns the header's place, the first rows and the column names; null for a file that is not a table
 * @throws {CoverageInputError} the readers' errors (`file-empty`, `xlsx-unreadable`, `header-row-missing`…)
 * @example (await inspectTableBytes('tram.csv', bytes))?.layout.headerRow // 4
 */
export async function inspectTableBytes(file: string, bytes: Uint8Array, options: { sheet?: SheetChoice; headerRow?: number } = {}): Promise<TableInspection | null> {
  const read = await readTableBytes(file, bytes, options);
  if (read === null) return null;
  const { table, sheet } = read;
  return { layout: table.layout, headers: table.headers, rowCount: table.rows.length, ...(sheet === undefined ? {} : { sheet }) };
}

/**
 * Reads a CSV or .xlsx file as a table, with the sheet and header row picked (else found).
 * @param file the file's name (its extension and first bytes pick the format)
 * @param bytes the file's content
 * @param options the sheet and the header row picked
 * @returns the table with its layout, its label in messages (`m.xlsx[Sheet1]`) and the sheets; null for a file that is not a table
 * @throws {CoverageInputError} the readers' errors (`file-empty`, `xlsx-unreadable`, `header-row-missing`…)
 * @example (await readTableBytes('sap-nhap.csv', bytes))?.table.headers // ['ma_xa_cu', 'ten_xa_moi']
 */
export async function readTableBytes(file: string, bytes: Uint8Array, options: { sheet?: SheetChoice; headerRow?: number } = {}): Promise<{ table: DataTable & { layout: TableLayout }; label: string; sheet?: TableInspection['sheet'] } | null> {
  const format = detectInputFormat(file, bytes);
  const headerRow = options.headerRow === undefined ? {} : { headerRow: options.headerRow };
  if (format === 'csv') return { table: parseCsvTable(decodeText(bytes, file).text, file, headerRow), label: file };
  if (format !== 'xlsx') return null;
  const xlsx = await readXlsxTable(bytes, file, options.sheet, headerRow);
  return { table: xlsx, label: `${file}[${xlsx.sheetName}]`, sheet: { name: xlsx.sheetName, names: xlsx.sheetNames } };
}
