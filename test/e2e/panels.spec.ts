// The app's panels on a laptop screen: the header keeps its one line, the group table adds up to the
// KPIs, sorts and zooms, and a URL changed in the open tab moves the map and panels.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser } from './browser';
import { AppDriver } from './driver';
import { computeExpectedReport } from './expected-report';

interface HamletFeature {
  properties: { id: string; name: string; district_code: string; commune_code: string; households: number };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

// The demo hamlets straight from the file, for figures added up here rather than by the app.
const HAMLETS: HamletFeature[] = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/geodata/hamlets.geojson'), 'utf8')).features;

function outerRings(feature: HamletFeature): number[][][] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates[0]] : feature.geometry.coordinates.map((polygon) => polygon[0]);
}

function boundsOf(features: HamletFeature[]): [number, number, number, number] {
  const lngs = features.flatMap((feature) => outerRings(feature).flat().map((point) => point[0]));
  const lats = features.flatMap((feature) => outerRings(feature).flat().map((point) => point[1]));
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

function isInsideRing(ring: number[][], lng: number, lat: number): boolean {
  let isInside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) isInside = !isInside;
  }
  return isInside;
}

/** A point well inside a hamlet: the vertex average of its one outer ring, when it lies inside. */
function interiorPoint(feature: HamletFeature): [number, number] | null {
  const rings = outerRings(feature);
  if (rings.length !== 1) return null;
  const ring = rings[0].slice(0, -1);
  const lng = ring.reduce((sum, point) => sum + point[0], 0) / ring.length;
  const lat = ring.reduce((sum, point) => sum + point[1], 0) / ring.length;
  return isInsideRing(rings[0], lng, lat) ? [lng, lat] : null;
}

describe('panels on a 1366 × 768 laptop', () => {
  let app: AppDriver;

  beforeAll(async () => {
    app = await AppDriver.open();
    await app.setViewport(1366, 768);
  });
  afterAll(async () => {
    await app.close();
    await closeBrowser();
  });

  it('the group table adds up to the KPIs, shows households and shared sites, keeps names on one line', async () => {
    const kpis = await app.readKpis();
    const table = await app.readGroupTable();
    expect(table.rows.map((row) => row.key).sort()).toEqual([...new Set(HAMLETS.map((hamlet) => hamlet.properties.district_code))].sort());
    expect(table.totalText).toBe('Tổng (11 đơn vị)');
    // Each district's households, added up here from the hamlet file.
    for (const row of table.rows) {
      const households = HAMLETS.filter((hamlet) => hamlet.properties.district_code === row.key).reduce((sum, hamlet) => sum + hamlet.properties.households, 0);
      expect(row.figures.households, row.name).toBe(households);
    }
    const plainSum = (column: string) => table.rows.reduce((sum, row) => sum + row.figures[column], 0);
    expect(table.total.households).toBe(319_732);
    expect(table.total.hamlets).toBe(kpis.hamlets);
    expect(table.total.hamlets).toBe(plainSum('hamlets'));
    expect(table.total.mobile).toBeCloseTo(kpis.coveredMobileShare, 12);
    expect(table.total.ftth).toBeCloseTo(kpis.coveredFtthShare, 12);
    expect(table.total.sites).toBe(plainSum('sites'));
    expect(table.total.sharedSites).toBe(plainSum('sharedSites'));
    // Sites outside every hamlet are in no unit: the total says how many it leaves out.
    const outside = await app.readOutsideSites();
    expect(table.total.sites + outside.count).toBe(kpis.sites);
    if (outside.count > 0) expect(table.outsideSitesNote).toContain(String(outside.count));
    else expect(kpis.sharedSiteShare).toBeCloseTo(table.total.sharedShare, 12);
    // The longest names ("Thị trấn Lịch Hội Thượng — Huyện Trần Đề") stay on one line.
    await app.page.getByTestId('group-by').selectOption('commune');
    const communes = await app.readGroupTable();
    expect(communes.rows).toHaveLength(108);
    expect(communes.rows.filter((row) => row.nameLines !== 1).map((row) => row.name)).toEqual([]);
    expect(communes.total.hamlets).toBe(kpis.hamlets);
    await app.screenshot('panels-group-table-1366');
    await app.page.getByTestId('group-by').selectOption('district');
  });

  it('sorts the group table by any column from the keyboard, saying so with aria-sort', async () => {
    await app.openPanel('kpi');
    expect(await app.page.getByTestId('group-sort-unit').getAttribute('aria-sort')).toBe('ascending');
    expect(await app.sortGroupTableBy('households')).toBe('descending');
    expect(await app.page.getByTestId('group-sort-unit').getAttribute('aria-sort')).toBe('none');
    const households = (await app.readGroupTable()).rows.map((row) => row.figures.households);
    expect(households).toEqual([...households].sort((a, b) => b - a));
    expect(await app.sortGroupTableBy('households')).toBe('ascending');
    const ascending = (await app.readGroupTable()).rows.map((row) => row.figures.households);
    expect(ascending).toEqual([...households].reverse());
    expect(await app.sortGroupTableBy('mobile')).toBe('descending');
    const shares = (await app.readGroupTable()).rows.map((row) => row.figures.mobile);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(await app.sortGroupTableBy('unit')).toBe('ascending');
    const names = (await app.readGroupTable()).rows.map((row) => row.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi', { numeric: true }).compare));
  });

  it('zooms the map to a unit clicked in the group table', async () => {
    const before = app.urlState().view;
    const view = await app.zoomToGroupUnit('941');
    const [west, south, east, north] = boundsOf(HAMLETS.filter((hamlet) => hamlet.properties.district_code === '941'));
    expect(view).not.toBeNull();
    expect(view!.center[0]).toBeGreaterThan(west);
    expect(view!.center[0]).toBeLessThan(east);
    expect(view!.center[1]).toBeGreaterThan(south);
    expect(view!.center[1]).toBeLessThan(north);
    // The city is a small part of the province: the map zooms in to frame it.
    expect(view!.zoom).toBeGreaterThan((before?.zoom ?? 8) + 1);
  });

  it('keeps the header to one line, the map where it was, when a filter chip appears (1366 and 1920 wide, Vietnamese)', async () => {
    const widths: [number, number][] = [
      [1366, 768],
      [1920, 1080],
    ];
    const without = [];
    for (const [width, height] of widths) {
      await app.setViewport(width, height);
      without.push(await app.readHeaderLayout());
    }
    await app.filterToOperator('Viettel');
    await expect(app.page.getByTestId('active-filters').textContent()).resolves.toBe('Đang lọc: Viettel');
    for (const [k, [width, height]] of widths.entries()) {
      await app.setViewport(width, height);
      const withChip = await app.readHeaderLayout();
      expect(withChip, `${width} px`).toEqual({ ...without[k], isTitleCut: false, barLines: 1 });
    }
    await app.setViewport(1366, 768);
    await app.screenshot('panels-header-chip-1366');
  });

  it('moves the map and panels to a URL changed in the open tab, and back', async () => {
    const before = app.urlState();
    const hamlet = HAMLETS.map((feature) => ({ feature, point: interiorPoint(feature) })).find((item) => item.point !== null && item.feature.properties.district_code === '950')!;
    const [lng, lat] = hamlet.point!;
    await app.waitForNewAnalysis(() => app.changeUrlHash(`#layer=ftth&ops=VinaPhone&map=15/${lat.toFixed(6)}/${lng.toFixed(6)}`));
    expect(await app.page.getByTestId('layer-select').inputValue()).toBe('ftth');
    await expect(app.page.getByTestId('active-filters').textContent()).resolves.toBe('Đang lọc: VinaPhone');
    const expected = computeExpectedReport({ filters: { operators: ['VinaPhone'], technologies: null } });
    expect((await app.readKpis()).sites).toBe(expected.kpis.sites);
    // The map itself moved: what lies at its centre is that hamlet.
    await app.clickMapCentre();
    expect(await app.detailsTitle()).toContain(hamlet.feature.properties.name);
    expect(await app.page.getByTestId('details-commune').innerText()).toBeTruthy();
    // Back (popstate and hashchange) returns to the state before.
    await app.waitForNewAnalysis(async () => {
      await app.page.goBack();
    });
    expect(await app.page.getByTestId('layer-select').inputValue()).toBe(before.layer);
    expect(app.urlState().filters).toEqual(before.filters);
    await expect(app.page.getByTestId('active-filters').textContent()).resolves.toBe('Đang lọc: Viettel');
  });
});
