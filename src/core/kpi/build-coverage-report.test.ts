import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCoverageAnalysis } from '../analyze-coverage';
import { DEFAULT_CONFIG } from '../config/default-config';
import { filterCoverageInput } from '../filters/filter-coverage-input';
import type { BtsRecord, CoverageInput, Hamlet, HamletResult } from '../types';
import { buildCoverageReport } from './build-coverage-report';
import { computeKpis } from './compute-kpis';

const SEED = 9_412;
const DANGEROUS_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** A 0.01° square hamlet (about 1.1 km a side); a 1,000 m disc at its centre covers all of it. */
function squareHamlet(i: number, properties: Record<string, unknown>): Hamlet {
  const [lng, lat] = [105.7 + i * 0.05, 9.6];
  return {
    id: `H${i}`,
    name: `Ấp ${i}`,
    commune: 'Phường 1',
    district: 'Thị xã Vĩnh Châu',
    households: 10,
    properties,
    geometry: { type: 'Polygon', coordinates: [[[lng, lat], [lng + 0.01, lat], [lng + 0.01, lat + 0.01], [lng, lat + 0.01], [lng, lat]]] },
  };
}

function centreRecord(i: number, operator: string): BtsRecord {
  return { siteId: `S${i}`, operator, lng: 105.705 + i * 0.05, lat: 9.605, technologies: ['4G'], radiusMeters: 1000 };
}

/** Properties as a parsed file gives them: JSON.parse makes `__proto__` an own member, not the prototype. */
function parsedProperties(entries: [string, string][]): Record<string, unknown> {
  return JSON.parse(`{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`) as Record<string, unknown>;
}

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

const name = fc.oneof(fc.constantFrom(...DANGEROUS_NAMES), fc.string({ minLength: 1, maxLength: 8 }));

describe('buildCoverageReport with names that are also JavaScript members', () => {
  it('keeps every operator’s results and every grouping, and never changes Object.prototype', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), fc.array(name, { minLength: 1, maxLength: 3 }), (operators, fields) => {
        const hamlets = operators.map((_, i) => squareHamlet(i, parsedProperties(fields.map((field) => [field, `v${i % 2}`]))));
        const input: CoverageInput = { hamlets, btsRecords: operators.map((operator, i) => centreRecord(i, operator)), fibrePoints: [], fibreRoutes: [], indicators: [] };
        const report = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG), fields);
        expect(prototypeSnapshot()).toEqual(before);
        expect(({} as Record<string, unknown>).mobile).toBeUndefined();
        report.hamlets.forEach((result, i) => {
          // Each hamlet's own site covers all of it, for its operator (at most 9 operators have layers).
          expect(Object.hasOwn(result.operatorFraction, operators[i])).toBe(true);
          expect(result.operatorFraction[operators[i]].mobile).toBeCloseTo(1, 9);
          for (const field of fields) expect(result.groupKeys[field]).toBe(`v${i % 2}`);
        });
        for (const field of new Set(fields)) {
          expect(Object.hasOwn(report.groups, field)).toBe(true);
          expect(report.groups[field].map((row) => [row.key, row.hamlets])).toEqual(
            [...new Set(hamlets.map((_, i) => `v${i % 2}`))].sort().map((key) => [key, hamlets.filter((_, i) => `v${i % 2}` === key).length]),
          );
        }
        // The report survives JSON (report.json) with every member intact.
        const reread = JSON.parse(JSON.stringify(report)) as typeof report;
        expect(Object.keys(reread.groups).sort()).toEqual([...new Set(fields)].sort());
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('keeps the per-operator results of operators named toString and hasOwnProperty', () => {
    const input: CoverageInput = {
      hamlets: [squareHamlet(0, {}), squareHamlet(1, {}), squareHamlet(2, {})],
      btsRecords: [centreRecord(0, 'toString'), centreRecord(1, 'hasOwnProperty'), centreRecord(2, '__proto__')],
      fibrePoints: [],
      fibreRoutes: [],
      indicators: [],
    };
    const report = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG));
    expect(report.hamlets.map((result) => Object.keys(result.operatorFraction).sort())).toEqual([
      ['__proto__', 'hasOwnProperty', 'toString'],
      ['__proto__', 'hasOwnProperty', 'toString'],
      ['__proto__', 'hasOwnProperty', 'toString'],
    ]);
    expect(report.hamlets.map((result) => ['toString', 'hasOwnProperty', '__proto__'].map((operator) => result.operatorFraction[operator].mobile))).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });
});

describe('buildCoverageReport KPIs', () => {
  it('leaves hamlets without area out of every KPI denominator', () => {
    const flat: Hamlet = { ...squareHamlet(1, {}), id: 'flat', households: 1000, geometry: { type: 'Polygon', coordinates: [[[105.75, 9.6], [105.76, 9.6], [105.77, 9.6], [105.75, 9.6]]] } };
    const input: CoverageInput = { hamlets: [squareHamlet(0, {}), flat], btsRecords: [centreRecord(0, 'Viettel')], fibrePoints: [], fibreRoutes: [], indicators: [] };
    const report = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG));
    expect(report.warnings.map((warning) => warning.code)).toContain('hamlet-empty-area');
    expect(report.hamlets).toHaveLength(2);
    expect([report.kpis.hamlets, report.kpis.coveredMobileShare, report.kpis.households, report.kpis.coveredMobileHouseholdShare]).toEqual([1, 1, 10, 1]);
    expect(report.groups.commune[0].hamlets).toBe(1);
  });

  it('counts with an operator filter the chosen operator’s sites, shared when another operator uses them too', () => {
    // Three Viettel sites; VinaPhone joins the first (10 m away) and has one site of its own.
    const records = [centreRecord(0, 'Viettel'), { ...centreRecord(0, 'VinaPhone'), siteId: 'V0', lng: 105.7051 }, centreRecord(1, 'Viettel'), centreRecord(2, 'Viettel'), centreRecord(3, 'VinaPhone')];
    const input: CoverageInput = { hamlets: [0, 1, 2, 3].map((i) => squareHamlet(i, {})), btsRecords: records, fibrePoints: [], fibreRoutes: [], indicators: [] };
    const viettel = buildCoverageReport(createCoverageAnalysis(filterCoverageInput(input, { operators: ['Viettel'], technologies: null }), DEFAULT_CONFIG));
    expect([viettel.kpis.sites, viettel.kpis.sharedSites]).toEqual([3, 1]);
    expect(viettel.kpis.sharedSiteShare).toBeCloseTo(1 / 3, 12);
    expect(viettel.sites.map((site) => [site.id, site.operators.join('+'), site.hamletId])).toEqual([
      ['S0', 'Viettel+VinaPhone', 'H0'],
      ['S1', 'Viettel', 'H1'],
      ['S2', 'Viettel', 'H2'],
    ]);
    expect(viettel.operatorFilter).toEqual(['Viettel']);
    // Coverage is Viettel's alone: H3 has only a VinaPhone site.
    expect(viettel.hamlets.map((result) => result.covered.mobile)).toEqual([true, true, true, false]);
    const all = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG));
    expect([all.kpis.sites, all.kpis.sharedSites, all.operatorFilter]).toEqual([4, 1, null]);
  });

  it('computes shares from covered flags and households', () => {
    const result = (id: string, covered: boolean, households: number): HamletResult => ({
      id,
      name: id,
      commune: 'C',
      district: 'D',
      households,
      areaKm2: 1,
      fraction: { mobile: covered ? 1 : 0, '4g': 0, '5g': 0, ftth: 0 },
      covered: { mobile: covered, '4g': false, '5g': false, ftth: false },
      operatorFraction: {},
      groupKeys: {},
    });
    const kpis = computeKpis([result('a', true, 30), result('b', false, 10), { ...result('c', true, 60), areaKm2: 0 }], []);
    expect([kpis.hamlets, kpis.coveredMobile, kpis.coveredMobileShare, kpis.households, kpis.coveredMobileHouseholdShare]).toEqual([2, 1, 0.5, 40, 0.75]);
  });
});
