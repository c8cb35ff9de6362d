import { describe, expect, it } from 'vitest';
import type { BtsRecord } from '../types';
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
