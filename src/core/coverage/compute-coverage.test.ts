import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { CoverageInput, Hamlet, PolygonGeometry } from '../types';
import { buildCoverageReport, createCoverageAnalysis, withExtraBtsRecords } from '../analyze-coverage';
import { exactFraction } from '../../../test/helpers/exact-coverage';
import { btsRecord, randomCase, referenceFibreShapes, referenceShapesOf, starPolygon, CENTER, type RandomCase } from '../../../test/helpers/random-geometry';
import { metersToDegrees } from '../units';

const SEED = 20251;

function hamletOf(geometry: PolygonGeometry, id = 'H1'): Hamlet {
  return { id, name: 'Ấp 1', commune: 'Xã A', district: 'Huyện B', households: 100, properties: {}, geometry };
}

function inputOf(hamlets: Hamlet[], c: RandomCase): CoverageInput {
  return { hamlets, btsRecords: c.records, fibrePoints: c.fibrePoints, fibreRoutes: c.fibreRoutes, indicators: [] };
}

function fractionsOf(input: CoverageInput) {
  return buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG)).hamlets.map((h) => h.fraction);
}

describe('computeCoverage against exact polygon clipping', () => {
  it('is within 0.01 of the exact fraction for every layer on random small cases', () => {
    let worst = 0;
    fc.assert(
      fc.property(starPolygon, randomCase, (polygon, c) => {
        const [fraction] = fractionsOf(inputOf([hamletOf(polygon)], c));
        const mbb = new Set(DEFAULT_CONFIG.mobileBroadband);
        const exact = {
          mobile: exactFraction(polygon, referenceShapesOf(c.records, (r) => r.technologies.some((t) => mbb.has(t)))),
          '4g': exactFraction(polygon, referenceShapesOf(c.records, (r) => r.technologies.includes('4G'))),
          '5g': exactFraction(polygon, referenceShapesOf(c.records, (r) => r.technologies.includes('5G'))),
          ftth: exactFraction(polygon, referenceFibreShapes(c.fibrePoints, c.fibreRoutes)),
        };
        for (const layer of ['mobile', '4g', '5g', 'ftth'] as const) {
          worst = Math.max(worst, Math.abs(fraction[layer] - exact[layer]));
          expect(Math.abs(fraction[layer] - exact[layer]), layer).toBeLessThanOrEqual(0.01);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
    expect(worst).toBeLessThan(0.01);
  });

  it('measures 300 m fibre discs on a several-km² hamlet within 0.01 (where 100-point grids miss by 0.02)', () => {
    const [dLng, dLat] = metersToDegrees(1, CENTER[1]);
    // A 3 km × 2.4 km hamlet (7.2 km²) with a string of 300 m discs along a canal.
    const width = 3000;
    const height = 2400;
    const polygon: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [[
        [CENTER[0], CENTER[1]],
        [CENTER[0] + width * dLng, CENTER[1]],
        [CENTER[0] + width * dLng, CENTER[1] + height * dLat],
        [CENTER[0], CENTER[1] + height * dLat],
        [CENTER[0], CENTER[1]],
      ]],
    };
    const fibrePoints = Array.from({ length: 7 }, (_, i) => ({ id: `F${i}`, lng: CENTER[0] + (250 + i * 430) * dLng, lat: CENTER[1] + (900 + 137 * (i % 3)) * dLat }));
    const [fraction] = fractionsOf({ hamlets: [hamletOf(polygon)], btsRecords: [], fibrePoints, fibreRoutes: [], indicators: [] });
    const exact = exactFraction(polygon, referenceFibreShapes(fibrePoints, []));
    expect(exact).toBeGreaterThan(0.2);
    expect(Math.abs(fraction.ftth - exact)).toBeLessThanOrEqual(0.01);
  });

  it('keeps shapes of layers already full on a line out of the layers still open on it', () => {
    // One operator. A large 4G disc spans the lower lines of the hamlet outright (mobile and 4g
    // full there), a small 4G disc reaching in from the left starts before it on those lines, and a
    // 5G disc sits at the top. Only the 5G disc may count for 5g.
    const [dLng, dLat] = metersToDegrees(1, CENTER[1]);
    const at = (x: number, y: number): [number, number] => [CENTER[0] + x * dLng, CENTER[1] + y * dLat];
    const polygon: PolygonGeometry = { type: 'Polygon', coordinates: [[at(0, 0), at(1000, 0), at(1000, 2000), at(0, 2000), at(0, 0)]] };
    const record = (siteId: string, [lng, lat]: [number, number], technology: '4G' | '5G', radiusMeters: number) => ({ siteId, operator: 'Viettel', lng, lat, technologies: [technology], radiusMeters });
    const big = record('BIG', at(1200, 0), '4G', 1300);
    const small = record('SMALL', at(-300, 250), '4G', 500);
    const top = record('TOP', at(500, 1700), '5G', 300);
    // Both orders: which of the two 4G discs the kernel meets first on a line must not matter.
    for (const btsRecords of [[big, small, top], [small, big, top]]) {
      const [fraction] = fractionsOf({ hamlets: [hamletOf(polygon)], btsRecords, fibrePoints: [], fibreRoutes: [], indicators: [] });
      for (const layer of ['4g', '5g'] as const) {
        const exact = exactFraction(polygon, referenceShapesOf(btsRecords, (r) => r.technologies.includes(layer === '4g' ? '4G' : '5G')));
        expect(Math.abs(fraction[layer] - exact), `${layer}, ${btsRecords[0].siteId} first`).toBeLessThanOrEqual(0.01);
      }
    }
  });
});

describe('computeCoverage invariants', () => {
  it('keeps every fraction in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(starPolygon, { minLength: 1, maxLength: 3 }), randomCase, (polygons, c) => {
        const fractions = fractionsOf(inputOf(polygons.map((p, i) => hamletOf(p, `H${i}`)), c));
        for (const fraction of fractions) for (const value of Object.values(fraction)) expect(value >= 0 && value <= 1).toBe(true);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('never lowers a fraction when a site is added', () => {
    fc.assert(
      fc.property(starPolygon, randomCase, btsRecord, (polygon, c, added) => {
        const [before] = fractionsOf(inputOf([hamletOf(polygon)], c));
        const [after] = fractionsOf(inputOf([hamletOf(polygon)], { ...c, records: [...c.records, added] }));
        for (const layer of ['mobile', '4g', '5g', 'ftth'] as const) expect(after[layer]).toBeGreaterThanOrEqual(before[layer] - 1e-12);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(fc.array(starPolygon, { minLength: 1, maxLength: 3 }), randomCase, fc.integer(), (polygons, c, seed) => {
        const hamlets = polygons.map((p, i) => hamletOf(p, `H${i}`));
        const shuffle = <T,>(list: T[]): T[] => list.map((item, i) => ({ item, key: Math.sin(seed + i * 7919) })).sort((a, b) => a.key - b.key).map((x) => x.item);
        const straight = buildCoverageReport(createCoverageAnalysis(inputOf(hamlets, c), DEFAULT_CONFIG));
        const shuffled = buildCoverageReport(
          createCoverageAnalysis(inputOf(shuffle(hamlets), { records: shuffle(c.records), fibrePoints: shuffle(c.fibrePoints), fibreRoutes: shuffle(c.fibreRoutes) }), DEFAULT_CONFIG),
        );
        const byId = new Map(shuffled.hamlets.map((h) => [h.id, h.fraction]));
        for (const hamlet of straight.hamlets) {
          const other = byId.get(hamlet.id)!;
          for (const layer of ['mobile', '4g', '5g', 'ftth'] as const) expect(other[layer]).toBeCloseTo(hamlet.fraction[layer], 12);
        }
        expect(shuffled.kpis).toEqual(straight.kpis);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('gives the same result incrementally as from scratch when extra sites are swapped', () => {
    fc.assert(
      fc.property(fc.array(starPolygon, { minLength: 1, maxLength: 3 }), randomCase, fc.array(btsRecord, { maxLength: 3 }), fc.array(btsRecord, { maxLength: 3 }), (polygons, c, first, second) => {
        const input = inputOf(polygons.map((p, i) => hamletOf(p, `H${i}`)), c);
        // Then one of the first records moved: the unchanged ones are not recomputed, the result must not tell.
        const moved = first.length > 0 ? [{ ...first[0], lng: first[0].lng + 0.01 }, ...first.slice(1), ...second] : second;
        const stepwise = withExtraBtsRecords(withExtraBtsRecords(withExtraBtsRecords(createCoverageAnalysis(input, DEFAULT_CONFIG), first), second), moved);
        const fresh = createCoverageAnalysis({ ...input, btsRecords: [...input.btsRecords, ...moved] }, DEFAULT_CONFIG);
        const a = buildCoverageReport(stepwise);
        const b = buildCoverageReport(fresh);
        a.hamlets.forEach((hamlet, i) => {
          for (const layer of ['mobile', '4g', '5g', 'ftth'] as const) expect(hamlet.fraction[layer]).toBeCloseTo(b.hamlets[i].fraction[layer], 12);
        });
        expect(a.kpis).toEqual(b.kpis);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
