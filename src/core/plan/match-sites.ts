import { haversineMeters, metersToDegrees } from '../units';
import type { SnapshotSite } from './plan-snapshot';

/** How two sites were found to be the same: same id, a record `site_id` in common, or standing close. */
export type SiteMatchKind = 'id' | 'records' | 'position';

/** One site of the earlier results matched with one of the later. */
export interface SiteMatch {
  before: number;
  after: number;
  by: SiteMatchKind;
  distanceMeters: number;
}

/** The sites' matching: matched pairs (indices into the two lists), and the unmatched on each side. */
export interface SiteMatching {
  matches: SiteMatch[];
  onlyBefore: number[];
  onlyAfter: number[];
}

interface Candidate {
  before: number;
  after: number;
  distanceMeters: number;
}

/** Closest pairs first; ties by the ids, so the matching does not depend on the lists' order. */
function assignGreedily(candidates: Candidate[], before: SnapshotSite[], after: SnapshotSite[], by: SiteMatchKind, isBeforeFree: boolean[], isAfterFree: boolean[], matches: SiteMatch[]): void {
  candidates.sort((a, b) => a.distanceMeters - b.distanceMeters || compareText(before[a.before].id, before[b.before].id) || compareText(after[a.after].id, after[b.after].id));
  for (const candidate of candidates) {
    if (!isBeforeFree[candidate.before] || !isAfterFree[candidate.after]) continue;
    isBeforeFree[candidate.before] = false;
    isAfterFree[candidate.after] = false;
    matches.push({ ...candidate, by });
  }
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const distance = (a: SnapshotSite, b: SnapshotSite) => haversineMeters(a.lng, a.lat, b.lng, b.lat);

/**
 * Matches the sites of two results: first by site id; then, among the rest, sites sharing a record
 * `site_id` (a site whose merged id changed because a record joined or left it); then sites within
 * `matchMeters` of each other (a site re-surveyed or renumbered), closest pairs first. Each site is
 * matched at most once.
 * @param before the earlier sites
 * @param after the later sites
 * @param matchMeters the largest distance between two positions of one site, metres
 * @returns matched pairs and the unmatched sites of each side (indices, in list order)
 * @example matchSites([{ id: 'A', lng: 106, lat: 9.6, … }], [{ id: 'B', lng: 106.0001, lat: 9.6, … }], 30).matches[0].by // 'position'
 */
export function matchSites(before: SnapshotSite[], after: SnapshotSite[], matchMeters: number): SiteMatching {
  const matches: SiteMatch[] = [];
  const isBeforeFree = before.map(() => true);
  const isAfterFree = after.map(() => true);

  const beforeById = new Map<string, number>();
  before.forEach((site, i) => {
    if (!beforeById.has(site.id)) beforeById.set(site.id, i);
  });
  after.forEach((site, j) => {
    const i = beforeById.get(site.id);
    if (i === undefined || !isBeforeFree[i]) return;
    isBeforeFree[i] = false;
    isAfterFree[j] = false;
    matches.push({ before: i, after: j, by: 'id', distanceMeters: distance(before[i], site) });
  });

  const beforeByRecord = new Map<string, number[]>();
  before.forEach((site, i) => {
    if (!isBeforeFree[i]) return;
    for (const record of site.recordSiteIds) {
      const list = beforeByRecord.get(record);
      if (list) list.push(i);
      else beforeByRecord.set(record, [i]);
    }
  });
  const recordCandidates: Candidate[] = [];
  after.forEach((site, j) => {
    if (!isAfterFree[j]) return;
    const seen = new Set<number>();
    for (const record of site.recordSiteIds) {
      for (const i of beforeByRecord.get(record) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        recordCandidates.push({ before: i, after: j, distanceMeters: distance(before[i], site) });
      }
    }
  });
  assignGreedily(recordCandidates, before, after, 'records', isBeforeFree, isAfterFree, matches);

  if (matchMeters > 0) {
    // A grid of cells at least `matchMeters` wide: a pair within the distance lies in neighbouring cells.
    const latitudes = before.map((site) => Math.abs(site.lat));
    const widest = latitudes.length > 0 ? latitudes.reduce((a, b) => Math.max(a, b), 0) : 0;
    const [cellLng, cellLat] = metersToDegrees(matchMeters, Math.min(widest, 89));
    const cells = new Map<string, number[]>();
    before.forEach((site, i) => {
      if (!isBeforeFree[i]) return;
      const key = `${Math.floor(site.lng / cellLng)},${Math.floor(site.lat / cellLat)}`;
      const list = cells.get(key);
      if (list) list.push(i);
      else cells.set(key, [i]);
    });
    const positionCandidates: Candidate[] = [];
    after.forEach((site, j) => {
      if (!isAfterFree[j]) return;
      const x = Math.floor(site.lng / cellLng);
      const y = Math.floor(site.lat / cellLat);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const i of cells.get(`${x + dx},${y + dy}`) ?? []) {
            const distanceMeters = distance(before[i], site);
            if (distanceMeters <= matchMeters) positionCandidates.push({ before: i, after: j, distanceMeters });
          }
        }
      }
    });
    assignGreedily(positionCandidates, before, after, 'position', isBeforeFree, isAfterFree, matches);
  }

  matches.sort((a, b) => a.after - b.after);
  return {
    matches,
    onlyBefore: before.flatMap((_, i) => (isBeforeFree[i] ? [i] : [])),
    onlyAfter: after.flatMap((_, j) => (isAfterFree[j] ? [j] : [])),
  };
}
