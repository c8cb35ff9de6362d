import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerName } from '../../core';
import { COVERAGE_COLORS, OUTLINE_COLORS } from './palette';

export const HAMLET_SOURCE = 'hamlets';
export const HAMLET_FILL_LAYER = 'hamlet-fill';
export const HAMLET_HIGHLIGHT_LAYER = 'hamlet-highlight';

/** The feature property holding a hamlet's coverage status on a layer (`covered` / `partial` / `none`). */
export function statusProperty(layer: LayerName): string {
  return `status_${layer}`;
}

/** Fill colour by the hamlet's status on the chosen layer. */
export function buildHamletFillColor(layer: LayerName): ExpressionSpecification {
  return [
    'match',
    ['get', statusProperty(layer)],
    'covered',
    COVERAGE_COLORS.covered,
    'partial',
    COVERAGE_COLORS.partial,
    'none',
    COVERAGE_COLORS.none,
    COVERAGE_COLORS.noData,
  ];
}

/** The fill of the map after the proposals: the hamlets they newly cover (`afterIds`) as covered. */
export function buildAfterFillColor(layer: LayerName, afterIds: string[]): ExpressionSpecification {
  return ['case', ['in', ['get', 'id'], ['literal', afterIds]], COVERAGE_COLORS.covered, buildHamletFillColor(layer)];
}

/** Only the selected hamlet (none when `selectedId` is null). */
export function buildHighlightFilter(selectedId: string | null): ExpressionSpecification {
  return ['==', ['get', 'id'], selectedId ?? ''];
}

/** Hamlet fill, outline and highlight (their names are in `label-layers.ts`). */
export function buildHamletLayers(layer: LayerName, selectedId: string | null): LayerSpecification[] {
  return [
    {
      id: HAMLET_FILL_LAYER,
      type: 'fill',
      source: HAMLET_SOURCE,
      paint: { 'fill-color': buildHamletFillColor(layer), 'fill-opacity': 0.72 },
    },
    {
      id: 'hamlet-outline',
      type: 'line',
      source: HAMLET_SOURCE,
      minzoom: 9.5,
      paint: { 'line-color': OUTLINE_COLORS.hamlet, 'line-width': 0.6, 'line-opacity': 0.8 },
    },
    {
      id: HAMLET_HIGHLIGHT_LAYER,
      type: 'line',
      source: HAMLET_SOURCE,
      filter: buildHighlightFilter(selectedId),
      paint: { 'line-color': OUTLINE_COLORS.highlight, 'line-width': 4 },
    },
  ];
}
