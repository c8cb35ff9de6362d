// What the report's figures mean, as a planner reads them: coverage classes that state their rule with
// the thresholds in force, the shared-site KPI of one operator, and sites that stand outside every hamlet.
// Expectations are computed here from the demo files (hand-written clustering and point-in-polygon),
// never with the app's own helpers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';

const GEODATA = path.resolve(import.meta.dirname, '../../public/geodata');
const NBSP = '\u00a0';

type Ring = [number, number][];
interface DemoSite {
  operator: string;
  lng: number;
  lat: number;
}

function readDemo<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(GEODATA, file), 'utf8')) as T;
}

function haversineMeters(a: DemoSite, b: DemoSite): number {
  const toRad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * toRad) / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(((b.lng - a.lng) * toRad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Single-linkage clusters of records within `meters` (plain O(n²) union–find). */
function clusterRecords(records: DemoSite[], meters: number): DemoSite[][] {
  const parent = records.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      if (Math.abs(records[i].lat - records[j].lat) > 0.001) continue;
      if (haversineMeters(records[i], records[j]) <= meters) parent[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
    }
  }
  const clusters = new Map<number, DemoSite[]>();
  records.forEach((record, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), record]));
  return [...clusters.values()];
}

/** Even–odd ray casting over every ring. */
function isInside(rings: Ring[], lng: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

describe('classes and KPIs that say what they mean', () => {
  const app = openAppForSuite();

  it('keeps the shared-site KPI’s meaning under an operator filter: Viettel’s sites another operator also uses', async () => {
    const demo = readDemo<{ features: { properties: { operator: string }; geometry: { coordinates: [number, number] } }[] }>('sites.geojson');
    const records = demo.features.map((feature) => ({ operator: feature.properties.operator, lng: feature.geometry.coordinates[0], lat: feature.geometry.coordinates[1] }));
    // Co-location on every operator's records (30 m, the default), then Viettel's sites among them.
    const viettelSites = clusterRecords(records, 30).filter((cluster) => cluster.some((record) => record.operator === 'Viettel'));
    const shared = viettelSites.filter((cluster) => new Set(cluster.map((record) => record.operator)).size >= 2).length;
    expect(shared).toBeGreaterThan(0);
    await app.filterToOperator('Viettel');
    const kpis = await app.readKpis();
    expect(kpis.sites).toBe(viettelSites.length);
    expect(kpis.sharedSiteShare).toBe(shared / viettelSites.length);
    await expect(app.page.getByTestId('kpi-shared-sites-label').innerText()).resolves.toBe('Trạm của Viettel dùng chung với nhà mạng khác');
    await expect(app.page.getByTestId('target-label-shared-sites').innerText()).resolves.toBe('Trạm của Viettel dùng chung với nhà mạng khác');
    await app.screenshot('report-shared-sites-viettel');
  });

  it('states each class’s rule with the threshold in force, in the legend and the hamlet panel', async () => {
    expect(await app.readLegendClasses()).toEqual({
      covered: `Được phủ (≥ 50${NBSP}% diện tích)`,
      partial: `Phủ một phần (> 0${NBSP}% và < 50${NBSP}%)`,
      none: `Chưa phủ (0${NBSP}%)`,
    });
    await app.chooseLayer('ftth');
    expect((await app.readLegendClasses()).covered).toBe(`Được phủ (≥ 10${NBSP}% diện tích)`);
    await app.chooseLayer('mobile');
    await app.changeSetting('setting-threshold-mobile', '0.6');
    expect((await app.readLegendClasses()).partial).toBe(`Phủ một phần (> 0${NBSP}% và < 60${NBSP}%)`);
    // The hamlet at the top of the uncovered list: its class and rule, consistent with its own fraction.
    await app.zoomToFirstUncoveredHamlet();
    const shownClass = app.page.getByTestId('details-class-mobile');
    const fractionText = await app.page.getByTestId('details-fraction-mobile').innerText();
    const isZero = fractionText.replace(/\s/g, '') === '0%';
    await expect(shownClass.getAttribute('data-status')).resolves.toBe(isZero ? 'none' : 'partial');
    await expect(shownClass.innerText()).resolves.toBe(isZero ? `Chưa phủ (0${NBSP}%)` : `Phủ một phần (> 0${NBSP}% và < 60${NBSP}%)`);
    await app.chooseLanguage('en');
    expect(await app.readLegendClasses()).toEqual({ covered: 'Covered (≥ 60% of area)', partial: 'Partly covered (> 0% and < 60%)', none: 'Not covered (0%)' });
    await app.chooseLanguage('vi');
    await app.screenshot('report-legend-rules');
  });

  it('shows sites outside every hamlet in the import report and the dashboard', async () => {
    const hamlets = readDemo<{ features: { geometry: { type: string; coordinates: unknown } }[] }>('hamlets.geojson').features.map((feature) =>
      (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates as Ring[]] : (feature.geometry.coordinates as Ring[][])).flat(),
    );
    const ring = hamlets[0][0].slice(0, -1);
    const inside: [number, number] = [ring.reduce((sum, [lng]) => sum + lng, 0) / ring.length, ring.reduce((sum, [, lat]) => sum + lat, 0) / ring.length];
    const outside: [number, number] = [106.6, 9.9];
    expect(isInside(hamlets[0], ...inside)).toBe(true);
    expect(hamlets.some((rings) => isInside(rings, ...outside))).toBe(false);
    const csv = `site_id,operator,lon,lat,technologies\nIN-1,Viettel,${inside[0]},${inside[1]},4G\nOUT-1,Viettel,${outside[0]},${outside[1]},4G\n`;
    const importText = await app.importFile('sites', 'tram-ngoai.csv', csv, 'replace');
    expect(importText).toContain('1 trạm của tệp này nằm ngoài mọi ấp, khóm: OUT-1');
    const shown = await app.readOutsideSites();
    expect([shown.count, shown.ids]).toEqual([1, ['OUT-1']]);
    expect(shown.text).toContain('1 trạm nằm ngoài mọi ấp, khóm');
    await app.screenshot('report-outside-sites');
  });
});
