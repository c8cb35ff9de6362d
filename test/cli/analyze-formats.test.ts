// The CLI reads every format of the import fixtures (the same hamlets, sites and fibre points in each)
// and gives the same KPIs; --sheet and --crs reach the parsers; an unusable site file stops the run,
// naming it.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'parseInputBytes', 'in');
const fixture = (name: string): string => join(FIXTURES, name);

describe('analyze CLI on real-world file formats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analyze-formats-'));
  const report = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  let reference: ReturnType<typeof runCli>;
  let formats: ReturnType<typeof runCli>;
  beforeAll(() => {
    reference = runCli('analyze.ts', ['--hamlets', fixture('hamlets-geojson-wgs84.geojson'), '--sites', fixture('sites-csv-utf8.csv'), '--fibre', fixture('fibre-geojson.geojson'), '--out', join(dir, 'reference')]);
    formats = runCli('analyze.ts', [
      '--hamlets', fixture('hamlets-shp-vn2000-tm105_5-prj-utf8-cpg.zip'),
      '--sites', fixture('sites-xlsx-second-sheet.xlsx'),
      '--fibre', fixture('fibre-kml.kml'),
      '--sheet', 'Trạm BTS',
      '--lang', 'en',
      '--out', join(dir, 'formats'),
    ]);
  });

  it('gives the KPIs of the WGS84 reference from a zipped Shapefile in VN-2000, an .xlsx sheet and KML', () => {
    expect(reference.status).toBe(0);
    expect(formats.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(formats.status).toBe(0);
    expect(formats.stderr).toMatch(/coordinates: VN-2000 \/ TM-3 zone, central meridian 105\.5° \(from the \.prj file, confidence: high\) — read from the \.prj: VN-2000, transverse Mercator, central meridian 105\.5°, scale 0\.9999/);
    expect(formats.stderr).toMatch(/sites-xlsx-second-sheet\.xlsx\[Trạm BTS\] \(sites\): 5 read, 5 used, 0 skipped/);
    const expected = report(join(dir, 'reference')).kpis;
    const actual = report(join(dir, 'formats')).kpis;
    for (const [key, value] of Object.entries(expected)) expect(actual[key], key).toBeCloseTo(value as number, 5);
    expect(report(join(dir, 'formats')).coordinateSystems[0].crs.crsId).toBe('vn2000-tm:105.5');
  });

  it('applies --crs to a GeoJSON without one', () => {
    const out = join(dir, 'crs');
    const run = runCli('analyze.ts', ['--hamlets', fixture('hamlets-geojson-vn2000-tm105_5-guessed.geojson'), '--sites', fixture('sites-csv-dms.csv'), '--crs', 'vn2000-tm:105.5', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('hệ tọa độ: VN-2000 / múi chiếu 3°, kinh tuyến trục 105,5° (do người dùng chọn, độ tin cậy: cao)');
    const expected = report(join(dir, 'reference')).kpis;
    expect(report(out).kpis.coveredMobile).toBe(expected.coveredMobile);
  });

  it('refuses an unknown --crs by name, listing the accepted ones', () => {
    const run = runCli('analyze.ts', ['--hamlets', fixture('hamlets-geojson-wgs84.geojson'), '--crs', 'EPSG:9999', '--lang', 'en', '--out', join(dir, 'bad-crs')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unknown coordinate system "EPSG:9999"; use one of EPSG:4326, .*vn2000-tm:<central meridian>/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
