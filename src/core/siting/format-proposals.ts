import type { Proposal } from './propose-sites';

/**
 * The proposals as GeoJSON points in the site import's own column layout (`site_id`, `operator`,
 * `technologies`, `radius_m`), so the file can be loaded back as a site list, plus `kind`,
 * `hostSiteId`, `operators`, `technology`, `newlyCovered`, `households_gained`, `rank` and a
 * simplestyle colour (upgrades purple, new towers orange). Coordinates are written unrounded, so an
 * upgrade stays exactly on its host site's record and a re-run reproduces the proposal's coverage.
 * @param proposals the ranked proposals
 * @param demo whether the analysis ran on demo data (written as `"demo": true`)
 * @returns a GeoJSON FeatureCollection
 * @example formatProposalsGeoJson(result.proposals, false).features[0].properties.site_id // 'upgrade:ST001:MobiFone'
 */
export function formatProposalsGeoJson(proposals: Proposal[], demo: boolean) {
  return {
    type: 'FeatureCollection' as const,
    ...(demo ? { demo: true } : {}),
    features: proposals.map((proposal) => ({
      type: 'Feature' as const,
      properties: {
        site_id: proposal.id,
        operator: proposal.operator,
        technologies: proposal.technology,
        radius_m: proposal.radiusMeters,
        kind: proposal.kind,
        hostSiteId: proposal.hostSiteId ?? null,
        operators: proposal.operators,
        technology: proposal.technology,
        newlyCovered: proposal.newlyCovered,
        households_gained: proposal.householdsGained,
        rank: proposal.rank,
        'marker-color': proposal.kind === 'upgrade' ? '#7b3294' : '#e66101',
      },
      geometry: { type: 'Point' as const, coordinates: [proposal.lng, proposal.lat] },
    })),
  };
}
