// The value rules a record must meet, shared by the importers (which read cells) and the decoder of
// stored records (project files, the browser's storage), so both accept exactly the same values.
import type { Degrees, Meters } from '../units';

/** Longest coverage radius accepted, metres: beyond any real cell (GSM's timing advance ends at 35 km). */
export const MAX_RADIUS_METERS: Meters = 100_000;

/**
 * True for a usable coverage radius: a finite number of metres > 0 and at most {@link MAX_RADIUS_METERS}.
 * @param value the radius, metres
 * @returns whether the engine may use it
 * @example isRadiusMeters(3000) // true
 * @example isRadiusMeters(1e308) // false
 */
export function isRadiusMeters(value: number): boolean {
  return Number.isFinite(value) && value > 0 && value <= MAX_RADIUS_METERS;
}

/**
 * True for an azimuth as the importers accept it: finite, in [-360, 360] (brought into [0, 360) after).
 * @param value clockwise from north, degrees
 * @returns whether it is an azimuth
 * @example isAzimuthDegrees(-90) // true
 */
export function isAzimuthDegrees(value: Degrees): boolean {
  return Number.isFinite(value) && value >= -360 && value <= 360;
}

/**
 * True for a sector's beamwidth: finite, in (0, 360].
 * @param value the opening angle, degrees
 * @returns whether it is a beamwidth
 * @example isBeamwidthDegrees(65) // true
 */
export function isBeamwidthDegrees(value: Degrees): boolean {
  return Number.isFinite(value) && value > 0 && value <= 360;
}

/**
 * True for a count (households, population) or a height: a finite number ≥ 0.
 * @param value the number
 * @returns whether it is one
 * @example isNonNegative(1234) // true
 */
export function isNonNegative(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

/**
 * What is wrong with a longitude / latitude pair (degrees, WGS84), or null when it is a location:
 * `'longitude'` unless finite in [-180, 180], `'latitude'` unless finite in [-90, 90], `'placeholder'`
 * for 0, 0 (a blank written as zeros).
 * @param lng longitude, degrees
 * @param lat latitude, degrees
 * @returns the problem, or null
 * @example findLngLatProblem(105.97, 9.6) // null
 * @example findLngLatProblem(0, 0) // 'placeholder'
 */
export function findLngLatProblem(lng: number, lat: number): 'longitude' | 'latitude' | 'placeholder' | null {
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) return 'longitude';
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) return 'latitude';
  if (lng === 0 && lat === 0) return 'placeholder';
  return null;
}

/** The frequencies a mobile network's reach model takes, MHz (Vietnam's bands run from 700 MHz to 3.9 GHz; mmWave up to 100 GHz). */
export const MIN_FREQUENCY_MHZ = 100;
export const MAX_FREQUENCY_MHZ = 100_000;

/**
 * True for a usable frequency: a finite number of MHz within {@link MIN_FREQUENCY_MHZ}–{@link MAX_FREQUENCY_MHZ}.
 * @param value MHz
 * @returns whether a record may carry it
 * @example isFrequencyMhz(1800) // true
 */
export function isFrequencyMhz(value: number): boolean {
  return Number.isFinite(value) && value >= MIN_FREQUENCY_MHZ && value <= MAX_FREQUENCY_MHZ;
}
