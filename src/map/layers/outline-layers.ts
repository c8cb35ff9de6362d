import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { OUTLINE_COLORS } from './palette';

export const OUTLINE_SOURCE = 'outlines';
export const DISTRICT_OUTLINE_LAYER = 'district-outline';

/** Commune, district and province boundaries (one line source with a `level` property). */
export function buildOutlineLayers(): LayerSpecification[] {
  return [
    {
      id: 'commune-outline',
      type: 'line',
      source: OUTLINE_SOURCE,
      minzoom: 9,
      filter: ['==', ['get', 'level'], 'commune'],
      paint: { 'line-color': OUTLINE_COLORS.commune, 'line-width': 1, 'line-dasharray': [3, 2] },
    },
    {
      id: DISTRICT_OUTLINE_LAYER,
      type: 'line',
      source: OUTLINE_SOURCE,
      filter: ['==', ['get', 'level'], 'district'],
      paint: { 'line-color': OUTLINE_COLORS.district, 'line-width': 1.6 },
    },
    {
      id: 'province-outline',
      type: 'line',
      source: OUTLINE_SOURCE,
      filter: ['==', ['get', 'level'], 'province'],
      paint: { 'line-color': OUTLINE_COLORS.province, 'line-width': 2.5 },
    },
  ];
}
