import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { FieldMapping } from '../types';
import { CoverageInputError } from './input-error';
import { parseHamletsGeoJson } from './parse-hamlets';

describeGolden('parseHamletsGeoJson', (input) => {
  const json = input.json() as { properties?: { fields?: Partial<FieldMapping> } };
  const fields = { ...DEFAULT_CONFIG.fields, ...json.properties?.fields };
  return parseHamletsGeoJson(json, input.fileName, fields);
});

const square = [[[105.9, 9.6], [105.91, 9.6], [105.91, 9.61], [105.9, 9.6]]];

describe('parseHamletsGeoJson', () => {
  it('copies properties and geometry instead of sharing them with the input', () => {
    const properties = { ma_ap: 'A1', so_ho: '10' };
    const json = { type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: square } }] };
    const before = JSON.stringify(json);
    const [hamlet] = parseHamletsGeoJson(json, 'ap.geojson').items;
    hamlet.properties.extra = 1;
    hamlet.geometry.coordinates[0].push([0, 0] as never);
    expect(JSON.stringify(json)).toBe(before);
    expect(hamlet.properties).toEqual({ ma_ap: 'A1', so_ho: '10', extra: 1 });
  });

  it('uses DEFAULT_CONFIG.fields when no mapping is given', () => {
    const json = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten_ap: 'Ấp 1', xa: 'X', huyen: 'H', ma_ap: 'A1' }, geometry: { type: 'Polygon', coordinates: square } }] };
    expect(parseHamletsGeoJson(json, 'ap.geojson').items[0]).toMatchObject({ id: 'A1', name: 'Ấp 1', commune: 'X', district: 'H' });
  });

  it('throws nothing but CoverageInputError and accounts for every feature (property)', () => {
    const position = fc.oneof(fc.tuple(fc.double({ min: 105, max: 106 }), fc.double({ min: 9, max: 10 })), fc.jsonValue({ maxDepth: 1 }));
    const ring = fc.array(position, { maxLength: 6 });
    const geometry = fc.oneof(
      fc.constant(null),
      fc.record({ type: fc.constant('Polygon'), coordinates: fc.array(ring, { maxLength: 2 }) }),
      fc.record({ type: fc.constant('MultiPolygon'), coordinates: fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }) }),
      fc.record({ type: fc.constantFrom('Point', 'Polygon', 'MultiPolygon'), coordinates: fc.jsonValue({ maxDepth: 3 }) }),
    );
    const feature = fc.record({
      type: fc.constantFrom('Feature', 'Feature', 'feature'),
      properties: fc.dictionary(fc.constantFrom('ma_ap', 'ten_ap', 'xa', 'huyen', 'so_ho', 'dan_so'), fc.oneof(fc.constantFrom('A1', 'A2', '1.234', ''), fc.jsonValue({ maxDepth: 1 }))),
      geometry,
    });
    const input = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ type: fc.constant('FeatureCollection'), demo: fc.jsonValue({ maxDepth: 0 }), features: fc.array(feature, { maxLength: 8 }) }));
    fc.assert(
      fc.property(input, (json) => {
        try {
          const result = parseHamletsGeoJson(json, 'fuzz.geojson');
          expect(result.rowsRead).toBe((json as { features: unknown[] }).features.length);
          expect(result.rowsRead).toBe(result.rowsUsed + result.skipped.length);
          expect(new Set(result.items.map((hamlet) => hamlet.id)).size).toBe(result.items.length);
          for (const hamlet of result.items) {
            const polygons = hamlet.geometry.type === 'Polygon' ? [hamlet.geometry.coordinates] : hamlet.geometry.coordinates;
            for (const ring of polygons.flat()) {
              expect(ring.length).toBeGreaterThanOrEqual(4);
              expect(ring[0]).toEqual(ring[ring.length - 1]);
            }
          }
        } catch (error) {
          expect(error).toBeInstanceOf(CoverageInputError);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
