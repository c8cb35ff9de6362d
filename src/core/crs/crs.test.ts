import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { hasSharedData, SHARED_DATA_DIR } from '../../../test/helpers/run-cli';
import type { Position } from '../types';
import { refusal } from '../../../test/helpers/messages';
import { listKnownCrs, resolveCrs, vn2000Tm3 } from './crs-definitions';
import { detectCrsFromPrj } from './detect-crs-from-prj';
import { guessCrs } from './guess-crs';
import { collectPositions, createReprojector, mapGeometryPositions } from './reproject';

describeGolden('detectCrsFromPrj', (goldenCase) => detectCrsFromPrj(goldenCase.text));

/** Great-circle distance in metres (a sphere is plenty for a metre-level check). */
function distanceMeters([lng1, lat1]: Position, [lng2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

describe('resolveCrs', () => {
  it('reads the names files and users give', () => {
    expect(resolveCrs('urn:ogc:def:crs:EPSG::3405').id).toBe('EPSG:3405');
    expect(resolveCrs('epsg:32649').id).toBe('EPSG:32649');
    expect(resolveCrs('CRS84').id).toBe('EPSG:4326');
    expect(resolveCrs('vn2000-tm:105.5').proj4).toBe(vn2000Tm3(105.5).proj4);
    expect(resolveCrs('VN2000-TM3:105.75').id).toBe('vn2000-tm:105.75');
    expect(refusal(() => resolveCrs('vn2000-tm:105.6')).text).toMatch(/^input: unknown coordinate system "vn2000-tm:105.6"; use one of "?EPSG:4326/);
  });

  it('gives every known system the official VN-2000 shift or none', () => {
    for (const crs of listKnownCrs()) {
      if (crs.datum === 'VN-2000') expect(crs.proj4, crs.id).toContain('+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278');
      else expect(crs.proj4, crs.id).toContain('+datum=WGS84');
    }
  });
});

describe('createReprojector', () => {
  it('round-trips WGS84 through every known system within a millimetre (property)', () => {
    const position = fc.tuple(fc.double({ min: 104.4, max: 107, noNaN: true }), fc.double({ min: 8.5, max: 11, noNaN: true }));
    fc.assert(
      fc.property(fc.constantFrom(...listKnownCrs()), position, (crs, [lng, lat]) => {
        const reprojector = createReprojector(crs);
        expect(distanceMeters([lng, lat], reprojector.toWgs84(reprojector.fromWgs84([lng, lat])))).toBeLessThan(0.001);
      }),
      { seed: 701, numRuns: 300 },
    );
  });

  it('shifts VN-2000 against WGS84 by the known 150–250 m in Sóc Trăng', () => {
    const point: Position = [105.97, 9.6];
    const vn2000 = createReprojector(resolveCrs('EPSG:3405')).fromWgs84(point);
    const wgs84 = createReprojector(resolveCrs('EPSG:32648')).fromWgs84(point);
    const shift = Math.hypot(vn2000[0] - wgs84[0], vn2000[1] - wgs84[1]);
    expect(shift).toBeGreaterThan(150);
    expect(shift).toBeLessThan(250);
  });

  it('maps every position of any geometry and leaves the rest alone', () => {
    const swap = ([x, y]: readonly number[]): Position => [y, x];
    expect(mapGeometryPositions({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2, 3] }] }, swap)).toEqual({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [2, 1] }] });
    expect(mapGeometryPositions(null, swap)).toBe(null);
    expect(collectPositions({ type: 'MultiPolygon', coordinates: [[[[1, 2], [3, 4], ['x', 5]]]] })).toEqual([[1, 2], [3, 4]]);
  });
});

describe('guessCrs', () => {
  const sites: Position[] = [[105.97, 9.6], [105.8, 9.5], [106.1, 9.7], [105.6, 9.4], [106.3, 9.55]];
  const inSystem = (id: string) => sites.map((position) => createReprojector(resolveCrs(id)).fromWgs84(position));

  it('recognises degrees, also swapped, with high confidence', () => {
    expect(guessCrs(sites)).toMatchObject({ confidence: 'high', best: { crs: { id: 'EPSG:4326' }, isSwapped: false } });
    expect(guessCrs(sites.map(([x, y]) => [y, x]))).toMatchObject({ best: { crs: { id: 'EPSG:4326' }, isSwapped: true } });
  });

  it('finds Sóc Trăng\'s VN-2000 TM-3 zone from metres, northing-first too, and lists the alternatives', () => {
    const guess = guessCrs(inSystem('vn2000-tm:105.5'));
    expect(guess.best?.crs.id).toBe('vn2000-tm:105.5');
    expect(guess.alternatives.map((candidate) => candidate.crs.id)).toContain('EPSG:3405');
    expect(guessCrs(inSystem('vn2000-tm:105.5').map(([x, y]) => [y, x])).best).toMatchObject({ crs: { id: 'vn2000-tm:105.5' }, isSwapped: true });
  });

  it('tells a neighbouring province\'s TM-3 zone by the planning region, and says when it cannot', () => {
    expect(guessCrs(inSystem('vn2000-tm:105.75')).best?.crs.id).toBe('vn2000-tm:105.75');
    // UTM 48N and TM-3 105° share their meridian: 0.9996 and 0.9999 differ by 300 m, no region tells them apart.
    const utm = guessCrs(inSystem('EPSG:3405'));
    expect(utm.confidence).toBe('low');
    expect([utm.best?.crs.id, ...utm.alternatives.slice(0, 2).map((candidate) => candidate.crs.id)]).toContain('EPSG:3405');
  });

  it('gives up on positions no system puts in Vietnam', () => {
    expect(guessCrs([[2.35, 48.85]])).toMatchObject({ best: null, confidence: 'none' });
    expect(guessCrs([])).toMatchObject({ best: null, confidence: 'none' });
  });
});

describe.skipIf(!hasSharedData)('the real district polygons of Sóc Trăng in VN-2000 / TM-3 105.5', () => {
  let districts: { features: { properties: { code: string }; geometry: unknown }[] };
  beforeAll(() => {
    districts = JSON.parse(readFileSync(join(SHARED_DATA_DIR, 'districts.geojson'), 'utf8'));
  });

  it('go to VN-2000 and back within 1 m at every vertex, and the guess finds the zone', () => {
    const reprojector = createReprojector(resolveCrs('vn2000-tm:105.5'));
    let vertices = 0;
    let worst = 0;
    const projected: Position[] = [];
    for (const feature of districts.features) {
      for (const position of collectPositions(feature.geometry)) {
        const there = reprojector.fromWgs84(position);
        projected.push(there);
        worst = Math.max(worst, distanceMeters(position, reprojector.toWgs84(there)));
        vertices += 1;
      }
    }
    expect(vertices).toBeGreaterThan(3000);
    expect(worst).toBeLessThan(1);
    expect(guessCrs(projected).best).toMatchObject({ crs: { id: 'vn2000-tm:105.5' }, isSwapped: false });
    // Easting stays within the zone's few tens of km of 500,000 m: the province straddles 105.5°.
    const eastings = projected.map(([x]) => x);
    expect(Math.min(...eastings)).toBeGreaterThan(420_000);
    expect(Math.max(...eastings)).toBeLessThan(600_000);
  });
});
