import { formatProposalsGeoJson, writeCsv, type Proposal } from '../../core';
import { DEMO_FILE_NOTE } from '../../i18n/messages-demo';
import type { ProposedSite } from '../../worker/proposal-messages';

/** A proposal with its place in the list and what the engine credits it with. */
export interface RankedProposal extends ProposedSite {
  rank: number;
  gain: { hamlets: { id: string; name: string }[]; households: number } | null;
}

/** The site import's own columns first (so the file loads back as a site list), then the proposal's. */
export const PROPOSAL_CSV_COLUMNS = ['site_id', 'operator', 'lon', 'lat', 'technologies', 'radius_m', 'kind', 'host_site_id', 'operators', 'rank', 'households_gained', 'newly_covered'] as const;

/**
 * The proposals as CSV in the site import's layout: `site_id, operator, lon, lat, technologies,
 * radius_m`, plus `kind`, `host_site_id`, `operators` (joined by `|`), `rank`, `households_gained`
 * and `newly_covered` (hamlet ids joined by `|`). UTF-8 with a byte-order mark; coordinates unrounded,
 * so an upgrade stays exactly on its host's record when imported back. Written by core's `writeCsv`, so
 * no cell taken from an imported file (site ids, host site ids, operators) starts a formula.
 */
export function buildProposalCsv(proposals: RankedProposal[]): string {
  const rows = proposals.map((proposal) => [
    proposal.id,
    proposal.operator,
    proposal.lng,
    proposal.lat,
    proposal.technology,
    proposal.radiusMeters,
    proposal.kind,
    proposal.hostSiteId ?? '',
    proposal.operators.join('|'),
    proposal.rank,
    proposal.gain?.households ?? 0,
    (proposal.gain?.hamlets ?? []).map((hamlet) => hamlet.id).join('|'),
  ]);
  return writeCsv(PROPOSAL_CSV_COLUMNS, rows);
}

/** The proposals as GeoJSON points, in the same layout the `propose` command writes (demo data: `demo` and `note`). */
export function buildProposalGeoJson(proposals: RankedProposal[], isDemo: boolean) {
  const asCore: Proposal[] = proposals.map((proposal) => ({
    id: proposal.id,
    rank: proposal.rank,
    kind: proposal.kind,
    ...(proposal.hostSiteId !== undefined ? { hostSiteId: proposal.hostSiteId } : {}),
    lng: proposal.lng,
    lat: proposal.lat,
    operator: proposal.operator,
    operators: proposal.operators,
    technology: proposal.technology,
    radiusMeters: proposal.radiusMeters,
    newlyCovered: (proposal.gain?.hamlets ?? []).map((hamlet) => hamlet.id),
    householdsGained: proposal.gain?.households ?? 0,
    weight: proposal.kind === 'upgrade' ? 1 : 3,
  }));
  return { ...formatProposalsGeoJson(asCore, isDemo), ...(isDemo ? { note: DEMO_FILE_NOTE } : {}) };
}
