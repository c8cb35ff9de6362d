import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { ReferenceLayer } from '../../core';
import { buildStyle } from './build-style';
import { buildReferenceCollection, buildReferenceLabelLayers, buildReferenceShapeLayers, buildReferenceSource } from './reference-layers';

const base = buildStyle({ layer: 'mobile', selectedId: null, basemap: { isEnabled: false, url: '', attribution: '' }, showDiscs: false });

const RIVERS: ReferenceLayer = {
  id: 'reference-1',
  fileName: 'song.zip',
  attributes: ['MA', 'TEN'],
  labelAttribute: 'TEN',
  features: [
    { geometry: { type: 'LineString', coordinates: [[105.9, 9.6], [106, 9.7]] }, values: ['S01', 'Sông Hậu'] },
    { geometry: { type: 'Polygon', coordinates: [[[105.3, 9.1], [105.7, 9.1], [105.7, 9.4], [105.3, 9.1]]] }, values: ['B', null] },
  ],
};

describe('reference layers on the map', () => {
  it('make a valid MapLibre style with the app style', () => {
    expect(validateStyleMin({ ...base, sources: { ...base.sources, ...buildReferenceSource() }, layers: [...buildReferenceShapeLayers(), ...base.layers, ...buildReferenceLabelLayers()] })).toEqual([]);
  });

  it('give each feature its layer, kind and the label from the chosen attribute', () => {
    expect(buildReferenceCollection([RIVERS]).features.map((feature) => feature.properties)).toEqual([
      { layer: 'reference-1', kind: 'line', label: 'Sông Hậu' },
      { layer: 'reference-1', kind: 'area', label: '' },
    ]);
    expect(buildReferenceCollection([{ ...RIVERS, labelAttribute: 'MA' }]).features[0].properties?.label).toBe('S01');
    expect(buildReferenceCollection([{ ...RIVERS, labelAttribute: null }]).features.map((feature) => feature.properties?.label)).toEqual(['', '']);
  });
});
