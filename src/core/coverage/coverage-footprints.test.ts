import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { BtsRecord } from '../types';
import { buildCoverageFootprints } from './coverage-footprints';

const base: BtsRecord = { siteId: 'A', operator: 'Viettel', lng: 105.97, lat: 9.6, technologies: ['4G'] };

describe('buildCoverageFootprints', () => {
  it('draws a disc of the record radius with the area of a circle', () => {
    const [disc] = buildCoverageFootprints([{ ...base, radiusMeters: 1000 }], DEFAULT_CONFIG, 256).features;
    expect(disc.properties).toEqual({ site_id: 'A', operator: 'Viettel', radius_m: 1000, is_sector: false });
    // Turf's sphere makes areas 0.4 % larger than the ellipsoid at 10° N.
    expect(turf.area(disc) / (Math.PI * 1000 ** 2)).toBeCloseTo(1.003, 2);
  });

  it('draws a sector facing its azimuth with beamwidth / 360 of the disc', () => {
    const [sector] = buildCoverageFootprints([{ ...base, radiusMeters: 1000, azimuthDegrees: 90, beamwidthDegrees: 90 }], DEFAULT_CONFIG, 256).features;
    expect(sector.properties.is_sector).toBe(true);
    expect(turf.area(sector) / (Math.PI * 1000 ** 2)).toBeCloseTo(0.25, 2);
    // Facing east: a point 500 m east is inside, 500 m west is not.
    expect(turf.booleanPointInPolygon(turf.point([base.lng + 0.0046, base.lat]), sector)).toBe(true);
    expect(turf.booleanPointInPolygon(turf.point([base.lng - 0.0046, base.lat]), sector)).toBe(false);
  });

  it('uses the largest mobile-broadband radius and skips 2G-only records', () => {
    const features = buildCoverageFootprints([{ ...base, technologies: ['2G', '4G', '5G'] }, { ...base, siteId: 'OLD', technologies: ['2G'] }], DEFAULT_CONFIG).features;
    expect(features.map((feature) => [feature.properties.site_id, feature.properties.radius_m])).toEqual([['A', 3000]]);
  });
});
