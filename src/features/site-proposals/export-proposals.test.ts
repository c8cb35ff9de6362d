import { describe, expect, it } from 'vitest';
import { parseBtsCsv, parseBtsGeoJson, SHARED_TOWER_OPERATOR } from '../../core';
import type { RankedProposal } from '../../state/proposals-store';
import { buildProposalCsv, buildProposalGeoJson } from './export-proposals';

const place = { hamletId: '94-941-01-01', hamlet: 'Ấp 1', commune: 'Xã Lạc Hòa', district: 'TX Vĩnh Châu', isInside: true, distanceMeters: 0 };
const proposals: RankedProposal[] = [
  {
    id: 'upgrade:ST0001:MobiFone',
    kind: 'upgrade',
    hostSiteId: 'ST0001',
    lng: 105.97123456789,
    lat: 9.60198765432,
    operator: 'MobiFone',
    technology: '4G',
    radiusMeters: 3000,
    isEdited: false,
    rank: 1,
    evaluated: {
      id: 'upgrade:ST0001:MobiFone',
      rank: 1,
      name: { code: 'proposal-name.upgrade', params: { site: 'ST0001', operator: 'MobiFone', commune: 'Xã Lạc Hòa' } },
      place,
      operators: ['MobiFone', 'Viettel'],
      helped: [{ hamletId: '94-941-01-01', name: 'Ấp 1', commune: 'Xã Lạc Hòa', district: 'TX Vĩnh Châu', communeLabel: 'Xã Lạc Hòa', operator: null }],
      householdsGained: 412,
      makesShared: true,
    },
  },
  {
    id: 'user:1',
    kind: 'new',
    lng: 106.1,
    lat: 9.4,
    operator: SHARED_TOWER_OPERATOR,
    technology: '5G',
    radiusMeters: 1200,
    isEdited: true,
    rank: 2,
    evaluated: null,
  },
];

describe('proposal export', () => {
  it('writes a CSV the site import reads back to the same records, a shared tower as one', () => {
    const csv = buildProposalCsv(proposals, 'vi');
    const [header, first] = csv.split(/\r?\n/);
    expect(header).toBe('\ufeffsite_id,operator,lon,lat,technologies,radius_m,name,kind,host_site_id,operators,rank,households_gained,newly_covered,commune');
    expect(first).toContain('Nâng cấp trạm ST0001 (thêm MobiFone) — Xã Lạc Hòa');
    const parsed = parseBtsCsv(csv, 'de-xuat.csv');
    expect(parsed.skipped).toEqual([]);
    expect(parsed.warnings.filter((warning) => warning.code === 'unknown-operator')).toEqual([]);
    expect(parsed.items.map(({ source: _source, ...record }) => record)).toEqual([
      { siteId: 'upgrade:ST0001:MobiFone', operator: 'MobiFone', lng: 105.97123456789, lat: 9.60198765432, technologies: ['4G'], radiusMeters: 3000 },
      { siteId: 'user:1', operator: SHARED_TOWER_OPERATOR, lng: 106.1, lat: 9.4, technologies: ['5G'], radiusMeters: 1200 },
    ]);
  });
  it('writes GeoJSON the site import reads back, with names, kind, rank and gains', () => {
    const collection = buildProposalGeoJson(proposals, true, 'en');
    expect(collection.demo).toBe(true);
    expect(collection.features[0].properties).toMatchObject({ site_id: 'upgrade:ST0001:MobiFone', name: 'Upgrade of site ST0001 (adds MobiFone) — Xã Lạc Hòa', kind: 'upgrade', hostSiteId: 'ST0001', rank: 1, households_gained: 412, newlyCovered: ['94-941-01-01'], commune: 'Xã Lạc Hòa' });
    const parsed = parseBtsGeoJson(JSON.stringify(collection), 'de-xuat.geojson');
    expect(parsed.items.map((record) => [record.siteId, record.operator, record.lng, record.lat, record.technologies, record.radiusMeters])).toEqual([
      ['upgrade:ST0001:MobiFone', 'MobiFone', 105.97123456789, 9.60198765432, ['4G'], 3000],
      ['user:1', SHARED_TOWER_OPERATOR, 106.1, 9.4, ['5G'], 1200],
    ]);
  });
});
