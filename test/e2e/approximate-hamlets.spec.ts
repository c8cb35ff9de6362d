// Hamlets without polygons through the import dialog: the demo's hamlets of Thành phố Sóc Trăng as a
// CSV of points (name, commune code, longitude, latitude; one point inside each demo hamlet) plus one
// row whose commune has no boundary, and the wards' polygons, built into approximate hamlets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { buildApproximateHamlets, parseCsvTable, parseHamletsGeoJson, readCommuneAreas, readHamletListTable } from '../../src/core';
import { openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/cli-approximate');
const points = JSON.parse(readFileSync(path.join(FIXTURES, 'hamlet-points.geojson'), 'utf8')) as FeatureCollection<Point, { id: string; name: string; commune_code: string; households: number }>;
const communesText = readFileSync(path.join(FIXTURES, 'communes.geojson'), 'utf8');

/** The hamlet list as an office would keep it: Vietnamese headers, one row per hamlet, its cultural house's coordinates. */
function buildPointsCsv(): string {
  const rows = points.features.map((feature: Feature<Point, { id: string; name: string; commune_code: string; households: number }>) => {
    const [lng, lat] = feature.geometry.coordinates;
    return [feature.properties.id, feature.properties.name, feature.properties.commune_code, feature.properties.households, lng.toFixed(6), lat.toFixed(6)].join(',');
  });
  return ['ma_ap,ten_ap,ma_xa,so_ho,kinh_do,vi_do', ...rows, '99999-01,Ấp Không Xã,99999,120,105.97,9.6'].join('\n');
}

describe('hamlets without polygons', () => {
  const app = openAppForSuite();
  const csv = buildPointsCsv();
  const hamletCount = points.features.length;
  // The engine's report for these hamlets, computed in Node (core's own build, as the command line runs it).
  const built = buildApproximateHamlets(readHamletListTable(parseCsvTable(csv, 'ap-diem.csv'), 'ap-diem.csv').items, readCommuneAreas(parseHamletsGeoJson(communesText, 'ranh-gioi-xa.geojson').items));
  const expected = computeExpectedReport({ hamlets: built.hamlets });

  it('asks for commune polygons, builds one approximate hamlet per matched point and says what was not matched', async () => {
    const report = await app.importHamletList('ap-diem.csv', csv, { name: 'ranh-gioi-xa.geojson', content: communesText }, 'replace');
    expect(report).toContain(`Đã dựng ${hamletCount} ấp, khóm gần đúng trong 9 xã (${hamletCount} từ điểm, 0 theo cả xã)`);
    expect(report).toContain(`Đã ghép với ranh giới xã: ${hamletCount} ấp, khóm; không ghép được: 1`);
    expect(report).toContain('không tìm thấy ranh giới xã');
    expect(report).toContain('99999-01');
    expect((await app.readKpis()).hamlets).toBe(hamletCount);
    await app.screenshot('approximate-01-import');
  });

  /** `inView`: how many hamlets the map shows (all at the province view; after a reload the view is the one left, zoomed to a hamlet). */
  async function expectMarkedEverywhere(inView: 'all' | 'some'): Promise<void> {
    const drawn = await app.readApproximateDrawn();
    if (inView === 'all') expect(drawn.dashed).toBe(hamletCount);
    else expect(drawn.dashed).toBeGreaterThan(0);
    expect(drawn.hatched).toBe(drawn.dashed);
    const legend = app.page.getByTestId('legend-approximate');
    if ((await app.page.getByTestId('legend').getAttribute('data-collapsed')) === 'true') await app.toggleLegend();
    await expect(legend.innerText()).resolves.toContain('gần đúng');
    // Every ward of the city has mobile broadband; on the 5G map some hamlets are left for the list.
    expect(expected.hamlets.some((hamlet) => !hamlet.covered['5g'])).toBe(true);
    await app.chooseLayer('5g');
    await app.openPanel('hamlets');
    await app.page.getByTestId('uncovered-hamlet').first().waitFor();
    const rows = app.page.getByTestId('uncovered-hamlet');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    expect(await app.page.getByTestId('hamlet-approximate').count()).toBe(shown);
    const first = rows.first();
    const id = (await first.getAttribute('data-id'))!;
    await first.click();
    const panel = app.page.getByTestId('details-approximate');
    await expect(panel.innerText()).resolves.toContain('gần đúng');
    const text = await panel.innerText();
    expect(text).toContain('Theo diện tích');
    expect(text).toContain('Theo điểm ấp, khóm');
    const result = expected.hamlets.find((hamlet) => hamlet.id === id)!;
    expect(result.pointCovered).toBeDefined();
    for (const layer of ['mobile', '4g', '5g', 'ftth'] as const) {
      await expect(app.page.getByTestId(`details-point-${layer}`).getAttribute('data-covered')).resolves.toBe(String(result.pointCovered![layer]));
    }
  }

  it('draws them hatched with a dashed edge, and says "gần đúng" in the legend, the list and the hamlet panel', async () => {
    await expectMarkedEverywhere('all');
    await app.screenshot('approximate-02-panel');
  });

  it('gives the point rule beside the area shares, and marks them in the exported list', async () => {
    await app.openPanel('kpi');
    const note = app.page.getByTestId('kpi-point-rule');
    const pointRule = expected.kpis.pointRule!;
    expect(Number(await note.getAttribute('data-value'))).toBeCloseTo(pointRule.coveredMobileShare, 9);
    await expect(note.innerText()).resolves.toContain(`${hamletCount} ấp, khóm gần đúng`);
    await app.openPanel('hamlets');
    const { text } = await app.downloadText('export-csv');
    const [header, ...rows] = text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(header).toContain('Gần đúng,Điểm được phủ Di động băng rộng,Điểm được phủ 4G,Điểm được phủ 5G,Điểm được phủ Cáp quang FTTH');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const id = row.split(',')[0];
      const point = expected.hamlets.find((hamlet) => hamlet.id === id)!.pointCovered!;
      const yesNo = (value: boolean) => (value ? 'Có' : 'Không');
      expect(row.endsWith([yesNo(true), yesNo(point.mobile), yesNo(point['4g']), yesNo(point['5g']), yesNo(point.ftth)].join(',')), row).toBe(true);
    }
  });

  it('keeps them approximate, with their points, after a reload', async () => {
    await app.reload();
    expect((await app.readKpis()).hamlets).toBe(hamletCount);
    await expectMarkedEverywhere('some');
    await app.screenshot('approximate-03-reloaded');
  });

  it('asks before importing a ward layer as hamlets, and keeps the hamlets when told not to', async () => {
    const wards = JSON.parse(communesText) as FeatureCollection;
    for (const feature of wards.features) feature.properties!.name = feature.properties!.ten_xa;
    const question = await app.importHamletLayerAsked('phuong.geojson', JSON.stringify(wards));
    expect(question).toContain('giống tên xã, phường hoặc huyện');
    await app.answerHamletQuestion('cancel');
    expect(await app.layerOrigin('hamlets')).toBe('imported');
    expect((await app.readKpis()).hamlets).toBe(hamletCount);
  });

  it('imports the ward layer when told to, then builds the hamlet list inside it', async () => {
    const wards = JSON.parse(communesText) as FeatureCollection;
    for (const feature of wards.features) feature.properties!.name = feature.properties!.ten_xa;
    expect(await app.importHamletLayerAsked('phuong.geojson', JSON.stringify(wards))).not.toBeNull();
    await app.answerHamletQuestion('continue');
    expect((await app.readKpis()).hamlets).toBe(wards.features.length);
    const report = await app.importHamletList('ap-diem.csv', csv, 'layer', 'replace');
    expect(report).toContain(`Đã dựng ${hamletCount} ấp, khóm gần đúng trong 9 xã`);
    expect((await app.readKpis()).hamlets).toBe(hamletCount);
  });
});
