// MapInfo through the import dialog: GDAL (gdal3.js) is not requested by the app until a GIS file is
// opened, then comes from the app's own origin; a zipped TAB and a .tab picked with its .dat/.map/.id
// (VN-2000 from the table's own definition) give the hamlets and the engine's KPIs for them.
// Layers whose attributes no alias knows (a TCVN3 Shapefile, a GeoPackage of sites) go through the one
// column-mapping step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMergerTable, buildCoverageReport, createCoverageAnalysis, NEW_COMMUNE_FIELD, parseInputBytes, type Hamlet } from '../../src/core';
import { buildCoverageConfig, DEFAULT_SETTINGS } from '../../src/state/settings-store';
import { closeBrowser } from './browser';
import { AppDriver, recordMeasurement } from './driver';
import { loadDemoInput } from './expected-report';
import { parseGisPath } from '../../scripts/cli/read-gis-input';

const GIS = path.resolve(import.meta.dirname, '../fixtures/readGisFiles/in');
const REFERENCE = path.resolve(import.meta.dirname, '../fixtures/parseInputBytes/in/hamlets-geojson-wgs84.geojson');
const CONFIG = buildCoverageConfig(DEFAULT_SETTINGS);
const isGdalRequest = (url: string): boolean => /\/gdal\/gdal3WebAssembly\.(wasm|data)$|gdal3/.test(url);

/** The engine's KPIs for these hamlets with the demo's sites, fibre, indicators and merger table. */
function expectedKpis(hamlets: Hamlet[]) {
  const demo = loadDemoInput();
  const input = { hamlets: applyMergerTable(hamlets, demo.merger), btsRecords: demo.btsRecords, fibrePoints: demo.fibrePoints, fibreRoutes: demo.fibreRoutes, indicators: demo.indicators, demo: true };
  return buildCoverageReport(createCoverageAnalysis(input, CONFIG), ['district', 'commune', NEW_COMMUNE_FIELD]).kpis;
}

describe('importing MapInfo files through GDAL', () => {
  let app: AppDriver;
  let reference: Hamlet[];

  beforeAll(async () => {
    reference = (await parseInputBytes('hamlets', 'hamlets.geojson', new Uint8Array(readFileSync(REFERENCE)), CONFIG)).input.hamlets!;
    app = await AppDriver.open();
  });
  afterAll(async () => {
    await app.close();
    await closeBrowser();
  });

  it('loads GDAL only when a zipped TAB is opened, from the app itself, and shows its hamlets', async () => {
    expect(app.requestedUrls().filter(isGdalRequest)).toEqual([]);
    const started = Date.now();
    const { text, sawReaderDownload } = await app.importFileSet('hamlets', [{ name: 'ranh-gioi-ap.zip', content: readFileSync(path.join(GIS, 'hamlets-tab.zip')) }], 'replace');
    recordMeasurement('import-gis-first-tab', { wallMs: Date.now() - started });
    expect(sawReaderDownload).toBe(true);
    expect(text).toContain('Số dòng dùng: 3');
    expect(text).toContain('Định dạng: MapInfo TAB');
    const gdal = app.requestedUrls().filter(isGdalRequest);
    expect(gdal.some((url) => url.endsWith('/gdal/gdal3WebAssembly.wasm'))).toBe(true);
    expect(gdal.some((url) => url.endsWith('/gdal/gdal3WebAssembly.data'))).toBe(true);
    for (const url of gdal) expect(new URL(url).origin).toBe(new URL(app.baseUrl).origin);
    const shown = await app.readKpis();
    const expected = expectedKpis(reference);
    expect(shown.hamlets).toBe(3);
    expect(shown.coveredMobileShare).toBe(expected.coveredMobileShare);
    expect(shown.covered4gShare).toBe(expected.covered4gShare);
  });

  it('reads a .tab picked with its .dat, .map and .id, in VN-2000 from its own definition', async () => {
    const files = ['tab', 'dat', 'map', 'id'].map((extension) => ({ name: `ap-vn2000.${extension}`, content: readFileSync(path.join(GIS, `hamlets-vn2000-tm105_5.${extension}`)) }));
    const before = app.requestedUrls().filter(isGdalRequest).length;
    const started = Date.now();
    const { text, sawReaderDownload } = await app.importFileSet('hamlets', files, 'replace');
    recordMeasurement('import-gis-second-tab', { wallMs: Date.now() - started });
    expect(sawReaderDownload).toBe(false);
    expect(text).toContain('ap-vn2000.tab');
    expect(text).toContain('Số dòng dùng: 3');
    expect(text).toContain('VN-2000');
    // The reader stays loaded in the import worker: nothing is downloaded again.
    expect(app.requestedUrls().filter(isGdalRequest).length).toBe(before);
    const shown = await app.readKpis();
    expect(shown.hamlets).toBe(3);
    expect(shown.coveredMobileShare).toBe(expectedKpis(reference).coveredMobileShare);
  });

  it('exports every hamlet’s results as a GeoPackage in VN-2000, which GDAL reads back with the engine’s figures', async () => {
    const exported = await app.exportResults('gpkg', 'vn2000-tm:105.5');
    // The sites are still the demo's, so the file says so in its name.
    expect(exported.fileName).toBe('ket-qua-ap-khom-minh-hoa-vn2000.gpkg');
    expect(exported.status).toContain('Đã xuất ket-qua-ap-khom-minh-hoa-vn2000.gpkg');
    // Read back in Node by gdal3.js from the file's own coordinate system (not the app's code path).
    const back = await parseGisPath('hamlets', exported.path, new Uint8Array(readFileSync(exported.path)), CONFIG, {});
    expect(back.crs?.source).toBe('prj');
    expect(back.crs?.crsId).not.toBe('EPSG:4326');
    const hamlets = [...(back.input.hamlets ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    expect(hamlets.map((hamlet) => [hamlet.id, hamlet.name])).toEqual(reference.map((hamlet) => [hamlet.id, hamlet.name]));
    // The shares written are the engine's for the reference hamlets, computed here from scratch.
    const demo = loadDemoInput();
    const input = { hamlets: applyMergerTable(reference, demo.merger), btsRecords: demo.btsRecords, fibrePoints: demo.fibrePoints, fibreRoutes: demo.fibreRoutes, indicators: demo.indicators, demo: true };
    const results = buildCoverageReport(createCoverageAnalysis(input, CONFIG)).hamlets;
    for (const hamlet of hamlets) {
      const result = results.find((item) => item.id === hamlet.id)!;
      const properties = hamlet.properties as Record<string, unknown>;
      expect(Number(properties.tl_dd)).toBeCloseTo(result.fraction.mobile, 5);
      expect(Number(properties.tl_ftth)).toBeCloseTo(result.fraction.ftth, 5);
      expect(properties.phu_dd).toBe(result.covered.mobile ? 'Có' : 'Không');
    }
    // The geometry came back to where it was (VN-2000 out, WGS84 in again): the same KPIs.
    expect(expectedKpis(hamlets).coveredMobileShare).toBe(expectedKpis(reference).coveredMobileShare);
  });

  it('exports the BTS sites as a zipped Shapefile in VN-2000, which reads back as the demo\'s site records, and a workbook with a sheet per layer', async () => {
    const exported = await app.exportResults('shp', 'vn2000-tm:105.5', 'sites');
    expect(exported.fileName).toBe('tram-bts-minh-hoa-vn2000-shp.zip');
    const back = await parseInputBytes('sites', exported.fileName, new Uint8Array(readFileSync(exported.path)), CONFIG);
    // The Shapefile's own .prj (GDAL's ESRI WKT, the shift spelled in the datum's name) places it.
    expect(back.crs?.source).toBe('prj');
    expect(back.crs?.crsId).toBe('vn2000-tm:105.5');
    const demo = loadDemoInput().btsRecords;
    const records = back.input.btsRecords ?? [];
    expect(records.map((record) => [record.siteId, record.operator, record.technologies])).toEqual(demo.map((record) => [record.siteId, record.operator, record.technologies]));
    // VN-2000 out, WGS84 in again: within a centimetre.
    records.forEach((record, index) => {
      expect(Math.abs(record.lng - demo[index].lng)).toBeLessThan(1e-6);
      expect(Math.abs(record.lat - demo[index].lat)).toBeLessThan(1e-6);
    });
    const workbook = await app.exportResults('xlsx', 'wgs84');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(workbook.path) as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Ấp, khóm', 'Di động băng rộng', '4G', '5G', 'FTTH', 'Trạm BTS']);
    expect(book.getWorksheet('Trạm BTS')!.rowCount).toBe(1 + demo.length);
    expect(book.getWorksheet('FTTH')!.getRow(2).getCell(7).numFmt).toBe('0.0%');
  });

  it('asks which attributes of a TCVN3 Shapefile hold the names (F3, DVHC, HUYEN_TX), then shows the hamlets under them', async () => {
    const step = await app.openLayerMappingStep('hamlets', 'ap-thuoc-tinh-la.zip', readFileSync(path.join(GIS, 'hamlets-odd-attributes-tcvn3-shp.zip')), 'replace');
    expect(step.asked).toEqual(['Tên ấp, khóm', 'Xã, phường, thị trấn', 'Huyện, thị xã, thành phố']);
    expect(step.text).toContain('Các thuộc tính của lớp: MA · F3 · DVHC · HUYEN_TX · SO_HO');
    await app.waitForNewAnalysis(async () => {
      expect(await app.applyTableStep({ name: 'F3', commune: 'DVHC', district: 'HUYEN_TX' })).toBe('report');
    });
    const report = await app.page.getByTestId('import-report').innerText();
    expect(report).toContain('Số dòng dùng: 3');
    expect(report).not.toContain('không có tên');
    const shown = await app.readKpis();
    expect(shown.hamlets).toBe(3);
    // Same outlines as the reference GeoJSON: the same shares, whatever the names.
    expect(shown.coveredMobileShare).toBe(expectedKpis(reference).coveredMobileShare);
  });

  it('asks which attributes of a GeoPackage of sites hold the operator and technologies (DN, CN)', async () => {
    const step = await app.openLayerMappingStep('sites', 'tram.gpkg', readFileSync(path.join(GIS, 'sites-odd-attributes.gpkg')), 'replace');
    expect(step.asked).toEqual(['Nhà mạng', 'Công nghệ']);
    await app.waitForNewAnalysis(async () => {
      expect(await app.applyTableStep({ operator: 'DN', technologies: 'CN' })).toBe('report');
    });
    // sites-csv-utf8.csv has five records (counted by hand), every one usable.
    expect(await app.page.getByTestId('import-report').innerText()).toContain('Số dòng dùng: 5');
    expect(await app.page.getByTestId('origin-btsRecords').innerText()).toMatch(/: 5 \(/);
  });
});
