import { listOf, message, quotedValue } from '../../messages';
import type { Warning } from '../../types';
import type { DataTable } from '../data-table';
import { WarningMerger } from '../import-collector';
import { CoverageInputError } from '../input-error';
import { MAX_CSV_COLUMNS } from '../parse-csv-table';
import { plainRecord } from '../read-cell';
import { checkArchiveInflation } from './inflate-zip';

/** Which sheet to read: its name (case and spaces ignored) or its 1-based position. Default: the first with data. */
export type SheetChoice = string | number | undefined;

/** An Excel sheet read as a table, plus which sheet it was and which others the workbook has. */
export interface XlsxTable extends DataTable {
  sheetName: string;
  sheetNames: string[];
}

interface CellLike {
  value: unknown;
}

/**
 * Reads one sheet of an Excel workbook (.xlsx) with `exceljs` into a {@link DataTable}: the first non-blank
 * row is the header, every later non-blank row a record. Cells become text: numbers as JavaScript writes
 * them (`105.9712`), text as typed (a `105,9712` typed as text stays so and the number reader handles it),
 * dates as `YYYY-MM-DD`, formulas as their cached result, rich text and hyperlinks as their text, errors
 * as `''`. Row numbers are the sheet's own, so `viettel.xlsx[Trạm]:7` is row 7 in Excel.
 * `exceljs` is loaded on first use, so the app only downloads it when a workbook is opened.
 * @param bytes the .xlsx file
 * @param file label of the file, used in messages
 * @param sheet the sheet's name or 1-based index; default the first sheet that has cells
 * @returns the table, the sheet used and all sheet names
 * @throws {CoverageInputError} `xls-old-format` for an Excel 97–2003 file, `xlsx-unreadable` when the
 *   bytes are not an .xlsx workbook, `xlsx-no-sheet` (listing the sheets) when the sheet does not
 *   exist, `sheet-empty`, `too-many-columns`,
 *   `archive-over-budget` / `archive-over-ratio` when it unpacks to more than the archive budget
 * @example const table = await readXlsxTable(bytes, 'viettel.xlsx', 'Trạm BTS');
 */
export async function readXlsxTable(bytes: Uint8Array, file: string, sheet?: SheetChoice): Promise<XlsxTable> {
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
  const records: { rowNumber: number; cells: string[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell as CellLike);
    });
    if (cells.some((cell) => cell !== undefined && cell.trim() !== '')) records.push({ rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  if (records.length === 0) throw new CoverageInputError({ code: 'sheet-empty', file, params: { sheet: worksheet.name } });
  const warnings: Warning[] = [];
  const [headerRecord, ...dataRecords] = records;
  if (headerRecord.cells.length > MAX_CSV_COLUMNS) {
    throw new CoverageInputError({ code: 'too-many-columns', file, where: label, params: { count: headerRecord.cells.length, limit: MAX_CSV_COLUMNS, headers: listOf(headerRecord.cells, { quoted: true }) } });
  }
  const headers = uniqueHeaders(headerRecord.cells, label, warnings);
  const rowWarnings = new WarningMerger();
  const rows = dataRecords.map(({ rowNumber, cells }) => {
    const extra = cells.slice(headers.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) rowWarnings.add(message('extra-cells-sheet', { cells: listOf(extra, { quoted: true, max: 3 }) }), `${label}:${rowNumber}`);
    return plainRecord(headers.map((header, column) => [header, (cells[column] ?? '').trim()] as const));
  });
  if (sheet === undefined && worksheets.length > 1) {
    warnings.push({ code: 'sheet-chosen', params: { count: worksheets.length, sheets: listOf(sheetNames, { quoted: true, max: 10 }), sheet: worksheet.name }, where: file });
  }
  return { headers, rows, rowNumbers: dataRecords.map((record) => record.rowNumber), warnings: [...warnings, ...rowWarnings.list('rows')], sheetName: worksheet.name, sheetNames };
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

function uniqueHeaders(cells: string[], label: string, warnings: Warning[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, index) => {
    const trimmed = cell.trim();
    let header = trimmed === '' ? `column_${index + 1}` : trimmed;
    for (let suffix = 2; seen.has(header); suffix += 1) header = `${trimmed}_${suffix}`;
    if (header !== trimmed && warnings.length < 50) {
      warnings.push(trimmed === '' ? { code: 'header-empty-named', params: { index: index + 1, renamed: header }, where: label } : { code: 'header-repeated-renamed', params: { header: trimmed, index: index + 1, renamed: header }, where: label });
    }
    seen.add(header);
    return header;
  });
}
