// Writes the site list an operator sends the Department, as offices make it, twice: as an Excel
// workbook (title and date rows, a blank row, a two-row header with merged cells, "STT", a DMS
// latitude column, a totals row and a signature line) and as the CSV Excel saves from it on a
// Vietnamese-locale PC (UTF-8 with a byte-order mark, ";" between cells, decimal commas). Both must
// read to the same records (src/core/io/office-tables.test.ts).
//   npx tsx scripts/make-office-tables.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'office-tables');

/** STT, site code, operator, address, longitude (decimal), latitude (DMS text), technologies, note. */
const SITES: [number, string, string, string, number, string, string, string][] = [
  [1, 'STG0012', 'Viettel', 'Ấp Hòa Thành, xã Hòa Tú 1, huyện Mỹ Xuyên', 105.97123, '9°36\'12,5"', '2G, 3G, 4G', ''],
  [2, 'STG0047', 'VNPT', 'Khóm 3, phường 5, TP Sóc Trăng', 105.98544, '9°35\'48"', '4G', 'Dùng chung cột'],
  [3, 'STG0103', 'MobiFone', 'Ấp Trà Quýt A, thị trấn Châu Thành', 105.90212, '9°41\'30,2"', '3G, 4G', ''],
  [4, 'VNP-ST-215', 'Vinaphone', 'Ấp Mỹ Khánh, xã Long Hưng, huyện Mỹ Tú', 105.81977, '9°38\'05"', '4G, 5G', 'Trạm mới 2024'],
  [5, 'STG0311', 'Viettel', 'Ấp Tân Lập, xã Tân Thạnh, huyện Long Phú', 106.10588, '9°36\'59,9"', '4G/5G', ''],
  [6, 'MBF-KS-08', 'Mobifone', 'Khóm Vĩnh Thành, phường Khánh Hòa, TX Vĩnh Châu', 105.99311, '9°18\'44"', '2G; 4G', ''],
  [7, 'STG0420', 'Viettel', 'Ấp Phú Giao, xã Thuận Hòa, huyện Châu Thành', 105.87609, '9°39\'21,75"', 'LTE', ''],
];
const TITLE = 'DANH SÁCH TRẠM BTS TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG';
const DATE_LINE = '(Số liệu đến ngày 31/12/2024 — kèm theo Công văn số 123/VT-KT)';
const UPPER = ['STT', 'Mã trạm', 'Nhà mạng', 'Địa chỉ', 'Tọa độ', '', 'Công nghệ', 'Ghi chú'];
const LOWER = ['', '', '', '', 'Kinh độ', 'Vĩ độ', '', ''];
const TOTALS = ['Tổng cộng', '', '', '', '', '', `${SITES.length} trạm`, ''];
const SIGNATURE = ['', '', '', '', '', '', 'Người lập biểu', ''];

async function writeWorkbook(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2025, 0, 6));
  const sheet = workbook.addWorksheet('Trạm BTS');
  sheet.addRow([TITLE]);
  sheet.addRow([DATE_LINE]);
  sheet.addRow([]);
  sheet.addRow(UPPER);
  sheet.addRow(LOWER);
  sheet.mergeCells('A1:H1');
  sheet.mergeCells('A2:H2');
  // Every column but the coordinates spans both header rows; "Tọa độ" spans the two coordinate columns.
  for (const column of ['A', 'B', 'C', 'D', 'G', 'H']) sheet.mergeCells(`${column}4:${column}5`);
  sheet.mergeCells('E4:F4');
  // The longitude as a number, except one typed as text with a decimal comma, as happens.
  for (const [index, site] of SITES.entries()) sheet.addRow(index === 2 ? [...site.slice(0, 4), String(site[4]).replace('.', ','), ...site.slice(5)] : site);
  const totalsRow = sheet.addRow(TOTALS).number;
  sheet.mergeCells(`A${totalsRow}:F${totalsRow}`);
  sheet.addRow([]);
  sheet.addRow(SIGNATURE);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(4).font = { bold: true };
  sheet.getRow(5).font = { bold: true };
  writeFileSync(join(OUT, 'tram-bts-van-phong.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
}

function writeCsv(): void {
  const cell = (value: string | number): string => {
    const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
    return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const width = UPPER.length;
  const pad = (cells: (string | number)[]): string => [...cells, ...Array(width - cells.length).fill('')].map(cell).join(';');
  const lines = [pad([TITLE]), pad([DATE_LINE]), pad([]), pad(UPPER), pad(LOWER), ...SITES.map((site) => pad(site)), pad(TOTALS), pad([]), pad(SIGNATURE)];
  writeFileSync(join(OUT, 'tram-bts-van-phong.csv'), `\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

await writeWorkbook();
writeCsv();
