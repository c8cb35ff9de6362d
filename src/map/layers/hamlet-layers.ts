import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerName } from '../../core';
import { APPROXIMATE_STYLE, COVERAGE_COLORS, OUTLINE_COLORS } from './palette';

export const HAMLET_SOURCE = 'hamlets';
export const HAMLET_FILL_LAYER = 'hamlet-fill';
export const HAMLET_HIGHLIGHT_LAYER = 'hamlet-highlight';
export const APPROXIMATE_HATCH_LAYER = 'hamlet-approximate-hatch';
export const APPROXIMATE_OUTLINE_LAYER = 'hamlet-approximate-outline';
/** The hatch image the map controller adds (`map.addImage`) before the hatch layer asks for it. */
export const APPROXIMATE_HATCH_IMAGE = 'approximate-hatch';
/** The feature property that marks an approximate hamlet (`true`), set by `buildHamletCollection`. */
export const APPROXIMATE_PROPERTY = 'approximate';

/** Only the approximate hamlets. */
export function buildApproximateFilter(): ExpressionSpecification {
  return ['==', ['get', APPROXIMATE_PROPERTY], true];
}

/**
 * The diagonal hatch of approximate hamlets as RGBA pixels (for `map.addImage`): lines from bottom left
 * to top right, one pixel wide, `spacing` apart, wrapping seamlessly when the tile repeats.
 * @param pixelRatio the screen's device pixel ratio (the tile is drawn at that density)
 */
export function buildHatchPattern(pixelRatio = 1): { width: number; height: number; data: Uint8Array; pixelRatio: number } {
  const ratio = Math.max(1, Math.round(pixelRatio));
  const size = APPROXIMATE_STYLE.hatchSpacingPx * ratio;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(APPROXIMATE_STYLE.color.slice(start, start + 2), 16));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // On a line when x + y is a multiple of the tile (mod size), widened to the pixel ratio.
      if ((x + y) % size >= ratio) continue;
      const at = (y * size + x) * 4;
      data.set([r, g, b, Math.round(255 * APPROXIMATE_STYLE.hatchAlpha)], at);
    }
  }
  return { width: size, height: size, data, pixelRatio: ratio };
}

/**
 * The marks of approximate hamlets, above their fill: the hatch (a fill pattern, image
 * {@link APPROXIMATE_HATCH_IMAGE}) and the dashed edge, both filtered on the `approximate` property.
 */
export function buildApproximateLayers(): LayerSpecification[] {
  return [
    {
      id: APPROXIMATE_HATCH_LAYER,
      type: 'fill',
      source: HAMLET_SOURCE,
      filter: buildApproximateFilter(),
      paint: { 'fill-pattern': APPROXIMATE_HATCH_IMAGE },
    },
    {
      id: APPROXIMATE_OUTLINE_LAYER,
      type: 'line',
      source: HAMLET_SOURCE,
      filter: buildApproximateFilter(),
      paint: { 'line-color': APPROXIMATE_STYLE.color, 'line-width': APPROXIMATE_STYLE.widthPx, 'line-dasharray': [...APPROXIMATE_STYLE.dash] },
    },
  ];
}

/** The feature state holding a hamlet's coverage status on a layer (`covered` / `partial` / `none`; see `buildHamletStatuses`). */
export function statusProperty(layer: LayerName): string {
  return `status_${layer}`;
}

/** Fill colour by the hamlet's status on the chosen layer (its feature state; grey while it has none). */
export function buildHamletFillColor(layer: LayerName): ExpressionSpecification {
  return [
    'match',
    ['coalesce', ['feature-state', statusProperty(layer)], ''],
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

/** Hamlet fill, outline, the marks of approximate hamlets and the highlight (their names are in `label-layers.ts`). */
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
    ...buildApproximateLayers(),
    {
      id: HAMLET_HIGHLIGHT_LAYER,
      type: 'line',
      source: HAMLET_SOURCE,
      filter: buildHighlightFilter(selectedId),
      paint: { 'line-color': OUTLINE_COLORS.highlight, 'line-width': 4 },
    },
  ];
}
