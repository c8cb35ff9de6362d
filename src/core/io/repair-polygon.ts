import { union } from '@turf/union';
import type { AreaGeometry, PolygonCoordinates } from '../types';

/** What {@link repairPolygon} did. */
export type PolygonRepair =
  | { status: 'valid'; geometry: AreaGeometry }
  | { status: 'repaired'; geometry: AreaGeometry; selfIntersections: number; areaChange: number }
  | { status: 'unrepairable'; reason: string };

/**
 * Checks a hamlet polygon for crossing edges (a sweep over the edges' x-ranges, so a ring of 50,000
 * vertices costs milliseconds, where `@turf/kinks` compares every pair) and repairs it when that is safe: the
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
  const crossings = countCrossings(geometry);
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

interface Edge {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  ring: number;
  index: number;
  ringLength: number;
}

/** Pairs of edges that cross at a point inside both (touching and collinear overlaps are not counted). */
function countCrossings(geometry: AreaGeometry): number {
  const polygons: PolygonCoordinates[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const edges: Edge[] = [];
  let ringNumber = 0;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let index = 0; index + 1 < ring.length; index += 1) {
        const [ax, ay] = ring[index];
        const [bx, by] = ring[index + 1];
        edges.push({ ax, ay, bx, by, minX: Math.min(ax, bx), maxX: Math.max(ax, bx), ring: ringNumber, index, ringLength: ring.length - 1 });
      }
      ringNumber += 1;
    }
  }
  edges.sort((a, b) => a.minX - b.minX);
  let crossings = 0;
  for (let i = 0; i < edges.length; i += 1) {
    const first = edges[i];
    for (let j = i + 1; j < edges.length && edges[j].minX <= first.maxX; j += 1) {
      const second = edges[j];
      if (Math.max(first.ay, first.by) < Math.min(second.ay, second.by) || Math.max(second.ay, second.by) < Math.min(first.ay, first.by)) continue;
      if (first.ring === second.ring) {
        const gap = Math.abs(first.index - second.index);
        if (gap <= 1 || gap === first.ringLength - 1) continue;
      }
      const d1 = orient(first.ax, first.ay, first.bx, first.by, second.ax, second.ay);
      const d2 = orient(first.ax, first.ay, first.bx, first.by, second.bx, second.by);
      const d3 = orient(second.ax, second.ay, second.bx, second.by, first.ax, first.ay);
      const d4 = orient(second.ax, second.ay, second.bx, second.by, first.bx, first.by);
      if (d1 * d2 < 0 && d3 * d4 < 0) crossings += 1;
    }
  }
  return crossings;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}
