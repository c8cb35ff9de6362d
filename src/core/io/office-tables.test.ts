import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config';
import { parseInputBytes } from './parse-input-bytes';

// Written by scripts/make-office-tables.ts: an operator's list as offices make it (title, date line,
// blank row, two-row merged header on rows 4–5, STT, DMS latitudes, a totals row, a signature line).
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'office-tables');
const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const dms = (degrees: number, minutes: number, seconds: number) => degrees + minutes / 60 + seconds / 3600;

// Hand-copied from the script's table: code, operator as the tool names it, longitude, latitude, technologies.
const EXPECTED: [string, string, number, number, string[]][] = [
  ['STG0012', 'Viettel', 105.97123, dms(9, 36, 12.5), ['2G', '3G', '4G']],
  ['STG0047', 'VinaPhone', 105.98544, dms(9, 35, 48), ['4G']],
  ['STG0103', 'MobiFone', 105.90212, dms(9, 41, 30.2), ['3G', '4G']],
  ['VNP-ST-215', 'VinaPhone', 105.81977, dms(9, 38, 5), ['4G', '5G']],
  ['STG0311', 'Viettel', 106.10588, dms(9, 36, 59.9), ['4G', '5G']],
  ['MBF-KS-08', 'MobiFone', 105.99311, dms(9, 18, 44), ['2G', '4G']],
  ['STG0420', 'Viettel', 105.87609, dms(9, 39, 21.75), ['4G']],
];

describe('an operator workbook and its CSV, as offices make them', () => {
  for (const [name, totalsPlace, signaturePlace] of [
    ['tram-bts-van-phong.xlsx', 'tram-bts-van-phong.xlsx[Trạm BTS]:13', 'tram-bts-van-phong.xlsx[Trạm BTS]:15'],
    ['tram-bts-van-phong.csv', 'tram-bts-van-phong.csv:8', 'tram-bts-van-phong.csv:10'],
  ] as const) {
    it(`reads ${name} to the sites it lists, and says which rows are not sites`, async () => {
      const parsed = await parseInputBytes('sites', name, read(name), DEFAULT_CONFIG);
      const records = parsed.input.btsRecords!;
      expect(records.map((record) => [record.siteId, record.operator, record.technologies])).toEqual(EXPECTED.map(([id, operator, , , technologies]) => [id, operator, technologies]));
      records.forEach((record, index) => {
        expect(record.lng).toBeCloseTo(EXPECTED[index][2], 6);
        expect(record.lat).toBeCloseTo(EXPECTED[index][3], 6);
      });
      expect(parsed.table?.layout).toMatchObject({ headerRow: 5, headerRowCount: 2, isChosen: false });
      expect(parsed.table?.headers.slice(0, 7)).toEqual(['STT', 'Mã trạm', 'Nhà mạng', 'Địa chỉ', 'Kinh độ', 'Vĩ độ', 'Công nghệ']);
      const summary = parsed.summaries[0];
      const above = summary.warnings.find((warning) => warning.code === 'rows-above-header');
      expect(above?.params).toMatchObject({ count: 3, headerRow: 5 });
      expect(summary.warnings.find((warning) => warning.code === 'totals-row-skipped')?.where).toBe(totalsPlace);
      // The signature line under the table is not a site either: skipped with its place and reason.
      expect(summary.skipped.map((skipped) => skipped.where)).toEqual([signaturePlace]);
    });
  }

  it('reads the rows under the header row the user picks with the columns mapped, and refuses a row that is not there by its place', async () => {
    // Row 5 alone names only the coordinates: the user maps the unnamed operator and technology columns.
    const picked = await parseInputBytes('sites', 'tram-bts-van-phong.csv', read('tram-bts-van-phong.csv'), DEFAULT_CONFIG, { headerRow: 5, columns: { operator: 'column_3', technologies: 'column_7' } });
    expect(picked.table?.layout).toMatchObject({ headerRow: 5, headerRowCount: 1, isChosen: true });
    expect(picked.input.btsRecords?.map((record) => [record.operator, record.lat.toFixed(4)])).toEqual(EXPECTED.map(([, operator, , lat]) => [operator, lat.toFixed(4)]));
    // Row 4 alone has no coordinate column: refused, naming the columns that row has.
    await expect(parseInputBytes('sites', 'tram-bts-van-phong.csv', read('tram-bts-van-phong.csv'), DEFAULT_CONFIG, { headerRow: 4 })).rejects.toMatchObject({ code: 'no-coordinate-columns', params: { headers: { items: ['STT', 'Mã trạm', 'Nhà mạng', 'Địa chỉ', 'Tọa độ', 'column_6', 'Công nghệ', 'Ghi chú'] } } });
    await expect(parseInputBytes('sites', 'tram-bts-van-phong.xlsx', read('tram-bts-van-phong.xlsx'), DEFAULT_CONFIG, { headerRow: 40 })).rejects.toMatchObject({ code: 'header-row-missing', file: 'tram-bts-van-phong.xlsx[Trạm BTS]', params: { row: 40, last: 15 } });
  });
});
