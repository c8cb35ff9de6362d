import { describe, expect, it } from 'vitest';
import type { Hamlet } from '../../src/core';
import { hamletBounds } from '../../src/map/map-data';
import { openAppForSuite } from './driver';
import { computeExpectedReport, loadDemoInput } from './expected-report';

const XSS = '<img src=x onerror=window.__xss=1>';

/** A site list with Vietnamese headers and decimal commas: one Viettel 4G site in each of the 20 largest uncovered hamlets. */
function buildSitesCsv(): string {
  const report = computeExpectedReport();
  const hamlets = new Map(loadDemoInput().hamlets.map((hamlet) => [hamlet.id, hamlet]));
  const targets = report.hamlets.filter((hamlet) => !hamlet.covered.mobile).sort((a, b) => (b.households ?? 0) - (a.households ?? 0)).slice(0, 20);
  const rows = targets.map((result, index) => {
    const [minLng, minLat, maxLng, maxLat] = hamletBounds(hamlets.get(result.id)!)!;
    const decimal = (value: number) => value.toFixed(6).replace('.', ',');
    return `NEW-${index + 1};Viettel;${decimal((minLng + maxLng) / 2)};${decimal((minLat + maxLat) / 2)};4G`;
  });
  return ['ma_tram;nha_mang;kinh_do;vi_do;cong_nghe', ...rows, 'BAD-1;Viettel;;9,6;4G'].join('\n');
}

/** A hamlet far from every site, named with an HTML payload and the most households, so it heads the list. */
const XSS_HAMLET: Hamlet & { households: number } = {
  id: 'xss-1',
  name: XSS,
  commune: XSS,
  district: 'Huyện Thử',
  households: 999_999,
  properties: { id: 'xss-1', name: XSS, commune: XSS, district: 'Huyện Thử', households: 999_999 },
  geometry: { type: 'Polygon', coordinates: [[[106.6, 9.0], [106.61, 9.0], [106.61, 9.01], [106.6, 9.01], [106.6, 9.0]]] },
};

describe('imports and persistence', () => {
  const app = openAppForSuite();
  const sitesCsv = buildSitesCsv();
  const withSites = computeExpectedReport({ extraCsvSites: { fileName: 'tram-moi.csv', text: sitesCsv } });

  it('imports a CSV of sites with Vietnamese headers, reports the skipped row, and the KPIs change as the engine says', async () => {
    const before = await app.readKpis();
    const reportText = await app.importFile('sites', 'tram-moi.csv', sitesCsv, 'add');
    expect(reportText).toContain('Số dòng đọc: 21');
    expect(reportText).toContain('Số dòng dùng: 20');
    expect(reportText).toContain('tram-moi.csv:21');
    await app.screenshot('05-import-report');
    const after = await app.readKpis();
    expect(after.coveredMobileShare).toBe(withSites.kpis.coveredMobileShare);
    expect(after.sites).toBe(withSites.kpis.sites);
    expect(after.coveredMobileShare).toBeGreaterThan(before.coveredMobileShare);
  });

  it('keeps the import after a reload', async () => {
    await app.reload();
    expect((await app.readKpis()).coveredMobileShare).toBe(withSites.kpis.coveredMobileShare);
    expect(await app.layerOrigin('btsRecords')).toBe('imported');
  });

  it('shows a property holding HTML as inert text', async () => {
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: XSS_HAMLET.properties, geometry: XSS_HAMLET.geometry }] };
    await app.importFile('hamlets', 'ap-thu.geojson', JSON.stringify(collection), 'add');
    await app.openPanel('hamlets');
    const first = app.page.getByTestId('uncovered-hamlet').first();
    await expect(first.locator('.hamlet-name').textContent()).resolves.toBe(XSS);
    await first.click();
    await expect(app.page.getByTestId('details-title').textContent()).resolves.toContain(XSS);
    expect(await app.page.locator('img[src="x"]').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const expected = computeExpectedReport({ extraCsvSites: { fileName: 'tram-moi.csv', text: sitesCsv }, extraHamlets: [XSS_HAMLET] });
    expect((await app.readKpis()).hamlets).toBe(expected.kpis.hamlets);
    await app.screenshot('06-inert-html-name');
  });

  it('asks for unknown columns, then imports with the chosen mapping', async () => {
    const csv = 'Trạm;Mạng;Kinh độ;Vĩ độ;Công nghệ\nMAP-1;Viettel;106,605;9,005;4G\n';
    const reportText = await app.importFileWithMapping('sites', 'tram-cot-la.csv', csv, 'add', { operator: 'Mạng' });
    expect(reportText).toContain('Số dòng dùng: 1');
    const expected = computeExpectedReport({
      extraCsvSites: { fileName: 'tram-moi.csv', text: `${sitesCsv}\nMAP-1;Viettel;106,605;9,005;4G` },
      extraHamlets: [XSS_HAMLET],
    });
    const shown = await app.readKpis();
    expect(shown.sites).toBe(expected.kpis.sites);
    expect(shown.coveredMobileShare).toBe(expected.kpis.coveredMobileShare);
  });

  it('goes back to the demo data after confirmation', async () => {
    await app.backToDemoData();
    const demo = computeExpectedReport();
    expect((await app.readKpis()).coveredMobileShare).toBe(demo.kpis.coveredMobileShare);
    expect(await app.layerOrigin('btsRecords')).toBe('demo');
    await app.reload();
    expect((await app.readKpis()).hamlets).toBe(demo.kpis.hamlets);
  });

  it('makes no request off the page’s origin', () => {
    expect(app.offOriginRequests()).toEqual([]);
  });
});
