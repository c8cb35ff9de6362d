/**
 * Point-in-hamlet, distance-to-hamlet and a point surely inside a hamlet, in the hamlet's own
 * metric frame (see `prepareHamlets`).
 */
import type { PreparedHamlet } from './area-kernel';

function toFrame(hamlet: PreparedHamlet, lng: number, lat: number): [number, number] {
  return [(lng - hamlet.lng0) * hamlet.kx, (lat - hamlet.lat0) * hamlet.ky];
}

function isInsideXY(hamlet: PreparedHamlet, x: number, y: number): boolean {
  let inside = false;
  for (const ring of hamlet.rings) {
    for (let i = 0; i + 3 < ring.length; i += 2) {
      const ay = ring[i + 1];
      const by = ring[i + 3];
      if (ay > y !== by > y && x < ring[i] + ((y - ay) * (ring[i + 2] - ring[i])) / (by - ay)) inside = !inside;
    }
  }
  return inside;
}

/**
 * Whether a point lies inside a hamlet (even–odd rule over all rings, so holes are holes).
 * @param hamlet the prepared hamlet
 * @param lng longitude, degrees
 * @param lat latitude, degrees
 * @returns true when inside
 * @example isPointInHamlet(prepareHamlet(geometry), 105.97, 9.6)
 */
export function isPointInHamlet(hamlet: PreparedHamlet, lng: number, lat: number): boolean {
  const [x, y] = toFrame(hamlet, lng, lat);
  if (x < hamlet.minX || x > hamlet.maxX || y < hamlet.minY || y > hamlet.maxY) return false;
  return isInsideXY(hamlet, x, y);
}

/**
 * Ground distance from a point to a hamlet: 0 inside, else to the nearest edge.
 * @param hamlet the prepared hamlet
 * @param lng longitude, degrees
 * @param lat latitude, degrees
 * @returns metres
 * @example distanceToHamletMeters(prepareHamlet(geometry), 105.97, 9.6) // 0 when inside
 */
export function distanceToHamletMeters(hamlet: PreparedHamlet, lng: number, lat: number): number {
  const [x, y] = toFrame(hamlet, lng, lat);
  if (x >= hamlet.minX && x <= hamlet.maxX && y >= hamlet.minY && y <= hamlet.maxY && isInsideXY(hamlet, x, y)) return 0;
  let best = Infinity;
  for (const ring of hamlet.rings) {
    for (let i = 0; i + 3 < ring.length; i += 2) {
      const ax = ring[i];
      const ay = ring[i + 1];
      const dx = ring[i + 2] - ax;
      const dy = ring[i + 3] - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2)) : 0;
      const ex = x - (ax + t * dx);
      const ey = y - (ay + t * dy);
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return Math.sqrt(best);
}

function ringCentroid(ring: Float32Array): { x: number; y: number; area: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    const cross = ring[i] * ring[i + 3] - ring[i + 2] * ring[i + 1];
    twiceArea += cross;
    cx += (ring[i] + ring[i + 2]) * cross;
    cy += (ring[i + 1] + ring[i + 3]) * cross;
  }
  if (twiceArea === 0) return { x: ring[0] ?? 0, y: ring[1] ?? 0, area: 0 };
  return { x: cx / (3 * twiceArea), y: cy / (3 * twiceArea), area: Math.abs(twiceArea) / 2 };
}

/**
 * A point inside the hamlet: the centroid of its largest ring when that lies inside, else the
 * middle of the widest inside stretch of the horizontal line through that centroid (a concave
 * or holed hamlet's centroid can fall outside it).
 * @param hamlet the prepared hamlet
 * @returns `[lng, lat]`, degrees
 * @example pointOnHamlet(prepareHamlet(geometry)) // [105.97, 9.6]
 */
export function pointOnHamlet(hamlet: PreparedHamlet): [number, number] {
  let largest = { x: (hamlet.minX + hamlet.maxX) / 2, y: (hamlet.minY + hamlet.maxY) / 2, area: -1 };
  for (const ring of hamlet.rings) {
    const centroid = ringCentroid(ring);
    if (centroid.area > largest.area) largest = centroid;
  }
  const toLngLat = (x: number, y: number): [number, number] => [hamlet.lng0 + x / hamlet.kx, hamlet.lat0 + y / hamlet.ky];
  if (isInsideXY(hamlet, largest.x, largest.y)) return toLngLat(largest.x, largest.y);
  for (const y of [largest.y, (hamlet.minY + hamlet.maxY) / 2]) {
    const crossings: number[] = [];
    for (const ring of hamlet.rings) {
      for (let i = 0; i + 3 < ring.length; i += 2) {
        const ay = ring[i + 1];
        const by = ring[i + 3];
        if (ay > y !== by > y) crossings.push(ring[i] + ((y - ay) * (ring[i + 2] - ring[i])) / (by - ay));
      }
    }
    crossings.sort((a, b) => a - b);
    let bestX = NaN;
    let bestWidth = 0;
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      // Wider by more than a millimetre: equal stretches (a symmetric U) keep the first, whatever
      // the rounding of the coordinates.
      if (crossings[k + 1] - crossings[k] > bestWidth + 1e-3) {
        bestWidth = crossings[k + 1] - crossings[k];
        bestX = (crossings[k] + crossings[k + 1]) / 2;
      }
    }
    if (bestWidth > 0) return toLngLat(bestX, y);
  }
  return toLngLat(largest.x, largest.y);
}
