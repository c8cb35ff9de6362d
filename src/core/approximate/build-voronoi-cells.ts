import type { Position } from '../types';
import { clipPolygons, type PlanarPolygon } from './planar-polygons';

/** Rings of less area than this (m²) are slivers of floating-point clipping, not land. */
const SLIVER_AREA_M2 = 1e-3;

/**
 * The Voronoi cells of distinct seed points clipped to an area, in one planar frame (metres): cell i is
 * the part of the area nearer to seed i than to any other seed. Each cell is the area clipped by the
 * half-plane of its bisector with every other seed, nearest first; a seed farther than twice the
 * cell's reach cannot cut it any more, so a commune's tens of hamlets cost tens of clips each.
 * Multipolygons (islands) and holes are kept: a cell may come out in several pieces, or empty when its
 * seed lies outside the area and others are nearer to all of it.
 * @param area the area's polygons in metres (outer ring first, then holes; rings open)
 * @param seeds distinct points in metres (callers merge duplicates first)
 * @returns one list of planar polygons per seed, in the seeds' order; their areas sum to the area's
 * @throws never
 * @example buildVoronoiCells([[[[0, 0], [10, 0], [10, 10], [0, 10]]]], [[2, 5], [8, 5]])[0] // the left half
 */
export function buildVoronoiCells(area: readonly PlanarPolygon[], seeds: readonly Position[]): PlanarPolygon[][] {
  return seeds.map((seed, i) => {
    const others = seeds
      .map((other, j) => ({ other, distance: Math.hypot(other[0] - seed[0], other[1] - seed[1]), j }))
      .filter(({ j }) => j !== i)
      .sort((a, b) => a.distance - b.distance || a.j - b.j);
    let cell: PlanarPolygon[] = area.map((polygon) => polygon.map((ring) => ring.slice()));
    let reach = reachOf(cell, seed);
    for (const { other, distance } of others) {
      if (cell.length === 0) break;
      if (distance > 2 * reach) break;
      // Points nearer to `seed` than to `other`: (x − midpoint) · (other − seed) ≤ 0.
      const nx = other[0] - seed[0];
      const ny = other[1] - seed[1];
      const offset = nx * (seed[0] + other[0]) * 0.5 + ny * (seed[1] + other[1]) * 0.5;
      cell = clipPolygons(cell, nx, ny, offset, SLIVER_AREA_M2);
      reach = reachOf(cell, seed);
    }
    return cell;
  });
}

/** The farthest distance from the seed to a vertex of the cell (the cell lies within it). */
function reachOf(cell: readonly PlanarPolygon[], seed: Position): number {
  let reach = 0;
  for (const polygon of cell) for (const [x, y] of polygon[0]) reach = Math.max(reach, Math.hypot(x - seed[0], y - seed[1]));
  return reach;
}
