// The slow, obviously correct reference: shapes as fine polygons, unioned and clipped with Turf
// (polygon-clipping underneath), areas on the sphere. Used only by tests and the bench baseline.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry } from '../../src/core/types';

export type ReferenceShape =
  | { kind: 'disc'; center: [number, number]; radiusMeters: number }
  | { kind: 'sector'; center: [number, number]; radiusMeters: number; azimuthDegrees: number; beamwidthDegrees: number }
  | { kind: 'route'; coordinates: [number, number][]; radiusMeters: number };

const STEPS = 360;

/** A reference shape as a polygon with many vertices (area error below 0.01 %). */
export function referencePolygon(shape: ReferenceShape): Feature<Polygon | MultiPolygon> {
  const units = 'meters' as const;
  if (shape.kind === 'disc') return turf.circle(shape.center, shape.radiusMeters, { steps: STEPS, units });
  if (shape.kind === 'sector') {
    const start = shape.azimuthDegrees - shape.beamwidthDegrees / 2;
    const end = shape.azimuthDegrees + shape.beamwidthDegrees / 2;
    return turf.sector(shape.center, shape.radiusMeters, start, end, { steps: STEPS, units });
  }
  const buffered = turf.buffer(turf.lineString(shape.coordinates), shape.radiusMeters, { units, steps: 64 });
  if (!buffered) throw new Error('buffer failed');
  return buffered as Feature<Polygon | MultiPolygon>;
}

/** Exact-ish covered fraction of a hamlet by the union of shapes (slow). */
export function exactFraction(hamlet: AreaGeometry, shapes: ReferenceShape[]): number {
  const hamletFeature = turf.feature(hamlet) as Feature<Polygon | MultiPolygon>;
  const hamletArea = turf.area(hamletFeature);
  if (shapes.length === 0 || hamletArea === 0) return 0;
  let covered = 0;
  // Union only the pieces that touch the hamlet: clip each first (cheap), then union the clips.
  const clips: Feature<Polygon | MultiPolygon>[] = [];
  for (const shape of shapes) {
    const clip = turf.intersect(turf.featureCollection([hamletFeature, referencePolygon(shape)]));
    if (clip) clips.push(clip as Feature<Polygon | MultiPolygon>);
  }
  if (clips.length === 0) return 0;
  const union = clips.length === 1 ? clips[0] : turf.union(turf.featureCollection(clips));
  covered = union ? turf.area(union) : 0;
  return Math.min(1, covered / hamletArea);
}
