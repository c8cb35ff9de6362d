import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { cellToBoundary, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildStyle } from './build-style';
import { buildChallengeCollection, buildEvidenceLayers, buildEvidenceSources } from './evidence-layers';

const base = buildStyle({ layer: 'mobile', selectedId: null, basemap: { isEnabled: false, url: '', attribution: '' }, showDiscs: false });

describe('field-test layers', () => {
  it('make a valid MapLibre style added to the app style', () => {
    expect(validateStyleMin({ ...base, sources: { ...base.sources, ...buildEvidenceSources() }, layers: [...base.layers, ...buildEvidenceLayers()] })).toEqual([]);
  });

  it('draw each challenged hexagon as its H3 cell, with its kind and the selection', () => {
    const h3 = latLngToCell(9.6, 105.97, 8);
    const collection = buildChallengeCollection([{ h3, operator: 'Viettel', technology: '4G', tests: 9, contradicting: 8, kind: 'false-covered', hoursSpanned: 3, firstMs: 0, lastMs: 3 * 3600000 }], h3);
    expect(collection.features[0].properties).toEqual({ h3, kind: 'false-covered', operator: 'Viettel', technology: '4G', contradicting: 8, selected: true });
    const ring = (collection.features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    expect(ring.length).toBe(7);
    expect(ring[0]).toEqual(ring[6]);
    const [lng, lat] = cellToBoundary(h3, true)[0];
    expect(ring[0][0]).toBeCloseTo(lng, 6);
    expect(ring[0][1]).toBeCloseTo(lat, 6);
  });
});
