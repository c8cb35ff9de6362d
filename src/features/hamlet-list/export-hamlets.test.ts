import { describe, expect, it } from 'vitest';
import type { Hamlet, HamletResult } from '../../core';
import { buildHamletCsv, buildHamletGeoJson } from './export-hamlets';

const result: HamletResult = {
  id: 'A1',
  name: '=cmd()',
  commune: 'Xã Đại Ân 1',
  district: 'Huyện Cù Lao Dung',
  households: 120,
  areaKm2: 1,
  fraction: { mobile: 0.1234567, '4g': 0, '5g': 0, ftth: 0.5 },
  covered: { mobile: false, '4g': false, '5g': false, ftth: true },
  operatorFraction: {},
  groupKeys: { district: '945', commune: '=31540' },
};

describe('buildHamletCsv', () => {
  it('writes a BOM, a header, rounded fractions, and defuses formulas', () => {
    const csv = buildHamletCsv([result]);
    expect(csv.startsWith('\ufeffid,name,commune,district,district_key,commune_key,new_commune_key,households,population,area_km2,fraction_mobile')).toBe(true);
    expect(csv).toContain("A1,'=cmd(),Xã Đại Ân 1,Huyện Cù Lao Dung,945,'=31540,,120,,1,0.123457,false,0,false,0,false,0.5,true");
  });
});

describe('buildHamletGeoJson', () => {
  it('joins geometry by id and skips results without a hamlet', () => {
    const hamlet: Hamlet = { id: 'A1', name: 'x', commune: '', district: '', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } };
    const collection = buildHamletGeoJson([result, { ...result, id: 'B2' }], [hamlet], 'mobile');
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0].properties).toMatchObject({ id: 'A1', households: 120, fill: '#d73027' });
  });
});
