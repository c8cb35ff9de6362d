import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';
import type { ReferenceLayer } from '../../core';
import { REFERENCE_COLORS } from './palette';

export const REFERENCE_SOURCE = 'reference-layers';
export const REFERENCE_FILL_LAYER = 'reference-fill';
export const REFERENCE_OUTLINE_LAYER = 'reference-outline';
export const REFERENCE_LINE_LAYER = 'reference-line';
export const REFERENCE_AREA_LABEL_LAYER = 'reference-area-label';
export const REFERENCE_LINE_LABEL_LAYER = 'reference-line-label';

/** Widths of reference areas' edges and of reference lines, px (the print uses the same). */
export const REFERENCE_WIDTHS_PX = { areaOutline: 0.8, line: 1.4 } as const;

/** The font stack of the labels (no glyphs URL: the browser's fonts, diacritics included). */
const REGULAR_FONT = ['Be Vietnam Pro', 'Noto Sans', 'DejaVu Sans', 'sans-serif'].join(',');

/** The label of a reference feature: its value of the layer's label attribute, or '' for none. */
export function referenceLabelOf(layer: ReferenceLayer, values: readonly (string | null)[]): string {
  if (layer.labelAttribute === null) return '';
  const index = layer.attributes.indexOf(layer.labelAttribute);
  return index < 0 ? '' : (values[index] ?? '');
}

/** Every reference layer's features as one collection, each with `layer` (its id), `kind` (area or line) and `label`. */
export function buildReferenceCollection(layers: readonly ReferenceLayer[]): FeatureCollection {
  const features: Feature[] = [];
  for (const layer of layers) {
    for (const feature of layer.features) {
      const kind = feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon' ? 'area' : 'line';
      features.push({ type: 'Feature', properties: { layer: layer.id, kind, label: referenceLabelOf(layer, feature.values) }, geometry: feature.geometry });
    }
  }
  return { type: 'FeatureCollection', features };
}

export function buildReferenceSource(): Record<string, SourceSpecification> {
  return { [REFERENCE_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } };
}

/** The shapes, drawn under the hamlet fills (see `MapController`): areas, their edges, lines. */
export function buildReferenceShapeLayers(): LayerSpecification[] {
  return [
    { id: REFERENCE_FILL_LAYER, type: 'fill', source: REFERENCE_SOURCE, filter: ['==', ['get', 'kind'], 'area'], paint: { 'fill-color': REFERENCE_COLORS.areaFill, 'fill-opacity': 0.9 } },
    { id: REFERENCE_OUTLINE_LAYER, type: 'line', source: REFERENCE_SOURCE, filter: ['==', ['get', 'kind'], 'area'], paint: { 'line-color': REFERENCE_COLORS.areaOutline, 'line-width': REFERENCE_WIDTHS_PX.areaOutline } },
    { id: REFERENCE_LINE_LAYER, type: 'line', source: REFERENCE_SOURCE, filter: ['==', ['get', 'kind'], 'line'], layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': REFERENCE_COLORS.line, 'line-width': REFERENCE_WIDTHS_PX.line } },
  ];
}

/** The names: along lines, inside areas; below the unit and hamlet labels, which win a collision. */
export function buildReferenceLabelLayers(): LayerSpecification[] {
  const label = (kind: 'area' | 'line'): LayerSpecification => ({
    id: kind === 'line' ? REFERENCE_LINE_LABEL_LAYER : REFERENCE_AREA_LABEL_LAYER,
    type: 'symbol',
    source: REFERENCE_SOURCE,
    filter: ['all', ['==', ['get', 'kind'], kind], ['!=', ['get', 'label'], '']],
    layout: { 'text-field': ['get', 'label'], 'text-font': [REGULAR_FONT], 'text-size': 11, 'symbol-placement': kind === 'line' ? 'line' : 'point', 'text-max-width': 8, 'text-padding': 4 },
    paint: { 'text-color': kind === 'line' ? REFERENCE_COLORS.lineLabel : REFERENCE_COLORS.label, 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.4 },
  });
  return [label('area'), label('line')];
}
