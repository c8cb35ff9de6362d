import { kinks } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../i18n/format-message';
import type { AreaGeometry } from '../types';
import { parseHamletsGeoJson } from './parse-hamlets';
import { repairPolygon } from './repair-polygon';

const square: AreaGeometry = { type: 'Polygon', coordinates: [[[105.9, 9.6], [105.91, 9.6], [105.91, 9.61], [105.9, 9.61], [105.9, 9.6]]] };
// A square whose last corner was digitised a little past the first edge: a small loop crossing it.
const nicked: AreaGeometry = { type: 'Polygon', coordinates: [[[105.9, 9.6], [105.91, 9.6], [105.91, 9.61], [105.9, 9.61], [105.9005, 9.5995], [105.9, 9.6]]] };
const bowtie: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };

describe('repairPolygon', () => {
  it('leaves a valid polygon alone', () => {
    expect(repairPolygon(square)).toEqual({ status: 'valid', geometry: square });
  });

  it('repairs a ring that crosses itself near a corner, keeping its area', () => {
    const result = repairPolygon(nicked);
    expect(result.status).toBe('repaired');
    if (result.status !== 'repaired') return;
    expect(result.areaChange).toBeLessThan(0.01);
  });

  it('refuses a bow-tie: its signed area is zero, so the intended shape cannot be known', () => {
    const result = repairPolygon(bowtie);
    expect(result.status).toBe('unrepairable');
    if (result.status === 'unrepairable') expect(formatMessage('en', result.reason)).toMatch(/change the area by 100(\.0)?%/);
  });

  it('refuses a repair that would change the area a lot, saying why', () => {
    const result = repairPolygon(nicked, 0.000001);
    expect(result).toMatchObject({ status: 'unrepairable' });
    if (result.status === 'unrepairable') expect(formatMessage('vi', result.reason)).toMatch(/^ranh giới tự cắt; sửa sẽ làm diện tích thay đổi [\d,]+\u00a0% nên không sửa/);
  });

  it('is applied by the hamlet parser, with a warning', () => {
    const result = parseHamletsGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ma_ap: 'A' }, geometry: nicked }] }, 'ap.geojson');
    expect(result.rowsUsed).toBe(1);
    expect(result.warnings.map((warning) => warning.code)).toContain('repaired-self-intersection');
  });
});

describe('repairPolygon finds crossings like Turf', () => {
  it('calls a random ring valid exactly when @turf/kinks finds no kink (property)', () => {
    const vertex = fc.tuple(fc.double({ min: 105, max: 106, noNaN: true }), fc.double({ min: 9, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.array(vertex, { minLength: 3, maxLength: 9 }), (vertices) => {
        const geometry: AreaGeometry = { type: 'Polygon', coordinates: [[...vertices, vertices[0]]] };
        const turfKinks = kinks({ type: 'Feature', properties: {}, geometry }).features.length;
        expect(repairPolygon(geometry, 1).status === 'valid').toBe(turfKinks === 0);
      }),
      { seed: 801, numRuns: 500 },
    );
  });
});
