import { beforeAll, describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { buildCoverageReport, createCoverageAnalysis, withExtraBtsRecords } from '../analyze-coverage';
import { DEFAULT_CONFIG } from '../config/default-config';
import { parseBtsGeoJson } from '../io/parse-bts-records';
import { parseHamletsGeoJson } from '../io/parse-hamlets';
import { resolveConfig } from '../io/resolve-config';
import type { BtsRecord, CoverageInput, Hamlet } from '../types';
import { buildCandidates } from './build-candidates';
import { computeCoverageGain } from './coverage-gain';
import { proposeSites, type ProposeOptions, type ProposePhase } from './propose-sites';
import type { HighsLike } from './siting-types';

let highs: HighsLike;
beforeAll(async () => {
  highs = await (await import('highs')).default();
});

interface CaseCollection {
  type: 'FeatureCollection';
  properties: { options: ProposeOptions };
  features: { properties: { role: string } }[];
}

/** A case is one FeatureCollection: hamlet and bts features by `role`; the options in `properties.options`. */
describeGolden('proposeSites', (goldenCase) => {
  const collection = goldenCase.json() as CaseCollection;
  const byRole = (role: string) => ({ type: 'FeatureCollection', features: collection.features.filter((feature) => feature.properties.role === role) });
  const config = resolveConfig({}, goldenCase.fileName);
  const input = { hamlets: parseHamletsGeoJson(byRole('hamlet'), goldenCase.fileName, config.fields).items, btsRecords: parseBtsGeoJson(byRole('bts'), goldenCase.fileName).items, fibrePoints: [], fibreRoutes: [], indicators: [] };
  const result = proposeSites(createCoverageAnalysis(input, config), collection.properties.options, highs);
  return {
    status: result.status,
    objective: result.objective,
    greedy: result.greedy,
    sharing: result.sharing,
    after: { sites: result.after.sites, sharedSites: result.after.sharedSites, coveredMobile: result.after.coveredMobile },
    proposals: result.proposals.map((proposal) => ({
      rank: proposal.rank,
      id: proposal.id,
      kind: proposal.kind,
      hostSiteId: proposal.hostSiteId,
      operator: proposal.operator,
      operators: proposal.operators,
      name: proposal.name,
      helped: proposal.helped.map((hamlet) => `${hamlet.hamletId}${hamlet.operator === null ? '' : ` ${hamlet.operator}`}`),
      makesShared: proposal.makesShared,
    })),
  };
});

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

describe('proposeSites within a time limit (fake clock)', () => {
  /** A 10 × 10 grid of 2 km hamlets with no site at all: 100 uncovered hamlets. */
  const bare = (): CoverageInput => ({
    hamlets: Array.from({ length: 100 }, (_, k) => square(`G${k}`, 105.6 + (k % 10) * 0.02, 9.4 + Math.floor(k / 10) * 0.02, 0.018, 10)),
    btsRecords: [],
    fibrePoints: [],
    fibreRoutes: [],
    indicators: [],
  });

  it('stops the coverage gain at the deadline and says what the limit cut short', () => {
    const analysis = createCoverageAnalysis(bare(), DEFAULT_CONFIG);
    let time = 0;
    const result = proposeSites(
      analysis,
      {
        gridSpacingMeters: 2000,
        timeLimitSeconds: 1,
        now: () => time,
        // The clock jumps past the deadline once 32 hamlets are done; the next check (at 64) stops.
        onProgress: (phase, done) => {
          if (phase === 'coverage-gain' && done >= 32) time = 5000;
        },
      },
      highs,
    );
    expect(result.timing.cutShort).toEqual([
      { code: 'cut-short.coverage-gain', params: { done: 64, total: 100 } },
      { code: 'cut-short.greedy', params: { picked: 0 } },
      { code: 'cut-short.solve-skipped', params: {} },
      { code: 'over-time', params: { seconds: 5, limit: 1 } },
    ]);
    expect(result.status.code).toBe('no-time-left');
    // Hamlets the gain never reached are not called uncoverable.
    expect(result.uncoverable).toEqual([]);
  });

  it('gives HiGHS only the time left less the after-analysis reserve, so the whole run stays within the limit', () => {
    const analysis = createCoverageAnalysis(smallProvince(), DEFAULT_CONFIG);
    let time = 0;
    const limits: number[] = [];
    // HiGHS as it behaves when it runs to its limit: the clock moves by the limit, the status is "time limit".
    const atLimit: HighsLike = {
      createModel: (source) => {
        const model = highs.createModel(source);
        let limit = 0;
        return {
          options: { set: (values) => ((limit = Number(values.time_limit)), limits.push(limit), model.options.set(values)) },
          info: model.info,
          setSolution: (solution) => model.setSolution(solution),
          run: () => ((time += limit * 1000), model.run()),
          getModelStatus: () => 13,
          getObjectiveValue: () => model.getObjectiveValue(),
          getSolution: () => model.getSolution(),
          getColByName: (name) => model.getColByName(name),
          dispose: () => model.dispose(),
        };
      },
    };
    const phaseTimes: Partial<Record<ProposePhase, number>> = {};
    const result = proposeSites(
      analysis,
      {
        gridSpacingMeters: 1000,
        timeLimitSeconds: 3,
        // Every reading of the clock costs 1 ms of the run.
        now: () => ++time,
        onProgress: (phase) => {
          phaseTimes[phase] ??= time;
        },
      },
      atLimit,
    );
    expect(limits).toHaveLength(1);
    expect(limits[0]).toBeGreaterThan(2.9);
    expect(limits[0] * 1000).toBeLessThanOrEqual(3000 - (phaseTimes.solve ?? 0) - 20);
    expect(result.status.code).toBe('time-limit');
    expect(result.timing.cutShort.map((message) => message.code)).toEqual(['cut-short.solve']);
    expect(result.timing.seconds).toBeLessThanOrEqual(3);
    expect(time).toBeLessThanOrEqual(3000);
  });
});
