// The CLI reads a MapInfo table from beside its .dat/.map/.id (VN-2000 from its own definition) and
// gives the KPIs of the WGS84 GeoJSON of the same hamlets.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const GIS = join(REPO_ROOT, 'test', 'fixtures', 'readGisFiles', 'in');
const IMPORT = join(REPO_ROOT, 'test', 'fixtures', 'parseInputBytes', 'in');

describe('analyze CLI on a MapInfo table', () => {
  it('reads --hamlets x.tab with its companions and gives the KPIs of the GeoJSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-gis-'));
    const sites = ['--sites', join(IMPORT, 'sites-csv-utf8.csv'), '--fibre', join(IMPORT, 'fibre-geojson.geojson')];
    const reference = runCli('analyze.ts', ['--hamlets', join(IMPORT, 'hamlets-geojson-wgs84.geojson'), ...sites, '--out', join(dir, 'reference')]);
    const run = runCli('analyze.ts', ['--hamlets', join(GIS, 'hamlets-vn2000-tm105_5.tab'), ...sites, '--lang', 'en', '--out', join(dir, 'tab')]);
    expect(reference.status).toBe(0);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/hamlets-vn2000-tm105_5\.tab \(hamlets\): 3 read, 3 used, 0 skipped/);
    const report = (name: string) => JSON.parse(readFileSync(join(dir, name, 'report.json'), 'utf8'));
    expect(report('tab').coordinateSystems[0].crs.crsId).toBe('vn2000-tm:105.5');
    expect(report('tab').coordinateSystems[0].crs.source).toBe('prj');
    const expected = report('reference').kpis;
    for (const [key, value] of Object.entries(expected)) if (typeof value === 'number') expect(report('tab').kpis[key], key).toBeCloseTo(value, 5);
  }, 240_000);
});
