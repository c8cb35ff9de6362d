import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildBasemap, buildStyle, splitFirstFrame, type StyleOptions } from './build-style';
import { buildHamletFillColor, buildHamletLayers, buildHighlightFilter } from './hamlet-layers';
import { COVERAGE_COLORS } from './palette';
import { buildGroundRadius, buildSymbolVisibility } from './site-layers';
import { FIRST_LABEL_LAYER } from './label-layers';

const options: StyleOptions = {
  layer: 'mobile',
  selectedId: null,
  basemap: { isEnabled: false, url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' },
  showDiscs: false,

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
  it('draws the background first and every label above every other layer, district names on top', () => {
    const layers = buildStyle(options).layers;
    expect(layers[0].id).toBe('background');
    const firstSymbol = layers.findIndex((layer) => layer.type === 'symbol');
    expect(layers.slice(firstSymbol).map((layer) => layer.id)).toEqual(['hamlet-label', 'commune-label', 'district-label']);
    expect(firstSymbol).toBe(layers.findIndex((layer) => layer.id === FIRST_LABEL_LAYER));
  });
  it('shows district names at the province view, commune names from the district view, hamlet names zoomed in', () => {
    const layers = new Map(buildStyle(options).layers.map((layer) => [layer.id, layer]));
    const shownAt = (id: string, zoom: number) => zoom >= (layers.get(id)!.minzoom ?? 0) && zoom < (layers.get(id)!.maxzoom ?? 24);
    // The province fits at zoom 9.35 on a 1366 × 768 laptop and 9.92 at 1920 × 1080; a district ≈ 10.5–11; a commune ≈ 12.5.
    const ids = ['district-label', 'commune-label', 'hamlet-label'];
    for (const zoom of [9.35, 9.92]) expect(ids.map((id) => shownAt(id, zoom))).toEqual([true, false, false]);
    expect(ids.map((id) => shownAt(id, 10.7))).toEqual([true, true, false]);
    expect(ids.map((id) => shownAt(id, 12.5))).toEqual([false, true, true]);
  });
  it('draws only the layer’s own symbols: fibre on the FTTH map, sites on the mobile maps', () => {
    for (const layer of ['mobile', '4g', '5g', 'ftth'] as const) {
      const visibility = new Map(buildStyle({ ...options, layer, showDiscs: true }).layers.map((item) => [item.id, (item.layout as { visibility?: string } | undefined)?.visibility ?? 'visible']));
      const isFtth = layer === 'ftth';
      expect([visibility.get('site-point'), visibility.get('site-coverage-disc'), visibility.get('fibre-point'), visibility.get('fibre-route')]).toEqual(isFtth ? ['none', 'none', 'visible', 'visible'] : ['visible', 'visible', 'none', 'none']);
    }
    expect(buildSymbolVisibility('mobile', false)['site-coverage-disc']).toBe('none');
  });
});

describe('hamlet layers', () => {
  it('colours by the status state of the chosen layer', () => {
    expect(buildHamletFillColor('ftth')).toEqual(['match', ['coalesce', ['feature-state', 'status_ftth'], ''], 'covered', COVERAGE_COLORS.covered, 'partial', COVERAGE_COLORS.partial, 'none', COVERAGE_COLORS.none, COVERAGE_COLORS.noData]);
  });
  it('highlights only the selected hamlet', () => {
    expect(buildHighlightFilter('94-941-01-01')).toEqual(['==', ['get', 'id'], '94-941-01-01']);
    expect(buildHamletLayers('5g', null).find((layer) => layer.id === 'hamlet-highlight')).toMatchObject({ filter: ['==', ['get', 'id'], ''] });
  });
});

describe('splitFirstFrame', () => {
  const full = buildStyle({ ...options, basemap: { isEnabled: true, url: 'https://tile.example.org/{z}/{x}/{y}.png', attribution: 'x' } });
  const { first, later } = splitFirstFrame(full);
  const sourceOf = (layer: (typeof full.layers)[number]) => ('source' in layer ? layer.source : undefined);

  it('draws first only the background, the basemap, the hamlets and the sites', () => {
    expect(Object.keys(first.sources).sort()).toEqual(['hamlets', 'osm-basemap', 'sites']);
    expect(new Set(first.layers.map(sourceOf))).toEqual(new Set([undefined, 'osm-basemap', 'hamlets', 'sites']));
    expect(validateStyleMin(first)).toEqual([]);
    expect(later.sources.map(([id]) => id).sort()).toEqual(['commune-labels', 'coverage', 'district-labels', 'fibre', 'fibre-routes', 'outlines']);
  });

  it('gives back the whole style, in its order, once the later layers are added where they say', () => {
    const ids = first.layers.map((layer) => layer.id);
    for (const { layer, beforeId } of later.layers) {
      const at = beforeId === undefined ? ids.length : ids.indexOf(beforeId);
      expect(at, layer.id).toBeGreaterThanOrEqual(0);
      ids.splice(at, 0, layer.id);
    }
    expect(ids).toEqual(full.layers.map((layer) => layer.id));
    expect(first.layers.length + later.layers.length).toBe(full.layers.length);
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
