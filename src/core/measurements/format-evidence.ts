import { cellToBoundary } from 'h3-js';
import type { LayerKey } from '../coverage/coverage-shapes';
import type { Position } from '../types';
import type { H3View } from './compute-h3-view';
import type { ChallengeHex } from './find-challenge-hexes';
import { writeCsv, type WriteCsvOptions } from '../io/write-csv';

function hexagonOf(cell: string): { type: 'Polygon'; coordinates: Position[][] } {
  const ring = (cellToBoundary(cell, true) as Position[]).map(([lng, lat]): Position => [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7]);
  if (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1]) ring.push([ring[0][0], ring[0][1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

const isoOrNull = (timeMs: number): string | null => (Number.isFinite(timeMs) ? new Date(timeMs).toISOString() : null);

/**
 * The challenged hexagons as GeoJSON polygons (the evidence to send an operator): hexagon, operator,
 * technology, judged and contradicting tests, kind, first and last contradicting test; red for
 * false "covered", blue for false "uncovered" (simplestyle, for any viewer).
 * @param challenges the flagged hexagons (see `findChallengeHexes`)
 * @param demo whether the data is demo data
 * @returns a GeoJSON FeatureCollection
 * @throws never
 * @example formatChallengesGeoJson(report.measurements.challenges, false).features[0].properties.h3
 */
export function formatChallengesGeoJson(challenges: readonly ChallengeHex[], demo: boolean) {
  return {
    type: 'FeatureCollection' as const,
    ...(demo ? { demo: true } : {}),
    features: challenges.map((challenge) => ({
      type: 'Feature' as const,
      properties: {
        h3: challenge.h3,
        operator: challenge.operator,
        technology: challenge.technology,
        kind: challenge.kind,
        tests: challenge.tests,
        contradicting: challenge.contradicting,
        hours_spanned: Math.round(challenge.hoursSpanned * 100) / 100,
        first_test: isoOrNull(challenge.firstMs),
        last_test: isoOrNull(challenge.lastMs),
        fill: challenge.kind === 'false-covered' ? '#d7191c' : '#2c7bb6',
        'fill-opacity': 0.5,
        stroke: '#333333',
      },
      geometry: hexagonOf(challenge.h3),
    })),
  };
}

/**
 * The challenged hexagons as CSV, one row per hexagon × operator × technology × kind, written by the
 * one CSV writer (`writeCsv`: text a spreadsheet would run as a formula is prefixed with `'`).
 * @param challenges the flagged hexagons
 * @param options CSV dialect and byte-order mark (default: comma-separated, with a BOM for Excel)
 * @returns CSV text with a header row
 * @throws never
 * @example formatChallengesCsv(challenges, { bom: false }).split('\r\n')[0] // 'h3,operator,technology,kind,tests,contradicting,hours_spanned,first_test,last_test'
 */
export function formatChallengesCsv(challenges: readonly ChallengeHex[], options: WriteCsvOptions = {}): string {
  const rows = challenges.map((challenge) => [
    challenge.h3,
    challenge.operator,
    challenge.technology,
    challenge.kind,
    challenge.tests,
    challenge.contradicting,
    Math.round(challenge.hoursSpanned * 100) / 100,
    isoOrNull(challenge.firstMs) ?? '',
    isoOrNull(challenge.lastMs) ?? '',
  ]);
  return writeCsv(['h3', 'operator', 'technology', 'kind', 'tests', 'contradicting', 'hours_spanned', 'first_test', 'last_test'], rows, options);
}

/**
 * The H3 view of one layer as GeoJSON polygons: covered share of the hexagon, households, judged
 * tests and their agreement (`measured: false` where no test lies, never a verdict).
 * @param view the view (see `computeH3View`)
 * @param layer the layer to show
 * @param demo whether the data is demo data
 * @returns a GeoJSON FeatureCollection
 * @throws never
 * @example formatH3ViewGeoJson(view, { layer: 'mobile', operator: null }, false).features.length
 */
export function formatH3ViewGeoJson(view: H3View, layer: LayerKey, demo: boolean) {
  const at = Math.max(0, view.layerKeys.findIndex((key) => key.layer === layer.layer && key.operator === layer.operator));
  const layers = view.layerKeys.length;
  return {
    type: 'FeatureCollection' as const,
    ...(demo ? { demo: true } : {}),
    layer,
    resolution: view.resolution,
    features: view.cells.map((cell, c) => {
      const share = view.fractions[c * layers + at];
      const tests = view.tests[c];
      return {
        type: 'Feature' as const,
        properties: {
          h3: cell,
          covered_share: Math.round(share * 1e6) / 1e6,
          households: Number.isNaN(view.households[c]) ? null : Math.round(view.households[c] * 100) / 100,
          measured: tests > 0,
          tests,
          agree: view.agree[c],
          false_covered: view.falseCovered[c],
          false_uncovered: view.falseUncovered[c],
          agreement_share: tests > 0 ? Math.round((view.agree[c] / tests) * 1e6) / 1e6 : null,
          fill: share >= 0.5 ? '#1a9850' : share > 0 ? '#fee08b' : '#d73027',
          'fill-opacity': 0.45,
        },
        geometry: hexagonOf(cell),
      };
    }),
  };
}
