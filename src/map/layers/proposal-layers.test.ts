import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildStyle } from './build-style';
import { buildProposalCollection, buildProposalGainFilter, buildProposalLayers, buildProposalSource, PROPOSAL_LAYER } from './proposal-layers';

const base = buildStyle({
  layer: 'mobile',
  selectedId: null,
  basemap: { isEnabled: false, url: '', attribution: '' },
  showDiscs: false,
  showFibre: true,
});

describe('proposal layers', () => {
  it('make a valid MapLibre style when added on top of the app style', () => {
    const style = { ...base, sources: { ...base.sources, ...buildProposalSource() }, layers: [...base.layers, ...buildProposalLayers(9.6)] };
    expect(validateStyleMin(style)).toEqual([]);
  });
  it('draw upgrades as hollow purple rings and new towers as filled orange dots', () => {
    const point = buildProposalLayers(9.6).find((layer) => layer.id === PROPOSAL_LAYER) as { paint: Record<string, unknown> };
    expect(point.paint['circle-color']).toEqual(['case', ['==', ['get', 'kind'], 'upgrade'], 'rgba(255,255,255,0)', ['match', ['get', 'kind'], 'upgrade', '#7B3294', '#E66101']]);
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
