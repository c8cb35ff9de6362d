import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis } from '../analyze-coverage';
import { DEFAULT_CONFIG } from '../config/default-config';
import { formatSitesGeoJson, roundNumbers } from '../io/format-outputs';
import type { CoverageInput, Hamlet } from '../types';
import { decodeAnalyzeOutput, decodePlanSnapshot, decodeSnapshotResults } from './decode-snapshot';
import { snapshotResultsOf } from './plan-snapshot';

const square = (id: string, lng: number, commune: string): Hamlet => ({
  id,
  name: `Ấp ${id}`,
  commune,
  district: 'Huyện X',
  households: 100,
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[lng, 9.6], [lng + 0.01, 9.6], [lng + 0.01, 9.61], [lng, 9.61], [lng, 9.6]]] },
});

const input: CoverageInput = {
  hamlets: [square('A1', 105.9, 'Xã A'), square('A2', 106.0, 'Xã B')],
  btsRecords: [
    { siteId: 'S1', operator: 'Viettel', lng: 105.905, lat: 9.605, technologies: ['4G'] },
    { siteId: 'S2', operator: 'VNPT', lng: 105.9051, lat: 9.605, technologies: ['4G'] },
  ],
  fibrePoints: [],
  fibreRoutes: [],
  indicators: [],
};
const report = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG));
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('decodeSnapshotResults', () => {
  it('reads back what the engine reported, an operator named __proto__ included, as data', () => {
    // The engine on main still keeps operator fractions in a plain object, so the odd name is put in the file.
    const text = JSON.stringify(snapshotResultsOf(report)).replaceAll('"VNPT":', '"__proto__":');
    const decoded = decodeSnapshotResults(JSON.parse(text));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.hamlets.map((hamlet) => hamlet.covered)).toEqual(report.hamlets.map((hamlet) => hamlet.covered));
    const fractions = decoded.value.hamlets[0].operatorFraction;
    expect(Object.getPrototypeOf(fractions)).toBe(null);
    expect(Object.keys(fractions).sort()).toEqual(['Viettel', '__proto__']);
    expect(fractions['__proto__'].mobile).toBeCloseTo(report.hamlets[0].operatorFraction.Viettel.mobile, 9);
    expect(decoded.value.sites).toEqual(asJson(report.sites));
    expect(decoded.value.targets).toEqual(report.targets);
  });

  it('never throws on arbitrary JSON, and puts every problem under the given path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const result of [decodeSnapshotResults(value, 'x'), decodePlanSnapshot(value, 'x'), decodeAnalyzeOutput(value, value)]) {
          if (!result.ok) for (const problem of result.problems) expect(problem.path === '' || /^(x|report\.json|sites\.geojson)/.test(problem.path)).toBe(true);
        }
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('names the broken item of a results file by its path', () => {
    const valid = asJson(snapshotResultsOf(report)) as { hamlets: Record<string, unknown>[]; sites: Record<string, unknown>[] };
    const broken = structuredClone(valid);
    (broken.hamlets[1].fraction as Record<string, unknown>).ftth = 1.5;
    (broken.sites[0] as Record<string, unknown>).lat = 'chín';
    const result = decodeSnapshotResults(broken, 'snapshots[0].results');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toEqual(['snapshots[0].results.hamlets[1].fraction.ftth', 'snapshots[0].results.sites[0].lat']);
  });
});

describe('decodeAnalyzeOutput', () => {
  it('reads an analyze folder: report.json for hamlets, groups and targets, sites.geojson for the sites', () => {
    const { sites: _sites, ...body } = report;
    const decoded = decodeAnalyzeOutput(asJson(roundNumbers(body)), asJson(formatSitesGeoJson(report, false)));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.sites.map((site) => [site.id, site.operators, site.shared, site.recordSiteIds])).toEqual(report.sites.map((site) => [site.id, site.operators, site.shared, site.recordSiteIds]));
    expect(decoded.value.groups.district.map((row) => row.key)).toEqual(report.groups.district.map((row) => row.key));
    expect(decoded.value.kpis.hamlets).toBe(2);
  });
});
