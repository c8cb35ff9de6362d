// The CLI on the real district polygons of Sóc Trăng (public reference data kept beside the repo,
// never copied into it), used as the hamlet layer; census households joined by GSO code.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/core/index';
import { hasSharedData, runCli, SHARED_DATA_DIR } from '../helpers/run-cli';

describe.skipIf(!hasSharedData)('analyze CLI on the real district polygons', () => {
  const out = mkdtempSync(join(tmpdir(), 'analyze-districts-'));
  let run: ReturnType<typeof runCli>;
  let census: Record<string, string>[];
  let districts: { features: { properties: { code: string; area_km2_approx: number } }[] };
  // Read the shared data only when the suite runs: describe bodies are collected even when skipped.
  beforeAll(() => {
    run = runCli('analyze.ts', [
      '--hamlets', join(SHARED_DATA_DIR, 'districts.geojson'),
      '--sites', 'public/geodata/sites.geojson',
      '--fibre', 'public/geodata/fibre.geojson',
      '--join', join(SHARED_DATA_DIR, 'census-2019.csv'),
      '--join-key', 'code',
      // Districts given as hamlets on purpose: the layer check asks, and this run says yes.
      '--accept-hamlet-layer',
      '--out', out,
    ]);
    census = parseCsvTable(readFileSync(join(SHARED_DATA_DIR, 'census-2019.csv'), 'utf8'), 'census-2019.csv').rows;
    districts = JSON.parse(readFileSync(join(SHARED_DATA_DIR, 'districts.geojson'), 'utf8'));
  });
  const report = () => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));

  it('runs and writes the four outputs', () => {
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.status).toBe(0);
    for (const name of ['report.json', 'hamlets.csv', 'hamlets.geojson', 'sites.geojson']) expect(readFileSync(join(out, name)).length).toBeGreaterThan(100);
  });

  it('joins the 2019 census households and population by GSO code', () => {
    const hamlets = report().hamlets as { id: string; households: number; population: number }[];
    expect(hamlets).toHaveLength(11);
    for (const hamlet of hamlets) {
      const row = census.find((r) => r.level === 'district' && r.code === hamlet.id)!;
      expect(hamlet.households).toBe(Number(row.households));
      expect(hamlet.population).toBe(Number(row.population));
    }
    expect(report().kpis.households).toBe(319732);
  });

  it('measures each district within 0.5 % of its official area, and the province near 3,256 km²', () => {
    const hamlets = report().hamlets as { id: string; areaKm2: number }[];
    for (const hamlet of hamlets) {
      const official = districts.features.find((f) => f.properties.code === hamlet.id)!.properties.area_km2_approx;
      expect(Math.abs(hamlet.areaKm2 - official) / official, hamlet.id).toBeLessThan(0.005);
    }
    const total = hamlets.reduce((sum, hamlet) => sum + hamlet.areaKm2, 0);
    expect(Math.abs(total - 3256) / 3256).toBeLessThan(0.01);
  });

  it('keeps every share in [0, 1] and groups sites by the district they stand in', () => {
    const { kpis, groups } = report();
    for (const [key, value] of Object.entries(kpis)) {
      if (!key.endsWith('Share') && key !== 'ftthHouseholdCeiling') continue;
      expect(value as number, key).toBeGreaterThanOrEqual(0);
      expect(value as number, key).toBeLessThanOrEqual(1);
    }
    const sitesInDistricts = (groups.district as { sites: number }[]).reduce((sum, group) => sum + group.sites, 0);
    // The demo sites stand over a synthetic outline, so some fall outside the real districts.
    expect(sitesInDistricts).toBeGreaterThan(0.85 * kpis.sites);
    expect(sitesInDistricts).toBeLessThanOrEqual(kpis.sites);
  });
});
