import type { BtsRecord, CoverageConfig, Position } from '../types';
import { ellipsoidMetersPerDegree } from '../units';

/** A record's mobile-broadband footprint as drawn on the map: the engine's disc or sector. */
export interface FootprintFeature {
  type: 'Feature';
  properties: { site_id: string; operator: string; radius_m: number; is_sector: boolean };
  geometry: { type: 'Polygon'; coordinates: Position[][] };
}

/**
 * The footprints the engine uses for the mobile layer, one polygon per BTS record: a disc of the
 * record's largest mobile-broadband radius, or the sector azimuth ± beamwidth / 2 when it has an
 * azimuth. Records with no mobile-broadband technology have none.
 * @param records BTS records
 * @param config radii, mobile-broadband technologies, default beamwidth
 * @param stepsPerCircle vertices on a full circle (a sector gets its share)
 * @returns a GeoJSON FeatureCollection of polygons, `[lng, lat]`
 * @example buildCoverageFootprints([{ siteId: 'A', operator: 'Viettel', lng: 106, lat: 9.6, technologies: ['4G'] }], DEFAULT_CONFIG).features[0].properties.radius_m // 3000
 */
export function buildCoverageFootprints(records: BtsRecord[], config: CoverageConfig, stepsPerCircle = 64): { type: 'FeatureCollection'; features: FootprintFeature[] } {
  const features: FootprintFeature[] = [];
  for (const record of records) {
    const broadband = record.technologies.filter((technology) => config.mobileBroadband.includes(technology));
    if (broadband.length === 0) continue;
    const radius = record.radiusMeters ?? broadband.reduce((largest, technology) => Math.max(largest, config.radiiMeters[technology]), -Infinity);
    if (!(radius > 0)) continue;
    const [metersPerLng, metersPerLat] = ellipsoidMetersPerDegree(record.lat);
    const at = (azimuthDegrees: number): Position => {
      const angle = (azimuthDegrees * Math.PI) / 180;
      return [record.lng + (radius * Math.sin(angle)) / metersPerLng, record.lat + (radius * Math.cos(angle)) / metersPerLat];
    };
    const beamwidth = record.beamwidthDegrees ?? config.defaultBeamwidthDegrees;
    const isSector = record.azimuthDegrees !== undefined && beamwidth > 0 && beamwidth < 360;
    const ring: Position[] = [];
    if (isSector) {
      const steps = Math.max(2, Math.ceil((stepsPerCircle * beamwidth) / 360));
      const start = (record.azimuthDegrees ?? 0) - beamwidth / 2;
      ring.push([record.lng, record.lat]);
      for (let i = 0; i <= steps; i++) ring.push(at(start + (beamwidth * i) / steps));
      ring.push([record.lng, record.lat]);
    } else {
      // Counter-clockwise, as GeoJSON wants an outer ring.
      for (let i = 0; i < stepsPerCircle; i++) ring.push(at(360 - (360 * i) / stepsPerCircle));
      ring.push(ring[0]);
    }
    features.push({
      type: 'Feature',
      properties: { site_id: record.siteId, operator: record.operator, radius_m: radius, is_sector: isSector },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  return { type: 'FeatureCollection', features };
}
