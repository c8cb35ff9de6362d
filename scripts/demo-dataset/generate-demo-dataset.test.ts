import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { SOC_TRANG_PLAN_TARGETS } from '../../src/core';
import { PROVINCE_POLYGON } from './build-admin-units';
import { DEMO_NOTE, generateDemoDataset, type DemoDatasetOptions } from './generate-demo-dataset';
import { isInRemoteArea } from './build-bts-sites';
import { PROVINCE_CENSUS_2019 } from './province-layout';
import { serializeDemoDataset } from './serialize-dataset';
import { SOC_TRANG_COMMUNES } from './soc-trang-frame';
import { summarizeDemoDataset } from './summarize-dataset';

// A small configuration (the 108 real communes, one to three hamlets each) keeps this file fast.
const SMALL: Partial<DemoDatasetOptions> = {
  seed: 7,
  householdsPerHamlet: 4000,
  hamletsPerCommune: [1, 3],
  siteCount: 150,
  fibrePointCount: 600,
};
const small = generateDemoDataset(SMALL);

describe('generateDemoDataset (small configuration)', () => {
  it('writes byte-identical files when run twice with the same seed', () => {
    expect(serializeDemoDataset(generateDemoDataset(SMALL))).toEqual(serializeDemoDataset(small));
  });

  it('changes with the seed', () => {
    const other = generateDemoDataset({ ...SMALL, seed: 8 });
    expect(serializeDemoDataset(other)['sites.geojson']).not.toBe(serializeDemoDataset(small)['sites.geojson']);
  });

  it('draws every real commune with its codes, names and 2025 unit, and spreads its census figures exactly over its hamlets', () => {
    for (const commune of SOC_TRANG_COMMUNES) {
      const hamlets = small.hamlets.features.filter((feature) => feature.properties.commune_code === commune.code);
      expect(hamlets.length, commune.code).toBeGreaterThan(0);
      for (const { properties } of hamlets) {
        expect([properties.commune, properties.district_code, properties.district, properties.new_code, properties.new_name]).toEqual([
          commune.name,
          commune.districtCode,
          commune.districtName,
          commune.newCode,
          commune.newName,
        ]);
      }
      expect(hamlets.reduce((sum, feature) => sum + feature.properties.households, 0), commune.code).toBe(commune.households);
      expect(hamlets.reduce((sum, feature) => sum + feature.properties.population, 0), commune.code).toBe(commune.population);
    }
    const totalHouseholds = small.hamlets.features.reduce((sum, feature) => sum + feature.properties.households, 0);
    expect(totalHouseholds).toBe(PROVINCE_CENSUS_2019.households);
  });

  it('covers the province outline with its hamlets', () => {
    const hamletAreaM2 = small.hamlets.features.reduce((sum, feature) => sum + area(feature.geometry), 0);
    expect(Math.abs(hamletAreaM2 / area(PROVINCE_POLYGON) - 1)).toBeLessThan(0.005);
  });

  it('flags every layer as demo data', () => {
    for (const layer of [small.hamlets, small.sites, small.fibre, small.indicators]) {
      expect(layer.demo).toBe(true);
      expect(layer.note).toBe(DEMO_NOTE);
    }
  });

  it('places no BTS in the remote areas and shares the asked share of sites', () => {
    expect(small.sites.features.some((feature) => isInRemoteArea(feature.geometry.coordinates))).toBe(false);
    const summary = summarizeDemoDataset(small.hamlets, small.sites, small.fibre);
    expect(summary.sites).toBe(150);
    expect(summary.sharedSites).toBe(Math.round(0.22 * 150));
  });

  it('has the exact number of fibre points', () => {
    expect(small.fibre.features).toHaveLength(600);
  });

  it('writes the real merger table: one row per commune, as the frame says', () => {
    expect(small.mergerRows).toEqual(
      SOC_TRANG_COMMUNES.map((commune) => ({ oldCode: commune.code, oldName: commune.name, newCode: commune.newCode, newName: commune.newName })).sort((a, b) => a.oldCode.localeCompare(b.oldCode)),
    );
  });

  it('gives an indicator row to every plan target not computed from geodata', () => {
    const wanted = SOC_TRANG_PLAN_TARGETS.filter((target) => !target.computedFrom).map((target) => target.id);
    expect(small.indicators.rows.map((row) => row.indicator)).toEqual(wanted);
  });
});
