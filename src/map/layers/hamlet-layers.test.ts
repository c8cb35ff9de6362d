import { featureFilter, validateStyleMin, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { Hamlet } from '../../core';
import { buildHamletCollection } from '../map-data';
import { buildStyle } from './build-style';
import { APPROXIMATE_HATCH_IMAGE, APPROXIMATE_HATCH_LAYER, APPROXIMATE_OUTLINE_LAYER, buildApproximateFilter, buildApproximateLayers, buildHatchPattern } from './hamlet-layers';

const square = (x: number): Hamlet['geometry'] => ({ type: 'Polygon', coordinates: [[[x, 9.6], [x + 0.01, 9.6], [x + 0.01, 9.61], [x, 9.6]]] });
const hamlet = (id: string, approximate: boolean): Hamlet => ({ id, name: id, commune: 'Phường 1', district: 'TP Sóc Trăng', properties: {}, geometry: square(105.9), ...(approximate ? { approximate: true, point: [105.905, 9.603] } : {}) });

/** Whether a layer's filter keeps a feature with these properties (MapLibre's own filter evaluation). */
function keeps(filter: unknown, properties: Record<string, unknown>): boolean {
  return featureFilter(filter as FilterSpecification, 'layers[0].filter').filter({ zoom: 12 }, { type: 3, properties, geometry: [] } as never);
}

describe('approximate hamlet layers', () => {
  const style = buildStyle({ layer: 'mobile', selectedId: null, basemap: { isEnabled: false, url: '', attribution: '' }, showDiscs: false });
  const ids = style.layers.map((layer) => layer.id);

  it('are valid MapLibre layers: a hatch by fill pattern and a dashed edge', () => {
    expect(validateStyleMin(style)).toEqual([]);
    const [hatch, outline] = buildApproximateLayers();
    expect(hatch).toMatchObject({ id: APPROXIMATE_HATCH_LAYER, type: 'fill', paint: { 'fill-pattern': APPROXIMATE_HATCH_IMAGE } });
    expect(outline).toMatchObject({ id: APPROXIMATE_OUTLINE_LAYER, type: 'line' });
    const dash = (outline.paint as Record<string, unknown>)['line-dasharray'] as number[];
    expect(dash.length).toBe(2);
    expect(dash.every((part) => part > 0)).toBe(true);
  });

  it('draw over the coverage fill, under the highlight and every label', () => {
    const fill = ids.indexOf('hamlet-fill');
    const highlight = ids.indexOf('hamlet-highlight');
    const firstLabel = style.layers.findIndex((layer) => layer.type === 'symbol');
    for (const id of [APPROXIMATE_HATCH_LAYER, APPROXIMATE_OUTLINE_LAYER]) {
      expect(ids.indexOf(id)).toBeGreaterThan(fill);
      expect(ids.indexOf(id)).toBeLessThan(highlight);
      expect(ids.indexOf(id)).toBeLessThan(firstLabel);
    }
  });

  it('keep only the hamlets the map data marks approximate', () => {
    const features = buildHamletCollection([hamlet('A', true), hamlet('B', false)]).features;
    expect(features.map((feature) => feature.properties.approximate)).toEqual([true, undefined]);
    expect(features.map((feature) => keeps(buildApproximateFilter(), feature.properties))).toEqual([true, false]);
    for (const layer of buildApproximateLayers()) {
      expect(keeps((layer as { filter: unknown }).filter, { approximate: true })).toBe(true);
      expect(keeps((layer as { filter: unknown }).filter, { approximate: 'true' })).toBe(false);
      expect(keeps((layer as { filter: unknown }).filter, {})).toBe(false);
    }
  });
});

describe('buildHatchPattern', () => {
  it('is one diagonal line per row that continues across the tile’s edges', () => {
    for (const pixelRatio of [1, 2]) {
      const { width, height, data } = buildHatchPattern(pixelRatio);
      expect([width, height]).toEqual([8 * pixelRatio, 8 * pixelRatio]);
      expect(data.length).toBe(width * height * 4);
      const isInk = (x: number, y: number) => data[((y % height) * width + (x % width)) * 4 + 3] > 0;
      for (let y = 0; y < height; y++) {
        const inked = Array.from({ length: width }, (_, x) => x).filter((x) => isInk(x, y));
        expect(inked.length, `row ${y}`).toBe(pixelRatio);
      }
      // Walking up-right from any ink pixel stays on ink, across the tile's edge too.
      for (let step = 0; step < 3 * width; step++) expect(isInk(step, 3 * height - step)).toBe(true);
    }
  });
});
