import type { GroupKpis, GroupUnit, HamletResult, KpiSet, PointRuleKpis, Site } from '../types';

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/**
 * The plan's coverage KPIs for a set of hamlets and the sites that stand in them. A hamlet without
 * area (`areaKm2` 0: an empty or degenerate polygon, already warned as `hamlet-empty-area`) has no
 * coverage to measure and is left out of every count and denominator, households included.
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
  let count = 0;
  for (const hamlet of hamlets) {
    if (!(hamlet.areaKm2 > 0)) continue;
    count++;
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
  const pointRule = pointRuleOf(hamlets);
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
    ...(pointRule === null ? {} : { pointRule }),
  };
}

/** The point rule's counts over the hamlets that have a point and an area, or null when none has a point. */
function pointRuleOf(hamlets: HamletResult[]): PointRuleKpis | null {
  let count = 0;
  const covered = { mobile: 0, '4g': 0, '5g': 0, ftth: 0 };
  for (const hamlet of hamlets) {
    if (hamlet.pointCovered === undefined || !(hamlet.areaKm2 > 0)) continue;
    count++;
    for (const layer of ['mobile', '4g', '5g', 'ftth'] as const) if (hamlet.pointCovered[layer]) covered[layer]++;
  }
  if (count === 0 && !hamlets.some((hamlet) => hamlet.pointCovered !== undefined)) return null;
  return {
    hamlets: count,
    coveredMobile: covered.mobile,
    covered4g: covered['4g'],
    covered5g: covered['5g'],
    coveredFtth: covered.ftth,
    coveredMobileShare: share(covered.mobile, count),
    covered4gShare: share(covered['4g'], count),
    covered5gShare: share(covered['5g'], count),
    coveredFtthShare: share(covered.ftth, count),
  };
}

/**
 * KPIs per unit of a grouping: hamlets by their unit key, sites by the unit of the hamlet they stand in.
 * @param hamlets hamlet results
 * @param grouping each hamlet's unit key (same order as `hamlets`) and the units, in display order
 * @param sites merged sites
 * @param siteHamlets for each site, the index of the hamlet it stands in, or -1 (counted in no unit)
 * @returns one row per unit, in the units' order
 * @example computeGroupKpis(report.hamlets, groupHamlets(input.hamlets, 'commune'), sites, siteHamlets)[0].label
 */
export function computeGroupKpis(hamlets: HamletResult[], grouping: { keys: string[]; units: GroupUnit[] }, sites: Site[], siteHamlets: ArrayLike<number>): GroupKpis[] {
  const hamletsByKey = new Map<string, HamletResult[]>();
  hamlets.forEach((hamlet, i) => {
    const key = grouping.keys[i];
    const list = hamletsByKey.get(key);
    if (list) list.push(hamlet);
    else hamletsByKey.set(key, [hamlet]);
  });
  const sitesByKey = new Map<string, Site[]>();
  sites.forEach((site, i) => {
    const h = siteHamlets[i];
    if (h < 0) return;
    const key = grouping.keys[h];
    const list = sitesByKey.get(key);
    if (list) list.push(site);
    else sitesByKey.set(key, [site]);
  });
  // The unit's fields written out, then the KPIs: V8 builds this literal on its fast path, where
  // `{ ...unit, ...kpis }` copies the second spread one property at a time (about 30 µs a row) and
  // Object.assign into `{}` takes about 1 µs. Same row, keys in the same order.
  return grouping.units.map(({ key, code, label, parentKey, parentLabel }): GroupKpis => ({ key, code, label, parentKey, parentLabel, ...computeKpis(hamletsByKey.get(key) ?? [], sitesByKey.get(key) ?? []) }));
}
