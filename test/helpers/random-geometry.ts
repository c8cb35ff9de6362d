// fast-check arbitraries for small coverage cases, shared by the engine's property tests.
import fc from 'fast-check';
import type { BtsRecord, FibrePoint, FibreRoute, PolygonGeometry, Technology } from '../../src/core/types';
import { metersToDegrees } from '../../src/core/units';
import type { ReferenceShape } from './exact-coverage';

export const CENTER: [number, number] = [105.95, 9.6];

/** A star-shaped (hence simple) polygon around CENTER, 8–20 vertices, 0.4–3 km across. */
export const starPolygon = fc
  .record({
    radiusMeters: fc.integer({ min: 400, max: 3000 }),
    spikes: fc.array(fc.double({ min: 0.35, max: 1, noNaN: true }), { minLength: 8, maxLength: 20 }),
    offset: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ radiusMeters, spikes, offset }): PolygonGeometry => {
    const ring: [number, number][] = spikes.map((spike, i) => {
      const angle = ((i + offset * 0.5) / spikes.length) * 2 * Math.PI;
      const [dLng, dLat] = metersToDegrees(radiusMeters * spike, CENTER[1]);
      return [CENTER[0] + dLng * Math.cos(angle), CENTER[1] + dLat * Math.sin(angle)];
    });
    ring.push(ring[0]);
    return { type: 'Polygon', coordinates: [ring] };
  });

const nearPoint = fc
  .record({ east: fc.integer({ min: -4000, max: 4000 }), north: fc.integer({ min: -4000, max: 4000 }) })
  .map(({ east, north }): [number, number] => {
    const [dLng, dLat] = metersToDegrees(1, CENTER[1]);
    return [CENTER[0] + east * dLng, CENTER[1] + north * dLat];
  });

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
