/**
 * The arithmetic of a shared-site requirement (see `SharingRequirement`): what a set of chosen
 * candidates does to the site and shared-site counts, and whether the ratio is reached — judged
 * exactly as the plan's KPI is (`sharedSites / sites` against the target), so the model and the
 * engine's report agree on "met".
 */
import type { SharingRequirement } from './siting-types';

/** Sites and shared sites after a set of candidates is built. */
export interface SharingCounts {
  sites: number;
  shared: number;
}

/**
 * The site and shared-site counts after building the chosen candidates.
 * @param sharing the requirement
 * @param selected chosen candidate indices
 * @returns the counts after (each host site counted once, however many upgrades it gets)
 * @example countSharing(sharing, [0, 2]).shared
 */
export function countSharing(sharing: SharingRequirement, selected: Iterable<number>): SharingCounts {
  const hosts = new Set<number>();
  let sites = sharing.sitesBefore;
  let shared = sharing.sharedBefore;
  for (const c of selected) {
    if (sharing.candidateHost[c] >= 0) hosts.add(sharing.candidateHost[c]);
    sites += sharing.candidateNewSites[c];
    shared += sharing.candidateNewShared[c];
  }
  return { sites, shared: shared + hosts.size };
}

/**
 * Whether the counts reach the ratio, with the comparison the plan's KPI uses (`>`: strictly over).
 * @param sharing the requirement (share and comparator)
 * @param counts sites and shared sites
 * @returns true when the ratio is met (no sites: met only when the target is 0 and `>=`)
 * @example isSharingMet({ ...sharing, share: 0.3, comparator: '>' }, { sites: 10, shared: 3 }) // false
 */
export function isSharingMet(sharing: Pick<SharingRequirement, 'share' | 'comparator'>, counts: SharingCounts): boolean {
  const ratio = counts.sites > 0 ? counts.shared / counts.sites : 0;
  return sharing.comparator === '>' ? ratio > sharing.share : ratio >= sharing.share - 1e-12;
}

/**
 * How far the counts are from the ratio, in shared sites: t · sites − shared (positive = short).
 * @param sharing the requirement
 * @param counts sites and shared sites
 * @returns the shortfall (≤ 0 when the ratio is reached, up to the strictness of `>`)
 * @example sharingShortfall({ ...sharing, share: 0.3 }, { sites: 10, shared: 2 }) // 1
 */
export function sharingShortfall(sharing: Pick<SharingRequirement, 'share'>, counts: SharingCounts): number {
  return sharing.share * counts.sites - counts.shared;
}

/**
 * The most shared-site ratio the candidates can bring about: every host upgraded and every
 * candidate that adds a shared tower built (conflicts ignored, so this is an upper bound).
 * @param sharing the requirement
 * @returns the ratio in [0, 1]
 * @example reachableSharingRatio(sharing) // 0.64
 */
export function reachableSharingRatio(sharing: SharingRequirement): number {
  const helpful = sharing.candidateHost.flatMap((host, c) => (host >= 0 || sharing.candidateNewShared[c] > sharing.share * sharing.candidateNewSites[c] ? [c] : []));
  const counts = countSharing(sharing, helpful);
  return counts.sites > 0 ? counts.shared / counts.sites : 0;
}
