import { kinks } from '@turf/kinks';
import { union } from '@turf/union';
import type { AreaGeometry, PolygonCoordinates } from '../types';

/** What {@link repairPolygon} did. */
export type PolygonRepair =
  | { status: 'valid'; geometry: AreaGeometry }
  | { status: 'repaired'; geometry: AreaGeometry; selfIntersections: number; areaChange: number }
  | { status: 'unrepairable'; reason: string };

/**
 * Checks a hamlet polygon for self-intersections (`@turf/kinks`) and repairs it when that is safe: the
 * polygon is rebuilt by a union with itself (`@turf/union`, i.e. polygon clipping), which turns a
 * bow-tie or a ring that crosses itself into valid parts — the "buffer(0)" of desktop GIS. The repair
 * counts as safe when the area changes by less than `maxAreaChange` (a fifth, by default) against the
 * signed (shoelace) area of the rings as drawn — a small loop at a corner passes, a bow-tie (signed area
 * near zero: which half was meant?) does not; a refused polygon, or one with nothing left, is reported.
 * @param geometry a Polygon or MultiPolygon with closed rings of at least 4 positions, WGS84 degrees
 * @param maxAreaChange largest accepted relative area change, 0–1
 * @returns `valid` (unchanged), `repaired` (new geometry, number of crossings, relative area change), or
 *   `unrepairable` with the reason
 * @throws never
 * @example repairPolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }).status // 'unrepairable' (a bow-tie)
 */
export function repairPolygon(geometry: AreaGeometry, maxAreaChange = 0.2): PolygonRepair {
  let crossings: number;
  try {
    crossings = kinks({ type: 'Feature', properties: {}, geometry } as never).features.length;
  } catch {
    crossings = 1;
  }
  if (crossings === 0) return { status: 'valid', geometry };
  let repaired: AreaGeometry | null = null;
  try {
    const result = union({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }, { type: 'Feature', properties: {}, geometry }] } as never) as { geometry: AreaGeometry } | null;
    repaired = result === null ? null : result.geometry;
  } catch (error) {
    return { status: 'unrepairable', reason: `ring crosses itself (${crossings} crossing${crossings === 1 ? '' : 's'}) and could not be repaired (${(error as Error).message})` };
  }
  if (repaired === null) return { status: 'unrepairable', reason: `ring crosses itself (${crossings} crossing${crossings === 1 ? '' : 's'}) and nothing is left after repair` };
  const before = ringsArea(geometry);
  const after = ringsArea(repaired);
  const areaChange = before === 0 ? 1 : Math.abs(after - before) / before;
  if (areaChange > maxAreaChange) {
    return { status: 'unrepairable', reason: `ring crosses itself (${crossings} crossing${crossings === 1 ? '' : 's'}); repairing it would change the area by ${Math.round(areaChange * 100)} %, so it is not repaired: fix the polygon in a GIS` };
  }
  return { status: 'repaired', geometry: repaired, selfIntersections: crossings, areaChange };
}

/** Outer rings minus holes, each ring's shoelace area made positive (planar degrees², enough for a ratio). */
function ringsArea(geometry: AreaGeometry): number {
  const polygons: PolygonCoordinates[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      let twice = 0;
      for (let i = 0; i + 1 < ring.length; i += 1) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      total += (index === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return Math.abs(total);
}
