import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { BtsRecord, Hamlet } from '../types';
import { clusterSites } from './cluster-sites';
import { findReachingSites } from './find-reaching-sites';

const hamlet: Hamlet = {
  id: 'A',
  name: 'Ấp 1',
  commune: 'Xã A',
  district: 'Huyện B',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [105.91, 9.6], [105.91, 9.61], [105.9, 9.61], [105.9, 9.6]]] },
};

describe('findReachingSites', () => {
  it('lists sites by what their own shapes cover, not by distance alone', () => {
    const records: BtsRecord[] = [
      // Inside the hamlet, 400 m disc: covers part of it.
      { siteId: 'IN', operator: 'Viettel', lng: 105.905, lat: 9.605, technologies: ['4G'], radiusMeters: 400 },
      // 1 km north of the hamlet, sector facing north: within radius but facing away.
      { siteId: 'AWAY', operator: 'MobiFone', lng: 105.905, lat: 9.62, technologies: ['4G'], radiusMeters: 3000, azimuthDegrees: 0, beamwidthDegrees: 60 },
      // Same place, facing south: reaches.
      { siteId: 'FACING', operator: 'VinaPhone', lng: 105.905, lat: 9.62, technologies: ['4G'], radiusMeters: 3000, azimuthDegrees: 180, beamwidthDegrees: 60 },
      // 2G only: not mobile broadband.
      { siteId: 'OLD', operator: 'Viettel', lng: 105.902, lat: 9.602, technologies: ['2G'] },
      // Far away.
      { siteId: 'FAR', operator: 'Viettel', lng: 106.2, lat: 9.9, technologies: ['4G'] },
    ];
    const sites = clusterSites(records, 30);
    const reaching = findReachingSites(hamlet, sites, records, DEFAULT_CONFIG);
    const ids = reaching.map((item) => item.site.id);
    expect(ids).toContain('IN');
    expect(ids).not.toContain('OLD');
    expect(ids).not.toContain('FAR');
    // AWAY and FACING stand 0 m apart and merge into one site (id AWAY) reached through FACING's sector.
    expect(sites.find((site) => site.id === 'AWAY')!.recordSiteIds).toEqual(['AWAY', 'FACING']);
    expect(ids).toContain('AWAY');
    for (const item of reaching) expect(item.fraction).toBeGreaterThan(0);
  });

  it('does not list a sector facing away', () => {
    const records: BtsRecord[] = [{ siteId: 'AWAY', operator: 'MobiFone', lng: 105.905, lat: 9.62, technologies: ['4G'], radiusMeters: 3000, azimuthDegrees: 0, beamwidthDegrees: 60 }];
    expect(findReachingSites(hamlet, clusterSites(records, 30), records, DEFAULT_CONFIG)).toEqual([]);
  });
});
