import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { HAMLET_SOURCE } from './hamlet-layers';

export const DISTRICT_LABEL_SOURCE = 'district-labels';
export const COMMUNE_LABEL_SOURCE = 'commune-labels';
export const DISTRICT_LABEL_LAYER = 'district-label';
export const COMMUNE_LABEL_LAYER = 'commune-label';
export const HAMLET_LABEL_LAYER = 'hamlet-label';
/** The lowest label layer: every data layer added after the style (hexagons, proposals) goes below it. */
export const FIRST_LABEL_LAYER = HAMLET_LABEL_LAYER;

/**
 * The label hierarchy on screen: district names from the province view (zoom 9.3 on a 1366 px laptop,
 * 9.9 on a 1920 px screen) to the commune view, commune names from the district view (zoom 10), hamlet
 * names from the commune view (zoom 12). Paper is read closer, so the print starts each level one step
 * earlier (`PRINT_ZOOMS` in `print/vector-map.ts`).
 */
export const LABEL_ZOOMS = { districtUntil: 12, commune: 10, communeUntil: 14, hamlet: 12 } as const;

/** The font stacks: no glyphs URL, so MapLibre draws them with the browser's fonts (diacritics included). */
const REGULAR_FONT = ['Be Vietnam Pro', 'Noto Sans', 'DejaVu Sans', 'sans-serif'].join(',');

/**
 * Labels of districts, communes and hamlets, drawn above every other layer (above sites, fibre points,
 * hexagons and proposals) with a white halo. MapLibre places the top-most layer first, so the order
 * here (hamlet, commune, district from bottom to top) makes a district name win a collision.
 */
export function buildLabelLayers(): LayerSpecification[] {
  const halo = { 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.6, 'text-halo-blur': 0.3 };
  return [
    {
      id: HAMLET_LABEL_LAYER,
      type: 'symbol',
      source: HAMLET_SOURCE,
      minzoom: LABEL_ZOOMS.hamlet,
      layout: { 'text-field': ['get', 'name'], 'text-font': [REGULAR_FONT], 'text-size': 11, 'text-max-width': 7, 'text-padding': 2 },
      paint: { 'text-color': '#333333', ...halo },
    },
    {
      id: COMMUNE_LABEL_LAYER,
      type: 'symbol',
      source: COMMUNE_LABEL_SOURCE,
      minzoom: LABEL_ZOOMS.commune,
      maxzoom: LABEL_ZOOMS.communeUntil,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [REGULAR_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], LABEL_ZOOMS.commune, 11.5, 13, 13.5],
        'text-max-width': 8,
        'text-padding': 3,
      },
      paint: { 'text-color': '#222222', ...halo },
    },
    {
      id: DISTRICT_LABEL_LAYER,
      type: 'symbol',
      source: DISTRICT_LABEL_SOURCE,
      maxzoom: LABEL_ZOOMS.districtUntil,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [REGULAR_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 13, 11, 16],
        'text-max-width': 9,
        'text-padding': 1,
        // A district name moves off its point rather than vanish when another name is in the way.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.6,
        'text-letter-spacing': 0.02,
      },
      paint: { 'text-color': '#111111', ...halo, 'text-halo-width': 2 },
    },
  ];
}
