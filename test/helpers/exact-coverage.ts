// The slow, obviously correct reference for the coverage engine, used only by tests and the
// bench: each hamlet and every shape near it become polygons in the hamlet's own planar frame
// (the engine's definition of a fraction: equirectangular on the WGS84 ellipsoid, radii of
// curvature at the centre of the hamlet's bounding box), the shapes are clipped by the hamlet
// and unioned with Turf's polygon clipping, and areas are taken with the shoelace formula.
//
// Accuracy of the reference itself: circles and arcs are polygons whose chords deviate from the
// true arc by at most SAGITTA_METERS (vertices on a radius chosen so that the polygon's area is
// the circle's), so the reference's own error is at most SAGITTA_METERS times the length of shape
// boundary inside the hamlet: 2 cm × a few km over a km² hamlet, below 10⁻⁴ of a fraction and far less in practice, as the errors of area-matched chords cancel. The
// frame is computed here, independently of the engine's code; the engine keeps ring coordinates in
// float32 (sub-millimetre), the only difference between the two metrics.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaGeometry, CoverageConfig, CoverageInput, CoverageReport, LayerName } from '../../src/core/types';

export type ReferenceShape =
  | { kind: 'disc'; center: [number, number]; radiusMeters: number }
  | { kind: 'sector'; center: [number, number]; radiusMeters: number; azimuthDegrees: number; beamwidthDegrees: number }
  | { kind: 'route'; coordinates: [number, number][]; radiusMeters: number };

/** Largest distance between a reference polygon's edge and the true arc. */
export const SAGITTA_METERS = 0.02;
const MAX_STEPS = 8192;

/** A hamlet's planar frame: x = (lng − lng0)·kx, y = (lat − lat0)·ky, metres. */
export interface ReferenceFrame {
  lng0: number;
  lat0: number;
  kx: number;
  ky: number;
}

/** WGS84 radii of curvature (prime vertical along the parallel, meridional) as metres per degree. */
export function referenceFrame(geometry: AreaGeometry): ReferenceFrame {
  const positions = (geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()).flat() as Position[];
  const lngs = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  const lng0 = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const a = 6378137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const phi = (lat0 * Math.PI) / 180;
  const w = Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const degree = Math.PI / 180;
  return { lng0, lat0, kx: (a / w) * Math.cos(phi) * degree, ky: ((a * (1 - e2)) / w ** 3) * degree };
}

function project(frame: ReferenceFrame, [lng, lat]: [number, number] | Position): [number, number] {
  return [(lng - frame.lng0) * frame.kx, (lat - frame.lat0) * frame.ky];
}

/** Steps per full turn for a radius, so that no chord is further than SAGITTA_METERS from its arc. */
function stepsFor(radiusMeters: number, sagittaMeters: number): number {
  const angle = 2 * Math.acos(Math.max(-1, 1 - sagittaMeters / radiusMeters));
  return Math.min(MAX_STEPS, Math.max(32, Math.ceil((2 * Math.PI) / angle)));
}

/** Points on the arc from `from` to `to` (math angles, radians, counter-clockwise), area-matched. */
function arc(cx: number, cy: number, radius: number, from: number, to: number, sagittaMeters: number): [number, number][] {
  const full = stepsFor(radius, sagittaMeters);
  const steps = Math.max(2, Math.ceil((full * (to - from)) / (2 * Math.PI)));
  const step = (to - from) / steps;
  // Vertices on radius R where the triangle fan has the sector's area: R² sin(step) = r² step.
  const matched = step > 0 ? radius * Math.sqrt(step / Math.sin(step)) : radius;
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const angle = from + i * step;
    // The arc's two ends stay on the true circle, so sector rays and capsule sides meet them.
    const r = i === 0 || i === steps ? radius : matched;
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  return points;
}

/** Clip window: the hamlet's box in its frame, widened so that clipped edges stay outside it. */
type Window = [number, number, number, number];

/**
 * Sutherland–Hodgman clipping of a ring by the window (exact: the window holds the hamlet, so the
 * clipped shape meets the hamlet where the whole shape does), to keep the polygons small.
 */
function clipToWindow(points: [number, number][], [minX, minY, maxX, maxY]: Window): [number, number][] {
  const sides: [(p: [number, number]) => number][] = [[(p) => p[0] - minX], [(p) => maxX - p[0]], [(p) => p[1] - minY], [(p) => maxY - p[1]]];
  let list = points;
  for (const [inside] of sides) {
    const next: [number, number][] = [];
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      const b = list[(i + 1) % list.length];
      const da = inside(a);
      const db = inside(b);
      if (da >= 0) next.push(a);
      if (da >= 0 !== db >= 0) {
        const t = da / (da - db);
        next.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      }
    }
    list = next;
    if (list.length === 0) break;
  }
  return list;
}

function ring(points: [number, number][], window?: Window): Feature<Polygon> | null {
  const clipped = window ? clipToWindow(points, window) : points;
  return clipped.length < 3 ? null : turf.polygon([[...clipped, clipped[0]]]);
}

/**
 * A reference shape as planar polygons in a hamlet's frame (a route: one capsule per segment),
 * clipped to `window` when given.
 */
export function referencePolygons(shape: ReferenceShape, frame: ReferenceFrame, window?: Window, sagittaMeters = SAGITTA_METERS): Feature<Polygon>[] {
  const polygons: (Feature<Polygon> | null)[] = [];
  if (shape.kind === 'disc') {
    const [cx, cy] = project(frame, shape.center);
    polygons.push(ring(arc(cx, cy, shape.radiusMeters, 0, 2 * Math.PI, sagittaMeters).slice(0, -1), window));
  } else if (shape.kind === 'sector') {
    const [cx, cy] = project(frame, shape.center);
    // Compass azimuth, clockwise from north, to math angles.
    const centre = ((90 - shape.azimuthDegrees) * Math.PI) / 180;
    const half = (shape.beamwidthDegrees * Math.PI) / 360;
    polygons.push(ring([[cx, cy], ...arc(cx, cy, shape.radiusMeters, centre - half, centre + half, sagittaMeters)], window));
  } else {
    polygons.push(...routePolygons(shape.coordinates.map((p) => project(frame, p)), shape.radiusMeters, sagittaMeters, window));
  }
  return polygons.filter((polygon): polygon is Feature<Polygon> => polygon !== null);
}

function routePolygons(points: [number, number][], r: number, sagittaMeters: number, window?: Window): (Feature<Polygon> | null)[] {
  if (points.length === 1) return [ring(arc(points[0][0], points[0][1], r, 0, 2 * Math.PI, sagittaMeters).slice(0, -1), window)];
  const capsules: (Feature<Polygon> | null)[] = [];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1];
    const [x2, y2] = points[i];
    const heading = Math.atan2(y2 - y1, x2 - x1);
    capsules.push(ring([...arc(x2, y2, r, heading - Math.PI / 2, heading + Math.PI / 2, sagittaMeters), ...arc(x1, y1, r, heading + Math.PI / 2, heading + 1.5 * Math.PI, sagittaMeters)], window));
  }
  return capsules;
}

function planarArea(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  for (const polygon of polygons) {
    polygon.forEach((points, r) => {
      let twice = 0;
      for (let i = 0; i + 1 < points.length; i++) twice += points[i][0] * points[i + 1][1] - points[i + 1][0] * points[i][1];
      area += r === 0 ? Math.abs(twice) / 2 : -Math.abs(twice) / 2;
    });
  }
  return area;
}

/** A hamlet's rings projected into its own frame. */
export function projectHamlet(hamlet: AreaGeometry, frame = referenceFrame(hamlet)): Feature<Polygon | MultiPolygon> {
  const projectRings = (rings: Position[][]) => rings.map((points) => points.map((p) => project(frame, p)));
  return hamlet.type === 'Polygon'
    ? turf.polygon(projectRings(hamlet.coordinates as Position[][]))
    : turf.multiPolygon((hamlet.coordinates as Position[][][]).map(projectRings));
}

/** The hamlet's area in its own frame, m² (holes subtracted). */
export function referenceAreaM2(hamlet: AreaGeometry): number {
  return planarArea(projectHamlet(hamlet).geometry);
}

/**
 * Grids (metres) that coordinates are snapped to when polygon clipping gives up: none first, then
 * 1 mm, then 1 cm. Polygon clipping now and then fails ("Unable to complete output ring") where
 * edges nearly coincide or meet at a vertex (a route's vertex on a hamlet's vertex, say); snapped,
 * they coincide exactly. A vertex moves at most 0.71 grid, so the area moves at most that times
 * the length of boundary (hamlet and shapes): with 10 km of it over a km², 7·10⁻⁶ of a fraction
 * at 1 mm, 7·10⁻⁵ at 1 cm.
 */
const SNAP_GRIDS_METERS = [0, 0.001, 0.01];

function snapped<T extends Feature<Polygon | MultiPolygon>>(feature: T, gridMeters: number): T {
  if (gridMeters === 0) return feature;
  const snap = (points: Position[]) => {
    const kept: Position[] = [];
    for (const [x, y] of points) {
      const point = [Math.round(x / gridMeters) * gridMeters, Math.round(y / gridMeters) * gridMeters];
      const last = kept[kept.length - 1];
      if (!last || last[0] !== point[0] || last[1] !== point[1]) kept.push(point);
    }
    return kept;
  };
  const geometry = feature.geometry;
  const coordinates = geometry.type === 'Polygon' ? geometry.coordinates.map(snap) : geometry.coordinates.map((polygon) => polygon.map(snap));
  return { ...feature, geometry: { ...geometry, coordinates } } as T;
}

/**
 * Exact covered fraction of a hamlet by the union of shapes (slow). A coarser `sagittaMeters`
 * speeds up large unions: area-matched chords err only by a sliver of about ⅔ · sagitta · chord
 * where an arc is cut (0.1 m on a 300 m circle: 1 m² per cut). Exact duplicates among the shapes
 * are clipped once (the union is the same). Where polygon clipping gives up, the clipping is done
 * again on coordinates snapped to a grid (`SNAP_GRIDS_METERS`); it throws only if all grids fail.
 */
export function exactFraction(hamlet: AreaGeometry, shapes: ReferenceShape[], sagittaMeters = SAGITTA_METERS): number {
  const distinct = [...new Map(shapes.map((shape) => [JSON.stringify(shape), shape])).values()];
  let failure: unknown;
  for (const gridMeters of SNAP_GRIDS_METERS) {
    try {
      return clippedFraction(hamlet, distinct, sagittaMeters, gridMeters);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

function clippedFraction(hamlet: AreaGeometry, shapes: ReferenceShape[], sagittaMeters: number, gridMeters: number): number {
  const frame = referenceFrame(hamlet);
  const hamletFeature = snapped(projectHamlet(hamlet, frame), gridMeters);
  const hamletArea = planarArea(hamletFeature.geometry);
  if (shapes.length === 0 || hamletArea === 0) return 0;
  const [minX, minY, maxX, maxY] = turf.bbox(hamletFeature);
  const window: Window = [minX - 10, minY - 10, maxX + 10, maxY + 10];
  // Union only the pieces that touch the hamlet: clip each first (cheap), then union the clips.
  const clips: Feature<Polygon | MultiPolygon>[] = [];
  for (const shape of shapes) {
    for (const polygon of referencePolygons(shape, frame, window, sagittaMeters)) {
      const clip = turf.intersect(turf.featureCollection([hamletFeature, snapped(polygon, gridMeters)]));
      if (clip) clips.push(clip as Feature<Polygon | MultiPolygon>);
    }
  }
  if (clips.length === 0) return 0;
  const union = clips.length === 1 ? clips[0] : turf.union(turf.featureCollection(clips));
  const covered = union ? planarArea(union.geometry) : 0;
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
    // 1 % wider than the sphere's degree: never too small on the ellipsoid.
    const dLat = (shape.radiusMeters * 1.01) / 111195;
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
export function errorAgainstExact(input: CoverageInput, report: CoverageReport, config: CoverageConfig, sample: number[], sagittaMeters = SAGITTA_METERS) {
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
        exact = exactFraction(geometry, shapesNear(layerShapes.get(layer)!, bbox), sagittaMeters);
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
