/**
 * Units and the local metric frame used by the engine.
 * `Meters` and `Degrees` are documentation aliases: every name that holds one also says so.
 */
export type Meters = number;
export type Degrees = number;

/** Mean Earth radius (IUGG), the same one Turf uses, so engine and Turf baselines agree. */
export const EARTH_RADIUS_METERS: Meters = 6371008.8;
/** Metres per degree of latitude on that sphere. */
export const METERS_PER_DEGREE: Meters = (EARTH_RADIUS_METERS * Math.PI) / 180;

/**
 * Great-circle distance between two `[lng, lat]` points.
 * @param lng1 longitude of the first point, degrees
 * @param lat1 latitude of the first point, degrees
 * @param lng2 longitude of the second point, degrees
 * @param lat2 latitude of the second point, degrees
 * @returns distance in metres
 * @example haversineMeters(105.97, 9.6, 105.98, 9.6) // ≈ 1096.6
 */
export function haversineMeters(lng1: Degrees, lat1: Degrees, lng2: Degrees, lat2: Degrees): Meters {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLng = (lng2 - lng1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Degrees of longitude and latitude spanned by a distance at a latitude (for bounding boxes).
 * @param distanceMeters distance on the ground
 * @param lat latitude, degrees
 * @returns `[dLng, dLat]` in degrees
 * @example metersToDegrees(1000, 9.6) // ≈ [0.00912, 0.00899]
 */
export function metersToDegrees(distanceMeters: Meters, lat: Degrees): [Degrees, Degrees] {
  const dLat = distanceMeters / METERS_PER_DEGREE;
  const cosLat = Math.max(1e-6, Math.cos((lat * Math.PI) / 180));
  return [dLat / cosLat, dLat];
}

const WGS84_A = 6378137;
const WGS84_E2 = 0.00669437999014;

/**
 * Metres per degree of longitude and latitude on the WGS84 ellipsoid at a latitude (the radii of
 * curvature along the parallel and the meridian), for local metric frames.
 * @param lat latitude, degrees
 * @returns `[metersPerDegreeLng, metersPerDegreeLat]`
 * @example ellipsoidMetersPerDegree(9.6) // ≈ [109771, 110614]
 */
export function ellipsoidMetersPerDegree(lat: Degrees): [Meters, Meters] {
  const phi = (lat * Math.PI) / 180;
  const sin2 = Math.sin(phi) ** 2;
  const w = Math.sqrt(1 - WGS84_E2 * sin2);
  const primeVertical = WGS84_A / w;
  const meridional = (WGS84_A * (1 - WGS84_E2)) / (w * w * w);
  return [(primeVertical * Math.cos(phi) * Math.PI) / 180, (meridional * Math.PI) / 180];
}
