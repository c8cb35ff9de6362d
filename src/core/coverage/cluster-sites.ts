import KDBush from 'kdbush';
import type { BtsRecord, Site, Technology } from '../types';
import { SHARED_TOWER_OPERATOR } from '../types';
import { technologyList, technologyListOf } from '../technology-list';
import { haversineMeters, metersToDegrees, type Meters } from '../units';

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

interface ClusterLists {
  /** Sorted, distinct. */
  operators: string[];
  technologies: Technology[];
  /** Sorted, distinct. */
  recordSiteIds: string[];
}

function singleRecordLists(record: BtsRecord): ClusterLists {
  return { operators: [record.operator], technologies: technologyListOf(record.technologies), recordSiteIds: [record.siteId] };
}

function mergedLists(records: BtsRecord[], members: Int32Array, from: number, to: number): ClusterLists {
  const operators = new Set<string>();
  const technologies = new Set<Technology>();
  const siteIds = new Set<string>();
  for (let k = from; k < to; k++) {
    const record = records[members[k]];
    operators.add(record.operator);
    for (const technology of record.technologies) technologies.add(technology);
    siteIds.add(record.siteId);
  }
  const first = records[members[from]];
  return {
    operators: operators.size === 1 ? [first.operator] : [...operators].sort(),
    technologies: technologyList(technologies),
    recordSiteIds: siteIds.size === 1 ? [first.siteId] : [...siteIds].sort(),
  };
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
  // Every root is the smallest index of its cluster (a union keeps the smaller root), so clusters
  // come in the order of their first record, each record list in input order. The lists are laid
  // out one after another in `members` (a counting sort by root), not as an array per cluster.
  const clusterStart = new Int32Array(records.length + 1);
  for (let i = 0; i < records.length; i++) {
    parent[i] = find(parent, i);
    clusterStart[parent[i] + 1]++;
  }
  for (let i = 0; i < records.length; i++) clusterStart[i + 1] += clusterStart[i];
  const members = new Int32Array(records.length);
  const filled = clusterStart.slice(0, records.length);
  for (let i = 0; i < records.length; i++) members[filled[parent[i]]++] = i;
  // A million sites hold a few distinct operator and technology lists: each is made once and shared by
  // the sites that have it (read-only, as every list of a site is), not a million arrays; a structured
  // clone keeps the sharing.
  const operatorLists = new Map<string, string[]>();
  const sites: Site[] = [];
  for (let root = 0; root < records.length; root++) {
    const from = clusterStart[root];
    const to = clusterStart[root + 1];
    if (from === to) continue;
    let lng = 0;
    let lat = 0;
    for (let k = from; k < to; k++) {
      lng += records[members[k]].lng;
      lat += records[members[k]].lat;
    }
    const first = records[members[from]];
    // Most sites are one record: its lists as they are, without sets to merge them.
    const clustered = to - from === 1 ? singleRecordLists(first) : mergedLists(records, members, from, to);
    const operatorKey = clustered.operators.join('\u0000');
    let sharedOperators = operatorLists.get(operatorKey);
    if (sharedOperators === undefined) operatorLists.set(operatorKey, (sharedOperators = clustered.operators));
    sites.push({
      id: clustered.recordSiteIds[0],
      lng: lng / (to - from),
      lat: lat / (to - from),
      operators: sharedOperators,
      technologies: clustered.technologies,
      recordSiteIds: clustered.recordSiteIds,
      shared: clustered.operators.length >= 2 || clustered.operators.includes(SHARED_TOWER_OPERATOR),
    });
  }
  sites.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.lng - b.lng || a.lat - b.lat));
  // The same site id at two places far apart (a typo, or ids reused per operator): keep both, apart.
  // Sorted by id, the sites of one id are neighbours.
  let count = 0;
  let previousId: string | null = null;
  for (const site of sites) {
    count = site.id === previousId ? count + 1 : 1;
    previousId = site.id;
    if (count > 1) site.id = `${site.id}#${count}`;
  }
  return sites;
}
