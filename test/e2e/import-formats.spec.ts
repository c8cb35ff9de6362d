// Real-file imports through the dialog: a zipped Shapefile of hamlets in VN-2000, an Excel workbook
// of sites with a sheet choice, a coordinate-system guess the user corrects, a refused big file, a
// cancelled parse; the KPIs must be the engine's for the same bytes parsed in Node by core.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, parseInputBytes, type BtsRecord, type CoverageReport, type Hamlet, type ParseInputOptions } from '../../src/core';
import { applyMergerTable, NEW_COMMUNE_FIELD } from '../../src/core';
import { buildCoverageConfig, DEFAULT_SETTINGS } from '../../src/state/settings-store';
import { closeBrowser } from './browser';
import { AppDriver, recordMeasurement } from './driver';
import { loadDemoInput } from './expected-report';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/parseInputBytes/in');
const CONFIG = buildCoverageConfig(DEFAULT_SETTINGS);
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

const SHAPEFILE = 'hamlets-shp-vn2000-tm105_5-prj-utf8-cpg.zip';
const WORKBOOK = 'sites-xlsx-second-sheet.xlsx';
const SHEET = 'Trạm BTS';

/** The UTM 48N Shapefile without its .prj: the app must guess, and the user must correct the guess. */
function shapefileWithoutPrj(): Buffer {
  const entries = unzipSync(new Uint8Array(fixture('hamlets-shp-vn2000-utm48-prj-cp1258-cpg.zip')));
  const kept = Object.fromEntries(Object.entries(entries).filter(([name]) => !name.toLowerCase().endsWith('.prj')));
  return Buffer.from(zipSync(kept));
}

async function parse(kind: 'hamlets' | 'sites', name: string, bytes: Buffer, options: ParseInputOptions = {}) {
  return parseInputBytes(kind, name, new Uint8Array(bytes), CONFIG, options);
}

/** The engine's report for the demo fibre, indicators and merger table with these hamlets and sites. */
function expectedReport(hamlets: Hamlet[], btsRecords: BtsRecord[]): CoverageReport {
  const demo = loadDemoInput();
  const input = { hamlets: applyMergerTable(hamlets, demo.merger), btsRecords, fibrePoints: demo.fibrePoints, fibreRoutes: demo.fibreRoutes, indicators: demo.indicators, demo: true };
  return buildCoverageReport(createCoverageAnalysis(input, CONFIG), ['district', 'commune', NEW_COMMUNE_FIELD]);
}

describe('importing real file formats', () => {
  let app: AppDriver;
  let scratch: string;

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'import-formats-'));
    app = await AppDriver.open();
  });
  afterAll(async () => {
    await app.close();
    await closeBrowser();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses a file over the size limit at once, with a clear message, and changes nothing', async () => {
    const before = await app.readKpis();
    await app.pickImportFile('indicators', 'chi-tieu.csv', Buffer.alloc(11 * 1024 * 1024, 0x41), 'replace');
    const error = await app.importError();
    expect(error.code).toBe('file-too-large');
    expect(error.text).toContain('chi-tieu.csv');
    expect(error.text).toContain('11 MB');
    expect(error.text).toContain('10 MB');
    expect(error.text).toContain('chia nhỏ tệp');
    expect(await app.readKpis()).toEqual(before);
    // Geodata: the page reads up to 25 MB (bigger files stall it; the CLI reads them).
    await app.pickImportFile('hamlets', 'ap-ca-nuoc.geojson', Buffer.alloc(26 * 1024 * 1024, 0x20), 'replace');
    const geodataError = await app.importError();
    expect(geodataError.code).toBe('file-too-large');
    expect(geodataError.text).toContain('26 MB');
    expect(geodataError.text).toContain('25 MB');
    expect(await app.readKpis()).toEqual(before);
  });

  it('imports a zipped Shapefile of hamlets in VN-2000 (.prj) and the KPIs are the engine’s', async () => {
    const hamlets = (await parse('hamlets', SHAPEFILE, fixture(SHAPEFILE))).input.hamlets!;
    const demoSites = loadDemoInput().btsRecords;
    const expected = expectedReport(hamlets, demoSites);
    const text = await app.importBinaryFile('hamlets', SHAPEFILE, fixture(SHAPEFILE), 'replace');
    expect(text).toContain('Số dòng dùng: 3');
    expect(text).toContain('Định dạng: Shapefile nén (.zip)');
    expect(text).toContain('theo tệp .prj');
    const shown = await app.readKpis();
    expect(shown.hamlets).toBe(3);
    expect(shown.coveredMobileShare).toBe(expected.kpis.coveredMobileShare);
    expect(shown.coveredFtthShare).toBe(expected.kpis.coveredFtthShare);
    await app.screenshot('20-import-shapefile');
  });

  it('imports the second sheet of an Excel workbook of sites after the first (a note) is refused', async () => {
    const hamlets = (await parse('hamlets', SHAPEFILE, fixture(SHAPEFILE))).input.hamlets!;
    const sites = (await parse('sites', WORKBOOK, fixture(WORKBOOK), { sheet: SHEET })).input.btsRecords!;
    const expected = expectedReport(hamlets, sites);
    await app.pickImportFile('sites', WORKBOOK, fixture(WORKBOOK), 'replace');
    // The first sheet is a cover note: the app says why it cannot be used and offers the others.
    expect((await app.importError()).text).toContain('Ghi chú');
    await app.chooseSheet(SHEET);
    const text = await app.confirmImport();
    expect(text).toContain(`trang tính: ${SHEET}`);
    expect(text).toContain('Số dòng dùng: 5');
    const shown = await app.readKpis();
    expect(shown.sites).toBe(expected.kpis.sites);
    expect(shown.coveredMobileShare).toBe(expected.kpis.coveredMobileShare);
    expect(shown.covered5gShare).toBe(expected.kpis.covered5gShare);
    expect(shown.sharedSiteShare).toBe(expected.kpis.sharedSiteShare);
  });

  it('shows the coordinate-system guess for a Shapefile without .prj; the user picks UTM 48N and the KPIs follow that choice', async () => {
    const bytes = shapefileWithoutPrj();
    const guessed = await parse('hamlets', 'ap-khong-prj.zip', bytes);
    expect(guessed.crs?.source).toBe('guess');
    const chosen = (await parse('hamlets', 'ap-khong-prj.zip', bytes, { crs: 'EPSG:3405' })).input.hamlets!;
    const sites = (await parse('sites', WORKBOOK, fixture(WORKBOOK), { sheet: SHEET })).input.btsRecords!;
    const expected = expectedReport(chosen, sites);
    // The guess puts these hamlets kilometres away: the KPIs tell the two readings apart.
    expect(expectedReport(guessed.input.hamlets!, sites).kpis.coveredMobileShare).not.toBe(expected.kpis.coveredMobileShare);

    await app.importFileForReview('hamlets', 'ap-khong-prj.zip', bytes, 'replace');
    const guess = await app.readCrsGuess();
    expect(guess).toMatchObject({ source: 'guess', crsId: guessed.crs!.crsId });
    expect(guess.text).toContain('Tệp không ghi hệ tọa độ');
    expect(guess.text).toContain(`độ tin cậy: ${{ high: 'cao', medium: 'trung bình', low: 'thấp', none: 'không có cách đọc nào phù hợp' }[guessed.crs!.confidence]}`);
    expect(await app.page.getByTestId('import-preview').locator('path').count()).toBe(2);
    await app.screenshot('21-import-crs-guess');
    await app.chooseCrs('EPSG:3405');
    const text = await app.confirmImport();
    expect(text).toContain('VN-2000 / UTM múi 48N (do người dùng chọn)');
    const shown = await app.readKpis();
    expect(shown.hamlets).toBe(3);
    expect(shown.coveredMobileShare).toBe(expected.kpis.coveredMobileShare);
    expect(shown.coveredFtthShare).toBe(expected.kpis.coveredFtthShare);
  });

  it('downloads the import report as CSV, listing skipped rows and warnings', async () => {
    await app.openPanel('import');
    const { fileName, text } = await app.downloadText('import-report-csv');
    expect(fileName).toBe('bao-cao-nhap-ap-khong-prj.csv');
    expect(text.split('\r\n')[0]).toBe('\ufeffMục,Vị trí,Nội dung,Mã');
    expect(text).toContain('Số dòng dùng,ap-khong-prj.zip,3,');
    expect(text).toContain('Hệ tọa độ,ap-khong-prj.zip,Hệ tọa độ: VN-2000 / UTM múi 48N (do người dùng chọn),EPSG:3405');
    const excel = await app.downloadText('import-report-csv-excel');
    expect(excel.fileName).toBe('bao-cao-nhap-ap-khong-prj-excel.csv');
    expect(excel.text).toContain('Số dòng dùng;ap-khong-prj.zip;3;');
  });

  it('lists swapped coordinates and points outside Vietnam in the report', async () => {
    const csv = 'ma_tram,nha_mang,kinh_do,vi_do,cong_nghe\nOK-1,Viettel,105.97,9.6,4G\nOK-2,VNPT,105.98,9.61,4G\nOK-3,MobiFone,105.99,9.62,4G\nSW-1,Viettel,9.6,105.97,4G\nFAR-1,Viettel,2.35,48.85,4G\n';
    const text = await app.importBinaryFile('sites', 'tram-loi.csv', Buffer.from(csv, 'utf8'), 'add');
    expect(text).toContain('tram-loi.csv:4: kinh độ và vĩ độ bị ghi ngược (vĩ độ trông như kinh độ của Việt Nam); đã đảo lại');
    expect(text).toContain('tram-loi.csv:5: 1 trong 5 đối tượng nằm ngoài lãnh thổ Việt Nam');
  });

  it('cancels a long parse; the data does not change and the page keeps drawing frames', async () => {
    const file = path.join(scratch, 'tram-lon.geojson');
    // About 22 MB: long to parse, still under the page’s 25 MB limit for geodata.
    const features = Array.from({ length: 150_000 }, (_, index) => `{"type":"Feature","properties":{"site_id":"B${index}","operator":"Viettel","technologies":"4G"},"geometry":{"type":"Point","coordinates":[${(105.6 + (index % 700) / 1000).toFixed(4)},${(9.3 + Math.floor(index / 700) / 1000).toFixed(4)}]}}`);
    writeFileSync(file, `{"type":"FeatureCollection","features":[${features.join(',')}]}`);
    const before = await app.readKpis();
    const phase = await app.startAndCancelImport('sites', 'tram-lon.geojson', { path: file });
    expect(['reading', 'parsing']).toContain(phase);
    expect(await app.readKpis()).toEqual(before);
  });

  it.runIf(process.env.E2E_BIG_IMPORT !== undefined)('parses a big GeoJSON without freezing the page (measured)', async () => {
    // At most the page's limit for geodata (25 MB; see BROWSER_MAX_INPUT_BYTES).
    const sizeMb = Math.min(24, Number(process.env.E2E_BIG_IMPORT) || 24);
    const file = path.join(scratch, 'ap-lon.geojson');
    // Square hamlets on a grid over the province: ~230 bytes a feature.
    const count = Math.round((sizeMb * 1024 * 1024) / 230);
    const side = Math.ceil(Math.sqrt(count));
    const step = 0.8 / side;
    const parts: string[] = [];
    for (let index = 0; index < count; index++) {
      const x = 105.55 + (index % side) * step;
      const y = 9.2 + Math.floor(index / side) * step;
      const ring = [[x, y], [x + step * 0.9, y], [x + step * 0.9, y + step * 0.9], [x, y + step * 0.9], [x, y]].map(([a, b]) => `[${a.toFixed(6)},${b.toFixed(6)}]`).join(',');
      parts.push(`{"type":"Feature","properties":{"ma_ap":"H${index}","ten_ap":"Ấp ${index}","xa":"Xã","huyen":"Huyện"},"geometry":{"type":"Polygon","coordinates":[[${ring}]]}}`);
    }
    writeFileSync(file, `{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
    const bytes = readFileSync(file).byteLength;
    const timing = await app.timeImport('hamlets', 'ap-lon.geojson', { path: file }, 'replace');
    recordMeasurement('big-geojson-import', { megabytes: Math.round(bytes / 1024 / 1024), features: count, ...timing });
    expect(timing.frames).toBeGreaterThan(10);
  });

  it('makes no request off the page’s origin', () => {
    expect(app.offOriginRequests()).toEqual([]);
  });
});
