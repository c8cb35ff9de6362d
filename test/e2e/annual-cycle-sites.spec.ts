// What changed between two snapshots of the site list, as a user makes them: the demo sites saved as
// a CSV, then a copy in which one site is re-surveyed 20 m east under a new id, one is taken down, one
// is new and one gains a second operator. The "Báo cáo năm" panel must list each by id, as the copy
// was made (not as the engine says), and keep the moved site, and the one whose id changed when a
// record joined it, as the same sites; then a hamlet layer with one hamlet gone and one renumbered.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../src/core/units';
import { openAppForSuite } from './driver';

interface Row {
  site_id: string;
  operator: string;
  lon: number;
  lat: number;
  technologies: string;
  radius_m: string;
  azimuth: string;
  beamwidth: string;
}

const demo = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/geodata/sites.geojson'), 'utf8')) as {
  features: { properties: Record<string, string | number | undefined>; geometry: { coordinates: [number, number] } }[];
};
const rows: Row[] = demo.features.map(({ properties, geometry }) => ({
  site_id: String(properties.site_id),
  operator: String(properties.operator),
  lon: geometry.coordinates[0],
  lat: geometry.coordinates[1],
  technologies: String(properties.technologies),
  radius_m: properties.radius_m === undefined ? '' : String(properties.radius_m),
  azimuth: properties.azimuth === undefined ? '' : String(properties.azimuth),
  beamwidth: properties.beamwidth === undefined ? '' : String(properties.beamwidth),
}));
const csv = (list: Row[]) => ['site_id,operator,lon,lat,technologies,radius_m,azimuth,beamwidth', ...list.map((row) => [row.site_id, row.operator, row.lon.toFixed(7), row.lat.toFixed(7), row.technologies, row.radius_m, row.azimuth, row.beamwidth].join(','))].join('\n');
const nearest = (lon: number, lat: number, except: Row) => Math.min(...rows.filter((row) => row !== except).map((row) => haversineMeters(lon, lat, row.lon, row.lat)));

// Records standing alone (no other record within 200 m, omnidirectional): each is a site of its own.
const alone = rows.filter((row) => row.azimuth === '' && nearest(row.lon, row.lat, row) > 200);
const [moved, removed, gainsOperator] = alone;
const movedLon = moved.lon + 20 / (111_195.08 * Math.cos((moved.lat * Math.PI) / 180));
const newSite: Row = { ...alone[3], site_id: 'TRAM-MOI-01', operator: 'Viettel', lat: alone[3].lat + 0.004, technologies: '4G' };
const partner: Row = { ...gainsOperator, site_id: 'DUNG-CHUNG-01', operator: gainsOperator.operator === 'MobiFone' ? 'Viettel' : 'MobiFone', lat: gainsOperator.lat + 0.00004, technologies: '4G' };
const later = [
  ...rows.filter((row) => row !== removed).map((row) => (row === moved ? { ...row, site_id: `${moved.site_id}-N`, lon: movedLon } : row)),
  partner,
  newSite,
];

describe('the yearly cycle with a changed site list', () => {
  const app = openAppForSuite();

  it('lists the new, the gone and the newly shared site by id, and the moved one as the same site', async () => {
    expect(alone.length).toBeGreaterThan(4);
    expect(haversineMeters(moved.lon, moved.lat, movedLon, moved.lat)).toBeCloseTo(20, 1);
    expect(nearest(newSite.lon, newSite.lat, newSite)).toBeGreaterThan(200);
    await app.importFile('sites', 'tram-2024.csv', csv(rows), 'replace');
    await app.saveSnapshot('2024-12-31', 'Số liệu đến 31/12/2024');
    await app.importFile('sites', 'tram-2025.csv', csv(later), 'replace');
    await app.saveSnapshot('2025-12-31', 'Số liệu đến 31/12/2025');
    const change = await app.compareSnapshots('2024-12-31', '2025-12-31');
    expect(change.sites).toEqual({ added: 1, removed: 1, newlyShared: 1 });
    const lists = await app.readChangeSiteLists();
    expect(lists.added).toEqual([newSite.site_id]);
    expect(lists.removed).toEqual([removed.site_id]);
    // A merged site takes its smallest record id: the partner's id sorts first, so the site that became
    // shared is listed under it, and found the same site by the record they have in common.
    expect(partner.site_id < gainsOperator.site_id).toBe(true);
    expect(lists.newlyShared).toEqual([partner.site_id]);
    expect(lists.noLongerShared).toEqual([]);
    const rematched = new Map(lists.rematched.map((item) => [item.pair, item.text]));
    expect([...rematched.keys()].sort()).toEqual([`${moved.site_id}→${moved.site_id}-N`, `${gainsOperator.site_id}→${partner.site_id}`].sort());
    expect(rematched.get(`${moved.site_id}→${moved.site_id}-N`)).toBe(`${moved.site_id} → ${moved.site_id}-N: dời 20 m`);
    expect(rematched.get(`${gainsOperator.site_id}→${partner.site_id}`)).toMatch(new RegExp(`^${gainsOperator.site_id} → ${partner.site_id}: chung mã bản ghi, cách [0-9] m$`));
    expect(app.errors()).toEqual([]);
  });

  it('lists the hamlets found in one side only: one gone from the layer, one under a new id', async () => {
    const layer = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/geodata/hamlets.geojson'), 'utf8')) as { features: { properties: { id: string } }[] };
    const [gone, renumbered] = [layer.features[5].properties.id, layer.features[9].properties.id];
    const features = layer.features.filter((feature) => feature.properties.id !== gone).map((feature) => (feature.properties.id === renumbered ? { ...feature, properties: { ...feature.properties, id: `${renumbered}-M` } } : feature));
    await app.importFile('hamlets', 'ap-2026.geojson', JSON.stringify({ type: 'FeatureCollection', features }), 'replace');
    await app.compareSnapshots('2025-12-31', null);
    const lists = await app.readUnmatchedHamletLists();
    expect(lists.onlyBefore.sort()).toEqual([gone, renumbered].sort());
    expect(lists.onlyAfter).toEqual([`${renumbered}-M`]);
    expect(app.errors()).toEqual([]);
  });
});
