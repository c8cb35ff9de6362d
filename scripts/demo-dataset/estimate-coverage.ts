/**
 * A quick, independent estimate of how much of each hamlet lies within reach of a set of
 * points (omnidirectional discs), from a regular grid of sample points. Used to check the
 * demo dataset's intended gaps; the real engine lives in src/core/coverage.
 */
import { booleanPointInPolygon } from '@turf/turf';
import KDBush from 'kdbush';
import type { PolygonGeometry, Position } from '../../src/core';
import { polygonBbox, toLocalMeters } from './geometry-utils';

/** A point that covers a disc of `radiusMeters` around it. */
export interface CoveringPoint {
  position: Position;
  radiusMeters: number;
}

/**
 * Grid sample points inside a polygon: about `targetCount` of them, never fewer than one.
 * @param polygon the polygon
 * @param targetCount wanted number of samples
 * @returns `[lng, lat]` samples inside the polygon
 * @example samplePolygon(hamlet.geometry, 50)
 */
export function samplePolygon(polygon: PolygonGeometry, targetCount: number): Position[] {
  const [minLng, minLat, maxLng, maxLat] = polygonBbox(polygon);
  let step = Math.sqrt(((maxLng - minLng) * (maxLat - minLat)) / targetCount);
  for (let attempt = 0; attempt < 6; attempt++) {
    const samples: Position[] = [];
    for (let lng = minLng + step / 2; lng < maxLng; lng += step) {
      for (let lat = minLat + step / 2; lat < maxLat; lat += step) {
        if (booleanPointInPolygon([lng, lat], polygon)) samples.push([lng, lat]);
      }
    }
    if (samples.length >= Math.min(targetCount / 2, 8)) return samples;
    step /= 2;
  }
  const [lng, lat] = polygon.coordinates[0][0];
  return [[lng, lat]];
}

/**
 * Share of each polygon's grid samples within reach of at least one covering point.
 * @param polygons hamlet polygons
 * @param points covering points with their radii in metres
 * @param samplesPerPolygon grid samples per polygon (≈)
 * @returns one share in [0, 1] per polygon, same order
 * @example estimateCoveredShares(hamlets, sites.map((site) => ({ position: site, radiusMeters: 3000 })), 40)
 */
export function estimateCoveredShares(polygons: PolygonGeometry[], points: CoveringPoint[], samplesPerPolygon: number): number[] {
  if (points.length === 0) return polygons.map(() => 0);
  const index = new KDBush(points.length);
  for (const point of points) {
    const [x, y] = toLocalMeters(point.position);
    index.add(x, y);
  }
  index.finish();
  const maxRadiusMeters = points.reduce((largest, point) => Math.max(largest, point.radiusMeters), -Infinity);
  return polygons.map((polygon) => {
    const samples = samplePolygon(polygon, samplesPerPolygon);
    const covered = samples.filter((sample) => {
      const [x, y] = toLocalMeters(sample);
      return index.within(x, y, maxRadiusMeters).some((id) => {
        const [pointX, pointY] = toLocalMeters(points[id].position);
        return Math.hypot(pointX - x, pointY - y) <= points[id].radiusMeters;
      });
    });
    return covered.length / samples.length;
  });
}
