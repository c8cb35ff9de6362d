import { union } from '@turf/union';
import { message, type Message } from '../messages';
import type { AreaGeometry, PolygonCoordinates } from '../types';
import { hasRingCrossing } from './find-ring-crossing';

/** What {@link repairPolygon} did. */
export type PolygonRepair =
  | { status: 'valid'; geometry: AreaGeometry }
  | { status: 'repaired'; geometry: AreaGeometry; areaChange: number }
  | { status: 'unrepairable'; reason: Message };

/**
 * Checks a hamlet polygon for crossing edges (a sweep line, `hasRingCrossing`, O(n log n): a
 * 200,000-vertex ring costs a fraction of a second, where `@turf/kinks` compares every pair) and repairs it when that is safe: the
 * polygon is rebuilt by a union with itself (`@turf/union`, i.e. polygon clipping), which turns a
 * bow-tie or a ring that crosses itself into valid parts — the "buffer(0)" of desktop GIS. The repair
 * counts as safe when the area changes by less than `maxAreaChange` (a fifth, by default) against the
 * signed (shoelace) area of the rings as drawn — a small loop at a corner passes, a bow-tie (signed area
 * near zero: which half was meant?) does not; a refused polygon, or one with nothing left, is reported.
 * @param geometry a Polygon or MultiPolygon with closed rings of at least 4 positions, WGS84 degrees
 * @param maxAreaChange largest accepted relative area change, 0–1
 * @returns `valid` (unchanged), `repaired` (new geometry, relative area change), or `unrepairable` with
 *   the reason (`self-intersection-unrepairable`, `self-intersection-empty`, `self-intersection-area-change`)
 * @throws never
 * @example repairPolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }).status // 'unrepairable' (a bow-tie)
 */
export function repairPolygon(geometry: AreaGeometry, maxAreaChange = 0.2): PolygonRepair {
  const polygons: PolygonCoordinates[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!hasRingCrossing(polygons.flat())) return { status: 'valid', geometry };
  let repaired: AreaGeometry | null = null;
  try {
    const result = union({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }, { type: 'Feature', properties: {}, geometry }] } as never) as { geometry: AreaGeometry } | null;
    repaired = result === null ? null : result.geometry;
  } catch {
    return { status: 'unrepairable', reason: message('self-intersection-unrepairable') };
  }
  if (repaired === null) return { status: 'unrepairable', reason: message('self-intersection-empty') };
  const before = ringsArea(geometry);
  const after = ringsArea(repaired);
  const areaChange = before === 0 ? 1 : Math.abs(after - before) / before;
  if (areaChange > maxAreaChange) return { status: 'unrepairable', reason: message('self-intersection-area-change', { changeShare: areaChange }) };
  return { status: 'repaired', geometry: repaired, areaChange };
}

/**
 * A ring's area by the shoelace formula, in the square of its coordinates' unit (degrees² here: enough
 * for ratios and for telling an empty ring), always ≥ 0.
 * @param ring a closed ring
 * @returns its area
 * @throws never
 * @example ringArea([[0, 0], [1, 0], [1, 1], [0, 0]]) // 0.5
 */
export function ringArea(ring: readonly (readonly number[])[]): number {
  if (ring.length < 3) return 0;
  // Relative to the first vertex: absolute degrees (105°, 9°) would cancel away a small ring's digits.
  const [x0, y0] = ring[0];
  let twice = 0;
  for (let i = 1; i + 1 < ring.length; i += 1) twice += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  return Math.abs(twice / 2);
}

/** Outer rings minus holes, each ring's shoelace area made positive (planar degrees², enough for a ratio). */
function ringsArea(geometry: AreaGeometry): number {
  const polygons: PolygonCoordinates[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      total += (index === 0 ? 1 : -1) * ringArea(ring);
    });
  }
  return Math.abs(total);
}
