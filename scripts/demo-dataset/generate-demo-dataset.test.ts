import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { SOC_TRANG_PLAN_TARGETS } from '../../src/core';
import { PROVINCE_POLYGON } from './build-admin-units';
import { DEMO_NOTE, generateDemoDataset, type DemoDatasetOptions } from './generate-demo-dataset';
import { isInRemoteArea } from './build-bts-sites';
import { DISTRICTS, PROVINCE_CENSUS_2019 } from './province-layout';
import { serializeDemoDataset } from './serialize-dataset';
import { summarizeDemoDataset } from './summarize-dataset';

// A small configuration (~35 communes, ~120 hamlets) keeps this file fast.
const SMALL: Partial<DemoDatasetOptions> = {
  seed: 7,
  communeScale: 0.3,
  hamletsPerCommune: [3, 4],
  siteCount: 150,
  fibrePointCount: 600,
  mergedCommuneCount: 14,
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

  it('spreads the census totals exactly over the hamlets of each district', () => {
    for (const district of DISTRICTS) {
      const hamlets = small.hamlets.features.filter((feature) => feature.properties.district_code === district.code);
      expect(hamlets.length).toBeGreaterThan(0);
      expect(hamlets.reduce((sum, feature) => sum + feature.properties.households, 0)).toBe(district.households);
      expect(hamlets.reduce((sum, feature) => sum + feature.properties.population, 0)).toBe(district.population);
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

  it('maps every commune to one new commune of 2–4 old ones', () => {
    const communeCodes = new Set(small.hamlets.features.map((feature) => feature.properties.commune_code));
    expect(new Set(small.mergerRows.map((row) => row.oldCode))).toEqual(communeCodes);
    expect(small.mergerRows).toHaveLength(communeCodes.size);
    const sizes = new Map<string, number>();
    for (const row of small.mergerRows) sizes.set(row.newCode, (sizes.get(row.newCode) ?? 0) + 1);
    for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(2);
    for (const size of sizes.values()) expect(size).toBeLessThanOrEqual(4);
  });

  it('gives an indicator row to every plan target not computed from geodata', () => {
    const wanted = SOC_TRANG_PLAN_TARGETS.filter((target) => !target.computedFrom).map((target) => target.id);
    expect(small.indicators.rows.map((row) => row.indicator)).toEqual(wanted);
  });
});
