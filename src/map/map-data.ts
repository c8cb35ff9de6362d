import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { coverageStatus, coverageStatusOf, LAYER_NAMES, type CoverageReport, type FibrePoint, type FibreRoute, type Hamlet, type LayerName, type Site } from '../core';
import { changeProperty, type ChangeStatus } from './layers/change-layers';
import { APPROXIMATE_PROPERTY, statusProperty } from './layers/hamlet-layers';

type Collection = FeatureCollection<Geometry, Record<string, unknown>>;

/**
 * Hamlet polygons with the properties the style reads: id, name, `approximate: true` on approximate
 * hamlets (hatched, dashed), and `change_<layer>` while a comparison is shown. Their coverage is not
 * here: it is the features' state (see {@link buildHamletStatuses}), so the map draws the outlines as
 * soon as the dataset is ready and colours them when the analysis arrives without tiling them again.
 */
export function buildHamletCollection(hamlets: Hamlet[], changes: Map<string, Record<LayerName, ChangeStatus>> | null = null): Collection {
  return {
    type: 'FeatureCollection',
    features: hamlets.map((hamlet): Feature<Geometry, Record<string, unknown>> => {
      const properties: Record<string, unknown> = { id: hamlet.id, name: hamlet.name, commune: hamlet.commune, district: hamlet.district };
      if (hamlet.approximate === true) properties[APPROXIMATE_PROPERTY] = true;
      const change = changes?.get(hamlet.id);
      if (change) for (const layer of LAYER_NAMES) properties[changeProperty(layer)] = change[layer];
      return { type: 'Feature', properties, geometry: hamlet.geometry };
    }),
  };
}

/**
 * Each analysed hamlet's feature state: `status_<layer>` (covered / partial / none) per layer, by
 * hamlet id (results joined by id, not by position). A hamlet without a result has none and is drawn grey.
 */
export function buildHamletStatuses(report: CoverageReport): Map<string, Record<string, string>> {
  const statuses = new Map<string, Record<string, string>>();
  for (const result of report.hamlets) {
    const state: Record<string, string> = {};
    for (const layer of LAYER_NAMES) state[statusProperty(layer)] = coverageStatusOf(result, layer);
    statuses.set(result.id, state);
  }
  return statuses;
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
  // Typed, not one [x, y] array per point: these run over a million sites.
  const projected = new Float64Array(2 * points.length);
  points.forEach((point, i) => projected.set(mercator(point.lng, point.lat), 2 * i));
  for (let zoom = fromZoom; zoom < untilZoom; zoom++) {
    const cellsPerSide = (512 * 2 ** zoom) / cellPixels;
    const taken = new Set<number>();
    const cellOf = (i: number) => Math.floor(projected[2 * i + 1] * cellsPerSide) * 1e9 + Math.floor(projected[2 * i] * cellsPerSide);
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

/**
 * Above this many points a layer's map source holds only what the view needs (see {@link MapViewWindow}):
 * as GeoJSON in the map's worker a point takes about 4 KB (its copy at every indexed tile level), so a
 * million sites would take gigabytes.
 */
export const VIEW_LIMITED_FROM = 50_000;
/** Zoom until which a view-limited layer is thinned: far enough that a thinned view holds a few thousand points. */
const VIEW_LIMITED_THINNING_ZOOM = 16;

/** The map's view, for a view-limited layer: `[west, south, east, north]` and the zoom. */
export interface MapViewWindow {
  bounds: [number, number, number, number];
  zoom: number;
}

/**
 * Indices of the points a view-limited layer draws: those inside the view (widened by half its size
 * each way, so a short pan shows points at once) that show at this zoom or the next.
 */
function pointsInView(points: readonly { lng: number; lat: number }[], zooms: readonly number[], view: MapViewWindow): number[] {
  const [west, south, east, north] = view.bounds;
  const padLng = (east - west) / 2;
  const padLat = (north - south) / 2;
  const shown: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const { lng, lat } = points[i];
    if (zooms[i] <= view.zoom + 1 && lng >= west - padLng && lng <= east + padLng && lat >= south - padLat && lat <= north + padLat) shown.push(i);
  }
  return shown;
}

// Thinning a million points takes a second: done once per list, not on every move.
const thinCache = new WeakMap<readonly object[], number[]>();

/** Each point's thin zoom; a list of more than {@link VIEW_LIMITED_FROM} points is thinned to a deeper zoom. */
function cachedThinZooms<Point extends { lng: number; lat: number }>(points: readonly Point[], thinning: { untilZoom: number; cellPixels: number }, order?: (points: readonly Point[]) => number[]): number[] {
  let zooms = thinCache.get(points);
  if (!zooms) {
    const untilZoom = points.length > VIEW_LIMITED_FROM ? VIEW_LIMITED_THINNING_ZOOM : thinning.untilZoom;
    if (order) {
      const indices = order(points);
      const ordered = thinZoomOf(indices.map((i) => points[i]), untilZoom, thinning.cellPixels);
      zooms = new Array<number>(points.length);
      indices.forEach((index, rank) => (zooms![index] = ordered[rank]));
    } else zooms = thinZoomOf(points, untilZoom, thinning.cellPixels);
    thinCache.set(points, zooms);
  }
  return zooms;
}

/** Whether a layer of this many points is view-limited (its map source then follows the view). */
export function isViewLimited(count: number): boolean {
  return count > VIEW_LIMITED_FROM;
}

/**
 * Merged sites as points: operators, technologies, operator count, shared flag, and the zoom they show
 * from (shared sites first). Of a view-limited list (see {@link isViewLimited}), only the sites `view` needs.
 */
export function buildSiteCollection(sites: Site[], view: MapViewWindow | null = null): Collection {
  const thinZooms = cachedThinZooms(sites, THINNING.sites, (points) => [...points.keys()].sort((a, b) => Number(points[b].shared) - Number(points[a].shared)));
  const shown = view && isViewLimited(sites.length) ? pointsInView(sites, thinZooms, view) : [...sites.keys()];
  return {
    type: 'FeatureCollection',
    features: shown.map((i) => {
      const site = sites[i];
      return {
        type: 'Feature',
        properties: {
          id: site.id,
          operators: site.operators.join(', '),
          technologies: site.technologies.join(', '),
          operator_count: site.operators.length,
          shared: site.shared,
          thin_zoom: thinZooms[i],
        },
        geometry: { type: 'Point', coordinates: [site.lng, site.lat] },
      };
    }),
  };
}

/** Fibre access points with the zoom each shows from (thinned like the sites); of a view-limited list, only those `view` needs. */
export function buildFibreCollection(points: FibrePoint[], view: MapViewWindow | null = null): Collection {
  const thinZooms = cachedThinZooms(points, THINNING.fibre);
  const shown = view && isViewLimited(points.length) ? pointsInView(points, thinZooms, view) : [...points.keys()];
  return {
    type: 'FeatureCollection',
    features: shown.map((i) => {
      const point = points[i];
      return {
        type: 'Feature',
        properties: { id: point.id, operator: point.operator ?? '', kind: point.kind ?? '', thin_zoom: thinZooms[i] },
        geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
      };
    }),
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

/**
 * The H3 view's hexagons with each one's class (`status`: covered / partial / none) by the engine's
 * rule and the shown layer's threshold, as the hamlets are classed (a share that is not a number in
 * [0, 1] gets no class and is drawn as no data).
 */
export function buildHexViewCollection(collection: FeatureCollection, coveredThreshold: number): Collection {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature): Feature<Geometry, Record<string, unknown>> => {
      const properties: Record<string, unknown> = { ...(feature.properties ?? {}) };
      const share = properties.covered_share;
      if (typeof share === 'number' && share >= 0 && share <= 1) properties.status = coverageStatus(share, coveredThreshold);
      return { type: 'Feature', properties, geometry: feature.geometry };
    }),
  };
}
