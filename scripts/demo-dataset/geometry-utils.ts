/**
 * Small geometry helpers shared by the demo-dataset generator: rounding, ring cleaning,
 * splitting multipolygons, shared-vertex keys and a local metric frame.
 */
import { area, booleanPointInPolygon, kinks } from '@turf/turf';
import { METERS_PER_DEGREE, type MultiPolygonGeometry, type PolygonGeometry, type Position } from '../../src/core';
import type { Random } from './prng';

/** Decimals kept in every output coordinate (≈ 0.1 m). */
export const COORDINATE_DECIMALS = 6;

/** Latitude of the local metric frame: the middle of the province. */
const FRAME_LATITUDE = 9.6;
const METERS_PER_DEGREE_LNG = METERS_PER_DEGREE * Math.cos((FRAME_LATITUDE * Math.PI) / 180);

/**
 * Rounds a number to {@link COORDINATE_DECIMALS} decimals (or `decimals`).
 * @param value a coordinate, degrees
 * @param decimals decimals to keep
 * @returns the rounded value, with `-0` turned into `0`
 * @example roundCoordinate(105.1234567) // 105.123457
 */
export function roundCoordinate(value: number, decimals = COORDINATE_DECIMALS): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Projects `[lng, lat]` to metres in a local equirectangular frame (good to ~0.1 % here).
 * @param position `[lng, lat]` in degrees
 * @returns `[x, y]` in metres
 * @example toLocalMeters([105.9, 9.6])
 */
export function toLocalMeters(position: Position): [number, number] {
  return [position[0] * METERS_PER_DEGREE_LNG, position[1] * METERS_PER_DEGREE];
}

/**
 * Moves a point by metres east and north in the local frame.
 * @param position start `[lng, lat]`
 * @param eastMeters metres to the east (negative = west)
 * @param northMeters metres to the north (negative = south)
 * @returns the moved `[lng, lat]`
 * @example offsetMeters([105.9, 9.6], 100, 0)
 */
export function offsetMeters(position: Position, eastMeters: number, northMeters: number): Position {
  return [position[0] + eastMeters / METERS_PER_DEGREE_LNG, position[1] + northMeters / METERS_PER_DEGREE];
}

/**
 * Distance between two points in the local frame.
 * @param a `[lng, lat]`
 * @param b `[lng, lat]`
 * @returns metres
 * @example localDistanceMeters([105.9, 9.6], [105.91, 9.6]) // ≈ 1097
 */
export function localDistanceMeters(a: Position, b: Position): number {
  return Math.hypot((a[0] - b[0]) * METERS_PER_DEGREE_LNG, (a[1] - b[1]) * METERS_PER_DEGREE);
}

function isSamePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Rounds a ring, drops repeated vertices and back-and-forth spikes, and closes it.
 * @param ring a closed or open ring
 * @returns a closed ring, or `null` when fewer than 3 distinct vertices remain
 * @example cleanRing([[0, 0], [1, 0], [1, 1], [0, 0]])
 */
export function cleanRing(ring: Position[]): Position[] | null {
  let points: Position[] = [];
  for (const position of ring) {
    const rounded: Position = [roundCoordinate(position[0]), roundCoordinate(position[1])];
    if (points.length === 0 || !isSamePosition(points[points.length - 1], rounded)) points.push(rounded);
  }
  if (points.length > 1 && isSamePosition(points[0], points[points.length - 1])) points.pop();
  // A spike A→B→A can appear when rounding collapses a thin part: drop B and the second A.
  let changed = true;
  while (changed && points.length >= 3) {
    changed = false;
    for (let index = 0; index < points.length; index++) {
      const count = points.length;
      const nextIndex = (index + 1) % count;
      if (isSamePosition(points[index], points[nextIndex])) {
        points.splice(index, 1);
        changed = true;
        break;
      }
      if (isSamePosition(points[(index - 1 + count) % count], points[nextIndex])) {
        points = points.filter((_, other) => other !== index && other !== nextIndex);
        changed = true;
        break;
      }
    }
  }
  if (points.length < 3) return null;
  return [...points, points[0]];
}

/**
 * Rounds and cleans every ring of a polygon; holes that vanish are dropped.
 * @param polygon input polygon
 * @returns the cleaned polygon, or `null` if its outer ring vanished
 * @example roundPolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })
 */
export function roundPolygon(polygon: PolygonGeometry): PolygonGeometry | null {
  const outer = cleanRing(polygon.coordinates[0]);
  if (!outer) return null;
  const holes = polygon.coordinates.slice(1).map(cleanRing).filter((ring): ring is Position[] => ring !== null);
  return { type: 'Polygon', coordinates: [outer, ...holes] };
}

/**
 * Splits a polygon or multipolygon into polygons, largest first; drops parts below `minAreaM2`.
 * @param geometry a Polygon, a MultiPolygon or null
 * @param minAreaM2 smallest part kept, square metres
 * @returns polygons sorted by decreasing area
 * @example polygonParts(cell, 1)
 */
export function polygonParts(geometry: PolygonGeometry | MultiPolygonGeometry | null, minAreaM2 = 1): PolygonGeometry[] {
  if (!geometry) return [];
  const polygons: PolygonGeometry[] =
    geometry.type === 'Polygon'
      ? [geometry]
      : geometry.coordinates.map((coordinates) => ({ type: 'Polygon' as const, coordinates }));
  return polygons
    .map((polygon) => ({ polygon, areaM2: area(polygon) }))
    .filter((part) => part.areaM2 >= minAreaM2)
    .sort((a, b) => b.areaM2 - a.areaM2)
    .map((part) => part.polygon);
}

/**
 * Keys of every vertex of a polygon, for finding neighbours by shared vertices.
 * @param polygon input polygon
 * @returns set of `"lng,lat"` keys (7 decimals)
 * @example vertexKeys(polygon).has('105.9,9.6')
 */
export function vertexKeys(polygon: PolygonGeometry): Set<string> {
  const keys = new Set<string>();
  for (const ring of polygon.coordinates) {
    for (const position of ring) keys.add(`${position[0].toFixed(7)},${position[1].toFixed(7)}`);
  }
  return keys;
}

/**
 * Whether a polygon is a usable output polygon: closed rings of ≥ 4 positions, no self-intersection.
 * @param polygon input polygon
 * @returns true when valid
 * @example isCleanPolygon(square) // true
 */
export function isCleanPolygon(polygon: PolygonGeometry): boolean {
  for (const ring of polygon.coordinates) {
    if (ring.length < 4 || !isSamePosition(ring[0], ring[ring.length - 1])) return false;
  }
  return kinks(polygon).features.length === 0;
}

/**
 * Bounding box of a polygon's outer ring.
 * @param polygon input polygon
 * @returns `[minLng, minLat, maxLng, maxLat]`
 * @example polygonBbox(square)
 */
export function polygonBbox(polygon: PolygonGeometry): [number, number, number, number] {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const [lng, lat] of polygon.coordinates[0]) {
    minLng = Math.min(minLng, lng);
    minLat = Math.min(minLat, lat);
    maxLng = Math.max(maxLng, lng);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLng, minLat, maxLng, maxLat];
}

/**
 * A uniformly random point inside a polygon (rejection sampling in its bounding box).
 * @param polygon the polygon
 * @param random seeded random source
 * @returns `[lng, lat]` inside the polygon
 * @throws when no point is found in 10 000 tries (a degenerate polygon)
 * @example randomPointInPolygon(hamlet.geometry, random)
 */
export function randomPointInPolygon(polygon: PolygonGeometry, random: Random): Position {
  const [minLng, minLat, maxLng, maxLat] = polygonBbox(polygon);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const candidate: Position = [random.range(minLng, maxLng), random.range(minLat, maxLat)];
    if (booleanPointInPolygon(candidate, polygon)) return candidate;
  }
  throw new Error('randomPointInPolygon: no point found; is the polygon degenerate?');
}

/**
 * Length of boundary two polygons share: the overlap of their outer rings' collinear edges.
 * Works for cells cut from the same parent, whose common edges need not share vertices (a
 * district border crossed by both sides' commune edges at different points).
 * @param a first polygon
 * @param b second polygon
 * @param toleranceMeters how far from a's edge line b's edge ends may lie (coordinate rounding)
 * @returns metres of shared boundary (0 when they only touch at a point or not at all)
 * @example sharedBoundaryMeters(westSquare, eastSquare) // the length of the common side
 */
export function sharedBoundaryMeters(a: PolygonGeometry, b: PolygonGeometry, toleranceMeters = 1): number {
  const edgesOf = (polygon: PolygonGeometry): [number, number][][] => {
    const ring = polygon.coordinates[0].map(toLocalMeters);
    return ring.slice(1).map((end, index) => [ring[index], end]);
  };
  const edgesB = edgesOf(b);
  let sharedMeters = 0;
  for (const [start, end] of edgesOf(a)) {
    const lengthMeters = Math.hypot(end[0] - start[0], end[1] - start[1]);
    if (lengthMeters === 0) continue;
    const unitX = (end[0] - start[0]) / lengthMeters;
    const unitY = (end[1] - start[1]) / lengthMeters;
    const offLine = (point: [number, number]): number => Math.abs((point[0] - start[0]) * unitY - (point[1] - start[1]) * unitX);
    const along = (point: [number, number]): number => (point[0] - start[0]) * unitX + (point[1] - start[1]) * unitY;
    for (const [otherStart, otherEnd] of edgesB) {
      if (offLine(otherStart) > toleranceMeters || offLine(otherEnd) > toleranceMeters) continue;
      const from = Math.max(0, Math.min(along(otherStart), along(otherEnd)));
      const to = Math.min(lengthMeters, Math.max(along(otherStart), along(otherEnd)));
      if (to > from) sharedMeters += to - from;
    }
  }
  return sharedMeters;
}
