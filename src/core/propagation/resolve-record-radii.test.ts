import { describe, expect, it } from 'vitest';
import type { BtsRecord, Hamlet } from '../types';
import { computeSiteReach } from './compute-site-reach';
import { DEFAULT_LINK_BUDGETS } from './link-budget';
import { DEFAULT_SITE_REACH, resolveRecordRadii } from './resolve-record-radii';

const base: BtsRecord = { siteId: 'S1', operator: 'Viettel', lng: 105.97, lat: 9.6, technologies: ['2G', '4G', '5G'] };

describe('resolveRecordRadii', () => {
  it('leaves records alone when no rule applies', () => {
    const records = [base, { ...base, siteId: 'S2', radiusMeters: 1200 }];
    expect(resolveRecordRadii(records, { radiusOverrides: [], siteReach: DEFAULT_SITE_REACH }).records).toEqual(records);
  });

  it('splits a record whose technologies get different radii, keeping its site id and position', () => {
    const { records } = resolveRecordRadii([base], { radiusOverrides: [{ operator: 'Viettel', technology: '4G', radiusMeters: 2500 }, { operator: 'VinaPhone', technology: '5G', radiusMeters: 900 }], siteReach: DEFAULT_SITE_REACH });
    expect(records).toEqual([
      { ...base, technologies: ['2G', '5G'] },
      { ...base, technologies: ['4G'], radiusMeters: 2500 },
    ]);
  });

  it("gives records with a height and a band the link budget's reach, minus the calibrated margin; the record's own radius wins", () => {
    const record: BtsRecord = { ...base, technologies: ['4G'], heightMeters: 40, frequencyMhz: 900 };
    const siteReach = { ...DEFAULT_SITE_REACH, isEnabled: true, environment: 'rural' as const, districtEnvironments: [{ district: '941', environment: 'urban' as const }], margins: [{ operator: 'Viettel', technology: '4G' as const, marginDb: 6 }] };
    const expected = (environment: 'rural' | 'urban') => computeSiteReach({ heightMeters: 40, frequencyMhz: 900, environment }, { ...DEFAULT_LINK_BUDGETS['4G'], marginDb: 6 }).radiusMeters;
    const rural = resolveRecordRadii([record, { ...record, siteId: 'OWN', radiusMeters: 700 }], { radiusOverrides: [], siteReach });
    expect(rural.records).toEqual([{ ...record, radiusMeters: expected('rural') }, { ...record, siteId: 'OWN', radiusMeters: 700 }]);
    expect(rural.reaches).toMatchObject([{ siteId: 'S1', technology: '4G', model: 'okumura-hata', environment: 'rural' }]);
    const urban = resolveRecordRadii([record], { radiusOverrides: [], siteReach }, () => '941');
    expect(urban.records[0].radiusMeters).toBeCloseTo(expected('urban'), 6);
    expect(urban.records[0].radiusMeters!).toBeLessThan(rural.records[0].radiusMeters!);
    // An applied radius for the operator's technology comes before the reach model.
    expect(resolveRecordRadii([record], { radiusOverrides: [{ operator: 'Viettel', technology: '4G', radiusMeters: 3100 }], siteReach }).records[0].radiusMeters).toBe(3100);
  });
});

describe('the analysis with radius rules in the config', () => {
  it("uses an applied radius for the operator's technology, and the reach model for sites with a height and a band", async () => {
    const { createCoverageAnalysis, buildCoverageReport } = await import('../analyze-coverage');
    const { DEFAULT_CONFIG } = await import('../config/default-config');
    // A 0.02° square hamlet (about 4.9 km²) with one Viettel 4G site in its middle.
    const hamlet: Hamlet = { id: 'A', name: 'A', commune: 'C', district: 'D', properties: {}, geometry: { type: 'Polygon', coordinates: [[[105.96, 9.59], [105.98, 9.59], [105.98, 9.61], [105.96, 9.61], [105.96, 9.59]]] } };
    const site: BtsRecord = { siteId: 'S', operator: 'Viettel', lng: 105.97, lat: 9.6, technologies: ['4G'], heightMeters: 30, frequencyMhz: 900 };
    const fractionWith = (config: typeof DEFAULT_CONFIG) => buildCoverageReport(createCoverageAnalysis({ hamlets: [hamlet], btsRecords: [site], fibrePoints: [], fibreRoutes: [], indicators: [] }, config)).hamlets[0].fraction['4g'];
    expect(fractionWith(DEFAULT_CONFIG)).toBe(1);
    const area = buildCoverageReport(createCoverageAnalysis({ hamlets: [hamlet], btsRecords: [], fibrePoints: [], fibreRoutes: [], indicators: [] }, DEFAULT_CONFIG)).hamlets[0].areaKm2 * 1e6;
    // A 400 m disc inside the hamlet: π·400² over the hamlet's area (the kernel is within 0.01).
    expect(fractionWith({ ...DEFAULT_CONFIG, radiusOverrides: [{ operator: 'Viettel', technology: '4G', radiusMeters: 400 }] })).toBeCloseTo((Math.PI * 400 ** 2) / area, 2);
    expect(fractionWith({ ...DEFAULT_CONFIG, radiusOverrides: [{ operator: 'VinaPhone', technology: '4G', radiusMeters: 400 }] })).toBe(1);
    // 900 MHz, 30 m mast, urban land: 2,309.5 m (the worked example above) — beyond the hamlet's corners (1.56 km).
    expect(fractionWith({ ...DEFAULT_CONFIG, siteReach: { ...DEFAULT_SITE_REACH, isEnabled: true, environment: 'urban', margins: [{ operator: 'Viettel', technology: '4G', marginDb: 20 }] } })).toBeLessThan(0.6);
    expect(fractionWith({ ...DEFAULT_CONFIG, siteReach: { ...DEFAULT_SITE_REACH, isEnabled: true, environment: 'urban' } })).toBe(1);
  });
});
