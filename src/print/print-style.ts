import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { CoverageReport, FibrePoint, Hamlet, LayerName } from '../core';
import { buildStyle, type BasemapOptions } from '../map/layers/build-style';
import { HAMLET_SOURCE } from '../map/layers/hamlet-layers';
import { COMMUNE_LABEL_SOURCE, OUTLINE_SOURCE } from '../map/layers/outline-layers';
import { FIBRE_SOURCE, SITE_SOURCE } from '../map/layers/site-layers';
import { buildFibreCollection, buildHamletCollection, buildSiteCollection } from '../map/map-data';
import { buildCommuneLabelCollection, buildOutlineCollection } from '../map/outlines';
import type { UnitGrouping } from './print-content';

/** The white veil over hamlets outside the page's unit (atlas pages, one-unit extents). */
export const PRINT_MASK_LAYER = 'print-outside-unit';

export interface PrintStyleInput {
  layer: LayerName;
  basemap: BasemapOptions;
  hamlets: Hamlet[];
  report: CoverageReport;
  fibrePoints: FibrePoint[];
}

/** Shows every hamlet (no veil). */
export const NO_MASK: FilterSpecification = ['==', ['literal', 1], ['literal', 0]];

/** The hamlet feature property that holds the report's unit key of a grouping (a code where there is one). */
export function unitKeyProperty(grouping: UnitGrouping): string {
  return `unit_${grouping}`;
}

/** Veils hamlets whose unit (by the report's key) is not `key`. */
export function buildMaskFilter(grouping: UnitGrouping, key: string): ExpressionSpecification {
  return ['!=', ['to-string', ['get', unitKeyProperty(grouping)]], key];
}

const UNIT_GROUPINGS: UnitGrouping[] = ['district', 'commune', 'new_commune'];

/**
 * The app's own map style (same layers, colours and symbols as on screen) with its data filled in, the
 * selection highlight off, and the unit veil just under the hamlet labels.
 */
export function buildPrintStyle(input: PrintStyleInput): StyleSpecification {
  const style = buildStyle({ layer: input.layer, selectedId: null, basemap: input.basemap, showDiscs: false, showFibre: true });
  const hamletCollection = buildHamletCollection(input.hamlets, input.report);
  const results = new Map(input.report.hamlets.map((result) => [result.id, result]));
  for (const feature of hamletCollection.features) {
    const result = results.get(String(feature.properties.id));
    if (!result) continue;
    for (const grouping of UNIT_GROUPINGS) if (Object.hasOwn(result.groupKeys, grouping)) feature.properties[unitKeyProperty(grouping)] = result.groupKeys[grouping];
  }
  const data: Record<string, GeoJSONSourceSpecification['data']> = {
    [HAMLET_SOURCE]: hamletCollection as GeoJSONSourceSpecification['data'],
    [OUTLINE_SOURCE]: buildOutlineCollection(input.hamlets) as GeoJSONSourceSpecification['data'],
    [COMMUNE_LABEL_SOURCE]: buildCommuneLabelCollection(input.hamlets) as GeoJSONSourceSpecification['data'],
    [SITE_SOURCE]: buildSiteCollection(input.report.sites) as GeoJSONSourceSpecification['data'],
    [FIBRE_SOURCE]: buildFibreCollection(input.fibrePoints) as GeoJSONSourceSpecification['data'],
  };
  const sources = { ...style.sources };
  for (const [id, collection] of Object.entries(data)) sources[id] = { type: 'geojson', data: collection };
  const labelIndex = style.layers.findIndex((layer) => layer.id === 'hamlet-label');
  const layers = [...style.layers];
  layers.splice(labelIndex < 0 ? layers.length : labelIndex, 0, {
    id: PRINT_MASK_LAYER,
    type: 'fill',
    source: HAMLET_SOURCE,
    filter: NO_MASK,
    paint: { 'fill-color': '#FFFFFF', 'fill-opacity': 0.7 },
  });
  return { ...style, sources, layers };
}
