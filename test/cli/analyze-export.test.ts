// `--export gpkg,shp,tab,kml,xlsx` writes the hamlet results and the sites beside report.json; the GIS
// files read back through the import give the KPIs of the run (the hamlets' with the input sites, the
// sites' with the input hamlets), and the workbook holds numbers as numbers under Vietnamese headers,
// one sheet per coverage layer and one for the sites.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, DEFAULT_CONFIG, parseInputBytes, type Hamlet, type ParsedInputBytes } from '../../src/core';
import { parseGisPath } from '../../scripts/cli/read-gis-input';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const IMPORT = join(REPO_ROOT, 'test', 'fixtures', 'parseInputBytes', 'in');
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

describe('analyze --export', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'analyze-export-')), 'out');
  let run: ReturnType<typeof runCli>;
  let sites: ParsedInputBytes;
  beforeAll(async () => {
    run = runCli('analyze.ts', ['--hamlets', join(IMPORT, 'hamlets-geojson-wgs84.geojson'), '--sites', join(IMPORT, 'sites-csv-utf8.csv'), '--export', 'gpkg,shp,tab,kml,xlsx', '--out', out]);
    sites = await parseInputBytes('sites', 'sites.csv', bytesOf(join(IMPORT, 'sites-csv-utf8.csv')), DEFAULT_CONFIG);
  }, 180_000);
  const kpisOf = (hamlets: Hamlet[]) => buildCoverageReport(createCoverageAnalysis({ hamlets, btsRecords: sites.input.btsRecords ?? [], fibrePoints: [], fibreRoutes: [], indicators: [] }, DEFAULT_CONFIG)).kpis;

  it('writes the files named in the issue', () => {
    expect(run.stderr).not.toMatch(/internal error|lỗi nội bộ|\n\s+at /);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/đã ghi ket-qua\.xlsx, hamlets\.gpkg, hamlets-shp\.zip, hamlets\.tab, .*hamlets\.kml, sites\.gpkg, sites-shp\.zip, sites\.tab, .*sites\.kml/);
  });

  it.each(['hamlets.gpkg', 'hamlets-shp.zip', 'hamlets.tab', 'hamlets.kml'])('%s read back through the import gives the KPIs of the run', async (name) => {
    const path = join(out, name);
    const parsed = /\.(gpkg|tab)$/.test(name) ? await parseGisPath('hamlets', path, bytesOf(path), DEFAULT_CONFIG, {}) : await parseInputBytes('hamlets', name, bytesOf(path), DEFAULT_CONFIG);
    const hamlets = parsed.input.hamlets ?? [];
    expect(hamlets.map((hamlet) => [hamlet.id, hamlet.name, hamlet.households])).toEqual([['A01', 'Ấp Hòa Đông', 412], ['A02', 'Khóm 3', 1234], ['A03', 'Ấp Phú Hữu', 305]]);
    const expected = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).kpis as Record<string, unknown>;
    const actual = kpisOf(hamlets) as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) if (typeof value === 'number') expect(actual[key] as number, key).toBeCloseTo(value, 5);
  }, 60_000);

  it.each(['sites.gpkg', 'sites-shp.zip', 'sites.tab', 'sites.kml'])('%s read back as a site list gives the records and the KPIs of the run', async (name) => {
    const path = join(out, name);
    const parsed = /\.(gpkg|tab)$/.test(name) ? await parseGisPath('sites', path, bytesOf(path), DEFAULT_CONFIG, {}) : await parseInputBytes('sites', name, bytesOf(path), DEFAULT_CONFIG);
    const fields = (records: readonly { siteId: string; operator: string; lng: number; lat: number; technologies: string[]; radiusMeters?: number }[]) =>
      records.map((record) => [record.siteId, record.operator, record.lng.toFixed(6), record.lat.toFixed(6), record.technologies, record.radiusMeters]);
    expect(fields(parsed.input.btsRecords ?? [])).toEqual(fields(sites.input.btsRecords ?? []));
    const hamlets = (await parseInputBytes('hamlets', 'h.geojson', bytesOf(join(IMPORT, 'hamlets-geojson-wgs84.geojson')), DEFAULT_CONFIG)).input.hamlets ?? [];
    const expected = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).kpis as Record<string, unknown>;
    const actual = buildCoverageReport(createCoverageAnalysis({ hamlets, btsRecords: parsed.input.btsRecords ?? [], fibrePoints: [], fibreRoutes: [], indicators: [] }, DEFAULT_CONFIG)).kpis as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) if (typeof value === 'number') expect(actual[key] as number, key).toBeCloseTo(value, 5);
  }, 60_000);

  it('writes the TAB in VN-2000 / TM-3 105°30\' with --export-crs, and it reads back there with the same KPIs', async () => {
    const vn2000 = join(out, '..', 'vn2000');
    const again = runCli('analyze.ts', ['--hamlets', join(IMPORT, 'hamlets-geojson-wgs84.geojson'), '--sites', join(IMPORT, 'sites-csv-utf8.csv'), '--export', 'tab', '--export-crs', 'vn2000-tm:105.5', '--out', vn2000]);
    expect(again.status).toBe(0);
    const path = join(vn2000, 'hamlets.tab');
    expect(readFileSync(path, 'latin1')).not.toMatch(/Earth Projection 1, 104/);
    const parsed = await parseGisPath('hamlets', path, bytesOf(path), DEFAULT_CONFIG, {});
    expect(parsed.crs?.source).toBe('prj');
    expect(parsed.crs?.crsId).toBe('vn2000-tm:105.5');
    const expected = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).kpis as Record<string, unknown>;
    const actual = kpisOf(parsed.input.hamlets ?? []) as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) if (typeof value === 'number') expect(actual[key] as number, key).toBeCloseTo(value, 5);
  }, 120_000);

  it('ket-qua.xlsx has Vietnamese headers, numbers as numbers, shares as percentages and Có/Không', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(out, 'ket-qua.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Ấp, khóm')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Mã ấp', 'Tên ấp, khóm', 'Xã, phường', 'Huyện, thị xã', 'Số hộ', 'Diện tích (km²)', 'Tỷ lệ phủ di động băng rộng', 'Tỷ lệ phủ 4G', 'Tỷ lệ phủ 5G', 'Tỷ lệ phủ FTTH', 'Được phủ di động băng rộng', 'Được phủ 4G', 'Được phủ 5G', 'Được phủ FTTH']);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { hamlets: { id: string; households: number; fraction: Record<string, number>; covered: Record<string, boolean> }[] };
    const first = report.hamlets[0];
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(first.id);
    expect(row.getCell(5).value).toBe(first.households);
    expect(typeof row.getCell(7).value).toBe('number');
    expect(row.getCell(7).value as number).toBeCloseTo(first.fraction.mobile, 5);
    expect(row.getCell(7).numFmt).toBe('0.0%');
    expect(row.getCell(11).value).toBe(first.covered.mobile ? 'Có' : 'Không');
    expect(sheet.rowCount).toBe(1 + report.hamlets.length);
    expect(workbook.worksheets.map((each) => each.name)).toEqual(['Ấp, khóm', 'Di động băng rộng', '4G', '5G', 'FTTH', 'Trạm BTS']);
    const g4 = workbook.getWorksheet('4G')!;
    expect(g4.getRow(1).values).toEqual([undefined, 'Mã ấp', 'Tên ấp, khóm', 'Xã, phường', 'Huyện, thị xã', 'Số hộ', 'Diện tích (km²)', 'Tỷ lệ phủ 4G', 'Được phủ 4G']);
    expect(g4.getRow(2).getCell(7).value as number).toBeCloseTo(first.fraction['4g'], 5);
    expect(g4.getRow(2).getCell(7).numFmt).toBe('0.0%');
    expect(g4.getRow(2).getCell(8).value).toBe(first.covered['4g'] ? 'Có' : 'Không');
    const siteSheet = workbook.getWorksheet('Trạm BTS')!;
    expect(siteSheet.getRow(1).values).toEqual([undefined, 'Mã trạm', 'Nhà mạng', 'Công nghệ', 'Bán kính phủ (m)', 'Trạm dùng chung', 'Mã ấp đặt trạm', 'Kinh độ', 'Vĩ độ']);
    // sites-csv-utf8.csv's first record, read by eye: ST001, Viettel, 105.965, 9.605, 4G, 1500 m.
    expect([1, 2, 3, 4, 7, 8].map((column) => siteSheet.getRow(2).getCell(column).value)).toEqual(['ST001', 'Viettel', '4G', 1500, 105.965, 9.605]);
    expect(siteSheet.rowCount).toBe(1 + (sites.input.btsRecords ?? []).length);
  });
});
