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

/** Deepest `coordinates` nesting in GeoJSON (MultiPolygon: polygons → rings → positions → numbers). */
export const MAX_COORDINATE_DEPTH = 4;
/** Deepest nesting of GeometryCollections we follow; beyond it a geometry is left as it is. */
const MAX_COLLECTION_DEPTH = 8;

/**
 * Applies a position function to every position of a GeoJSON geometry (any type, also collections),
 * returning a new geometry; a third coordinate is dropped. Nesting deeper than GeoJSON's own
 * ({@link MAX_COORDINATE_DEPTH} levels of `coordinates`, 8 of collections) is left as it is, for the
 * parsers to refuse with the feature's place: the walk never goes deeper than that, so a file nesting
 * arrays 200,000 deep cannot overflow the stack.
 * @param geometry a GeoJSON geometry object (anything else is returned unchanged)
 * @param map the position function, e.g. `createReprojector(crs).toWgs84`
 * @returns the new geometry
 * @throws never
 * @example mapGeometryPositions({ type: 'Point', coordinates: [1, 2] }, ([x, y]) => [y, x]) // { type: 'Point', coordinates: [2, 1] }
 */
export function mapGeometryPositions(geometry: unknown, map: (position: readonly number[]) => Position, collectionDepth = 0): unknown {
  if (geometry === null || typeof geometry !== 'object') return geometry;
  const { type, coordinates, geometries } = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (type === 'GeometryCollection' && Array.isArray(geometries)) {
    if (collectionDepth >= MAX_COLLECTION_DEPTH) return geometry;
    return { ...geometry, geometries: geometries.map((member) => mapGeometryPositions(member, map, collectionDepth + 1)) };
  }
  if (!Array.isArray(coordinates) || !isWithinCoordinateDepth(coordinates)) return geometry;
  return { ...geometry, coordinates: mapNested(coordinates, map) };
}

/** Whether arrays nest at most {@link MAX_COORDINATE_DEPTH} levels below `value` (checked without recursion). */
function isWithinCoordinateDepth(value: unknown[]): boolean {
  const stack: { value: unknown[]; depth: number }[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    for (const member of current) {
      if (!Array.isArray(member)) continue;
      if (depth >= MAX_COORDINATE_DEPTH) return false;
      stack.push({ value: member, depth: depth + 1 });
    }
  }
  return true;
}

/** A copy of checked coordinates (at most MAX_COORDINATE_DEPTH deep, so this recursion is bounded). */
function mapNested(value: unknown[], map: (position: readonly number[]) => Position): unknown[] {
  if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') return map(value as number[]);
  return value.map((member) => (Array.isArray(member) ? mapNested(member, map) : member));
}

/**
 * Every position of a GeoJSON geometry, in order (for guessing its system or checking its extent),
 * walked with an explicit stack and no deeper than GeoJSON nests.
 * @param geometry a GeoJSON geometry object
 * @param limit stop after this many positions
 * @returns the numeric positions found
 * @throws never
 * @example collectPositions({ type: 'LineString', coordinates: [[1, 2], [3, 4]] }) // [[1, 2], [3, 4]]
 */
export function collectPositions(geometry: unknown, limit = Number.POSITIVE_INFINITY): Position[] {
  const out: Position[] = [];
  // Nodes still to visit, last first: geometries (with their collection depth) or coordinate arrays.
  const stack: ({ geometry: unknown; depth: number } | { coordinates: unknown[]; depth: number })[] = [{ geometry, depth: 0 }];
  while (stack.length > 0 && out.length < limit) {
    const node = stack.pop()!;
    if ('geometry' in node) {
      if (node.geometry === null || typeof node.geometry !== 'object') continue;
      const { coordinates, geometries } = node.geometry as { coordinates?: unknown; geometries?: unknown };
      if (Array.isArray(geometries)) {
        if (node.depth < MAX_COLLECTION_DEPTH) for (let index = geometries.length - 1; index >= 0; index -= 1) stack.push({ geometry: geometries[index], depth: node.depth + 1 });
      } else if (Array.isArray(coordinates)) stack.push({ coordinates, depth: 1 });
      continue;
    }
    const value = node.coordinates;
    if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
      if (Number.isFinite(value[0]) && Number.isFinite(value[1])) out.push([value[0], value[1]]);
      continue;
    }
    if (node.depth >= MAX_COORDINATE_DEPTH) continue;
    for (let index = value.length - 1; index >= 0; index -= 1) {
      const member = value[index];
      if (Array.isArray(member)) stack.push({ coordinates: member, depth: node.depth + 1 });
    }
  }
  return out;
}
