import * as turf from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describeGolden } from '../../../test/helpers/golden';
import type { AreaGeometry, Position } from '../types';
import type { CommuneArea, HamletListEntry } from './approximate-types';
import { buildApproximateHamlets } from './build-approximate-hamlets';
import { buildVoronoiCells } from './build-voronoi-cells';
import type { PlanarPolygon } from './planar-polygons';

const SEED = 20261202;
const METERS_PER_DEGREE_LAT = 110_600;
const METERS_PER_DEGREE_LNG = 109_800;

/** A commune-like shape in metres: an irregular star (concave), maybe with a pond (hole) and an island. */
const communeShape = fc
  .record({
    spikes: fc.array(fc.double({ min: 0.45, max: 1, noNaN: true }), { minLength: 7, maxLength: 22 }),
    radiusMeters: fc.double({ min: 1500, max: 5000, noNaN: true }),
    hasHole: fc.boolean(),
    hasIsland: fc.boolean(),
  })
  .map(({ spikes, radiusMeters, hasHole, hasIsland }) => {
    const star = (cx: number, cy: number, radius: number, reverse = false): Position[] => {
      const ring = spikes.map((spike, i): Position => {
        const angle = (i / spikes.length) * 2 * Math.PI;
        return [cx + radius * spike * Math.cos(angle), cy + radius * spike * Math.sin(angle)];
      });
      return reverse ? ring.reverse() : ring;
    };
    const main: Position[][] = [star(0, 0, radiusMeters)];
    // The smallest spike is ≥ 0.45 of the radius, so a hole of 0.3 of it stays inside.
    if (hasHole) main.push(star(0, 0, radiusMeters * 0.3 * 0.45, true));
    const polygons = [main];
    if (hasIsland) polygons.push([star(radiusMeters * 2.6, 300, radiusMeters * 0.4)]);
    return polygons;
  });

const closed = (ring: Position[]): Position[] => [...ring, ring[0]];
const turfGeometry = (polygons: Position[][][]): Feature<Polygon | MultiPolygon> => turf.multiPolygon(polygons.map((polygon) => polygon.map(closed)));
const isInside = (polygons: Position[][][], point: Position) => turf.booleanPointInPolygon(point, turfGeometry(polygons));

/** Uniform numbers in [0, 1) from a seed (mulberry32): fast-check's own doubles cluster at the bounds. */
function uniformPairs(seed: number, count: number): [number, number][] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => [next(), next()]);
}

/** Points inside the shape, drawn uniformly in its box by rejection (deterministic per case). */
function pointsInside(polygons: Position[][][], seed: number, count: number): Position[] {
  const bbox = turf.bbox(turfGeometry(polygons));
  const points: Position[] = [];
  for (const [u, v] of uniformPairs(seed, 400)) {
    const point: Position = [bbox[0] + u * (bbox[2] - bbox[0]), bbox[1] + v * (bbox[3] - bbox[1])];
    if (isInside(polygons, point) && !points.some((other) => Math.hypot(other[0] - point[0], other[1] - point[1]) < 10)) points.push(point);
    if (points.length === count) break;
  }
  return points;
}

/** The slow reference: turf's Voronoi diagram of the points, each cell intersected with the shape. */
function referenceCellAreas(polygons: Position[][][], points: Position[]): number[] {
  const bbox = turf.bbox(turfGeometry(polygons));
  const pad = 50_000;
  const diagram = turf.voronoi(turf.featureCollection(points.map((point) => turf.point(point))), { bbox: [bbox[0] - pad, bbox[1] - pad, bbox[2] + pad, bbox[3] + pad] });
  return diagram.features.map((cell) => {
    const clipped = turf.intersect(turf.featureCollection([cell, turfGeometry(polygons)]));
    return clipped === null ? 0 : planarArea(clipped.geometry.coordinates as Position[][][] | Position[][]);
  });
}

/** Shoelace area of GeoJSON-style (closed) rings, outer minus holes. */
function planarArea(coordinates: Position[][][] | Position[][]): number {
  const polygons = (typeof coordinates[0][0][0] === 'number' ? [coordinates] : coordinates) as Position[][][];
  let area = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      let twice = 0;
      for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      area += (r === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return area;
}

const openArea = (cell: PlanarPolygon[]) => planarArea(cell.map((polygon) => polygon.map(closed)));

describe('buildVoronoiCells against turf.voronoi + turf.intersect', () => {
  it('gives every cell the reference area; the cells add up to the commune; each holds its point', () => {
    fc.assert(
      fc.property(communeShape, fc.integer(), fc.integer({ min: 1, max: 25 }), (polygons, seed, count) => {
        const points = pointsInside(polygons, seed, count);
        expect(points).toHaveLength(count);
        const cells = buildVoronoiCells(polygons, points);
        const communeArea = planarArea(polygons.map((polygon) => polygon.map(closed)));
        const areas = cells.map(openArea);
        expect(Math.abs(areas.reduce((a, b) => a + b, 0) - communeArea)).toBeLessThan(1e-9 * communeArea);
        const reference = referenceCellAreas(polygons, points);
        areas.forEach((area, i) => expect(Math.abs(area - reference[i]), `cell ${i}`).toBeLessThan(1e-6 * communeArea));
        cells.forEach((cell, i) => expect(isInside(cell.map((polygon) => polygon.map(closed)), points[i]), `point ${i}`).toBe(true));
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});

/** The shape in degrees around Sóc Trăng (metres → degrees, roughly), as a commune polygon. */
function communeOf(polygons: Position[][][], code: string): CommuneArea {
  const toDegrees = ([x, y]: Position): Position => [105.9 + x / METERS_PER_DEGREE_LNG, 9.6 + y / METERS_PER_DEGREE_LAT];
  const geometry: AreaGeometry = { type: 'MultiPolygon', coordinates: polygons.map((polygon) => polygon.map((ring) => closed(ring.map(toDegrees)))) };
  return { code, name: `Xã ${code}`, district: 'Huyện A', districtCode: '900', geometry, where: `xa.geojson#${code}` };
}

const entryOf = (id: string, communeCode: string, point: Position | null): HamletListEntry => ({
  id, name: `Ấp ${id}`, communeCode, commune: '', district: '', districtCode: null, point, properties: Object.create(null) as Record<string, unknown>, where: `ap.csv:${id}`,
});

describe('buildApproximateHamlets on commune-like shapes in degrees', () => {
  it('splits each commune into cells of its hamlets that cover it exactly and hold their points', () => {
    fc.assert(
      fc.property(communeShape, fc.integer(), fc.integer({ min: 1, max: 15 }), (polygons, seed, count) => {
        const commune = communeOf(polygons, '31000');
        const communeFeature = turf.feature(commune.geometry) as Feature<MultiPolygon>;
        const bbox = turf.bbox(communeFeature);
        const points: Position[] = [];
        for (const [u, v] of uniformPairs(seed, 400)) {
          const point: Position = [bbox[0] + u * (bbox[2] - bbox[0]), bbox[1] + v * (bbox[3] - bbox[1])];
          if (turf.booleanPointInPolygon(point, communeFeature) && !points.some((other) => turf.distance(other, point, { units: 'meters' }) < 5)) points.push(point);
          if (points.length === count) break;
        }
        expect(points).toHaveLength(count);
        const result = buildApproximateHamlets(points.map((point, i) => entryOf(`H${i}`, '31000', point)), [commune]);
        expect(result.hamlets).toHaveLength(points.length);
        expect(result.warnings).toEqual([]);
        const total = result.hamlets.reduce((sum, hamlet) => sum + turf.area(turf.feature(hamlet.geometry)), 0);
        expect(Math.abs(total - turf.area(communeFeature)) / turf.area(communeFeature)).toBeLessThan(1e-6);
        result.hamlets.forEach((hamlet, i) => {
          expect(hamlet.approximate).toBe(true);
          expect(hamlet.point).toEqual(points[i]);
          expect(turf.booleanPointInPolygon(points[i], turf.feature(hamlet.geometry) as Feature<Polygon>), hamlet.id).toBe(true);
        });
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('makes the commune the unit when no hamlet has a point, and lists what does not match', () => {
    const commune = communeOf([[[[0, 0], [2000, 0], [2000, 2000], [0, 2000]]]], '31001');
    const result = buildApproximateHamlets([entryOf('A', '31001', null), entryOf('B', '31001', null), entryOf('C', '39999', null)], [commune]);
    expect(result.hamlets.map((hamlet) => hamlet.id)).toEqual(['A', 'B']);
    expect(result.hamlets[0].geometry).toEqual(commune.geometry);
    expect(result.hamlets[1].properties.approximation).toBe('commune');
    expect(result.counts).toEqual({ voronoi: 0, commune: 2, unmatched: 1 });
    expect(result.warnings.map((warning) => warning.code).sort()).toEqual(['approx-commune-as-unit', 'approx-commune-unmatched']);
  });
});

describeGolden('buildApproximateHamlets', (goldenCase) => {
  const input = goldenCase.json() as { communes: CommuneArea[]; hamlets: HamletListEntry[] };
  const result = buildApproximateHamlets(
    input.hamlets.map((entry) => ({ ...entry, properties: Object.assign(Object.create(null) as Record<string, unknown>, entry.properties) })),
    input.communes,
  );
  return { ...result, hamlets: result.hamlets.map((hamlet) => ({ ...hamlet, properties: { ...hamlet.properties }, areaKm2: turf.area(turf.feature(hamlet.geometry)) / 1e6 })) };
});
