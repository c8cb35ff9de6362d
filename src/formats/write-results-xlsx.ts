// The hamlet results as a real .xlsx: numbers stored as numbers, shares formatted as percentages,
// yes/no as "Có"/"Không", Vietnamese (or English) headers, one sheet per layer of results.
import ExcelJS from 'exceljs';
import type { HamletResult } from '../core/types';
import { buildHamletExportRows, hamletExportColumns } from './hamlet-export-table';

/**
 * Writes the hamlet results as an Excel workbook (sheet "Ấp, khóm" / "Hamlets").
 * @param results the engine's hamlet results
 * @param language the headers' language
 * @returns the .xlsx bytes
 */
export async function writeResultsXlsx(results: readonly HamletResult[], language: 'vi' | 'en' = 'vi'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(language === 'vi' ? 'Ấp, khóm' : 'Hamlets');
  sheet.columns = hamletExportColumns(results).map((column) => ({
    header: column[language],
    key: column.field,
    width: column.kind === 'text' ? 24 : 14,
    ...(column.kind === 'share' ? { style: { numFmt: '0.0%' } } : column.kind === 'number' ? { style: { numFmt: '#,##0.##' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const yes = language === 'vi' ? 'Có' : 'Yes';
  const no = language === 'vi' ? 'Không' : 'No';
  for (const row of buildHamletExportRows(results)) {
    // Text cells go in as plain values (never as formulas): ExcelJS stores a string as a string.
    sheet.addRow(row.map((value) => (typeof value === 'boolean' ? (value ? yes : no) : value)));
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
