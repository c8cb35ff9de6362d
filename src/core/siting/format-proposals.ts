import type { Proposal } from './propose-sites';

/** Options of {@link formatProposalsGeoJson}. */
export interface FormatProposalsOptions {
  /** Whether the analysis ran on demo data (written as `"demo": true`). */
  demo: boolean;
  /** Each proposal's name in the reader's language (the edge translates `proposal.name`); absent: no `name`. */
  nameOf?: (proposal: Proposal) => string;
}

/**
 * The proposals as GeoJSON points in the site import's own column layout (`site_id`, `operator`,
 * `technologies`, `radius_m`), so the file can be loaded back as a site list — a shared tower that
 * no operator is named for carries the operator `Dùng chung` (`SHARED_TOWER_OPERATOR`), which the
 * import reads back as a shared tower — plus `name`, `kind`, `hostSiteId`, `operators`,
 * `technology`, `newlyCovered`, `households_gained`, `rank`, `commune`, `makesShared` and a
 * simplestyle colour (upgrades purple, new towers orange). Coordinates are written unrounded, so
 * an upgrade stays exactly on its host site's record and a re-run reproduces the proposal's coverage.
 * @param proposals the ranked proposals
 * @param options demo flag and the names in the reader's language
 * @returns a GeoJSON FeatureCollection
 * @example formatProposalsGeoJson(result.proposals, { demo: false }).features[0].properties.site_id // 'upgrade:ST001:MobiFone'
 */
export function formatProposalsGeoJson(proposals: Proposal[], options: FormatProposalsOptions) {
  return {
    type: 'FeatureCollection' as const,
    ...(options.demo ? { demo: true } : {}),
    features: proposals.map((proposal) => ({
      type: 'Feature' as const,
      properties: {
        site_id: proposal.id,
        operator: proposal.operator,
        technologies: proposal.technology,
        radius_m: proposal.radiusMeters,
        ...(options.nameOf ? { name: options.nameOf(proposal) } : {}),
        kind: proposal.kind,
        hostSiteId: proposal.hostSiteId ?? null,
        operators: proposal.operators,
        technology: proposal.technology,
        newlyCovered: proposal.newlyCovered,
        households_gained: proposal.householdsGained,
        rank: proposal.rank,
        commune: proposal.place?.commune ?? null,
        makesShared: proposal.makesShared,
        'marker-color': proposal.kind === 'upgrade' ? '#7b3294' : '#e66101',
      },
      geometry: { type: 'Point' as const, coordinates: [proposal.lng, proposal.lat] },
    })),
  };
}
