import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { compareSnapshots, decodeSnapshotResults } from '../../core';
import { buildStyle } from './build-style';
import { buildChangeFillColor, buildChangeStatuses } from './change-layers';
import { HAMLET_FILL_LAYER } from './hamlet-layers';

const kpis = { hamlets: 0, coveredMobile: 0, covered4g: 0, covered5g: 0, coveredFtth: 0, coveredMobileShare: 0, covered4gShare: 0, covered5gShare: 0, coveredFtthShare: 0, households: 0, coveredMobileHouseholdShare: null, covered4gHouseholdShare: null, covered5gHouseholdShare: null, ftthHouseholdCeiling: null, sites: 0, sharedSites: 0, sharedSiteShare: 0 };
const hamlet = (id: string, mobile: boolean) => ({ id, name: id, commune: 'X', district: 'Y', fraction: { mobile: mobile ? 1 : 0, '4g': 0, '5g': 0, ftth: 0 }, covered: { mobile, '4g': false, '5g': false, ftth: false } });
const results = (hamlets: object[]) => {
  const decoded = decodeSnapshotResults({ demo: false, kpis, targets: [], sites: [], hamlets });
  if (!decoded.ok) throw new Error('bad');
  return decoded.value;
};

describe('change layers', () => {
  it('gives each later hamlet its change: newly covered, lost, still covered, still not, new', () => {
    const before = results([hamlet('A', false), hamlet('B', true), hamlet('C', true), hamlet('D', false)]);
    const after = results([hamlet('A', true), hamlet('B', false), hamlet('C', true), hamlet('D', false), hamlet('E', true)]);
    const statuses = buildChangeStatuses(compareSnapshots(before, after), after.hamlets);
    expect([...statuses].map(([id, status]) => [id, status.mobile])).toEqual([['A', 'newly'], ['B', 'lost'], ['C', 'covered'], ['D', 'none'], ['E', 'new']]);
  });

  it('colours the hamlet fill in a valid style', () => {
    const style = buildStyle({ layer: 'mobile', selectedId: null, basemap: { isEnabled: false, url: '', attribution: '' }, showDiscs: false });
    const layer = style.layers.find((item) => item.id === HAMLET_FILL_LAYER) as { paint: Record<string, unknown> };
    layer.paint['fill-color'] = buildChangeFillColor('ftth');
    expect(validateStyleMin(style)).toEqual([]);
  });
});
