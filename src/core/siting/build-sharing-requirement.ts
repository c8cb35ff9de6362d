import KDBush from 'kdbush';
import type { CoverageAnalysis } from '../analyze-coverage';
import { SHARED_TOWER_OPERATOR, type BtsRecord } from '../types';
import { haversineMeters, metersToDegrees } from '../units';
import type { SharingRequirement, SitingCandidate } from './siting-types';

/** A shared-site ratio to reach. */
export interface SharedTarget {
  /** The ratio t in [0, 1]. */
  share: number;
  /** `>`: over t (the plan's wording, "trên 30 %"); `>=`: at least t. */
  comparator: '>' | '>=';
}

/** Points within `meters` of any of `records`, as a lookup. */
function nearRecords(records: readonly { lng: number; lat: number }[], meters: number): (lng: number, lat: number, skip?: number) => number[] {
  if (records.length === 0) return () => [];
  const index = new KDBush(records.length);
  for (const record of records) index.add(record.lng, record.lat);
  index.finish();
  return (lng, lat, skip = -1) => {
    const [dLng, dLat] = metersToDegrees(meters, lat);
    // A hair of slack on the box, as in clusterSites: the exact test is the distance.
    return index
      .range(lng - dLng * 1.01 - 1e-12, lat - dLat * 1.01 - 1e-12, lng + dLng * 1.01 + 1e-12, lat + dLat * 1.01 + 1e-12)
      .filter((i) => i !== skip && haversineMeters(lng, lat, records[i].lng, records[i].lat) <= meters);
  };
}

/**
 * The shared-site requirement over a list of candidates, with the engine's own site counts: an
 * upgrade of a single-operator site makes that site shared, a new shared tower
 * (`SHARED_TOWER_OPERATOR`) adds a shared site, a new tower of one operator adds a site that is
 * not shared. New towers that would stand within the co-location distance of an existing record
 * would join that site rather than add one, so they are marked `isMerging` (the caller leaves them
 * out); two new towers that close to each other conflict (at most one of them is built).
 * @param analysis the coverage analysis (its sites and records, the co-location distance)
 * @param candidates the candidates (indices of the result follow this list)
 * @param target the ratio and its comparator
 * @returns the requirement and, per candidate, whether it would merge into an existing site
 * @example buildSharingRequirement(analysis, candidates, { share: 0.3, comparator: '>' }).requirement.sitesBefore
 */
export function buildSharingRequirement(analysis: CoverageAnalysis, candidates: SitingCandidate[], target: SharedTarget): { requirement: SharingRequirement; isMerging: Uint8Array } {
  const hostOf = new Map<string, number>();
  let hostCount = 0;
  for (const site of analysis.sites) if (!site.shared) hostOf.set(site.id, hostCount++);
  const records: BtsRecord[] = [...analysis.input.btsRecords, ...analysis.extraRecords];
  const meters = analysis.config.colocationMeters;
  const nearExisting = nearRecords(records, meters);
  const isNew = candidates.map((candidate) => candidate.kind === 'new');
  const isMerging = Uint8Array.from(candidates, (candidate, c) => (isNew[c] && nearExisting(candidate.record.lng, candidate.record.lat).length > 0 ? 1 : 0));
  const newTowers = candidates.flatMap((candidate, c) => (isNew[c] && !isMerging[c] ? [{ c, lng: candidate.record.lng, lat: candidate.record.lat }] : []));
  const nearNew = nearRecords(newTowers, meters);
  const conflicts: [number, number][] = [];
  newTowers.forEach((tower, k) => {
    for (const other of nearNew(tower.lng, tower.lat, k)) if (other > k) conflicts.push([tower.c, newTowers[other].c]);
  });
  return {
    requirement: {
      sitesBefore: analysis.sites.length,
      sharedBefore: analysis.sites.filter((site) => site.shared).length,
      share: target.share,
      comparator: target.comparator,
      candidateHost: candidates.map((candidate) => (candidate.kind === 'upgrade' && candidate.hostSiteId !== undefined ? hostOf.get(candidate.hostSiteId) ?? -1 : -1)),
      candidateNewSites: isNew.map((value) => (value ? 1 : 0)),
      candidateNewShared: candidates.map((candidate, c) => (isNew[c] && candidate.record.operator === SHARED_TOWER_OPERATOR ? 1 : 0)),
      conflicts,
    },
    isMerging,
  };
}
