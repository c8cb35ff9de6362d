import { describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, withExtraBtsRecords } from '../analyze-coverage';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { BtsRecord, CoverageInput, Hamlet } from '../types';
import { buildCandidates } from './build-candidates';
import { computeCoverageGain } from './coverage-gain';
import { proposeSites, type ProposePhase } from './propose-sites';

function square(id: string, west: number, south: number, size: number, households: number): Hamlet {
  return {
    id,
    name: id,
    commune: 'Xã A',
    district: 'Huyện B',
    households,
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]] },
  };
}

/** 4 × 3 hamlets of 0.02° with one Viettel 4G site and one MobiFone 5G site, plus optional extras. */
function smallProvince(extraHamlets: Hamlet[] = []): CoverageInput {
  const hamlets = Array.from({ length: 12 }, (_, k) => square(`A${k + 1}`, 105.9 + (k % 4) * 0.02, 9.6 + Math.floor(k / 4) * 0.02, 0.02, 100 + 10 * k));
  const btsRecords: BtsRecord[] = [
    { siteId: 'V1', operator: 'Viettel', lng: 105.91, lat: 9.61, technologies: ['4G'] },
    { siteId: 'M1', operator: 'MobiFone', lng: 105.97, lat: 9.65, technologies: ['5G'] },
  ];
  return { hamlets: [...hamlets, ...extraHamlets], btsRecords, fibrePoints: [], fibreRoutes: [], indicators: [] };
}

function coveredIds(analysis: ReturnType<typeof createCoverageAnalysis>, operator: string | null): Set<string> {
  const report = buildCoverageReport(analysis, []);
  const threshold = analysis.config.coveredThreshold.mobile;
  return new Set(report.hamlets.filter((hamlet) => (operator === null ? hamlet.covered.mobile : (hamlet.operatorFraction[operator]?.mobile ?? 0) >= threshold - 1e-12)).map((hamlet) => hamlet.id));
}

describe('computeCoverageGain', () => {
  for (const operator of [null, 'MobiFone']) {
    it(`matches re-running the engine with each candidate alone (${operator ?? 'all operators'})`, () => {
      const analysis = createCoverageAnalysis(smallProvince(), DEFAULT_CONFIG);
      const operators = operator === null ? [] : [operator];
      const candidates = buildCandidates(analysis, { operators, gridSpacingMeters: 1500 });
      const gain = computeCoverageGain(analysis, candidates, operators);
      const before = coveredIds(analysis, operator);
      expect(candidates.length).toBeGreaterThan(20);
      candidates.forEach((candidate, c) => {
        const after = coveredIds(withExtraBtsRecords(analysis, [candidate.record]), operator);
        const gained = [...after].filter((id) => !before.has(id)).sort();
        const predicted = gain.covers[c].map((e) => analysis.input.hamlets[gain.elements[e].hamlet].id).sort();
        expect(predicted, candidate.id).toEqual(gained);
      });
    });
  }
});

describe('proposeSites', () => {
  it('reaches the target with the engine’s own after-KPIs, greedy-only too', () => {
    const analysis = createCoverageAnalysis(smallProvince(), DEFAULT_CONFIG);
    for (const result of [proposeSites(analysis, { gridSpacingMeters: 1000 }), proposeSites(analysis, { gridSpacingMeters: 1000, method: 'greedy' })]) {
      expect(result.method).toBe('greedy');
      expect(result.after).toEqual(buildCoverageReport(withExtraBtsRecords(analysis, result.records), []).kpis);
      expect(result.after.coveredMobileShare).toBe(1);
      const credited = result.proposals.flatMap((proposal) => proposal.newlyCovered);
      expect(new Set(credited).size).toBe(credited.length);
      expect(result.proposals.map((proposal) => proposal.rank)).toEqual(result.proposals.map((_, i) => i + 1));
    }
  });

  it('flags hamlets no single candidate can cover and lowers the target instead of failing', () => {
    // A 20 km square: no 3 km disc covers half of it.
    const analysis = createCoverageAnalysis(smallProvince([square('HUGE', 106.1, 9.6, 0.18, 5000)]), DEFAULT_CONFIG);
    const result = proposeSites(analysis, { gridSpacingMeters: 2000 });
    expect(result.uncoverable).toEqual([{ hamletId: 'HUGE', operator: null }]);
    expect(result.target.isReduced).toBe(true);
    expect(result.target.reachableShare[0]).toBeCloseTo(12 / 13, 9);
    expect(result.after.coveredMobile).toBe(12);
  });

  it('reports its phases in order and stops when cancelled', () => {
    const analysis = createCoverageAnalysis(smallProvince(), DEFAULT_CONFIG);
    const phases: ProposePhase[] = [];
    proposeSites(analysis, { onProgress: (phase) => phases.at(-1) !== phase && phases.push(phase) });
    expect(phases).toEqual(['candidates', 'coverage-gain', 'solve', 'after']);
    const signal = { aborted: false };
    expect(() =>
      proposeSites(analysis, {
        signal,
        onProgress: (phase) => {
          if (phase === 'coverage-gain') signal.aborted = true;
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'cancelled' }));
  });

  it('proposes for an operator with no site yet', () => {
    const analysis = createCoverageAnalysis(smallProvince(), DEFAULT_CONFIG);
    const result = proposeSites(analysis, { operators: ['Vietnamobile'], targetShare: 0.5, gridSpacingMeters: 1500 });
    expect(result.target.layers[0]).toMatchObject({ operator: 'Vietnamobile', before: 0 });
    expect(result.target.layers[0].after).toBeGreaterThanOrEqual(0.5);
    expect(result.proposals.every((proposal) => proposal.operator === 'Vietnamobile')).toBe(true);
  });
});
