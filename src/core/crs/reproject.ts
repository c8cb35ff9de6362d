import proj4 from 'proj4';
import type { Position } from '../types';
import type { CrsDefinition } from './crs-definitions';

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

/** Converts positions between one system and WGS84 degrees `[lng, lat]`. */
export interface Reprojector {
  crs: CrsDefinition;
  /** From the system to WGS84 `[lng, lat]`. */
  toWgs84(position: readonly number[]): Position;
  /** From WGS84 `[lng, lat]` to the system. */
  fromWgs84(position: readonly number[]): Position;
}

const cache = new Map<string, proj4.Converter>();

/**
 * A converter between a system and WGS84 degrees (proj4, with the datum shift of the definition).
 * WGS84 itself gives the identity.
 * @param crs the source system (see `resolveCrs`, `listKnownCrs`, `detectCrsFromPrj`)
 * @returns `toWgs84` and `fromWgs84`; non-finite results come back as `[NaN, NaN]`
 * @throws never
 * @example createReprojector(vn2000Tm3(105.5)).toWgs84([500000, 1060000]) // ≈ [105.50178, 9.58537] (the datum shift moves it off the meridian)
 */
export function createReprojector(crs: CrsDefinition): Reprojector {
  if (crs.id === 'EPSG:4326') {
    return { crs, toWgs84: (position) => [position[0], position[1]], fromWgs84: (position) => [position[0], position[1]] };
  }
  let converter = cache.get(crs.proj4);
  if (converter === undefined) {
    try {
      converter = proj4(crs.proj4, WGS84);
    } catch {
      // A definition proj4 cannot read (a damaged .prj): every position becomes NaN, and is reported.
      const nothing = (): Position => [Number.NaN, Number.NaN];
      return { crs, toWgs84: nothing, fromWgs84: nothing };
    }
    cache.set(crs.proj4, converter);
  }
  const safe = (run: () => number[]): Position => {
    try {
      const [x, y] = run();
      return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : [Number.NaN, Number.NaN];
    } catch {
      return [Number.NaN, Number.NaN];
    }
  };
  const forward = converter;
  return {
    crs,
    toWgs84: (position) => safe(() => forward.forward([position[0], position[1]])),
    fromWgs84: (position) => safe(() => forward.inverse([position[0], position[1]])),
  };
}

/**
 * Applies a position function to every position of a GeoJSON geometry (any type, also collections),
 * returning a new geometry; a third coordinate is dropped.
 * @param geometry a GeoJSON geometry object (anything else is returned unchanged)
 * @param map the position function, e.g. `createReprojector(crs).toWgs84`
 * @returns the new geometry
 * @throws never
 * @example mapGeometryPositions({ type: 'Point', coordinates: [1, 2] }, ([x, y]) => [y, x]) // { type: 'Point', coordinates: [2, 1] }
 */
export function mapGeometryPositions(geometry: unknown, map: (position: readonly number[]) => Position): unknown {
  if (geometry === null || typeof geometry !== 'object') return geometry;
  const { type, coordinates, geometries } = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (type === 'GeometryCollection' && Array.isArray(geometries)) {
    return { ...geometry, geometries: geometries.map((member) => mapGeometryPositions(member, map)) };
  }
  if (!Array.isArray(coordinates)) return geometry;
  return { ...geometry, coordinates: mapNested(coordinates, map) };
}

function mapNested(value: unknown[], map: (position: readonly number[]) => Position): unknown[] {
  if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') return map(value as number[]);
  return value.map((member) => (Array.isArray(member) ? mapNested(member, map) : member));
}

/**
 * Every position of a GeoJSON geometry, in order (for guessing its system or checking its extent).
 * @param geometry a GeoJSON geometry object
 * @param limit stop after this many positions
 * @returns the numeric positions found
 * @throws never
 * @example collectPositions({ type: 'LineString', coordinates: [[1, 2], [3, 4]] }) // [[1, 2], [3, 4]]
 */
export function collectPositions(geometry: unknown, limit = Number.POSITIVE_INFINITY): Position[] {
  const out: Position[] = [];
  const visit = (value: unknown): void => {
    if (out.length >= limit || !Array.isArray(value)) return;
    if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
      if (Number.isFinite(value[0]) && Number.isFinite(value[1])) out.push([value[0], value[1]]);
      return;
    }
    value.forEach(visit);
  };
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const { coordinates, geometries } = node as { coordinates?: unknown; geometries?: unknown };
    if (Array.isArray(geometries)) geometries.forEach(walk);
    else visit(coordinates);
  };
  walk(geometry);
  return out;
}
