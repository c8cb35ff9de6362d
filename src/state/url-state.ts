import { LAYER_NAMES, TECHNOLOGIES, type InputFilters, type LayerName, type Technology } from '../core';

/** A map view: centre `[lng, lat]` and zoom. */
export interface MapView {
  center: [number, number];
  zoom: number;
}

/** What the URL hash carries, so a link reopens the same map. */
export interface UrlState {
  layer: LayerName;
  filters: InputFilters;
  view: MapView | null;
}

export const DEFAULT_URL_STATE: UrlState = { layer: 'mobile', filters: { operators: null, technologies: null }, view: null };

/** `#layer=4g&ops=Viettel,VinaPhone&tech=4G&map=11.25/9.6000/105.9700` (zoom/lat/lng, like OSM links). */
export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  params.set('layer', state.layer);
  if (state.filters.operators !== null) params.set('ops', state.filters.operators.join(','));
  if (state.filters.technologies !== null) params.set('tech', state.filters.technologies.join(','));
  if (state.view) params.set('map', `${state.view.zoom.toFixed(2)}/${state.view.center[1].toFixed(5)}/${state.view.center[0].toFixed(5)}`);
  return `#${params.toString()}`;
}

function readList(value: string | null): string[] | null {
  if (value === null) return null;
  return value === '' ? [] : value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** Reads a hash written by `encodeUrlState`; unknown or malformed parts fall back to the defaults. */
export function decodeUrlState(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const layerText = params.get('layer');
  const layer = LAYER_NAMES.includes(layerText as LayerName) ? (layerText as LayerName) : DEFAULT_URL_STATE.layer;
  const technologies = readList(params.get('tech'));
  const filters: InputFilters = {
    operators: readList(params.get('ops')),
    technologies: technologies === null ? null : (technologies.filter((item) => TECHNOLOGIES.includes(item as Technology)) as Technology[]),
  };
  let view: MapView | null = null;
  const parts = (params.get('map') ?? '').split('/').map(Number);
  if (parts.length === 3 && parts.every(Number.isFinite) && Math.abs(parts[1]) <= 90 && Math.abs(parts[2]) <= 180) {
    view = { zoom: parts[0], center: [parts[2], parts[1]] };
  }
  return { layer, filters, view };
}
