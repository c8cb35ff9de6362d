import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerName } from '../../core';
import { FIBRE_COLOR, SITE_COLORS } from './palette';

export const SITE_SOURCE = 'sites';
export const SITE_LAYER = 'site-point';
export const FIBRE_SOURCE = 'fibre';
export const FIBRE_LAYER = 'fibre-point';
export const FIBRE_ROUTE_SOURCE = 'fibre-routes';
export const FIBRE_ROUTE_LAYER = 'fibre-route';
export const COVERAGE_DISC_LAYER = 'site-coverage-disc';
/** The engine's footprints (discs and sectors) of the records behind the shown sites. */
export const COVERAGE_SOURCE = 'coverage';

// Ground metres per screen pixel at zoom 0 on the equator (512-px tiles); multiplied by cos(latitude).
const METERS_PER_PIXEL_Z0 = 78271.517;

/**
 * A circle radius in pixels that stays `radiusMeters` on the ground at latitude `latitude`: MapLibre
 * circles are sized in pixels, so the radius doubles with every zoom level (exponential base 2).
 */
export function buildGroundRadius(radiusProperty: string, latitude: number): ExpressionSpecification {
  const pixelsAtZ0 = 1 / (METERS_PER_PIXEL_Z0 * Math.cos((latitude * Math.PI) / 180));
  return ['interpolate', ['exponential', 2], ['zoom'], 0, ['*', ['get', radiusProperty], pixelsAtZ0], 22, ['*', ['get', radiusProperty], pixelsAtZ0 * 2 ** 22]];
}

/**
 * Sites by operator count (shared = several operators, larger and pink), and on demand the
 * coverage footprints as the engine counts them: discs, or sectors for records with an azimuth.
 */
export function buildSiteLayers(showDiscs: boolean, layer: LayerName = 'mobile'): LayerSpecification[] {
  const visibility = buildSymbolVisibility(layer, showDiscs);
  return [
    {
      id: COVERAGE_DISC_LAYER,
      type: 'fill',
      source: COVERAGE_SOURCE,
      layout: { visibility: visibility[COVERAGE_DISC_LAYER] },
      paint: {
        'fill-color': SITE_COLORS.shared,
        'fill-opacity': 0.08,
        'fill-outline-color': SITE_COLORS.shared,
      },
    },
    {
      id: SITE_LAYER,
      type: 'circle',
      source: SITE_SOURCE,
      // Thinned at small scales (see `thinZoomOf`), so the coverage fill stays readable.
      filter: ['>=', ['zoom'], ['get', 'thin_zoom']],
      layout: { visibility: visibility[SITE_LAYER] },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ['case', ['get', 'shared'], 3, 2], 13, ['case', ['get', 'shared'], 8, 5]],
        'circle-color': ['case', ['get', 'shared'], SITE_COLORS.shared, SITE_COLORS.single],
        'circle-stroke-color': SITE_COLORS.halo,
        'circle-stroke-width': 1,
      },
    },
  ];
}

/**
 * Fibre access points, on FTTH maps only: thinned below zoom 11 like the sites, smaller at the province
 * view (the print's `fibreRadiusMm` ramp), with the white ring only from zoom 11.
 */
export function buildFibreLayers(layer: LayerName = 'ftth'): LayerSpecification[] {
  const visibility = buildSymbolVisibility(layer, false);
  return [
    {
      // Fibre routes (cable lines), under the access points.
      id: FIBRE_ROUTE_LAYER,
      type: 'line',
      source: FIBRE_ROUTE_SOURCE,
      layout: { visibility: visibility[FIBRE_ROUTE_LAYER], 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': FIBRE_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 2.5], 'line-opacity': 0.9 },
    },
    {
      id: FIBRE_LAYER,
      type: 'circle',
      source: FIBRE_SOURCE,
      filter: ['>=', ['zoom'], ['get', 'thin_zoom']],
      layout: { visibility: visibility[FIBRE_LAYER] },
      paint: {
        'circle-radius': ['step', ['zoom'], 1.1, 10, 1.8, 12, 2.5],
        'circle-color': FIBRE_COLOR,
        'circle-stroke-color': '#FFFFFF',
        'circle-stroke-width': ['step', ['zoom'], 0, 11, 0.5],
      },
    },
  ];
}

/**
 * Which symbol layers a coverage layer draws: each map only its own symbols — fibre access points on
 * the FTTH map, sites (and on demand their footprints) on the mobile maps, never both.
 */
export function buildSymbolVisibility(layer: LayerName, showDiscs: boolean): Record<string, 'visible' | 'none'> {
  const isFibreMap = layer === 'ftth';
  return {
    [SITE_LAYER]: isFibreMap ? 'none' : 'visible',
    [COVERAGE_DISC_LAYER]: !isFibreMap && showDiscs ? 'visible' : 'none',
    [FIBRE_LAYER]: isFibreMap ? 'visible' : 'none',
    [FIBRE_ROUTE_LAYER]: isFibreMap ? 'visible' : 'none',
  };
}
