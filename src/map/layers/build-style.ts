import type { LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerName } from '../../core';
import { buildHamletLayers, HAMLET_SOURCE } from './hamlet-layers';
import { buildLabelLayers, COMMUNE_LABEL_SOURCE, DISTRICT_LABEL_SOURCE } from './label-layers';
import { buildOutlineLayers, OUTLINE_SOURCE } from './outline-layers';
import { BACKGROUND_COLOR } from './palette';
import { buildFibreLayers, buildSiteLayers, COVERAGE_SOURCE, FIBRE_ROUTE_SOURCE, FIBRE_SOURCE, SITE_SOURCE } from './site-layers';

export const BASEMAP_SOURCE = 'osm-basemap';
export const BASEMAP_LAYER = 'osm-basemap';

export interface BasemapOptions {
  isEnabled: boolean;
  url: string;
  attribution: string;
}

export interface StyleOptions {
  layer: LayerName;
  selectedId: string | null;
  basemap: BasemapOptions;
  showDiscs: boolean;
}

const EMPTY_COLLECTION = { type: 'FeatureCollection' as const, features: [] };

/** The opt-in online raster basemap: a source and a layer, or nothing when it is off (the default). */
export function buildBasemap(basemap: BasemapOptions): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  if (!basemap.isEnabled || basemap.url.trim() === '') return { sources: {}, layers: [] };
  return {
    sources: { [BASEMAP_SOURCE]: { type: 'raster', tiles: [basemap.url], tileSize: 256, maxzoom: 19, attribution: basemap.attribution } },
    layers: [{ id: BASEMAP_LAYER, type: 'raster', source: BASEMAP_SOURCE, paint: { 'raster-opacity': 0.8 } }],
  };
}

/**
 * The whole map style. No `glyphs` and no `sprite`: with none, MapLibre draws labels with local fonts
 * (Vietnamese diacritics included) and the page makes no request off its origin. Data sources start
 * empty and are filled by the map controller.
 */
export function buildStyle(options: StyleOptions): StyleSpecification {
  const basemap = buildBasemap(options.basemap);
  return {
    version: 8,
    sources: {
      ...basemap.sources,
      // Features known by their hamlet id, which keys their coverage state.
      [HAMLET_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' },
      [OUTLINE_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
      [COMMUNE_LABEL_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
      [DISTRICT_LABEL_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
      [SITE_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
      [COVERAGE_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
      [FIBRE_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
      [FIBRE_ROUTE_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      ...basemap.layers,
      ...buildHamletLayers(options.layer, options.selectedId),
      ...buildOutlineLayers(),
      ...buildFibreLayers(options.layer),
      ...buildSiteLayers(options.showDiscs, options.layer),
      // Labels last: above every symbol (layers added later are inserted below them).
      ...buildLabelLayers(),
    ],
  };
}

/** The sources the first frame draws: the hamlets and the sites (a basemap's, when one is on, too). */
const FIRST_FRAME_SOURCES: ReadonlySet<string> = new Set([HAMLET_SOURCE, SITE_SOURCE]);

export interface LaterLayers {
  sources: [string, SourceSpecification][];
  /** In drawing order, each with the first-frame layer it goes under (none: on top). */
  layers: { layer: LayerSpecification; beforeId: string | undefined }[];
}

/**
 * Splits a style into what the first frame needs (the background, a basemap, the layers of
 * {@link FIRST_FRAME_SOURCES}) and the rest, with where each later layer goes so the order is kept.
 */
export function splitFirstFrame(style: StyleSpecification): { first: StyleSpecification; later: LaterLayers } {
  const isFirstSource = (id: string) => FIRST_FRAME_SOURCES.has(id) || style.sources[id]?.type !== 'geojson';
  const isFirst = (layer: LayerSpecification) => !('source' in layer) || typeof layer.source !== 'string' || isFirstSource(layer.source);
  const firstLayers = style.layers.filter(isFirst);
  const later: LaterLayers = { sources: [], layers: [] };
  const firstSources: StyleSpecification['sources'] = {};
  for (const [id, source] of Object.entries(style.sources)) {
    if (isFirstSource(id)) firstSources[id] = source;
    else later.sources.push([id, source]);
  }
  style.layers.forEach((layer, index) => {
    if (isFirst(layer)) return;
    later.layers.push({ layer, beforeId: style.layers.slice(index + 1).find(isFirst)?.id });
  });
  return { first: { ...style, sources: firstSources, layers: firstLayers }, later };
}
