import { describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, withExtraBtsRecords } from '../analyze-coverage';
import { DEFAULT_CONFIG } from '../config/default-config';
import { SHARED_TOWER_OPERATOR, type CoverageInput, type Hamlet } from '../types';
import { evaluateProposals, toProposalRecords, type PlacedProposal } from './evaluate-proposals';
import { pinProposals } from './pin-proposals';
import type { ProposalAim } from './target-layers';

/** A square hamlet of about 1.1 km a side at (lng, lat). */
function square(id: string, lng: number, lat: number, households: number, commune: string): Hamlet {
  const d = 0.005;
  return {
    id,
    name: `Ấp ${id}`,
    commune,
    district: 'Huyện Thử',
    households,
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]]] },
  };
}

// A and B are covered by nobody; C by a Viettel site. Hamlets 20 km apart, so a 3 km disc reaches one hamlet.
const input: CoverageInput = {
  hamlets: [square('A', 105.8, 9.6, 100, 'Xã An'), square('B', 106.0, 9.6, 250, 'Xã Bình'), square('C', 106.2, 9.6, 50, 'Xã Châu')],
  btsRecords: [{ siteId: 'S1', operator: 'Viettel', lng: 106.2, lat: 9.6, technologies: ['4G'] }],
  fibrePoints: [],
  fibreRoutes: [],
  indicators: [],
};

function proposal(id: string, lng: number, lat: number, patch: Partial<PlacedProposal> = {}): PlacedProposal {
  return { id, kind: 'new', lng, lat, operator: 'VinaPhone', technology: '4G', radiusMeters: 3000, ...patch };
}

const overall = (measure: 'hamlets' | 'households' = 'hamlets'): ProposalAim => ({ operators: [], measure, targetShare: 1, sharedTarget: null });

describe('evaluateProposals', () => {
  const base = createCoverageAnalysis(input, DEFAULT_CONFIG);
  const baseKpis = buildCoverageReport(base, []).kpis;

  it('gives the engine’s KPIs with the proposals added, ranks by what each adds and credits each hamlet with its commune', () => {
    // Listed with the smaller gain first: A has 100 households, B 250.
    const proposals = [proposal('user:1', 105.8, 9.6), proposal('grid:1:1', 106.0, 9.6)];
    const evaluation = evaluateProposals(base, proposals, overall('households'), { baseKpis });
    expect(evaluation.after).toEqual(buildCoverageReport(withExtraBtsRecords(base, toProposalRecords(proposals)), []).kpis);
    expect(evaluation.before).toBe(baseKpis);
    expect(evaluation.layers).toEqual([{ operator: null, before: 50 / 400, after: 1 }]);
    expect(evaluation.proposals.map((item) => [item.rank, item.id, item.householdsGained])).toEqual([
      [1, 'grid:1:1', 250],
      [2, 'user:1', 100],
    ]);
    expect(evaluation.proposals[0].helped).toEqual([{ hamletId: 'B', name: 'Ấp B', commune: 'Xã Bình', district: 'Huyện Thử', communeLabel: 'Xã Bình', operator: null }]);
    expect(evaluation.proposals[0].place).toMatchObject({ hamletId: 'B', commune: 'Xã Bình', isInside: true });
    expect(evaluation.proposals[0].name).toEqual({ code: 'proposal-name.new-operator', params: { number: 1, operator: 'VinaPhone', commune: 'Xã Bình' } });
    expect(evaluation.proposals[1].name).toEqual({ code: 'proposal-name.new-operator', params: { number: 2, operator: 'VinaPhone', commune: 'Xã An' } });
    expect(evaluation.proposals[0].operators).toEqual(['VinaPhone']);
  });

  it('re-ranks after an edit: a proposal moved to where it covers nothing drops to the end', () => {
    const proposals = [proposal('grid:1:1', 106.0, 9.6), proposal('user:1', 105.8, 9.6)];
    expect(evaluateProposals(base, proposals, overall('households')).proposals.map((item) => item.id)).toEqual(['grid:1:1', 'user:1']);
    // 10 km north of B: no hamlet within 3 km.
    const moved = [{ ...proposals[0], lat: 9.69 }, proposals[1]];
    const evaluation = evaluateProposals(base, moved, overall('households'));
    expect(evaluation.proposals.map((item) => [item.id, item.householdsGained])).toEqual([
      ['user:1', 100],
      ['grid:1:1', 0],
    ]);
    expect(evaluation.proposals[1].place).toBeNull();
    // The names follow the new ranks: the tower that now adds the most is number 1.
    expect(evaluation.proposals.map((item) => [item.id, item.number, item.name])).toEqual([
      ['user:1', 1, { code: 'proposal-name.new-operator', params: { number: 1, operator: 'VinaPhone', commune: 'Xã An' } }],
      ['grid:1:1', 2, { code: 'proposal-name.new-operator-unplaced', params: { number: 2, operator: 'VinaPhone' } }],
    ]);
  });

  it('credits a hamlet two proposals cover only together to the first that reaches it', () => {
    // Two 800 m discs 800 m either side of A's centre (1.1 km square): each covers about 41 % alone, 82 % together.
    const pair = [proposal('east', 105.80729, 9.6, { radiusMeters: 800 }), proposal('west', 105.79271, 9.6, { radiusMeters: 800 })];
    const alone = pair.map((item) => buildCoverageReport(withExtraBtsRecords(base, toProposalRecords([item])), []).hamlets[0].covered.mobile);
    expect(alone).toEqual([false, false]);
    const evaluation = evaluateProposals(base, pair, overall());
    expect(evaluation.after.coveredMobile).toBe(2);
    expect(evaluation.proposals.map((item) => [item.id, item.helped.map((hamlet) => hamlet.hamletId)])).toEqual([
      ['east', ['A']],
      ['west', []],
    ]);
  });

  it('measures each chosen operator’s own layer', () => {
    const aim: ProposalAim = { operators: ['Viettel', 'VinaPhone'], measure: 'hamlets', targetShare: 1, sharedTarget: null };
    const evaluation = evaluateProposals(base, [proposal('p', 106.2, 9.6)], aim);
    expect(evaluation.layers).toEqual([
      { operator: 'Viettel', before: 1 / 3, after: 1 / 3 },
      { operator: 'VinaPhone', before: 0, after: 1 / 3 },
    ]);
    // C was covered for Viettel already; the proposal covers it on VinaPhone's own layer.
    expect(evaluation.proposals[0].helped).toEqual([{ hamletId: 'C', name: 'Ấp C', commune: 'Xã Châu', district: 'Huyện Thử', communeLabel: 'Xã Châu', operator: 'VinaPhone' }]);
    // It joins the Viettel site: the engine's merged site hosts both.
    expect(evaluation.proposals[0].operators).toEqual(['Viettel', 'VinaPhone']);
  });

  it('counts a shared tower for the overall layer, for no operator’s layer, and as a shared site', () => {
    const tower = proposal('grid:2:2', 106.0, 9.6, { operator: SHARED_TOWER_OPERATOR });
    const aim: ProposalAim = { operators: [], measure: 'hamlets', targetShare: 1, sharedTarget: { share: 0.5, comparator: '>=' } };
    const evaluation = evaluateProposals(base, [tower], aim);
    expect(evaluation.after.coveredMobile).toBe(2);
    const after = buildCoverageReport(evaluation.afterAnalysis, []);
    expect(Object.keys(after.hamlets[1].operatorFraction)).toEqual(['Viettel']);
    expect(evaluation.after).toMatchObject({ sites: 2, sharedSites: 1 });
    expect(evaluation.sharing).toEqual({ before: 0, after: 0.5, share: 0.5, comparator: '>=', isMet: true });
    expect(evaluation.proposals[0]).toMatchObject({ makesShared: true, operators: [], name: { code: 'proposal-name.new', params: { number: 1, commune: 'Xã Bình' } } });
  });

  it('names a proposal in a commune whose name repeats with its district, once', () => {
    // Two "Phường 1" in two towns, 20 km apart; each proposal covers the hamlet it stands in.
    const wards = createCoverageAnalysis({ ...input, hamlets: [{ ...square('W1', 105.8, 9.6, 80, 'Phường 1'), district: 'Thị xã Vĩnh Châu' }, { ...square('W2', 106.0, 9.6, 90, 'Phường 1'), district: 'Thị xã Ngã Năm' }, square('A', 106.4, 9.6, 10, 'Xã An')], btsRecords: [] }, DEFAULT_CONFIG);
    const evaluation = evaluateProposals(wards, [proposal('vc', 105.8, 9.6, { operator: SHARED_TOWER_OPERATOR }), proposal('nn', 106.0, 9.6, { operator: SHARED_TOWER_OPERATOR }), proposal('an', 106.4, 9.6, { operator: SHARED_TOWER_OPERATOR })], overall('households'));
    expect(evaluation.proposals.map((item) => [item.id, item.name.params.commune, item.helped.map((hamlet) => hamlet.communeLabel)])).toEqual([
      ['nn', 'Phường 1, TX Ngã Năm', ['Phường 1, TX Ngã Năm']],
      ['vc', 'Phường 1, TX Vĩnh Châu', ['Phường 1, TX Vĩnh Châu']],
      ['an', 'Xã An', ['Xã An']],
    ]);
    // The place keeps the commune and district apart, for the line that names the district once.
    expect(evaluation.proposals[0].place).toMatchObject({ commune: 'Phường 1', district: 'Thị xã Ngã Năm' });
  });

  it('gives the same result from a pinned base, and uses the pin only while the other proposals stay put', () => {
    const proposals = [proposal('grid:1:1', 106.0, 9.6), proposal('user:1', 105.8, 9.6)];
    const pinned = pinProposals(base, proposals, 'user:1');
    const moved = [proposals[0], { ...proposals[1], lng: 105.81 }];
    const plain = evaluateProposals(base, moved, overall(), { baseKpis });
    const fast = evaluateProposals(base, moved, overall(), { baseKpis, pinned });
    expect(fast.isPinned).toBe(true);
    expect(plain.isPinned).toBe(false);
    const strip = ({ afterAnalysis: _analysis, isPinned: _pinned, ...rest }: typeof plain) => rest;
    expect(strip(fast)).toEqual(strip(plain));
    const deleted = evaluateProposals(base, [proposals[0]], overall(), { pinned });
    expect(deleted.isPinned).toBe(true);
    expect(deleted.after).toEqual(evaluateProposals(base, [proposals[0]], overall()).after);
    const otherMoved = evaluateProposals(base, [{ ...proposals[0], lat: 9.61 }, proposals[1]], overall(), { pinned });
    expect(otherMoved.isPinned).toBe(false);
  });
});
