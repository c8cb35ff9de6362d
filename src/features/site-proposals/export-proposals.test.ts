import { describe, expect, it } from 'vitest';
import { parseBtsCsv, parseBtsGeoJson } from '../../core';
import { buildProposalCsv, buildProposalGeoJson, type RankedProposal } from './export-proposals';

const proposals: RankedProposal[] = [
  {
    id: 'upgrade:ST0001:MobiFone',
    kind: 'upgrade',
    hostSiteId: 'ST0001',
    lng: 105.97123456789,
    lat: 9.60198765432,
    operator: 'MobiFone',
    operators: ['MobiFone', 'Viettel'],
    technology: '4G',
    radiusMeters: 3000,
    solverNewlyCovered: ['94-941-01-01'],
    isEdited: false,
    rank: 1,
    gain: { hamlets: [{ id: '94-941-01-01', name: 'Ấp 1' }], households: 412 },
  },
  {
    id: 'user:1:Viettel',
    kind: 'new',
    lng: 106.1,
    lat: 9.4,
    operator: 'Viettel',
    operators: ['Viettel'],
    technology: '5G',
    radiusMeters: 1200,
    solverNewlyCovered: [],
    isEdited: true,
    rank: 2,
    gain: null,
  },
];

describe('proposal export', () => {
  it('writes a CSV the site import reads back to the same records', () => {
    const csv = buildProposalCsv(proposals);
    expect(csv.split(/\r?\n/)[0]).toBe('\ufeffsite_id,operator,lon,lat,technologies,radius_m,kind,host_site_id,operators,rank,households_gained,newly_covered');
    const parsed = parseBtsCsv(csv, 'de-xuat.csv');
    expect(parsed.skipped).toEqual([]);
    expect(parsed.items.map(({ source: _source, ...record }) => record)).toEqual([
      { siteId: 'upgrade:ST0001:MobiFone', operator: 'MobiFone', lng: 105.97123456789, lat: 9.60198765432, technologies: ['4G'], radiusMeters: 3000 },
      { siteId: 'user:1:Viettel', operator: 'Viettel', lng: 106.1, lat: 9.4, technologies: ['5G'], radiusMeters: 1200 },
    ]);
  });
  it('writes GeoJSON the site import reads back, with kind, rank and gains', () => {
    const collection = buildProposalGeoJson(proposals, true);
    expect(collection.demo).toBe(true);
    expect(collection.features[0].properties).toMatchObject({ site_id: 'upgrade:ST0001:MobiFone', kind: 'upgrade', hostSiteId: 'ST0001', rank: 1, households_gained: 412, newlyCovered: ['94-941-01-01'] });
    const parsed = parseBtsGeoJson(JSON.stringify(collection), 'de-xuat.geojson');
    expect(parsed.items.map((record) => [record.siteId, record.operator, record.lng, record.lat, record.technologies, record.radiusMeters])).toEqual([
      ['upgrade:ST0001:MobiFone', 'MobiFone', 105.97123456789, 9.60198765432, ['4G'], 3000],
      ['user:1:Viettel', 'Viettel', 106.1, 9.4, ['5G'], 1200],
    ]);
  });
});
