import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { coverageStatusOf, LAYER_NAMES, type CoverageReport, type FibrePoint, type Hamlet, type LayerName, type Site } from '../core';
import { changeProperty, type ChangeStatus } from './layers/change-layers';

type Collection = FeatureCollection<Geometry, Record<string, unknown>>;

/**
 * Hamlet polygons with the properties the style reads: id, name, and `status_<layer>` per layer (absent
 * until a report exists, which draws them grey), and `change_<layer>` while a comparison is shown.
 * Results are joined by id, not by position.
 */
export function buildHamletCollection(hamlets: Hamlet[], report: CoverageReport | null, changes: Map<string, Record<LayerName, ChangeStatus>> | null = null): Collection {
  const results = new Map((report?.hamlets ?? []).map((result) => [result.id, result]));
  return {
    type: 'FeatureCollection',
    features: hamlets.map((hamlet): Feature<Geometry, Record<string, unknown>> => {
      const result = results.get(hamlet.id);
      const properties: Record<string, unknown> = { id: hamlet.id, name: hamlet.name, commune: hamlet.commune, district: hamlet.district };
      if (result) for (const layer of LAYER_NAMES) properties[`status_${layer}`] = coverageStatusOf(result, layer);
      const change = changes?.get(hamlet.id);
      if (change) for (const layer of LAYER_NAMES) properties[changeProperty(layer)] = change[layer];
      return { type: 'Feature', properties, geometry: hamlet.geometry };
    }),
  };
}

/** Merged sites as points: operators, technologies, operator count, shared flag. */
export function buildSiteCollection(sites: Site[]): Collection {
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
      },
      geometry: { type: 'Point', coordinates: [site.lng, site.lat] },
    })),
  };
}

export function buildFibreCollection(points: FibrePoint[]): Collection {
  return {
    type: 'FeatureCollection',
    features: points.map((point) => ({
      type: 'Feature',
      properties: { id: point.id, operator: point.operator ?? '', kind: point.kind ?? '' },
      geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
    })),
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
