import { listOf, message, quotedValue } from '../../messages';
import type { Warning } from '../../types';
import type { DataTable } from '../data-table';
import { CoverageInputError } from '../input-error';
import type { RawRow } from '../locate-header';
import { shapeTable, type TableLayout } from '../shape-table';
import { checkArchiveInflation } from './inflate-zip';

/** Which sheet to read: its name (case and spaces ignored) or its 1-based position. Default: the first with data. */
export type SheetChoice = string | number | undefined;

/** An Excel sheet read as a table, plus which sheet it was and which others the workbook has. */
export interface XlsxTable extends DataTable {
  sheetName: string;
  sheetNames: string[];
  /** Where the header was found (or picked), and the first rows, for a header-row picker. */
  layout: TableLayout;
}

/** Options of {@link readXlsxTable}. */
export interface ReadXlsxOptions {
  /** The sheet row of the header row the user picked. */
  headerRow?: number;
}

interface CellLike {
  value: unknown;
}

/**
 * Reads one sheet of an Excel workbook (.xlsx) with `exceljs` into a {@link DataTable}, as offices make
 * them: the header is found under title, date and blank rows (two header rows with merged cells are
 * joined) or is the row picked, and totals, column-numbering and blank rows are skipped with a word
 * (see `shapeTable`). Cells become text: numbers as JavaScript writes
 * them (`105.9712`), text as typed (a `105,9712` typed as text stays so and the number reader handles it),
 * dates as `YYYY-MM-DD`, formulas as their cached result, rich text and hyperlinks as their text, errors
 * as `''`. Row numbers are the sheet's own, so `viettel.xlsx[Trạm]:7` is row 7 in Excel.
 * `exceljs` is loaded on first use, so the app only downloads it when a workbook is opened.
 * @param bytes the .xlsx file
 * @param file label of the file, used in messages
 * @param sheet the sheet's name or 1-based index; default the first sheet that has cells
 * @param options the header row the user picked (a sheet row number)
 * @returns the table, the sheet used and all sheet names
 * @throws {CoverageInputError} `xls-old-format` for an Excel 97–2003 file, `xlsx-unreadable` when the
 *   bytes are not an .xlsx workbook, `xlsx-no-sheet` (listing the sheets) when the sheet does not
 *   exist, `sheet-empty`, `too-many-columns`, `header-row-missing`,
 *   `archive-over-budget` / `archive-over-ratio` when it unpacks to more than the archive budget
 * @example const table = await readXlsxTable(bytes, 'viettel.xlsx', 'Trạm BTS');
 */
export async function readXlsxTable(bytes: Uint8Array, file: string, sheet?: SheetChoice, options: ReadXlsxOptions = {}): Promise<XlsxTable> {
  // exceljs inflates the whole package with no limit: the archive budget is checked first.
  checkArchiveInflation(bytes, file);
  const module = (await import('exceljs')) as unknown as { default?: typeof import('exceljs'); Workbook?: unknown };
  const ExcelJS = (module.default ?? module) as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer-like; a copy avoids handing it a view of a larger buffer.
    await workbook.xlsx.load(bytes.slice().buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    const isOldXls = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    throw new CoverageInputError({ code: isOldXls ? 'xls-old-format' : 'xlsx-unreadable', file, cause: error });
  }
  const worksheets = workbook.worksheets;
  const sheetNames = worksheets.map((worksheet) => worksheet.name);
  const key = (name: string): string => name.normalize('NFC').toLowerCase().replace(/\s+/g, '');
  const worksheet =
    sheet === undefined
      ? (worksheets.find((candidate) => candidate.actualRowCount > 0) ?? worksheets[0])
      : typeof sheet === 'number' || /^\d+$/.test(sheet)
        ? worksheets[Number(sheet) - 1]
        : worksheets.find((candidate) => key(candidate.name) === key(sheet));
  if (worksheet === undefined) {
    throw new CoverageInputError({ code: 'xlsx-no-sheet', file, params: { sheet: quotedValue(String(sheet)), sheets: listOf(sheetNames.map((name, index) => `${index + 1}: ${name}`), { quoted: false, max: 20 }) } });
  }
  const label = `${file}[${worksheet.name}]`;
  const rows: RawRow[] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    // A merged cell reads as its master's value in every cell it covers ("Tọa độ" over two columns).
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell as CellLike);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  if (!rows.some((row) => row.cells.some((cell) => cell.trim() !== ''))) throw new CoverageInputError({ code: 'sheet-empty', file, params: { sheet: worksheet.name } });
  const extraCells = (cells: readonly string[]) => message('extra-cells-sheet', { cells: listOf(cells, { quoted: true, max: 3 }) });
  const { table, layout } = shapeTable(rows, label, { ...(options.headerRow === undefined ? {} : { headerRow: options.headerRow }), numbering: 'sheet', extraCells });
  const warnings: Warning[] = [];
  if (sheet === undefined && worksheets.length > 1) {
    warnings.push({ code: 'sheet-chosen', params: { count: worksheets.length, sheets: listOf(sheetNames, { quoted: true, max: 10 }), sheet: worksheet.name }, where: file });
  }
  return { ...table, warnings: [...warnings, ...table.warnings], sheetName: worksheet.name, sheetNames, layout };
}

function cellText(cell: CellLike): string {
  return valueText(cell.value);
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join('');
    if ('formula' in object || 'sharedFormula' in object) return valueText(object.result);
    if ('error' in object) return '';
    if (object.text !== undefined) return valueText(object.text);
  }
  return '';
}
