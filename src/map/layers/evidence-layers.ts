import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { formatChallengesGeoJson, type ChallengeHex } from '../../core';
import { COVERAGE_COLORS } from './palette';

export const EVIDENCE_CHALLENGE_SOURCE = 'evidence-challenges';
export const EVIDENCE_HEX_SOURCE = 'evidence-hexagons';
export const EVIDENCE_CHALLENGE_FILL_LAYER = 'evidence-challenge-fill';
export const EVIDENCE_CHALLENGE_LINE_LAYER = 'evidence-challenge-line';
export const EVIDENCE_HEX_FILL_LAYER = 'evidence-hex-fill';
export const EVIDENCE_HEX_LINE_LAYER = 'evidence-hex-line';

/**
 * Challenge colours: dark red where the map says covered and the tests found no service, dark blue
 * where the map says not covered and the tests found service; both far from the coverage
 * blue / yellow / vermillion and told apart by their outline weight in greyscale.
 */
export const CHALLENGE_COLORS = { 'false-covered': '#8E0152', 'false-uncovered': '#2D004B', selected: '#00E5FF' } as const;

/** The flagged hexagons as polygons with `h3`, `kind`, `operator`, `contradicting` and `selected`. */
export function buildChallengeCollection(challenges: readonly ChallengeHex[], selectedH3: string | null): FeatureCollection {
  const collection = formatChallengesGeoJson(challenges, false);
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({ ...feature, properties: { h3: feature.properties.h3, kind: feature.properties.kind, operator: feature.properties.operator, technology: feature.properties.technology, contradicting: feature.properties.contradicting, selected: feature.properties.h3 === selectedH3 } })),
  };
}

export function buildEvidenceSources(): Record<string, SourceSpecification> {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  return { [EVIDENCE_HEX_SOURCE]: { type: 'geojson', data: empty }, [EVIDENCE_CHALLENGE_SOURCE]: { type: 'geojson', data: empty } };
}

const KIND_COLOR: ExpressionSpecification = ['match', ['get', 'kind'], 'false-covered', CHALLENGE_COLORS['false-covered'], CHALLENGE_COLORS['false-uncovered']];

/**
 * The H3 view's fill by each hexagon's class (its `status`, from the share of its area the chosen
 * layer covers and that layer's threshold: see `buildHexViewCollection`), in the hamlet classes'
 * colours, and the challenge hexagons drawn over it.
 */
export function buildEvidenceLayers(): LayerSpecification[] {
  return [
    {
      id: EVIDENCE_HEX_FILL_LAYER,
      type: 'fill',
      source: EVIDENCE_HEX_SOURCE,
      layout: { visibility: 'none' },
      paint: {
        'fill-color': ['match', ['get', 'status'], 'covered', COVERAGE_COLORS.covered, 'partial', COVERAGE_COLORS.partial, 'none', COVERAGE_COLORS.none, COVERAGE_COLORS.noData],
        'fill-opacity': 0.55,
      },
    },
    { id: EVIDENCE_HEX_LINE_LAYER, type: 'line', source: EVIDENCE_HEX_SOURCE, layout: { visibility: 'none' }, paint: { 'line-color': '#FFFFFF', 'line-width': 0.5, 'line-opacity': 0.8 } },
    { id: EVIDENCE_CHALLENGE_FILL_LAYER, type: 'fill', source: EVIDENCE_CHALLENGE_SOURCE, paint: { 'fill-color': KIND_COLOR, 'fill-opacity': 0.35 } },
    {
      id: EVIDENCE_CHALLENGE_LINE_LAYER,
      type: 'line',
      source: EVIDENCE_CHALLENGE_SOURCE,
      paint: {
        'line-color': ['case', ['get', 'selected'], CHALLENGE_COLORS.selected, KIND_COLOR],
        'line-width': ['case', ['get', 'selected'], 4, ['==', ['get', 'kind'], 'false-covered'], 2.5, 1.5],
      },
    },
  ];
}
