import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis } from '../analyze-coverage';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { Hamlet, Position } from '../types';
import { checkHamletLayer } from './check-hamlet-layer';

const SITE: Position = [105.95, 9.6];
/** A point at a distance (m) east of the site, by turf's great-circle destination (independent of the engine). */
const east = (meters: number): Position => turf.destination(SITE, meters / 1000, 90, { units: 'kilometers' }).geometry.coordinates as Position;
const square = ([lng, lat]: Position, half: number): Hamlet['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[lng - half, lat - half], [lng + half, lat - half], [lng + half, lat + half], [lng - half, lat + half], [lng - half, lat - half]]],
});
const hamlet = (id: string, point: Position | undefined, name = `Ấp ${id}`, half = 0.01): Hamlet => ({
  id, name, commune: 'Xã A', district: 'Huyện A', properties: {}, geometry: square(point ?? SITE, half), approximate: point !== undefined, ...(point === undefined ? {} : { point }),
});

describe('the point rule in the report', () => {
  it('covers a hamlet when its point is inside a site disc, beside the area share', () => {
    // 4G disc of 3 km: a point 2.9 km away is inside, one 3.1 km away is not (the ellipsoid and the sphere differ by < 1 %).
    const input = {
      hamlets: [hamlet('IN', east(2900)), hamlet('OUT', east(3100)), hamlet('POLY', undefined)],
      btsRecords: [{ siteId: 'S1', operator: 'Viettel', lng: SITE[0], lat: SITE[1], technologies: ['4G' as const], radiusMeters: 3000 }],
      fibrePoints: [], fibreRoutes: [], indicators: [],
    };
    const report = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG));
    const [inside, outside, polygon] = report.hamlets;
    expect(inside.pointCovered).toEqual({ mobile: true, '4g': true, '5g': false, ftth: false });
    expect(outside.pointCovered).toEqual({ mobile: false, '4g': false, '5g': false, ftth: false });
    expect(inside.approximate).toBe(true);
    expect(polygon.pointCovered).toBeUndefined();
    expect(polygon.approximate).toBeUndefined();
    // The area rule differs: both squares are about half inside the disc.
    expect(outside.fraction.mobile).toBeGreaterThan(0.2);
    expect(report.kpis.pointRule).toEqual({ hamlets: 2, coveredMobile: 1, covered4g: 1, covered5g: 0, coveredFtth: 0, coveredMobileShare: 0.5, covered4gShare: 0.5, covered5gShare: 0, coveredFtthShare: 0 });
    expect(report.groups.commune[0].pointRule?.coveredMobile).toBe(1);
  });

  it('leaves the point rule out of a report whose hamlets have no point', () => {
    const input = { hamlets: [hamlet('POLY', undefined)], btsRecords: [], fibrePoints: [], fibreRoutes: [], indicators: [] };
    expect(buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG)).kpis.pointRule).toBeUndefined();
  });
});

describe('checkHamletLayer', () => {
  it('asks about a layer of district-sized units', () => {
    // 0.3° squares are about 33 km × 33 km = 1,090 km² (median over 30 km²).
    const check = checkHamletLayer([hamlet('D1', undefined, 'Mỹ Tú', 0.15), hamlet('D2', undefined, 'Kế Sách', 0.15)]);
    expect(check.findings.map((finding) => finding.code)).toEqual(['hamlet-layer-too-large']);
    expect(check.medianKm2).toBeGreaterThan(1000);
    expect(check.medianKm2).toBeLessThan(1200);
  });

  it('asks about names that are communes or districts, and not about hamlets', () => {
    const communes = ['Xã Phú Mỹ', 'Phường 1', 'Thị trấn Huỳnh Hữu Nghĩa', 'Ấp Mỹ Hòa'].map((name, i) => hamlet(`C${i}`, undefined, name, 0.005));
    expect(checkHamletLayer(communes).findings.map((finding) => finding.code)).toEqual(['hamlet-layer-names-like-communes']);
    const hamlets = ['Ấp Phú Mỹ', 'Khóm 1', 'Ấp Xã Đàn', 'Ấp Phường Hai'].map((name, i) => hamlet(`H${i}`, undefined, name, 0.005));
    expect(checkHamletLayer(hamlets).findings).toEqual([]);
  });
});
