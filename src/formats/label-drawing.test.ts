import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelDrawingPolygons, type DrawingFeature } from './label-drawing';

const square = (x: number, y: number, size = 10): number[][] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
const outline = (ring: number[][], type: 'Polygon' | 'LineString' = 'Polygon'): DrawingFeature => ({ type: 'Feature', geometry: { type, coordinates: type === 'Polygon' ? [ring] : ring }, properties: {} });
const text = (x: number, y: number, value: string, extra: Record<string, unknown> = {}): DrawingFeature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: { Text: value, ...extra } });

describe('labelDrawingPolygons', () => {
  it('takes id and name from the text inside each outline, polygons and closed polylines alike', () => {
    const result = labelDrawingPolygons([outline(square(0, 0)), outline(square(20, 0), 'LineString'), text(25, 5, 'A02 Khóm 3'), text(5, 5, 'A01 Ấp Hòa Đông')], 'ban-ve');
    expect(result.features.map((feature) => feature.properties)).toEqual([{ ma_ap: 'A01', ten_ap: 'Ấp Hòa Đông' }, { ma_ap: 'A02', ten_ap: 'Khóm 3' }]);
    expect(result.generatedIds).toBe(0);
  });

  it('generates ids for outlines without a text or with a name only, and counts them', () => {
    const result = labelDrawingPolygons([outline(square(0, 0)), outline(square(20, 0)), text(25, 5, 'Ấp Phú Hữu'), text(100, 100, 'B09 ngoài ranh')], 'ban-ve');
    expect(result.features.map((feature) => feature.properties)).toEqual([{ ma_ap: 'ban-ve-001', ten_ap: 'ban-ve-001' }, { ma_ap: 'ban-ve-002', ten_ap: 'Ấp Phú Hữu' }]);
    expect(result.generatedIds).toBe(2);
    expect(result.labelled).toBe(1);
  });

  it('ignores open lines and the pattern name of DXF hatches, and respects holes', () => {
    const withHole: DrawingFeature = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(0, 0, 30), square(10, 10, 10)] }, properties: { Text: 'SOLID', SubClasses: 'AcDbEntity:AcDbHatch' } };
    const open: DrawingFeature = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [5, 5], [9, 0], [12, 3]] }, properties: {} };
    const result = labelDrawingPolygons([withHole, open, text(15, 15, 'X1 in the hole'), text(2, 2, 'A7 Ấp 7')], 'd');
    expect(result.features).toHaveLength(1);
    expect(result.features[0].properties).toEqual({ ma_ap: 'A7', ten_ap: 'Ấp 7' });
  });

  it('never throws on arbitrary features and keeps one hamlet per outline (property)', () => {
    const value = fc.oneof(fc.constant(null), fc.string(), fc.double(), fc.array(fc.anything(), { maxLength: 5 }));
    const geometry = fc.oneof(
      fc.constant(null),
      fc.record({ type: fc.constantFrom('Polygon', 'LineString', 'MultiPolygon', 'MultiLineString', 'Point', 'Bogus'), coordinates: fc.oneof(value, fc.array(fc.array(fc.array(fc.double(), { maxLength: 3 }), { maxLength: 6 }), { maxLength: 3 })) }),
    );
    const feature = fc.record({ type: fc.constant('Feature' as const), geometry, properties: fc.oneof(fc.constant(null), fc.dictionary(fc.constantFrom('Text', 'SubClasses', 'x'), value)) });
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), (features, squares) => {
        const drawn = [...squares.map((index) => outline(square(index * 20, 0))), ...(features as DrawingFeature[])];
        const result = labelDrawingPolygons(drawn, 'p');
        expect(result.features.length).toBeGreaterThanOrEqual(squares.length);
        expect(result.generatedIds).toBeLessThanOrEqual(result.features.length);
        for (const hamlet of result.features) expect(hamlet.properties.ma_ap).not.toBe('');
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
