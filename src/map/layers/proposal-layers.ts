import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { HAMLET_SOURCE } from './hamlet-layers';
import { buildGroundRadius } from './site-layers';

export const PROPOSAL_SOURCE = 'proposals';
export const PROPOSAL_LAYER = 'proposal-point';
export const PROPOSAL_DISC_LAYER = 'proposal-disc';
export const PROPOSAL_LABEL_LAYER = 'proposal-label';
export const PROPOSAL_GAIN_LAYER = 'proposal-gain';
export const PROPOSAL_GAIN_CASING_LAYER = 'proposal-gain-casing';
export const PROPOSAL_CASING_LAYER = 'proposal-casing';

/**
 * Proposal colours: purple, a hue far from every coverage class (blue, yellow, vermillion, grey) and
 * from the pink of shared sites — the orange new towers had before vanished in the vermillion of the
 * uncovered hamlets where they stand. An upgrade (another operator on an existing site) is a purple ring
 * around its host site, a new tower a filled purple dot; both have a white ring and a near-black rim, so
 * they stand out on a light class (yellow, grey) and on a dark one (blue) alike. The hamlets they newly
 * cover are outlined in near-black dashes on a white casing, for the same reason.
 */
export const PROPOSAL_COLORS = { upgrade: '#7B3294', new: '#7B3294', casing: '#111111', selected: '#00E5FF', halo: '#FFFFFF', gain: '#111111' } as const;

/** What the map needs of one proposal. */
export interface ProposalPoint {
  id: string;
  kind: 'upgrade' | 'new';
  rank: number;
  lng: number;
  lat: number;
  radiusMeters: number;
  operator: string;
}

/** The proposals as points with `id`, `kind`, `rank`, `radius_m`, `operator` and `selected`. */
export function buildProposalCollection(proposals: ProposalPoint[], selectedId: string | null): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: proposals.map((proposal) => ({
      type: 'Feature',
      properties: { id: proposal.id, kind: proposal.kind, rank: proposal.rank, radius_m: proposal.radiusMeters, operator: proposal.operator, selected: proposal.id === selectedId },
      geometry: { type: 'Point', coordinates: [proposal.lng, proposal.lat] },
    })),
  };
}

export function buildProposalSource(): Record<string, SourceSpecification> {
  return { [PROPOSAL_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } };
}

/** Only the hamlets the proposals newly cover (by id). */
export function buildProposalGainFilter(hamletIds: string[]): ExpressionSpecification {
  return ['in', ['get', 'id'], ['literal', hamletIds]];
}

const KIND_COLOR: ExpressionSpecification = ['match', ['get', 'kind'], 'upgrade', PROPOSAL_COLORS.upgrade, PROPOSAL_COLORS.new];

/**
 * The proposal layers: a dashed green outline of the hamlets they newly cover, a coverage disc (ground radius, outlined), the point — an upgrade is a
 * ring around its host site (so the host's own dot stays visible), a new tower a filled dot — and its
 * rank. Drawn above every other data layer.
 */
export function buildProposalLayers(latitude: number): LayerSpecification[] {
  const isUpgrade: ExpressionSpecification = ['==', ['get', 'kind'], 'upgrade'];
  const pointRadius: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 8, 5, 13, 10];
  const ringWidth: ExpressionSpecification = ['case', ['get', 'selected'], 4, ['case', isUpgrade, 3.5, 2]];
  return [
    {
      id: PROPOSAL_GAIN_CASING_LAYER,
      type: 'line',
      source: HAMLET_SOURCE,
      filter: buildProposalGainFilter([]),
      paint: { 'line-color': PROPOSAL_COLORS.halo, 'line-width': 5, 'line-opacity': 0.9 },
    },
    {
      id: PROPOSAL_GAIN_LAYER,
      type: 'line',
      source: HAMLET_SOURCE,
      filter: buildProposalGainFilter([]),
      paint: { 'line-color': PROPOSAL_COLORS.gain, 'line-width': 2.5, 'line-dasharray': [2, 1.2] },
    },
    {
      id: PROPOSAL_DISC_LAYER,
      type: 'circle',
      source: PROPOSAL_SOURCE,
      paint: {
        'circle-radius': buildGroundRadius('radius_m', latitude),
        'circle-color': KIND_COLOR,
        'circle-opacity': 0.1,
        'circle-stroke-color': KIND_COLOR,
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.7,
      },
    },
    {
      // The near-black rim just outside each symbol's ring (a ring only: an upgrade's host site shows through).
      id: PROPOSAL_CASING_LAYER,
      type: 'circle',
      source: PROPOSAL_SOURCE,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ['+', 5, ringWidth], 13, ['+', 10, ringWidth]],
        'circle-color': 'rgba(255,255,255,0)',
        'circle-stroke-color': PROPOSAL_COLORS.casing,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: PROPOSAL_LAYER,
      type: 'circle',
      source: PROPOSAL_SOURCE,
      paint: {
        'circle-radius': pointRadius,
        'circle-color': ['case', isUpgrade, 'rgba(255,255,255,0)', KIND_COLOR],
        'circle-stroke-color': ['case', ['get', 'selected'], PROPOSAL_COLORS.selected, ['case', isUpgrade, PROPOSAL_COLORS.upgrade, PROPOSAL_COLORS.halo]],
        'circle-stroke-width': ringWidth,
      },
    },
    {
      id: PROPOSAL_LABEL_LAYER,
      type: 'symbol',
      source: PROPOSAL_SOURCE,
      minzoom: 10,
      layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-size': 12, 'text-offset': [0, -1.4], 'text-allow-overlap': true },
      paint: { 'text-color': '#111111', 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.5 },
    },
  ];
}
