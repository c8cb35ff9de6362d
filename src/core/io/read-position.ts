import { listOf, message, quotedValue, type Message } from '../messages';
import type { Position } from '../types';
import { CoverageInputError } from './input-error';
import { parseCoordinate } from './parse-coordinate';

/** A usable position, or why there is none. */
export type PositionReading =
  | { ok: true; position: Position; isSwapped: boolean }
  | { ok: false; reason: Message };

/** Where the two coordinates are, for messages: `in-column` (`kinh_do`) or `at-position` (0). */
export interface PositionLabels {
  lng: Message;
  lat: Message;
}

/**
 * Reads a longitude / latitude pair from two cells (text or numbers) and checks it. Decimal commas are
 * accepted (`105,9712`), a single separator before three digits is read as decimal (`9,603`), and
 * degrees-minutes-seconds are read by `parseCoordinate` (`105°58'12"E`).
 *
 * A pair whose latitude lies in 100–112 and longitude in 8–24 is Vietnam with the columns swapped: it is
 * swapped back and `isSwapped` is set, so the caller can warn (`swapped-coordinates`). Otherwise the
 * longitude must lie in [-180, 180] and the latitude in [-90, 90], and 0, 0 is refused as a placeholder.
 * @param lngRaw longitude cell, degrees
 * @param latRaw latitude cell, degrees
 * @param labels where the two cells are, for messages, e.g. `message('in-column', { column: 'kinh_do' })`
 * @returns `{ ok: true, position: [lng, lat], isSwapped }` or `{ ok: false, reason }`
 * @throws never
 * @example readPosition('9,6031', '105,9712', { lng: message('in-column', { column: 'x' }), lat: message('in-column', { column: 'y' }) })
 * // { ok: true, position: [105.9712, 9.6031], isSwapped: true }
 */
export function readPosition(lngRaw: unknown, latRaw: unknown, labels: PositionLabels): PositionReading {
  const lng = readCoordinate(lngRaw, 'longitude', labels.lng);
  if (typeof lng !== 'number') return { ok: false, reason: lng };
  const lat = readCoordinate(latRaw, 'latitude', labels.lat);
  if (typeof lat !== 'number') return { ok: false, reason: lat };
  if (lat >= 100 && lat <= 112 && lng >= 8 && lng <= 24) return { ok: true, position: [lat, lng], isSwapped: true };
  if (lng < -180 || lng > 180) return { ok: false, reason: message('longitude-out-of-range', { value: lng, at: labels.lng }) };
  if (lat < -90 || lat > 90) return { ok: false, reason: message('latitude-out-of-range', { value: lat, at: labels.lat }) };
  if (lng === 0 && lat === 0) return { ok: false, reason: message('coordinates-zero', { at: labels.lng, latAt: labels.lat }) };
  return { ok: true, position: [lng, lat], isSwapped: false };
}

/** The number, or the reason there is none. */
function readCoordinate(raw: unknown, axis: 'longitude' | 'latitude', label: Message): number | Message {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return message(axis === 'longitude' ? 'missing-longitude' : 'missing-latitude', { at: label });
  const value = parseCoordinate(raw);
  if (value === null) return message(axis === 'longitude' ? 'longitude-not-number' : 'latitude-not-number', { value: quotedValue(raw), at: label });
  return value;
}

/**
 * Reads one GeoJSON position `[lng, lat, …]`.
 * @param coordinates the position as found in the geometry
 * @param index its index inside the geometry, for messages
 * @returns see {@link readPosition}
 * @throws never
 * @example readGeoJsonPosition([105.97, 9.6, 12], 0) // { ok: true, position: [105.97, 9.6], isSwapped: false }
 */
export function readGeoJsonPosition(coordinates: unknown, index: number): PositionReading {
  if (!Array.isArray(coordinates) || coordinates.length < 2 || typeof coordinates[0] !== 'number' || typeof coordinates[1] !== 'number') {
    return { ok: false, reason: message('position-not-numbers', { index, value: quotedValue(coordinates ?? null) }) };
  }
  const at = message('at-position', { index });
  return readPosition(coordinates[0], coordinates[1], { lng: at, lat: at });
}

/**
 * Checks that a CSV header has both coordinate columns.
 * @param headers the header names as written
 * @param columns the resolved longitude and latitude columns, if any
 * @param aliases the accepted names of both, for the message
 * @param file label of the file, used in the message
 * @returns the two column names
 * @throws {CoverageInputError} `no-coordinate-columns` (or `no-longitude-column`, `no-latitude-column`)
 *   with the accepted names and the first header cells found
 * @example requireCoordinateColumns(['x', 'y'], { lng: 'x', lat: 'y' }, { lng: ['x'], lat: ['y'] }, 'a.csv') // { lng: 'x', lat: 'y' }
 */
export function requireCoordinateColumns(
  headers: readonly string[],
  columns: { lng?: string; lat?: string },
  aliases: { lng: readonly string[]; lat: readonly string[] },
  file: string,
): { lng: string; lat: string } {
  const { lng, lat } = columns;
  if (lng !== undefined && lat !== undefined) return { lng, lat };
  const params = { headers: listOf(headers, { quoted: true, max: 12 }) };
  const code = lng === undefined && lat === undefined ? 'no-coordinate-columns' : lng === undefined ? 'no-longitude-column' : 'no-latitude-column';
  throw new CoverageInputError({
    code,
    file,
    params: { ...params, lngNames: listOf(aliases.lng, { quoted: false, max: 12 }), latNames: listOf(aliases.lat, { quoted: false, max: 12 }) },
  });
}
