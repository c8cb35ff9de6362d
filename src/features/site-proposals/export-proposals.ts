import { formatProposalsGeoJson, writeCsv, type Proposal } from '../../core';
import { DEMO_FILE_NOTE } from '../../i18n/messages-demo';
import type { Locale } from '../../i18n/format';
import { formatSitingMessage } from '../../i18n/siting-text';
import type { RankedProposal } from '../../state/proposals-store';
import type { ProposalExportItem } from '../../formats/layer-export-tables';

/** The site import's own columns first (so the file loads back as a site list), then the proposal's. */
export const PROPOSAL_CSV_COLUMNS = ['site_id', 'operator', 'lon', 'lat', 'technologies', 'radius_m', 'name', 'kind', 'host_site_id', 'operators', 'rank', 'households_gained', 'newly_covered', 'commune'] as const;

/** The proposal's name in the locale (empty until the engine has judged it). */
function nameOf(proposal: RankedProposal, locale: Locale): string {
  return proposal.evaluated ? formatSitingMessage(proposal.evaluated.name, locale) : '';
}

/**
 * The proposals as CSV in the site import's layout: `site_id, operator, lon, lat, technologies,
 * radius_m`, plus `name` (in the user's language), `kind`, `host_site_id`, `operators` (joined by
 * `|`), `rank`, `households_gained`, `newly_covered` (hamlet ids joined by `|`) and `commune`. A
 * shared tower's operator is `Dùng chung`, which the import reads back as a shared tower. UTF-8
 * with a byte-order mark; coordinates unrounded, so an upgrade stays exactly on its host's record
 * when imported back. Written by core's `writeCsv`, so no cell taken from an imported file (site
 * ids, host site ids, operators, communes) starts a formula.
 */
export function buildProposalCsv(proposals: RankedProposal[], locale: Locale): string {
  const rows = proposals.map((proposal) => [
    proposal.id,
    proposal.operator,
    proposal.lng,
    proposal.lat,
    proposal.technology,
    proposal.radiusMeters,
    nameOf(proposal, locale),
    proposal.kind,
    proposal.hostSiteId ?? '',
    (proposal.evaluated?.operators ?? []).join('|'),
    proposal.rank,
    proposal.evaluated?.householdsGained ?? 0,
    [...new Set((proposal.evaluated?.helped ?? []).map((hamlet) => hamlet.hamletId))].join('|'),
    proposal.evaluated?.place?.commune ?? '',
  ]);
  return writeCsv(PROPOSAL_CSV_COLUMNS, rows);
}

/** The proposals as GeoJSON points, in the same layout the `propose` command writes (demo data: `demo` and `note`). */
export function buildProposalGeoJson(proposals: RankedProposal[], isDemo: boolean, locale: Locale) {
  const names = new Map(proposals.map((proposal) => [proposal.id, nameOf(proposal, locale)]));
  const asCore: Proposal[] = proposals.map((proposal) => ({
    id: proposal.id,
    rank: proposal.rank,
    kind: proposal.kind,
    ...(proposal.hostSiteId !== undefined ? { hostSiteId: proposal.hostSiteId } : {}),
    ...(proposal.evaluated?.number !== undefined ? { number: proposal.evaluated.number } : {}),
    lng: proposal.lng,
    lat: proposal.lat,
    operator: proposal.operator,
    technology: proposal.technology,
    radiusMeters: proposal.radiusMeters,
    name: proposal.evaluated?.name ?? { code: '', params: {} },
    place: proposal.evaluated?.place ?? null,
    operators: proposal.evaluated?.operators ?? [],
    newlyCovered: [...new Set((proposal.evaluated?.helped ?? []).map((hamlet) => hamlet.hamletId))],
    helped: proposal.evaluated?.helped ?? [],
    householdsGained: proposal.evaluated?.householdsGained ?? 0,
    weight: proposal.kind === 'upgrade' ? 1 : 3,
    makesShared: proposal.evaluated?.makesShared ?? false,
  }));
  return { ...formatProposalsGeoJson(asCore, { demo: isDemo, nameOf: (proposal) => names.get(proposal.id) ?? '' }), ...(isDemo ? { note: DEMO_FILE_NOTE } : {}) };
}

/** The proposals for the GIS and Excel exports, in rank order, named in the locale. */
export function buildProposalExportItems(proposals: RankedProposal[], locale: Locale): ProposalExportItem[] {
  return proposals.map((proposal) => ({
    id: proposal.id,
    name: nameOf(proposal, locale),
    rank: proposal.rank,
    kind: proposal.kind,
    ...(proposal.hostSiteId !== undefined ? { hostSiteId: proposal.hostSiteId } : {}),
    operator: proposal.operator,
    technology: proposal.technology,
    radiusMeters: proposal.radiusMeters,
    lng: proposal.lng,
    lat: proposal.lat,
    householdsGained: proposal.evaluated?.householdsGained ?? 0,
    newlyCoveredCount: new Set((proposal.evaluated?.helped ?? []).map((hamlet) => hamlet.hamletId)).size,
    commune: proposal.evaluated?.place?.commune ?? '',
  }));
}
