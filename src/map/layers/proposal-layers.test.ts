import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildStyle } from './build-style';
import { buildProposalCollection, buildProposalGainFilter, buildProposalLayers, buildProposalSource, PROPOSAL_COLORS, PROPOSAL_LAYER } from './proposal-layers';
import { BACKGROUND_COLOR, COVERAGE_COLORS, SITE_COLORS } from './palette';

// sRGB → linear, relative luminance (WCAG 2) and CIE L*a*b* (D65), written out here from the definitions.
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string) => rgb(hex).map(toLinear).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
function lab(hex: string): number[] {
  const [r, g, b] = rgb(hex).map(toLinear);
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const f = xyz.map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116));
  return [116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));
function blend(top: string, under: string, alpha: number): string {
  const [t, u] = [rgb(top), rgb(under)];
  return '#' + t.map((c, i) => Math.round((c * alpha + u[i] * (1 - alpha)) * 255).toString(16).padStart(2, '0')).join('');
}

const base = buildStyle({
  layer: 'mobile',
  selectedId: null,
  basemap: { isEnabled: false, url: '', attribution: '' },
  showDiscs: false,

});

describe('proposal layers', () => {
  it('make a valid MapLibre style when added on top of the app style', () => {
    const style = { ...base, sources: { ...base.sources, ...buildProposalSource() }, layers: [...base.layers, ...buildProposalLayers(9.6)] };
    expect(validateStyleMin(style)).toEqual([]);
  });
  it('draw upgrades as hollow rings and new towers as filled dots', () => {
    const point = buildProposalLayers(9.6).find((layer) => layer.id === PROPOSAL_LAYER) as { paint: Record<string, unknown> };
    expect(point.paint['circle-color']).toEqual(['case', ['==', ['get', 'kind'], 'upgrade'], 'rgba(255,255,255,0)', ['match', ['get', 'kind'], 'upgrade', PROPOSAL_COLORS.upgrade, PROPOSAL_COLORS.new]]);
  });
  it('stand out from every coverage class: a distinct hue (CIE76 ΔE ≥ 30), and a ring of ≥ 3:1 contrast on each', () => {
    // Each class as drawn: the fill at 72 % over the map background.
    const drawn = Object.values(COVERAGE_COLORS).map((color) => blend(color, BACKGROUND_COLOR, 0.72));
    for (const color of [PROPOSAL_COLORS.new, PROPOSAL_COLORS.upgrade]) {
      for (const fill of drawn) expect(deltaE(color, fill), `${color} on ${fill}`).toBeGreaterThanOrEqual(30);
    }
    // The white ring and the near-black rim: one of them contrasts with any class.
    for (const fill of drawn) expect(Math.max(contrast(PROPOSAL_COLORS.halo, fill), contrast(PROPOSAL_COLORS.casing, fill)), fill).toBeGreaterThanOrEqual(3);
    // And they are not the pink of shared sites.
    expect(deltaE(PROPOSAL_COLORS.new, SITE_COLORS.shared)).toBeGreaterThanOrEqual(30);
  });
  it('outline only the hamlets the proposals newly cover, and stay valid with that filter', () => {
    expect(buildProposalGainFilter(['94-941-01-01'])).toEqual(['in', ['get', 'id'], ['literal', ['94-941-01-01']]]);
    const layers = buildProposalLayers(9.6).map((layer) => (layer.id === 'proposal-gain' ? { ...layer, filter: buildProposalGainFilter(['a', 'b']) } : layer));
    expect(validateStyleMin({ ...base, sources: { ...base.sources, ...buildProposalSource() }, layers: [...base.layers, ...layers] })).toEqual([]);
  });
  it('carries rank, kind, radius and the selection as feature properties', () => {
    const collection = buildProposalCollection(
      [
        { id: 'grid:1:2:Viettel', kind: 'new', rank: 1, lng: 105.9, lat: 9.6, radiusMeters: 3000, operator: 'Viettel' },
        { id: 'upgrade:ST1:VNPT', kind: 'upgrade', rank: 2, lng: 105.8, lat: 9.5, radiusMeters: 3000, operator: 'VNPT' },
      ],
      'upgrade:ST1:VNPT',
    );
    expect(collection.features.map((feature) => feature.properties)).toEqual([
      { id: 'grid:1:2:Viettel', kind: 'new', rank: 1, radius_m: 3000, operator: 'Viettel', selected: false },
      { id: 'upgrade:ST1:VNPT', kind: 'upgrade', rank: 2, radius_m: 3000, operator: 'VNPT', selected: true },
    ]);
    expect(collection.features[1].geometry.coordinates).toEqual([105.8, 9.5]);
  });
});
