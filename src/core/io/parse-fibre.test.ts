import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { CoverageInputError } from './input-error';
import { parseFibreCsv, parseFibreGeoJson } from './parse-fibre';

describeGolden('parseFibreCsv', (input) => parseFibreCsv(input.text, input.fileName));
describeGolden('parseFibreGeoJson', (input) => parseFibreGeoJson(input.json(), input.fileName));

describe('parseFibreGeoJson', () => {
  it('accounts for every feature in points or routes, and throws nothing but CoverageInputError (property)', () => {
    const geometry = fc.oneof(
      fc.constant(null),
      fc.record({ type: fc.constantFrom('Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon'), coordinates: fc.jsonValue({ maxDepth: 3 }) }),
      fc.record({ type: fc.constant('LineString'), coordinates: fc.array(fc.tuple(fc.double({ min: 100, max: 110 }), fc.double({ min: 8, max: 12 })), { maxLength: 4 }) }),
    );
    const feature = fc.record({ type: fc.constant('Feature'), properties: fc.dictionary(fc.constantFrom('id', 'ma', 'operator', 'loai', 'ban_kinh_m'), fc.jsonValue({ maxDepth: 0 })), geometry });
    const input = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 8 }) }));
    fc.assert(
      fc.property(input, (json) => {
        try {
          const { points, routes } = parseFibreGeoJson(json, 'fuzz.geojson');
          for (const result of [points, routes]) expect(result.rowsRead).toBe(result.rowsUsed + result.skipped.length);
          const features = (json as { features: unknown[] }).features;
          expect(points.rowsRead + routes.rowsRead).toBeGreaterThanOrEqual(features.length);
        } catch (error) {
          expect(error).toBeInstanceOf(CoverageInputError);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
