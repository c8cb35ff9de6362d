/**
 * Planar polygon helpers of the approximate-hamlet builder: rings in a commune's local metric frame
 * (metres east and north of the commune's centre), clipped by half-planes.
 */
import { ellipsoidMetersPerDegree } from '../units';
import type { AreaGeometry, PolygonCoordinates, Position } from '../types';

/** A ring in metres, closed implicitly (the last vertex is not the first repeated). */
export type PlanarRing = Position[];
/** A polygon in metres: outer ring first, then holes. */
export type PlanarPolygon = PlanarRing[];

/** A local equirectangular frame on the WGS84 ellipsoid around an origin, in metres. */
export interface LocalFrame {
  toPlanar(position: Position): Position;
  toDegrees(position: Position): Position;
}

/**
 * The frame of one commune: origin at the centre of its bounding box, metres per degree of the
 * ellipsoid there, so distances (and so Voronoi bisectors) are true on the ground to well under 0.1 %
 * across a commune.
 */
export function createLocalFrame(geometry: AreaGeometry): LocalFrame {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of polygon[0] ?? []) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  const lng0 = (west + east) / 2;
  const lat0 = (south + north) / 2;
  const [kx, ky] = ellipsoidMetersPerDegree(lat0);
  return {
    toPlanar: ([lng, lat]) => [(lng - lng0) * kx, (lat - lat0) * ky],
    toDegrees: ([x, y]) => [lng0 + x / kx, lat0 + y / ky],
  };
}

/** The polygons of an area geometry, as a list. */
export function polygonsOf(geometry: AreaGeometry): PolygonCoordinates[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A GeoJSON ring without its closing vertex. */
function openRing(ring: Position[]): Position[] {
  const last = ring.length - 1;
  return last > 0 && ring[0][0] === ring[last][0] && ring[0][1] === ring[last][1] ? ring.slice(0, last) : ring;
}

/** An area geometry in the frame's metres, as planar polygons (rings open). */
export function toPlanarPolygons(geometry: AreaGeometry, frame: LocalFrame): PlanarPolygon[] {
  return polygonsOf(geometry).map((polygon) => polygon.map((ring) => openRing(ring).map(frame.toPlanar)));
}

/** Signed area of a ring (counter-clockwise positive), m². */
export function ringArea(ring: PlanarRing): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return twice / 2;
}

/** Area of planar polygons: outer rings minus holes, m². */
export function polygonsArea(polygons: readonly PlanarPolygon[]): number {
  let area = 0;
  for (const polygon of polygons) polygon.forEach((ring, r) => (area += r === 0 ? Math.abs(ringArea(ring)) : -Math.abs(ringArea(ring))));
  return area;
}

/**
 * Clips a ring by the half-plane `nx·x + ny·y ≤ offset` (Sutherland–Hodgman). A concave ring may come
 * out with zero-width bridges where it leaves and re-enters the half-plane; its area and its inside
 * (even–odd) are still exact, which is all the coverage kernel reads.
 */
export function clipRing(ring: PlanarRing, nx: number, ny: number, offset: number): PlanarRing {
  const out: PlanarRing = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const current = ring[i];
    const previous = ring[(i + n - 1) % n];
    const dc = nx * current[0] + ny * current[1] - offset;
    const dp = nx * previous[0] + ny * previous[1] - offset;
    if ((dc <= 0) !== (dp <= 0)) {
      const t = dp / (dp - dc);
      out.push([previous[0] + t * (current[0] - previous[0]), previous[1] + t * (current[1] - previous[1])]);
    }
    if (dc <= 0) out.push(current);
  }
  return out;
}

/**
 * Clips planar polygons by a half-plane: each ring separately (a hole inside its outer ring stays
 * inside the clipped outer ring, as both are cut by the same convex set); rings left without area are
 * dropped, and a polygon without its outer ring goes with it.
 * @param minimumArea rings of less area (m²) are dropped
 */
export function clipPolygons(polygons: readonly PlanarPolygon[], nx: number, ny: number, offset: number, minimumArea: number): PlanarPolygon[] {
  const out: PlanarPolygon[] = [];
  for (const polygon of polygons) {
    const outer = clipRing(polygon[0], nx, ny, offset);
    if (outer.length < 3 || Math.abs(ringArea(outer)) < minimumArea) continue;
    const clipped: PlanarPolygon = [outer];
    for (let r = 1; r < polygon.length; r++) {
      const hole = clipRing(polygon[r], nx, ny, offset);
      if (hole.length >= 3 && Math.abs(ringArea(hole)) >= minimumArea) clipped.push(hole);
    }
    out.push(clipped);
  }
  return out;
}

/** Whether a point is inside planar polygons (even–odd over every ring; on an edge counts as inside). */
export function isInsidePolygons(polygons: readonly PlanarPolygon[], [x, y]: Position, toleranceMeters = 1e-6): boolean {
  let inside = false;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (distanceToSegment(x, y, xi, yi, xj, yj) <= toleranceMeters) return true;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2)) : 0;
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The point of the polygons' boundary nearest to a point, and its distance (m). */
export function nearestBoundaryPoint(polygons: readonly PlanarPolygon[], [x, y]: Position): { point: Position; distanceMeters: number } {
  let best: Position = [x, y];
  let bestDistance = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[j];
        const dx = ring[i][0] - ax;
        const dy = ring[i][1] - ay;
        const length2 = dx * dx + dy * dy;
        const t = length2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2)) : 0;
        const px = ax + t * dx;
        const py = ay + t * dy;
        const distance = Math.hypot(x - px, y - py);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = [px, py];
        }
      }
    }
  }
  return { point: best, distanceMeters: bestDistance };
}

/** Planar polygons back in degrees as an area geometry (rings closed, outer rings counter-clockwise). */
export function toAreaGeometry(polygons: readonly PlanarPolygon[], frame: LocalFrame): AreaGeometry {
  const coordinates = polygons.map((polygon) =>
    polygon.map((ring, r) => {
      const isCounterClockwise = ringArea(ring) > 0;
      const oriented = isCounterClockwise === (r === 0) ? ring : [...ring].reverse();
      const degrees = oriented.map(frame.toDegrees);
      return [...degrees, degrees[0]];
    }),
  );
  return coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates };
}
