// The results' GIS exports through the hamlet-list panel, read back by Debian's GDAL (ogr2ogr from
// gdal-bin, not the app's gdal3.js): the demo's BTS sites and the site proposals as MapInfo TAB (zipped
// with its .dat, .map, .id, in WGS 84 and in VN-2000 / TM-3 105°30') and as KML, and approximate hamlets
// (built from a hamlet list in the wards) as GeoPackage and KML with their `gan_dung` mark.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser } from './browser';
import { AppDriver, type ProposalReading } from './driver';
import { loadDemoInput } from './expected-report';

type Properties = Record<string, string | number | null>;

/** A file read by the system's GDAL as GeoJSON in WGS 84 (reprojected by GDAL itself from the file's own system). */
function readWithGdal(file: string): FeatureCollection<Point, Properties> {
  const text = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=9', '/vsistdout/', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(text) as FeatureCollection<Point, Properties>;
}

const UNZIPPED = mkdtempSync(path.join(tmpdir(), 'tab-export-'));

/** The .tab of a downloaded TAB zip, unzipped beside its .dat, .map, .id; fails when one is missing. */
function unzipTab(zipPath: string): string {
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const folder = mkdtempSync(path.join(UNZIPPED, 'tab-'));
  for (const [name, bytes] of Object.entries(entries)) writeFileSync(path.join(folder, name), bytes);
  const names = Object.keys(entries).map((name) => name.toLowerCase());
  for (const extension of ['.tab', '.dat', '.map', '.id']) expect(names.some((name) => name.endsWith(extension)), extension).toBe(true);
  return path.join(folder, Object.keys(entries).find((name) => name.toLowerCase().endsWith('.tab'))!);
}

/** The coordinate-system line of the file, as `ogrinfo` reports it. */
function systemOf(file: string): string {
  return execFileSync('ogrinfo', ['-al', '-so', file], { encoding: 'utf8' });
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/cli-approximate');

describe('GIS exports read back by GDAL', () => {
  let app: AppDriver;
  const demo = loadDemoInput().btsRecords;
  let proposals: ProposalReading[] = [];

  beforeAll(async () => {
    app = await AppDriver.open();
  });
  afterAll(async () => {
    await app.close();
    await closeBrowser();
    rmSync(UNZIPPED, { recursive: true, force: true });
  });

  /** The site records read back, in the demo's order, against the demo's own file. */
  function expectDemoSites(back: FeatureCollection<Point, Properties>, tolerance: number): void {
    expect(back.features).toHaveLength(demo.length);
    back.features.forEach((feature: Feature<Point, Properties>, index) => {
      const record = demo[index];
      expect(feature.properties.ma_tram).toBe(record.siteId);
      expect(feature.properties.nha_mang).toBe(record.operator);
      expect(feature.properties.cong_nghe).toBe(record.technologies.join(';'));
      expect(Math.abs(feature.geometry.coordinates[0] - record.lng)).toBeLessThan(tolerance);
      expect(Math.abs(feature.geometry.coordinates[1] - record.lat)).toBeLessThan(tolerance);
    });
  }

  it('exports the BTS sites as a MapInfo TAB in WGS 84 and in VN-2000, each with every record', async () => {
    const wgs84 = await app.exportResults('tab', 'wgs84', 'sites');
    expect(wgs84.fileName).toBe('tram-bts-minh-hoa-tab.zip');
    expectDemoSites(readWithGdal(unzipTab(wgs84.path)), 1e-7);
    const vn2000 = await app.exportResults('tab', 'vn2000-tm:105.5', 'sites');
    expect(vn2000.fileName).toBe('tram-bts-minh-hoa-vn2000-tab.zip');
    const tab = unzipTab(vn2000.path);
    // The table's own CoordSys: transverse Mercator on 105°30', which GDAL turns back to WGS 84 within a centimetre.
    const info = systemOf(tab);
    expect(info).toMatch(/METHOD\["Transverse Mercator"/);
    expect(info).toMatch(/"Longitude of natural origin",105\.5,/);
    expectDemoSites(readWithGdal(tab), 1e-6);
  });

  it('exports the BTS sites as KML, with every record and its attributes', async () => {
    const kml = await app.exportResults('kml', 'wgs84', 'sites');
    expect(kml.fileName).toBe('tram-bts-minh-hoa.kml');
    expectDemoSites(readWithGdal(kml.path), 1e-7);
  });

  /** The proposals read back against the list the panel shows. */
  function expectProposals(back: FeatureCollection<Point, Properties>, tolerance: number): void {
    expect(back.features).toHaveLength(proposals.length);
    const byCode = new Map(back.features.map((feature) => [String(feature.properties.ma_tram), feature]));
    for (const proposal of proposals) {
      const feature = byCode.get(proposal.id)!;
      expect(feature, proposal.id).toBeDefined();
      expect(Number(feature.properties.thu_tu)).toBe(proposal.rank);
      expect(feature.properties.nha_mang).toBe(proposal.operator);
      expect(feature.properties.cong_nghe).toBe(proposal.technology);
      expect(Number(feature.properties.ban_kinh_m)).toBe(proposal.radiusMeters);
      expect(feature.properties.loai).toBe(proposal.kind === 'new' ? 'Trạm mới' : 'Nâng cấp trạm có sẵn');
      expect(Math.abs(feature.geometry.coordinates[0] - proposal.lng)).toBeLessThan(tolerance);
      expect(Math.abs(feature.geometry.coordinates[1] - proposal.lat)).toBeLessThan(tolerance);
    }
  }

  it('exports the site proposals as a MapInfo TAB in VN-2000 and as KML', async () => {
    await app.runProposals();
    proposals = await app.readProposals();
    expect(proposals.length).toBeGreaterThan(0);
    const tab = await app.exportResults('tab', 'vn2000-tm:105.5', 'proposals');
    expect(tab.fileName).toBe('de-xuat-tram-minh-hoa-vn2000-tab.zip');
    expectProposals(readWithGdal(unzipTab(tab.path)), 1e-6);
    const kml = await app.exportResults('kml', 'wgs84', 'proposals');
    expect(kml.fileName).toBe('de-xuat-tram-minh-hoa.kml');
    expectProposals(readWithGdal(kml.path), 1e-7);
  });

  it('exports approximate hamlets as GeoPackage and KML, each hamlet marked approximate', async () => {
    const points = JSON.parse(readFileSync(path.join(FIXTURES, 'hamlet-points.geojson'), 'utf8')) as FeatureCollection<Point, { id: string; name: string; commune_code: string }>;
    const csv = ['ma_ap,ten_ap,ma_xa,kinh_do,vi_do', ...points.features.map((feature) => [feature.properties.id, feature.properties.name, feature.properties.commune_code, ...feature.geometry.coordinates.map((value) => value.toFixed(6))].join(','))].join('\n');
    await app.importHamletList('ap-diem.csv', csv, { name: 'ranh-gioi-xa.geojson', content: readFileSync(path.join(FIXTURES, 'communes.geojson'), 'utf8') }, 'replace');
    const ids = points.features.map((feature) => feature.properties.id).sort();
    for (const format of ['gpkg', 'kml'] as const) {
      const exported = await app.exportResults(format, 'wgs84', 'hamlets');
      const back = readWithGdal(exported.path);
      expect(back.features.map((feature) => String(feature.properties.ma_ap)).sort(), format).toEqual(ids);
      for (const feature of back.features) expect(feature.properties.gan_dung, `${format} ${feature.properties.ma_ap}`).toBe('Có');
    }
  });

  it('logs no page error', () => {
    expect(app.errors()).toEqual([]);
  });
});
