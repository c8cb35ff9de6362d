// A slow, obviously correct reference for "is this point inside that record's coverage shape?":
// Turf's great-circle distance and bearing, one record at a time. Turf measures on a sphere and the
// engine on the WGS84 ellipsoid (they differ by up to half a percent of a radius here), so a point
// that close to a boundary is reported as `near` and left out of comparisons.
import { bearing, distance, point } from '@turf/turf';
import type { BtsRecord } from '../../src/core/types';

export type SlowAnswer = 'in' | 'out' | 'near';

/** Share of the radius, and degrees of a sector's edge, within which a point counts as `near`. */
const NEAR_SHARE = 0.01;
const NEAR_DEGREES = 1;

/**
 * Whether a point lies in a record's disc or sector of `radiusMeters`, by Turf.
 * @param record the record (position, azimuth, beamwidth)
 * @param radiusMeters the radius the record covers
 * @param lng the point's longitude
 * @param lat the point's latitude
 * @param defaultBeamwidth beamwidth when the record has an azimuth but none
 */
export function slowIsInRecordShape(record: BtsRecord, radiusMeters: number, lng: number, lat: number, defaultBeamwidth = 120): SlowAnswer {
  const meters = distance(point([record.lng, record.lat]), point([lng, lat]), { units: 'kilometers' }) * 1000;
  if (Math.abs(meters - radiusMeters) <= NEAR_SHARE * radiusMeters) return 'near';
  if (meters > radiusMeters) return 'out';
  const beamwidth = record.beamwidthDegrees ?? defaultBeamwidth;
  if (record.azimuthDegrees === undefined || beamwidth >= 360 || meters < 1) return 'in';
  const direction = (bearing(point([record.lng, record.lat]), point([lng, lat])) + 360) % 360;
  const offset = Math.abs(((direction - record.azimuthDegrees + 540) % 360) - 180);
  if (Math.abs(offset - beamwidth / 2) <= NEAR_DEGREES) return 'near';
  return offset < beamwidth / 2 ? 'in' : 'out';
}
