import { describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, DEFAULT_CONFIG, withExtraBtsRecords, type CoverageInput, type Hamlet } from '../core';
import { evaluateProposals, pinProposals } from './evaluate-proposals';
import { toBtsRecords, type ProposedSite } from './proposal-messages';

/** A square hamlet of about 1.1 km a side at (lng, lat). */
function square(id: string, lng: number, lat: number, households: number): Hamlet {
  const d = 0.005;
  return {
    id,
    name: `Ấp ${id}`,
    commune: 'Xã Thử',
    district: 'Huyện Thử',
    households,
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]]] },
  };
}

// A and B are covered by nobody; C by a Viettel site. Hamlets 20 km apart, so one disc reaches one hamlet.
const input: CoverageInput = {
  hamlets: [square('A', 105.8, 9.6, 100), square('B', 106.0, 9.6, 250), square('C', 106.2, 9.6, 50)],
  btsRecords: [{ siteId: 'S1', operator: 'Viettel', lng: 106.2, lat: 9.6, technologies: ['4G'] }],
  fibrePoints: [],
  fibreRoutes: [],
  indicators: [],
};

function proposal(id: string, lng: number, lat: number, patch: Partial<ProposedSite> = {}): ProposedSite {
  return { id, kind: 'new', lng, lat, operator: 'VNPT', operators: ['VNPT'], technology: '4G', radiusMeters: 3000, solverNewlyCovered: [], isEdited: false, ...patch };
}

describe('evaluateProposals', () => {
  const base = createCoverageAnalysis(input, DEFAULT_CONFIG);
  const baseKpis = buildCoverageReport(base, []).kpis;

  it('gives the engine’s KPIs with the proposals added and credits each newly covered hamlet', () => {
    const proposals = [proposal('grid:1:1:VNPT', 106.0, 9.6), proposal('user:1:VNPT', 105.8, 9.6)];
    const evaluation = evaluateProposals(base, baseKpis, { proposals, operators: [], measure: 'households' });
    expect(evaluation.after).toEqual(buildCoverageReport(withExtraBtsRecords(base, toBtsRecords(proposals)), []).kpis);
    expect(evaluation.before).toBe(baseKpis);
    expect(evaluation.targetBefore).toEqual([{ operator: null, share: 50 / 400 }]);
    expect(evaluation.targetAfter).toEqual([{ operator: null, share: 1 }]);
    expect(evaluation.gains).toEqual([
      { id: 'grid:1:1:VNPT', hamlets: [{ id: 'B', name: 'Ấp B' }], households: 250 },
      { id: 'user:1:VNPT', hamlets: [{ id: 'A', name: 'Ấp A' }], households: 100 },
    ]);
    expect(evaluation.durationMs).toBeGreaterThan(0);
  });

  it('measures each chosen operator’s own layer', () => {
    const evaluation = evaluateProposals(base, baseKpis, { proposals: [proposal('p', 106.2, 9.6)], operators: ['Viettel', 'VNPT'], measure: 'hamlets' });
    expect(evaluation.targetBefore).toEqual([{ operator: 'Viettel', share: 1 / 3 }, { operator: 'VNPT', share: 0 }]);
    expect(evaluation.targetAfter).toEqual([{ operator: 'Viettel', share: 1 / 3 }, { operator: 'VNPT', share: 1 / 3 }]);
    // C reaches every target layer only once VNPT is there too, so the proposal is credited with it.
    expect(evaluation.gains[0].hamlets).toEqual([{ id: 'C', name: 'Ấp C' }]);
  });

  it('gives the same result from a pinned base, and uses the pin only while the other proposals stay put', () => {
    const proposals = [proposal('grid:1:1:VNPT', 106.0, 9.6), proposal('user:1:VNPT', 105.8, 9.6)];
    const pinned = pinProposals(base, proposals, 'user:1:VNPT');
    const moved = [proposals[0], { ...proposals[1], lng: 105.81, isEdited: true }];
    const plain = evaluateProposals(base, baseKpis, { proposals: moved, operators: [], measure: 'hamlets' });
    const fast = evaluateProposals(base, baseKpis, { proposals: moved, operators: [], measure: 'hamlets' }, pinned);
    expect(fast.isPinned).toBe(true);
    expect(plain.isPinned).toBe(false);
    expect({ ...fast, durationMs: 0, isPinned: false }).toEqual({ ...plain, durationMs: 0 });
    const deleted = evaluateProposals(base, baseKpis, { proposals: [proposals[0]], operators: [], measure: 'hamlets' }, pinned);
    expect(deleted.isPinned).toBe(true);
    expect(deleted.after).toEqual(evaluateProposals(base, baseKpis, { proposals: [proposals[0]], operators: [], measure: 'hamlets' }).after);
    const otherMoved = evaluateProposals(base, baseKpis, { proposals: [{ ...proposals[0], lat: 9.61 }, proposals[1]], operators: [], measure: 'hamlets' }, pinned);
    expect(otherMoved.isPinned).toBe(false);
  });

  it('keeps the solver’s credit for an unmoved proposal, and drops it once the proposal is edited', () => {
    const wide = [proposal('first', 106.0, 9.6, { radiusMeters: 30_000 }), proposal('second', 106.0, 9.6, { solverNewlyCovered: ['B'] })];
    const credited = evaluateProposals(base, baseKpis, { proposals: wide, operators: [], measure: 'hamlets' });
    expect(credited.gains.map((gain) => gain.hamlets.map((hamlet) => hamlet.id))).toEqual([['A'], ['B']]);
    const edited = evaluateProposals(base, baseKpis, { proposals: [wide[0], { ...wide[1], isEdited: true }], operators: [], measure: 'hamlets' });
    expect(edited.gains.map((gain) => gain.hamlets.map((hamlet) => hamlet.id))).toEqual([['A', 'B'], []]);
  });
});
