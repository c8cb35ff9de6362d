// The slow, obviously correct reference: shapes as fine polygons, unioned and clipped with Turf
// (polygon-clipping underneath), areas on the sphere. Used only by tests and the bench baseline.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry, CoverageConfig, CoverageInput, CoverageReport, LayerName } from '../../src/core/types';

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

/**
 * The reference shapes of one layer of an input, as the engine's model defines them: BTS records
 * with a technology of the layer (one shape per distinct radius), fibre points and routes for ftth.
 */
export function referenceShapesForLayer(input: CoverageInput, layer: LayerName, config: CoverageConfig): ReferenceShape[] {
  if (layer === 'ftth') {
    return [
      ...input.fibrePoints.map((p): ReferenceShape => ({ kind: 'disc', center: [p.lng, p.lat], radiusMeters: p.radiusMeters ?? config.radiiMeters.ftth })),
      ...input.fibreRoutes.map((route): ReferenceShape => ({ kind: 'route', coordinates: route.coordinates as [number, number][], radiusMeters: route.radiusMeters ?? config.radiiMeters.ftth })),
    ];
  }
  const shapes: ReferenceShape[] = [];
  for (const record of input.btsRecords) {
    const technologies = record.technologies.filter((t) => (layer === 'mobile' ? config.mobileBroadband.includes(t) : t === (layer === '4g' ? '4G' : '5G')));
    for (const radius of new Set(technologies.map((t) => record.radiusMeters ?? config.radiiMeters[t]))) {
      const center: [number, number] = [record.lng, record.lat];
      const beamwidth = record.beamwidthDegrees ?? config.defaultBeamwidthDegrees;
      shapes.push(
        record.azimuthDegrees !== undefined && beamwidth < 360
          ? { kind: 'sector', center, radiusMeters: radius, azimuthDegrees: record.azimuthDegrees, beamwidthDegrees: beamwidth }
          : { kind: 'disc', center, radiusMeters: radius },
      );
    }
  }
  return shapes;
}

/** The shapes whose bounding box may touch `bbox` (`[west, south, east, north]`); routes always. */
export function shapesNear(shapes: ReferenceShape[], bbox: number[]): ReferenceShape[] {
  return shapes.filter((shape) => {
    if (shape.kind === 'route') return true;
    const dLat = shape.radiusMeters / 111195;
    const dLng = dLat / Math.cos((shape.center[1] * Math.PI) / 180);
    return shape.center[0] + dLng >= bbox[0] && shape.center[0] - dLng <= bbox[2] && shape.center[1] + dLat >= bbox[1] && shape.center[1] - dLat <= bbox[3];
  });
}

const LAYERS: LayerName[] = ['mobile', '4g', '5g', 'ftth'];

/**
 * A report's fractions against exact clipping on some of its hamlets, every layer.
 * @returns mean and largest absolute error, the worst hamlet-layer, and how many clippings failed
 *   (polygon clipping sometimes gives up on near-degenerate rings)
 */
export function errorAgainstExact(input: CoverageInput, report: CoverageReport, config: CoverageConfig, sample: number[]) {
  const layerShapes = new Map(LAYERS.map((layer) => [layer, referenceShapesForLayer(input, layer, config)]));
  let sum = 0;
  let max = 0;
  let count = 0;
  let failures = 0;
  let worst = '';
  for (const h of sample) {
    const geometry = input.hamlets[h].geometry;
    const bbox = turf.bbox(turf.feature(geometry));
    for (const layer of LAYERS) {
      let exact: number;
      try {
        exact = exactFraction(geometry, shapesNear(layerShapes.get(layer)!, bbox));
      } catch {
        failures++;
        continue;
      }
      const error = Math.abs(report.hamlets[h].fraction[layer] - exact);
      sum += error;
      count++;
      if (error > max) {
        max = error;
        worst = `${input.hamlets[h].id} ${layer}: engine ${report.hamlets[h].fraction[layer].toFixed(4)}, exact ${exact.toFixed(4)}`;
      }
    }
  }
  return { mae: count > 0 ? sum / count : 0, max, count, failures, worst };
}
