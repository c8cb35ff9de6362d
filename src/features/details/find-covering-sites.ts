import type { CoverageConfig, Hamlet, Position, Site } from '../../core';

const METERS_PER_DEGREE = 111_320;

function ringsOf(hamlet: Hamlet): Position[][] {
  return hamlet.geometry.type === 'Polygon' ? hamlet.geometry.coordinates : hamlet.geometry.coordinates.flat();
}

function isInside(rings: Position[][], x: number, y: number, project: (position: Position) => [number, number]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = project(ring[i]);
      const [xj, yj] = project(ring[j]);
      if (yi > y !== yj > y && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) inside = !inside;
    }
  }
  return inside;
}

/** Distance in metres from a point to a hamlet (0 inside), on a local equirectangular projection. */
export function distanceToHamletMeters(hamlet: Hamlet, lng: number, lat: number): number {
  const kx = METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const project = ([pointLng, pointLat]: Position): [number, number] => [(pointLng - lng) * kx, (pointLat - lat) * METERS_PER_DEGREE];
  const rings = ringsOf(hamlet);
  if (isInside(rings, 0, 0, project)) return 0;
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = project(ring[i]);
      const [bx, by] = project(ring[i + 1]);
      const dx = bx - ax;
      const dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const along = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
      best = Math.min(best, Math.hypot(ax + along * dx, ay + along * dy));
    }
  }
  return best;
}

/**
 * Sites whose widest mobile-broadband radius reaches the hamlet, nearest first (2G-only sites do not
 * count, as in the engine's mobile layer). A screening for the details panel: it ignores sector
 * azimuths and per-record radii, so it may list a site the engine's exact coverage does not count.
 */
export function findCoveringSites(hamlet: Hamlet, sites: Site[], config: Pick<CoverageConfig, 'radiiMeters' | 'mobileBroadband'>): { site: Site; distanceMeters: number }[] {
  const found: { site: Site; distanceMeters: number }[] = [];
  for (const site of sites) {
    const broadband = site.technologies.filter((technology) => config.mobileBroadband.includes(technology));
    const radius = Math.max(-1, ...broadband.map((technology) => config.radiiMeters[technology]));
    const distance = distanceToHamletMeters(hamlet, site.lng, site.lat);
    if (distance <= radius) found.push({ site, distanceMeters: distance });
  }
  return found.sort((a, b) => a.distanceMeters - b.distanceMeters || a.site.id.localeCompare(b.site.id));
}
