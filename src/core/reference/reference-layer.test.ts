import { describe, expect, it } from 'vitest';
import { referenceLayerKinds, referenceLayerTitle, type ReferenceFeature } from './reference-layer';

const river: ReferenceFeature = { geometry: { type: 'LineString', coordinates: [[105.9, 9.6], [106.1, 9.62]] }, values: [] };
const sea: ReferenceFeature = { geometry: { type: 'MultiPolygon', coordinates: [[[[106.3, 9.3], [106.5, 9.3], [106.5, 9.5], [106.3, 9.3]]]] }, values: [] };
const canals: ReferenceFeature = { geometry: { type: 'MultiLineString', coordinates: [[[107, 10], [107.1, 10]]] }, values: [] };

describe('referenceLayerKinds', () => {
  it('tells areas from lines, every shape counting without a frame', () => {
    expect(referenceLayerKinds({ features: [river] })).toEqual({ hasArea: false, hasLine: true });
    expect(referenceLayerKinds({ features: [sea] })).toEqual({ hasArea: true, hasLine: false });
    expect(referenceLayerKinds({ features: [canals, sea] })).toEqual({ hasArea: true, hasLine: true });
    expect(referenceLayerKinds({ features: [] })).toEqual({ hasArea: false, hasLine: false });
  });

  it('counts only shapes with a position inside a frame', () => {
    const frame = [105.8, 9.5, 106.2, 9.7] as const;
    expect(referenceLayerKinds({ features: [river, sea, canals] }, frame)).toEqual({ hasArea: false, hasLine: true });
    expect(referenceLayerKinds({ features: [sea, canals] }, [106.45, 9.45, 107.05, 10.05])).toEqual({ hasArea: true, hasLine: true });
  });
});

describe('referenceLayerTitle', () => {
  it('is the file name without its extension', () => {
    expect(referenceLayerTitle({ fileName: 'song-ngoi.tab' })).toBe('song-ngoi');
    expect(referenceLayerTitle({ fileName: 'Tỉnh lân cận.shp.zip' })).toBe('Tỉnh lân cận.shp');
  });
});
