import type { GroupKpis, HamletResult, KpiSet, Site } from '../types';

/** One collator for all group keys: `localeCompare(b, 'vi')` would build one per comparison. */
const VIETNAMESE_ORDER = new Intl.Collator('vi');

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/**
 * The plan's coverage KPIs for a set of hamlets and the sites that stand in them.
 * @param hamlets hamlet results (fractions and covered flags)
 * @param sites merged sites
 * @returns counts and shares in [0, 1]; household-weighted shares are null when no hamlet has
 *   households
 * @example computeKpis(report.hamlets, report.sites).coveredMobileShare // 0.93
 */
export function computeKpis(hamlets: HamletResult[], sites: Site[]): KpiSet {
  let coveredMobile = 0;
  let covered4g = 0;
  let covered5g = 0;
  let coveredFtth = 0;
  let households = 0;
  let mobileHouseholds = 0;
  let households4g = 0;
  let households5g = 0;
  let ftthHouseholds = 0;
  for (const hamlet of hamlets) {
    const weight = hamlet.households ?? 0;
    households += weight;
    if (hamlet.covered.mobile) {
      coveredMobile++;
      mobileHouseholds += weight;
    }
    if (hamlet.covered['4g']) {
      covered4g++;
      households4g += weight;
    }
    if (hamlet.covered['5g']) {
      covered5g++;
      households5g += weight;
    }
    if (hamlet.covered.ftth) {
      coveredFtth++;
      ftthHouseholds += weight;
    }
  }
  const sharedSites = sites.filter((site) => site.shared).length;
  const count = hamlets.length;
  const weighted = (part: number): number | null => (households > 0 ? part / households : null);
  return {
    hamlets: count,
    coveredMobile,
    covered4g,
    covered5g,
    coveredFtth,
    coveredMobileShare: share(coveredMobile, count),
    covered4gShare: share(covered4g, count),
    covered5gShare: share(covered5g, count),
    coveredFtthShare: share(coveredFtth, count),
    households,
    coveredMobileHouseholdShare: weighted(mobileHouseholds),
    covered4gHouseholdShare: weighted(households4g),
    covered5gHouseholdShare: weighted(households5g),
    ftthHouseholdCeiling: weighted(ftthHouseholds),
    sites: sites.length,
    sharedSites,
    sharedSiteShare: share(sharedSites, sites.length),
  };
}

/**
 * KPIs per group: hamlets by their key, sites by the key of the hamlet they stand in.
 * @param hamlets hamlet results
 * @param hamletKeys group key of each hamlet (same order)
 * @param sites merged sites
 * @param siteKeys group key of each site, or null for a site outside every hamlet
 * @returns one entry per key that has hamlets, sorted by key (Vietnamese collation)
 * @example computeGroupKpis(hamlets, hamlets.map((h) => h.district), sites, siteDistricts)
 */
export function computeGroupKpis(hamlets: HamletResult[], hamletKeys: string[], sites: Site[], siteKeys: (string | null)[]): GroupKpis[] {
  const hamletsByKey = new Map<string, HamletResult[]>();
  hamlets.forEach((hamlet, i) => {
    const list = hamletsByKey.get(hamletKeys[i]);
    if (list) list.push(hamlet);
    else hamletsByKey.set(hamletKeys[i], [hamlet]);
  });
  const sitesByKey = new Map<string, Site[]>();
  sites.forEach((site, i) => {
    const key = siteKeys[i];
    if (key === null) return;
    const list = sitesByKey.get(key);
    if (list) list.push(site);
    else sitesByKey.set(key, [site]);
  });
  return [...hamletsByKey.keys()]
    .sort(VIETNAMESE_ORDER.compare)
    .map((key) => ({ key, ...computeKpis(hamletsByKey.get(key) ?? [], sitesByKey.get(key) ?? []) }));
}
