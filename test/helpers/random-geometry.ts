// fast-check arbitraries for small coverage cases, shared by the engine's property tests.
import fc from 'fast-check';
import type { AreaGeometry, BtsRecord, CoverageConfig, FibrePoint, FibreRoute, MultiPolygonGeometry, PolygonGeometry, Technology } from '../../src/core/types';
import { metersToDegrees } from '../../src/core/units';
import type { ReferenceShape } from './exact-coverage';

export const CENTER: [number, number] = [105.95, 9.6];

/** Metres east and north of CENTER as `[lng, lat]` (the sphere's degree: for placing test shapes only). */
function fromMeters(east: number, north: number): [number, number] {
  const [dLng, dLat] = metersToDegrees(1, CENTER[1]);
  return [CENTER[0] + east * dLng, CENTER[1] + north * dLat];
}

function toMeters([lng, lat]: number[]): [number, number] {
  const [dLng, dLat] = metersToDegrees(1, CENTER[1]);
  return [(lng - CENTER[0]) / dLng, (lat - CENTER[1]) / dLat];
}

const starShape = fc.record({
  radiusMeters: fc.integer({ min: 400, max: 3000 }),
  spikes: fc.array(fc.double({ min: 0.35, max: 1, noNaN: true }), { minLength: 8, maxLength: 20 }),
  offset: fc.double({ min: 0, max: 1, noNaN: true }),
});

type StarShape = { radiusMeters: number; spikes: number[]; offset: number };

/** A star's closed ring around `center` (counter-clockwise), within radiusMeters of it and beyond 0.3 of it. */
function starRing({ radiusMeters, spikes, offset }: StarShape, center: [number, number] = CENTER): [number, number][] {
  const ring: [number, number][] = spikes.map((spike, i) => {
    const angle = ((i + offset * 0.5) / spikes.length) * 2 * Math.PI;
    const [dLng, dLat] = metersToDegrees(radiusMeters * spike, center[1]);
    return [center[0] + dLng * Math.cos(angle), center[1] + dLat * Math.sin(angle)];
  });
  ring.push(ring[0]);
  return ring;
}

/** A star-shaped (hence simple) polygon around CENTER, 8–20 vertices, 0.4–3 km across. */
export const starPolygon = starShape.map((star): PolygonGeometry => ({ type: 'Polygon', coordinates: [starRing(star)] }));

const nearPoint = fc
  .record({ east: fc.integer({ min: -4000, max: 4000 }), north: fc.integer({ min: -4000, max: 4000 }) })
  .map(({ east, north }): [number, number] => fromMeters(east, north));

export interface RandomCase {
  records: BtsRecord[];
  fibrePoints: FibrePoint[];
  fibreRoutes: FibreRoute[];
}

const technologies: Technology[][] = [['4G'], ['4G', '5G'], ['3G', '4G'], ['5G'], ['2G', '4G']];

export const btsRecord = fc
  .record({
    at: nearPoint,
    operator: fc.constantFrom('Viettel', 'VinaPhone', 'MobiFone'),
    technologies: fc.constantFrom(...technologies),
    radiusMeters: fc.integer({ min: 200, max: 3000 }),
    sector: fc.option(fc.record({ azimuth: fc.integer({ min: 0, max: 359 }), beamwidth: fc.integer({ min: 30, max: 300 }) }), { nil: undefined }),
    id: fc.integer({ min: 1, max: 1e6 }),
  })
  .map(({ at, operator, technologies, radiusMeters, sector, id }): BtsRecord => ({
    siteId: `S${id}`,
    operator,
    lng: at[0],
    lat: at[1],
    technologies,
    radiusMeters,
    ...(sector ? { azimuthDegrees: sector.azimuth, beamwidthDegrees: sector.beamwidth } : {}),
  }));

export const fibrePoint = fc
  .record({ at: nearPoint, radiusMeters: fc.integer({ min: 100, max: 600 }), id: fc.integer() })
  .map(({ at, radiusMeters, id }): FibrePoint => ({ id: `F${id}`, lng: at[0], lat: at[1], radiusMeters }));

export const fibreRoute = fc
  .record({ points: fc.array(nearPoint, { minLength: 2, maxLength: 4 }), radiusMeters: fc.integer({ min: 100, max: 400 }), id: fc.integer() })
  .map(({ points, radiusMeters, id }): FibreRoute => ({ id: `R${id}`, coordinates: points, radiusMeters }));

export const randomCase = fc.record({
  records: fc.array(btsRecord, { maxLength: 6 }),
  fibrePoints: fc.array(fibrePoint, { maxLength: 6 }),
  fibreRoutes: fc.array(fibreRoute, { maxLength: 2 }),
});

/** The reference shapes of a record set for one layer predicate. */
export function referenceShapesOf(records: BtsRecord[], keep: (record: BtsRecord) => boolean): ReferenceShape[] {
  return records.filter(keep).map((record) =>
    record.azimuthDegrees !== undefined
      ? { kind: 'sector', center: [record.lng, record.lat], radiusMeters: record.radiusMeters ?? 0, azimuthDegrees: record.azimuthDegrees, beamwidthDegrees: record.beamwidthDegrees ?? 120 }
      : { kind: 'disc', center: [record.lng, record.lat], radiusMeters: record.radiusMeters ?? 0 },
  );
}

export function referenceFibreShapes(points: FibrePoint[], routes: FibreRoute[]): ReferenceShape[] {
  return [
    ...points.map((point): ReferenceShape => ({ kind: 'disc', center: [point.lng, point.lat], radiusMeters: point.radiusMeters ?? 300 })),
    ...routes.map((route): ReferenceShape => ({ kind: 'route', coordinates: route.coordinates as [number, number][], radiusMeters: route.radiusMeters ?? 300 })),
  ];
}

// Hamlets with holes or several parts, and shapes placed against a hamlet's boundary: the cases
// of the accuracy test (issue #9 §2), where errors of a scanline kernel concentrate.

/** A star hamlet with a star-shaped hole around its centre (the hole within 0.25 of the star's radius, the star's ring beyond 0.3 of it). */
export const holedStarPolygon = fc
  .record({ outer: starShape, hole: starShape, holeScale: fc.double({ min: 0.08, max: 0.25, noNaN: true }) })
  .map(({ outer, hole, holeScale }): PolygonGeometry => ({
    type: 'Polygon',
    coordinates: [starRing(outer), starRing({ ...hole, radiusMeters: outer.radiusMeters * holeScale }).reverse()],
  }));

/** Two star hamlets apart from each other (a gap of 50–1,500 m in any direction), as one MultiPolygon. */
export const multiStarPolygon = fc
  .record({ first: starShape, second: starShape, gapMeters: fc.integer({ min: 50, max: 1500 }), bearing: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }) })
  .map(({ first, second, gapMeters, bearing }): MultiPolygonGeometry => {
    const distance = first.radiusMeters + second.radiusMeters + gapMeters;
    const center = fromMeters(distance * Math.cos(bearing), distance * Math.sin(bearing));
    return { type: 'MultiPolygon', coordinates: [[starRing(first)], [starRing(second, center)]] };
  });

/** A star hamlet, a star with a hole, or two stars as a MultiPolygon. */
export const anyHamlet = fc.oneof<fc.Arbitrary<AreaGeometry>[]>(starPolygon, holedStarPolygon, multiStarPolygon);

/**
 * Where a shape sits against a hamlet's boundary: the point at fraction `along` of the boundary's
 * length (every ring, holes included), moved `offset` times the shape's radius along the outward
 * normal (out of the hamlet: into a hole for a hole's ring). Negative = inside; 0 = on the edge;
 * ±1 = a radius away, tangent to the edge.
 */
export interface EdgeAnchor {
  along: number;
  offset: number;
}

/**
 * Anywhere along the boundary (unbiased: fast-check's bias to the ends of a range would put most
 * shapes on a ring's first vertex); offsets from −1 to 1, a fifth of them exactly −1, 0 or 1.
 */
export const edgeAnchor: fc.Arbitrary<EdgeAnchor> = fc.record({
  along: fc.noBias(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
  offset: fc.oneof({ arbitrary: fc.constantFrom(-1, 0, 1), weight: 1 }, { arbitrary: fc.noBias(fc.double({ min: -1, max: 1, noNaN: true })), weight: 4 }),
});

/**
 * The point of an anchor for a shape of a radius, and the compass azimuth into the hamlet there
 * (the inward normal of the edge).
 */
export function placeAtEdge(hamlet: AreaGeometry, anchor: EdgeAnchor, radiusMeters: number): { point: [number, number]; inwardAzimuthDegrees: number } {
  const polygons = hamlet.type === 'Polygon' ? [hamlet.coordinates] : hamlet.coordinates;
  const edges: { from: [number, number]; to: [number, number]; outward: number; length: number }[] = [];
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      const points = ring.map(toMeters);
      let twiceArea = 0;
      for (let i = 0; i + 1 < points.length; i++) twiceArea += points[i][0] * points[i + 1][1] - points[i + 1][0] * points[i][1];
      // (dy, −dx) points out of a counter-clockwise ring; out of the hamlet is into a hole.
      const outward = Math.sign(twiceArea) * (r === 0 ? 1 : -1);
      for (let i = 0; i + 1 < points.length; i++) {
        edges.push({ from: points[i], to: points[i + 1], outward, length: Math.hypot(points[i + 1][0] - points[i][0], points[i + 1][1] - points[i][1]) });
      }
    });
  }
  let remaining = anchor.along * edges.reduce((sum, edge) => sum + edge.length, 0);
  const edge = edges.find((candidate) => (remaining -= candidate.length) < 0) ?? edges[edges.length - 1];
  const t = Math.min(1, Math.max(0, 1 + remaining / edge.length));
  const [dx, dy] = [(edge.to[0] - edge.from[0]) / edge.length, (edge.to[1] - edge.from[1]) / edge.length];
  const [nx, ny] = [dy * edge.outward, -dx * edge.outward];
  const distance = anchor.offset * radiusMeters;
  const point = fromMeters(edge.from[0] + t * (edge.to[0] - edge.from[0]) + distance * nx, edge.from[1] + t * (edge.to[1] - edge.from[1]) + distance * ny);
  return { point, inwardAzimuthDegrees: ((Math.atan2(-nx, -ny) * 180) / Math.PI + 360) % 360 };
}

/** A record's sector. */
export interface SectorSpec {
  /** Degrees turned from the inward normal at the record's anchor, or from north when `isCompass`. */
  azimuthDegrees: number;
  isCompass: boolean;
  beamwidthDegrees: number;
  /** More sectors of the same site, each turned one beamwidth further: neighbours share an edge ray. */
  siblings: number;
}

/**
 * One shape of a case, placed against the hamlet when the case is built (`placeShapes`). Without
 * `radiusMeters` the config's radius applies (the record's technologies, or ftth). `twin` repeats
 * the shape exactly: a second operator's record at the same site, a second fibre point.
 */
export type ShapeSpec =
  | { kind: 'bts'; technologies: Technology[]; anchor: EdgeAnchor; radiusMeters?: number; sector?: SectorSpec; twin?: boolean }
  | { kind: 'fibre-point'; anchor: EdgeAnchor; radiusMeters?: number; twin?: boolean }
  | { kind: 'route'; vertices: ({ anchor: EdgeAnchor } | { point: [number, number] })[]; radiusMeters?: number };

/** A hamlet and the records, points and routes that make one case. */
export interface HamletCase extends RandomCase {
  hamlet: AreaGeometry;
}

const OPERATORS = ['Viettel', 'VinaPhone', 'MobiFone'];

/**
 * Builds a case from shape specs: anchors are resolved against the hamlet with the shape's radius
 * (a record's smallest radius), so that small and large shapes alike reach from outside the
 * hamlet to a radius inside it.
 */
export function placeShapes(hamlet: AreaGeometry, specs: ShapeSpec[], radii: CoverageConfig['radiiMeters']): HamletCase {
  const built: HamletCase = { hamlet, records: [], fibrePoints: [], fibreRoutes: [] };
  specs.forEach((spec, i) => {
    if (spec.kind === 'route') {
      const radiusMeters = spec.radiusMeters ?? radii.ftth;
      const coordinates = spec.vertices.map((vertex) => ('point' in vertex ? vertex.point : placeAtEdge(hamlet, vertex.anchor, radiusMeters).point));
      built.fibreRoutes.push({ id: `R${i}`, coordinates, ...(spec.radiusMeters !== undefined ? { radiusMeters: spec.radiusMeters } : {}) });
      return;
    }
    const override = spec.radiusMeters !== undefined ? { radiusMeters: spec.radiusMeters } : {};
    if (spec.kind === 'fibre-point') {
      const { point } = placeAtEdge(hamlet, spec.anchor, spec.radiusMeters ?? radii.ftth);
      for (const copy of spec.twin ? ['a', 'b'] : ['a']) built.fibrePoints.push({ id: `F${i}${copy}`, lng: point[0], lat: point[1], ...override });
      return;
    }
    const radiusMeters = spec.radiusMeters ?? Math.min(...spec.technologies.map((technology) => radii[technology]));
    const { point, inwardAzimuthDegrees } = placeAtEdge(hamlet, spec.anchor, radiusMeters);
    const sector = spec.sector;
    const sectors = sector
      ? Array.from({ length: 1 + sector.siblings }, (_, k) => ({
          azimuthDegrees: ((((sector.isCompass ? 0 : inwardAzimuthDegrees) + sector.azimuthDegrees + k * sector.beamwidthDegrees) % 360) + 360) % 360,
          beamwidthDegrees: sector.beamwidthDegrees,
        }))
      : [{}];
    const operators = spec.twin ? [OPERATORS[i % 3], OPERATORS[(i + 1) % 3]] : [OPERATORS[i % 3]];
    for (const operator of operators) {
      for (const direction of sectors) built.records.push({ siteId: `S${i}`, operator, lng: point[0], lat: point[1], technologies: spec.technologies, ...override, ...direction });
    }
  });
  return built;
}

const mobileTechnologies = fc.constantFrom<Technology[]>(['5G'], ['5G'], ['4G'], ['3G'], ['4G', '5G'], ['3G', '4G']);

/** 50 m to 10 km, even on a log scale; a fifth of them exactly 50 m or 10 km. */
const overrideRadius = fc.oneof(
  { arbitrary: fc.constantFrom(50, 10000), weight: 1 },
  { arbitrary: fc.noBias(fc.double({ min: Math.log(50), max: Math.log(10000), noNaN: true })).map((log) => Math.round(Math.exp(log))), weight: 4 },
);

/** Narrow (10°–30°) sectors mostly, also ordinary ones and sectors wider than 180°. */
const sectorSpec: fc.Arbitrary<SectorSpec> = fc.record({
  azimuthDegrees: fc.integer({ min: -60, max: 60 }),
  isCompass: fc.constant(false),
  beamwidthDegrees: fc.oneof({ arbitrary: fc.integer({ min: 10, max: 30 }), weight: 3 }, { arbitrary: fc.integer({ min: 31, max: 180 }), weight: 1 }, { arbitrary: fc.integer({ min: 181, max: 350 }), weight: 1 }),
  siblings: fc.constant(0),
});

/**
 * The sectors of one site that share edge rays: 2–3 sectors of 60°–180°, each one beamwidth on,
 * from a whole compass azimuth (0° and 120° at 120° among them).
 */
const sectorSiteSpec: fc.Arbitrary<SectorSpec> = fc.record({
  azimuthDegrees: fc.integer({ min: 0, max: 359 }),
  isCompass: fc.constant(true),
  beamwidthDegrees: fc.constantFrom(60, 90, 120, 180),
  siblings: fc.integer({ min: 1, max: 2 }),
});

const routeVertex = fc.oneof(edgeAnchor.map((anchor) => ({ anchor })), nearPoint.map((point) => ({ point })));

/** A fibre route of 2–5 vertices, each against the hamlet's edge or anywhere within 4 km of CENTER. */
const routeSpec = (radiusMeters: fc.Arbitrary<number | undefined>): fc.Arbitrary<ShapeSpec> =>
  fc.record({ kind: fc.constant('route' as const), vertices: fc.array(routeVertex, { minLength: 2, maxLength: 5 }), radiusMeters });

/** One BTS disc (a technology's radius) or one fibre point (the ftth radius) against a star hamlet's edge. */
export function edgeDiscCase(radii: CoverageConfig['radiiMeters']): fc.Arbitrary<HamletCase> {
  const disc = fc.oneof<fc.Arbitrary<ShapeSpec>[]>(
    fc.record({ kind: fc.constant('bts' as const), technologies: mobileTechnologies, anchor: edgeAnchor }),
    fc.record({ kind: fc.constant('fibre-point' as const), anchor: edgeAnchor }),
  );
  return fc.tuple(starPolygon, disc).map(([hamlet, spec]) => placeShapes(hamlet, [spec], radii));
}

/**
 * 1–3 shapes with a radius of their own (50 m–10 km: BTS discs, fibre points, fibre routes) and
 * up to 2 shapes of the config's radii, against a star hamlet's edge: a 200 m small cell in a
 * 1 km 5G layer, a 50 m fibre drop beside 300 m points.
 */
export function radiusOverrideCase(radii: CoverageConfig['radiiMeters']): fc.Arbitrary<HamletCase> {
  const overridden = fc.oneof<fc.Arbitrary<ShapeSpec>[]>(
    fc.record({ kind: fc.constant('bts' as const), technologies: mobileTechnologies, anchor: edgeAnchor, radiusMeters: overrideRadius }),
    fc.record({ kind: fc.constant('fibre-point' as const), anchor: edgeAnchor, radiusMeters: overrideRadius }),
    routeSpec(overrideRadius),
  );
  const plain = fc.oneof<fc.Arbitrary<ShapeSpec>[]>(
    fc.record({ kind: fc.constant('bts' as const), technologies: mobileTechnologies, anchor: edgeAnchor }),
    fc.record({ kind: fc.constant('fibre-point' as const), anchor: edgeAnchor }),
  );
  return fc
    .tuple(starPolygon, fc.array(overridden, { minLength: 1, maxLength: 3 }), fc.array(plain, { maxLength: 2 }))
    .map(([hamlet, own, configured]) => placeShapes(hamlet, [...own, ...configured], radii));
}

/** 1–2 sectors (the config's radii) with their apex against a star hamlet's edge, turned ±60° from facing into it. */
export function sectorCase(radii: CoverageConfig['radiiMeters']): fc.Arbitrary<HamletCase> {
  const sector = fc.record({ kind: fc.constant('bts' as const), technologies: mobileTechnologies, anchor: edgeAnchor, sector: sectorSpec });
  return fc.tuple(starPolygon, fc.array(sector, { minLength: 1, maxLength: 2 })).map(([hamlet, specs]) => placeShapes(hamlet, specs, radii));
}

/** 1–3 fibre routes (the ftth radius, or 100–600 m of their own) across or along a star hamlet. */
export function fibreRouteCase(radii: CoverageConfig['radiiMeters']): fc.Arbitrary<HamletCase> {
  const route = routeSpec(fc.option(fc.integer({ min: 100, max: 600 }), { nil: undefined }));
  return fc.tuple(starPolygon, fc.array(route, { minLength: 1, maxLength: 3 })).map(([hamlet, specs]) => placeShapes(hamlet, specs, radii));
}

/**
 * Unions on any hamlet (holes, MultiPolygons): 1–3 BTS discs (config radii or 200 m–5 km), 1–2
 * sites of sectors sharing edge rays, 1–3 fibre points, up to one route; any record or point may
 * be doubled exactly (two operators at one site).
 */
export function unionCase(radii: CoverageConfig['radiiMeters']): fc.Arbitrary<HamletCase> {
  const twin = fc.boolean();
  const disc = fc.record({ kind: fc.constant('bts' as const), technologies: mobileTechnologies, anchor: edgeAnchor, radiusMeters: fc.option(fc.integer({ min: 200, max: 5000 }), { nil: undefined }), twin });
  const sectorSite = fc.record({ kind: fc.constant('bts' as const), technologies: mobileTechnologies, anchor: edgeAnchor, sector: sectorSiteSpec, twin });
  const fibre = fc.record({ kind: fc.constant('fibre-point' as const), anchor: edgeAnchor, radiusMeters: fc.option(fc.integer({ min: 50, max: 600 }), { nil: undefined }), twin });
  return fc
    .tuple(
      anyHamlet,
      fc.array(disc, { minLength: 1, maxLength: 3 }),
      fc.array(sectorSite, { minLength: 1, maxLength: 2 }),
      fc.array(fibre, { minLength: 1, maxLength: 3 }),
      fc.array(routeSpec(fc.option(fc.integer({ min: 100, max: 400 }), { nil: undefined })), { maxLength: 1 }),
    )
    .map(([hamlet, ...groups]) => placeShapes(hamlet, groups.flat(), radii));
}
