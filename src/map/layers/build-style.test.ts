import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildBasemap, buildStyle, type StyleOptions } from './build-style';
import { buildHamletFillColor, buildHamletLayers, buildHighlightFilter } from './hamlet-layers';
import { COVERAGE_COLORS } from './palette';
import { buildGroundRadius } from './site-layers';

const options: StyleOptions = {
  layer: 'mobile',
  selectedId: null,
  basemap: { isEnabled: false, url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' },
  showDiscs: false,
  showFibre: true,
};

describe('buildStyle', () => {
  it('is a valid MapLibre style for every layer choice', () => {
    for (const layer of ['mobile', '4g', '5g', 'ftth'] as const) {
      expect(validateStyleMin(buildStyle({ ...options, layer, selectedId: 'x' }))).toEqual([]);
    }
  });
  it('stays valid with the online basemap on', () => {
    const style = buildStyle({ ...options, basemap: { ...options.basemap, isEnabled: true }, showDiscs: true });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers[1].id).toBe('osm-basemap');
  });
  it('requests nothing off the origin by default: no glyphs, no sprite, no tile URL', () => {
    const style = buildStyle(options);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });
  it('draws labels above sites and the background first', () => {
    const ids = buildStyle(options).layers.map((layer) => layer.id);
    expect(ids[0]).toBe('background');
    expect(ids.at(-1)).toBe('hamlet-label');
  });
});

describe('hamlet layers', () => {
  it('colours by the status property of the chosen layer', () => {
    expect(buildHamletFillColor('ftth')).toEqual(['match', ['get', 'status_ftth'], 'covered', COVERAGE_COLORS.covered, 'partial', COVERAGE_COLORS.partial, 'none', COVERAGE_COLORS.none, COVERAGE_COLORS.noData]);
  });
  it('highlights only the selected hamlet', () => {
    expect(buildHighlightFilter('94-941-01-01')).toEqual(['==', ['get', 'id'], '94-941-01-01']);
    expect(buildHamletLayers('5g', null).find((layer) => layer.id === 'hamlet-highlight')).toMatchObject({ filter: ['==', ['get', 'id'], ''] });
  });
});

describe('buildBasemap', () => {
  it('is empty when off or without a URL', () => {
    expect(buildBasemap({ ...options.basemap, isEnabled: false })).toEqual({ sources: {}, layers: [] });
    expect(buildBasemap({ ...options.basemap, isEnabled: true, url: ' ' })).toEqual({ sources: {}, layers: [] });
  });
});

describe('buildGroundRadius', () => {
  it('doubles per zoom level and matches ground metres at the equator', () => {
    const expression = buildGroundRadius('radius_m', 0) as unknown[];
    const atZ0 = (expression[4] as unknown[])[2] as number;
    const atZ22 = (expression[6] as unknown[])[2] as number;
    expect(atZ22 / atZ0).toBeCloseTo(2 ** 22);
    expect(1000 * atZ0 * 2 ** 14).toBeCloseTo(1000 / 4.777, 1);
  });
});
