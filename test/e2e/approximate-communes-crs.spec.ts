// Commune boundaries for a hamlet list in VN-2000 / TM-3 105°30' metres, as a zipped Shapefile without
// its .prj (scripts/fixtures/build-approximate-fixtures.sh, ogr2ogr): the communes step asks to confirm
// the guessed coordinate system, as the review of any import does, and the approximate hamlets built
// inside the reprojected wards land where those built inside the WGS 84 wards do. The same wards as a
// loose MapInfo table (.tab, .dat, .map, .id) say their system themselves: no question.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { buildApproximateHamlets, parseCsvTable, parseHamletsGeoJson, readCommuneAreas, readHamletListTable } from '../../src/core';
import { openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/cli-approximate');
type PointProperties = { id: string; name: string; commune_code: string; households: number };
const points = JSON.parse(readFileSync(path.join(FIXTURES, 'hamlet-points.geojson'), 'utf8')) as FeatureCollection<Point, PointProperties>;
const communesText = readFileSync(path.join(FIXTURES, 'communes.geojson'), 'utf8');
const shapefileZip = readFileSync(path.join(FIXTURES, 'communes-vn2000-tm105_5-noprj-shp.zip'));

/** The hamlet list: one row per hamlet with its cultural house's coordinates (WGS 84 degrees). */
const csv = [
  'ma_ap,ten_ap,ma_xa,so_ho,kinh_do,vi_do',
  ...points.features.map((feature: Feature<Point, PointProperties>) => {
    const [lng, lat] = feature.geometry.coordinates;
    return [feature.properties.id, feature.properties.name, feature.properties.commune_code, feature.properties.households, lng.toFixed(6), lat.toFixed(6)].join(',');
  }),
].join('\n');

describe('commune boundaries in VN-2000 without a .prj for a hamlet list', () => {
  const app = openAppForSuite();
  const hamletCount = points.features.length;
  // The engine's figures for the hamlets built (in Node, by core) inside the WGS 84 wards the Shapefile was made from.
  const built = buildApproximateHamlets(readHamletListTable(parseCsvTable(csv, 'ap-diem.csv'), 'ap-diem.csv').items, readCommuneAreas(parseHamletsGeoJson(communesText, 'communes.geojson').items));
  const expected = computeExpectedReport({ hamlets: built.hamlets }).kpis;

  it('asks to confirm the guessed VN-2000 zone of the commune file before building the hamlets', async () => {
    const note = await app.importHamletListToCommuneReview('ap-diem.csv', csv, [{ name: 'ranh-gioi-xa.zip', content: shapefileZip }]);
    expect(note).toContain('ranh giới xã cho danh sách ap-diem.csv');
    const guess = await app.readCrsGuess();
    expect(guess.source).toBe('guess');
    expect(guess.crsId).toBe('vn2000-tm:105.5');
    // Another zone read the file again, still for the list; then back to the guessed one.
    await app.chooseCrs('vn2000-tm:105.75');
    await expect(app.page.getByTestId('review-note').innerText()).resolves.toContain('ap-diem.csv');
    await app.chooseCrs('vn2000-tm:105.5');
    expect((await app.readCrsGuess()).text).toContain('VN-2000');
    // Nothing is built before the answer: the demo's hamlets are still there.
    expect(await app.layerOrigin('hamlets')).toBe('demo');
    await app.screenshot('approximate-communes-crs-review');
  });

  it('builds every hamlet inside the confirmed wards, with the KPIs of the hamlets built inside the WGS 84 wards', async () => {
    const report = await app.confirmImport();
    expect(report).toContain(`Đã dựng ${hamletCount} ấp, khóm gần đúng trong 9 xã (${hamletCount} từ điểm, 0 theo cả xã)`);
    expect(report).toContain('ranh-gioi-xa.zip');
    const shown = await app.readKpis();
    expect(shown.hamlets).toBe(hamletCount);
    expect(shown.coveredMobileShare).toBeCloseTo(expected.coveredMobileShare, 4);
    expect(shown.covered4gShare).toBeCloseTo(expected.covered4gShare, 4);
    expect(shown.covered5gShare).toBeCloseTo(expected.covered5gShare, 4);
    const note = app.page.getByTestId('kpi-point-rule');
    await app.openPanel('kpi');
    expect(Number(await note.getAttribute('data-value'))).toBeCloseTo(expected.pointRule!.coveredMobileShare, 9);
  });

  it('builds them inside a MapInfo table picked with its .dat, .map and .id, placed by its own CoordSys without asking', async () => {
    const files = ['tab', 'dat', 'map', 'id'].map((extension) => ({ name: `ranh-gioi-xa.${extension}`, content: readFileSync(path.join(FIXTURES, `communes-vn2000-tm105_5.${extension}`)) }));
    const report = await app.importHamletListWithCommuneFiles('ap-diem-2.csv', csv, files);
    expect(report).toContain(`Đã dựng ${hamletCount} ấp, khóm gần đúng trong 9 xã (${hamletCount} từ điểm, 0 theo cả xã)`);
    expect(report).toContain('ranh-gioi-xa.tab');
    const shown = await app.readKpis();
    expect(shown.hamlets).toBe(hamletCount);
    expect(shown.coveredMobileShare).toBeCloseTo(expected.coveredMobileShare, 4);
    expect(shown.covered5gShare).toBeCloseTo(expected.covered5gShare, 4);
  });

  it('logs no page error', () => {
    expect(app.errors()).toEqual([]);
  });
});
