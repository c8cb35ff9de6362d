import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FIBRE_COLOR, SITE_COLORS } from './palette';

export const SITE_SOURCE = 'sites';
export const SITE_LAYER = 'site-point';
export const FIBRE_SOURCE = 'fibre';
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
export function buildSiteLayers(showDiscs: boolean): LayerSpecification[] {
  return [
    {
      id: COVERAGE_DISC_LAYER,
      type: 'fill',
      source: COVERAGE_SOURCE,
      layout: { visibility: showDiscs ? 'visible' : 'none' },
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
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ['case', ['get', 'shared'], 3, 2], 13, ['case', ['get', 'shared'], 8, 5]],
        'circle-color': ['case', ['get', 'shared'], SITE_COLORS.shared, SITE_COLORS.single],
        'circle-stroke-color': SITE_COLORS.halo,
        'circle-stroke-width': 1,
      },
    },
  ];
}

/** Fibre access points, shown from zoom 10 (7 500 dots at province scale only hide the coverage). */
export function buildFibreLayers(isVisible: boolean): LayerSpecification[] {
  return [
    {
      id: 'fibre-point',
      type: 'circle',
      source: FIBRE_SOURCE,
      minzoom: 10,
      layout: { visibility: isVisible ? 'visible' : 'none' },
      paint: { 'circle-radius': 2.5, 'circle-color': FIBRE_COLOR, 'circle-stroke-color': '#FFFFFF', 'circle-stroke-width': 0.5 },
    },
  ];
}
