import KDBush from 'kdbush';
import type { BtsRecord, Site, Technology } from '../types';
import { SHARED_TOWER_OPERATOR } from '../types';
import { technologyList } from '../technology-list';
import { haversineMeters, metersToDegrees, type Meters } from '../units';

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/**
 * Merges BTS records into sites: records of any operators whose points lie within
 * `colocationMeters` of each other form one site (single linkage, so chains join). A site is
 * shared when it hosts at least two distinct operators, or a shared tower (`SHARED_TOWER_OPERATOR`).
 * @param records BTS records (one operator per record)
 * @param colocationMeters the co-location distance, metres (0 joins identical points only)
 * @returns sites sorted by id; a site's id is the smallest `siteId` among its records, its
 *   position the mean of its records' positions
 * @example clusterSites([{ siteId: 'A', operator: 'Viettel', lng: 106, lat: 9.6, technologies: ['4G'] }], 30)
 */
export function clusterSites(records: BtsRecord[], colocationMeters: Meters): Site[] {
  if (records.length === 0) return [];
  const index = new KDBush(records.length);
  for (const record of records) index.add(record.lng, record.lat);
  index.finish();
  const parent = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) parent[i] = i;
  for (let i = 0; i < records.length; i++) {
    const { lng, lat } = records[i];
    const [dLng, dLat] = metersToDegrees(colocationMeters, lat);
    // A hair of slack on the box: the exact test is the haversine distance below.
    for (const j of index.range(lng - dLng * 1.01 - 1e-12, lat - dLat * 1.01 - 1e-12, lng + dLng * 1.01 + 1e-12, lat + dLat * 1.01 + 1e-12)) {
      if (j <= i) continue;
      if (haversineMeters(lng, lat, records[j].lng, records[j].lat) > colocationMeters) continue;
      const a = find(parent, i);
      const b = find(parent, j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < records.length; i++) {
    const root = find(parent, i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  }
  // A million sites hold a few distinct operator and technology lists: each is made once and shared by
  // the sites that have it (read-only, as every list of a site is), not a million arrays; a structured
  // clone keeps the sharing.
  const operatorLists = new Map<string, string[]>();
  const sites: Site[] = [];
  for (const list of members.values()) {
    const operators = new Set<string>();
    const technologies = new Set<Technology>();
    const siteIds = new Set<string>();
    let lng = 0;
    let lat = 0;
    for (const i of list) {
      const record = records[i];
      operators.add(record.operator);
      for (const technology of record.technologies) technologies.add(technology);
      siteIds.add(record.siteId);
      lng += record.lng;
      lat += record.lat;
    }
    const recordSiteIds = siteIds.size === 1 ? [records[list[0]].siteId] : [...siteIds].sort();
    const sortedOperators = operators.size === 1 ? [records[list[0]].operator] : [...operators].sort();
    const operatorKey = sortedOperators.join('\u0000');
    let sharedOperators = operatorLists.get(operatorKey);
    if (sharedOperators === undefined) operatorLists.set(operatorKey, (sharedOperators = sortedOperators));
    sites.push({
      id: recordSiteIds[0],
      lng: lng / list.length,
      lat: lat / list.length,
      operators: sharedOperators,
      technologies: technologyList(technologies),
      recordSiteIds,
      shared: operators.size >= 2 || operators.has(SHARED_TOWER_OPERATOR),
    });
  }
  sites.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.lng - b.lng || a.lat - b.lat));
  // The same site id at two places far apart (a typo, or ids reused per operator): keep both, apart.
  const seen = new Map<string, number>();
  for (const site of sites) {
    const count = (seen.get(site.id) ?? 0) + 1;
    seen.set(site.id, count);
    if (count > 1) site.id = `${site.id}#${count}`;
  }
  return sites;
}
