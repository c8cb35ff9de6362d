import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { coverageStatusOf, LAYER_NAMES, type CoverageReport, type FibrePoint, type FibreRoute, type Hamlet, type LayerName, type Site } from '../core';
import { changeProperty, type ChangeStatus } from './layers/change-layers';
import { APPROXIMATE_PROPERTY } from './layers/hamlet-layers';

type Collection = FeatureCollection<Geometry, Record<string, unknown>>;

/**
 * Hamlet polygons with the properties the style reads: id, name, and `status_<layer>` per layer (absent
 * until a report exists, which draws them grey), `approximate: true` on approximate hamlets (hatched,
 * dashed), and `change_<layer>` while a comparison is shown.
 * Results are joined by id, not by position.
 */
export function buildHamletCollection(hamlets: Hamlet[], report: CoverageReport | null, changes: Map<string, Record<LayerName, ChangeStatus>> | null = null): Collection {
  const results = new Map((report?.hamlets ?? []).map((result) => [result.id, result]));
  return {
    type: 'FeatureCollection',
    features: hamlets.map((hamlet): Feature<Geometry, Record<string, unknown>> => {
      const result = results.get(hamlet.id);
      const properties: Record<string, unknown> = { id: hamlet.id, name: hamlet.name, commune: hamlet.commune, district: hamlet.district };
      if (hamlet.approximate === true) properties[APPROXIMATE_PROPERTY] = true;
      if (result) for (const layer of LAYER_NAMES) properties[`status_${layer}`] = coverageStatusOf(result, layer);
      const change = changes?.get(hamlet.id);
      if (change) for (const layer of LAYER_NAMES) properties[changeProperty(layer)] = change[layer];
      return { type: 'Feature', properties, geometry: hamlet.geometry };
    }),
  };
}

/** Zoom until which sites and fibre points are thinned, and the spacing kept below it (CSS px). */
export const THINNING = { sites: { untilZoom: 10, cellPixels: 22 }, fibre: { untilZoom: 11, cellPixels: 6 } } as const;

/** Web Mercator x, y in [0, 1) of a position (the map's own projection, for grid cells). */
function mercator(lng: number, lat: number): [number, number] {
  const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/**
 * The zoom from which each point is drawn, so that below `untilZoom` about one point per
 * `cellPixels`-wide cell of the screen shows: at every zoom a point is kept when no point kept before it
 * (in the given priority order, or at a smaller zoom) already fills its cell. Points shown at one zoom are
 * shown at every larger zoom. Used as the `thin_zoom` property the site and fibre filters read.
 */
export function thinZoomOf(points: readonly { lng: number; lat: number }[], untilZoom: number, cellPixels: number, fromZoom = 5): number[] {
  const zooms = new Array<number>(points.length).fill(untilZoom);
  const projected = points.map((point) => mercator(point.lng, point.lat));
  for (let zoom = fromZoom; zoom < untilZoom; zoom++) {
    const cellsPerSide = (512 * 2 ** zoom) / cellPixels;
    const taken = new Set<number>();
    const cellOf = (i: number) => Math.floor(projected[i][1] * cellsPerSide) * 1e9 + Math.floor(projected[i][0] * cellsPerSide);
    for (let i = 0; i < points.length; i++) if (zooms[i] <= zoom) taken.add(cellOf(i));
    for (let i = 0; i < points.length; i++) {
      if (zooms[i] <= zoom) continue;
      const cell = cellOf(i);
      if (taken.has(cell)) continue;
      taken.add(cell);
      zooms[i] = zoom;
    }
  }
  return zooms;
}

/** Merged sites as points: operators, technologies, operator count, shared flag, and the zoom they show from (shared sites first). */
export function buildSiteCollection(sites: Site[]): Collection {
  const order = [...sites.keys()].sort((a, b) => Number(sites[b].shared) - Number(sites[a].shared));
  const ordered = order.map((i) => sites[i]);
  const thinZooms = thinZoomOf(ordered, THINNING.sites.untilZoom, THINNING.sites.cellPixels);
  const thinZoomBySite = new Map(ordered.map((site, i) => [site, thinZooms[i]]));
  return {
    type: 'FeatureCollection',
    features: sites.map((site) => ({
      type: 'Feature',
      properties: {
        id: site.id,
        operators: site.operators.join(', '),
        technologies: site.technologies.join(', '),
        operator_count: site.operators.length,
        shared: site.shared,
        thin_zoom: thinZoomBySite.get(site) ?? 0,
      },
      geometry: { type: 'Point', coordinates: [site.lng, site.lat] },
    })),
  };
}

/** Fibre access points with the zoom each shows from (thinned like the sites). */
export function buildFibreCollection(points: FibrePoint[]): Collection {
  const thinZooms = thinZoomOf(points, THINNING.fibre.untilZoom, THINNING.fibre.cellPixels);
  return {
    type: 'FeatureCollection',
    features: points.map((point, i) => ({
      type: 'Feature',
      properties: { id: point.id, operator: point.operator ?? '', kind: point.kind ?? '', thin_zoom: thinZooms[i] },
      geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
    })),
  };
}

/** Fibre routes as lines (operator and id). */
export function buildFibreRouteCollection(routes: FibreRoute[]): Collection {
  return {
    type: 'FeatureCollection',
    features: routes.filter((route) => route.coordinates.length >= 2).map((route) => ({ type: 'Feature', properties: { id: route.id, operator: route.operator ?? '' }, geometry: { type: 'LineString', coordinates: route.coordinates } })),
  };
}

/** `[minLng, minLat, maxLng, maxLat]` of a hamlet, or null without coordinates. */
export function hamletBounds(hamlet: Hamlet): [number, number, number, number] | null {
  const polygons = hamlet.geometry.type === 'Polygon' ? [hamlet.geometry.coordinates] : hamlet.geometry.coordinates;
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const [lng, lat] of polygon[0] ?? []) {
      bounds[0] = Math.min(bounds[0], lng);
      bounds[1] = Math.min(bounds[1], lat);
      bounds[2] = Math.max(bounds[2], lng);
      bounds[3] = Math.max(bounds[3], lat);
    }
  }
  return Number.isFinite(bounds[0]) ? bounds : null;
}

/** Bounds of all hamlets, for the first view. */
export function datasetBounds(hamlets: Hamlet[]): [number, number, number, number] | null {
  let all: [number, number, number, number] | null = null;
  for (const hamlet of hamlets) {
    const bounds = hamletBounds(hamlet);
    if (!bounds) continue;
    all = all ? [Math.min(all[0], bounds[0]), Math.min(all[1], bounds[1]), Math.max(all[2], bounds[2]), Math.max(all[3], bounds[3])] : bounds;
  }
  return all;
}
