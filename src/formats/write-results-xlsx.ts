// The results as a real .xlsx: numbers stored as numbers, shares formatted as percentages, yes/no as
// "Có"/"Không", Vietnamese (or English) headers; one sheet for every hamlet's results, one per
// coverage layer, then the sites and the proposals.
import ExcelJS from 'exceljs';
import type { HamletResult } from '../core/types';
import { buildHamletExportRows, hamletExportColumns, type ExportColumn, type ExportRow } from './hamlet-export-table';
import { buildProposalExportRows, buildSiteExportRows, PROPOSAL_EXPORT_COLUMNS, SITE_EXPORT_COLUMNS, type ProposalExportItem, type SiteExportInput } from './layer-export-tables';

/** What the workbook holds besides the hamlet results. */
export interface WorkbookLayers {
  sites?: SiteExportInput;
  proposals?: readonly ProposalExportItem[];
}

/** The coverage layers, each a sheet: its share, covered and point-rule columns (`tl_dd`, `phu_dd`, `diem_dd`…) and its sheet name. */
const COVERAGE_SHEETS = [
  { short: 'dd', vi: 'Di động băng rộng', en: 'Mobile broadband' },
  { short: '4g', vi: '4G', en: '4G' },
  { short: '5g', vi: '5G', en: '5G' },
  { short: 'ftth', vi: 'FTTH', en: 'FTTH' },
] as const;

/** The hamlet columns every layer's sheet starts with (code, names, households, area). */
const HAMLET_KEY_FIELDS = new Set(['ma_ap', 'ten_ap', 'xa', 'huyen', 'so_ho', 'dt_km2']);

/**
 * Writes the results as an Excel workbook: sheet "Ấp, khóm" / "Hamlets" with every layer's share and
 * covered flag, a sheet per coverage layer ("Di động băng rộng", "4G", "5G", "FTTH") with that layer's
 * share and flag only, then "Trạm BTS" / "Sites" and "Đề xuất trạm" / "Proposals" when given.
 * @param results the engine's hamlet results
 * @param language the headers' and words' language
 * @param layers the sites and the proposals, when the workbook should hold them
 * @returns the .xlsx bytes
 */
export async function writeResultsXlsx(results: readonly HamletResult[], language: 'vi' | 'en' = 'vi', layers: WorkbookLayers = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const hamletColumns = hamletExportColumns(results);
  const hamletRows = buildHamletExportRows(results);
  addSheet(workbook, language === 'vi' ? 'Ấp, khóm' : 'Hamlets', hamletColumns, hamletRows, language);
  for (const layer of COVERAGE_SHEETS) {
    // The layer's share and flag, and for approximate hamlets the mark and the layer's point rule.
    const own = new Set([`tl_${layer.short}`, `phu_${layer.short}`, 'gan_dung', `diem_${layer.short}`]);
    const picked = hamletColumns.map((column, at) => [column, at] as const).filter(([column]) => HAMLET_KEY_FIELDS.has(column.field) || own.has(column.field));
    addSheet(workbook, layer[language], picked.map(([column]) => column), hamletRows.map((row) => picked.map(([, at]) => row[at])), language);
  }
  if (layers.sites !== undefined) addSheet(workbook, language === 'vi' ? 'Trạm BTS' : 'Sites', SITE_EXPORT_COLUMNS, buildSiteExportRows(layers.sites), language);
  if (layers.proposals !== undefined) addSheet(workbook, language === 'vi' ? 'Đề xuất trạm' : 'Proposals', PROPOSAL_EXPORT_COLUMNS, buildProposalExportRows(layers.proposals, language), language);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly ExportColumn[], rows: readonly ExportRow[], language: 'vi' | 'en'): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((column) => ({
    header: column[language],
    key: column.field,
    width: column.kind === 'text' ? 24 : 14,
    ...(column.kind === 'share' ? { style: { numFmt: '0.0%' } } : column.kind === 'number' ? { style: { numFmt: column.field === 'kinh_do' || column.field === 'vi_do' ? '0.000000' : '#,##0.##' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const yes = language === 'vi' ? 'Có' : 'Yes';
  const no = language === 'vi' ? 'Không' : 'No';
  // Text cells go in as plain values (never as formulas): ExcelJS stores a string as a string.
  for (const row of rows) sheet.addRow(row.map((value) => (typeof value === 'boolean' ? (value ? yes : no) : value)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}
