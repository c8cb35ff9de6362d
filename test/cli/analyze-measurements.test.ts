// `npm run analyze -- --measurements F …` on the demo dataset: the report's `measurements` object has
// the fields the issue lists, the speed figures of a commune match an independent recomputation from
// the CSV (Turf point-in-polygon on the demo hamlets), the speed target names its source, and the
// drive log's dead spot is a challenged hexagon.
import { booleanPointInPolygon, point } from '@turf/turf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const MEASUREMENTS = join(REPO_ROOT, 'test', 'fixtures', 'measurements');

describe('analyze CLI with measurements', () => {
  const out = mkdtempSync(join(tmpdir(), 'analyze-measurements-'));
  let run: ReturnType<typeof runCli>;
  let report: { measurements: Record<string, any>; targets: { id: string; value: number | null; source: string }[]; imports: { file: string; kind: string }[] };
  beforeAll(() => {
    run = runCli('analyze.ts', ['--measurements', join(MEASUREMENTS, 'gnettrack-demo.txt'), '--measurements', join(MEASUREMENTS, 'speedtests-demo.csv'), '--seed', '7', '--h3-view', 'mobile', '--out', out]);
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  });

  it('adds the measurements object with the fields of the issue', () => {
    expect(run.stderr).not.toMatch(/internal error|lỗi nội bộ|\n\s+at /);
    expect(run.status).toBe(0);
    const { measurements } = report;
    expect(measurements.tests).toBe(200 + 957);
    expect(measurements.skipped).toBe(0);
    for (const field of ['district', 'commune']) {
      expect(measurements.units[field].length).toBeGreaterThan(0);
      for (const row of measurements.units[field]) expect(Object.keys(row)).toEqual(expect.arrayContaining(['key', 'tests', 'medianDownMbps', 'meanDownMbps', 'shareAtTarget', 'enoughSamples']));
      for (const row of measurements.byOperator[field]) expect(Object.keys(row)).toEqual(expect.arrayContaining(['operator', 'key', 'tests', 'medianDownMbps', 'meanDownMbps', 'shareAtTarget', 'enoughSamples']));
    }
    for (const row of measurements.agreement) expect(Object.keys(row).sort()).toEqual(['agree', 'falseCovered', 'falseUncovered', 'operator', 'technology', 'tests']);
    for (const row of measurements.calibration) expect(Object.keys(row)).toEqual(expect.arrayContaining(['operator', 'technology', 'radiusMeters', 'low', 'high', 'agreementBefore', 'agreementAfter']));
    for (const row of measurements.challenges) expect(Object.keys(row)).toEqual(expect.arrayContaining(['h3', 'tests', 'contradicting']));
    expect(report.imports.filter((entry) => entry.kind === 'measurements').map((entry) => entry.file)).toEqual(['gnettrack-demo.txt', 'speedtests-demo.csv']);
  });

  it("gives a commune's figures as recomputed from the file", () => {
    const hamlets = JSON.parse(readFileSync(join(REPO_ROOT, 'public', 'geodata', 'hamlets.geojson'), 'utf8')).features.filter((feature: { properties: { commune: string; district_code: string } }) => feature.properties.district_code === '941' && feature.properties.commune === 'Phường 3');
    const lines = readFileSync(join(MEASUREMENTS, 'speedtests-demo.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n').slice(1);
    const downloads: number[] = [];
    const months = new Map<string, number>();
    for (const line of lines) {
      const [time, lat, lng, , , down] = line.split(';');
      const at = point([Number(lng.replace(',', '.')), Number(lat.replace(',', '.'))]);
      if (!hamlets.some((hamlet: Parameters<typeof booleanPointInPolygon>[1]) => booleanPointInPolygon(at, hamlet))) continue;
      downloads.push(Number(down.replace(',', '.')));
      const month = time.slice(3, 10);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    downloads.sort((a, b) => a - b);
    const middle = downloads.length / 2;
    const median = downloads.length % 2 === 1 ? downloads[Math.floor(middle)] : (downloads[middle - 1] + downloads[middle]) / 2;
    const mean = downloads.reduce((sum, value) => sum + value, 0) / downloads.length;
    // Keyed by code (names repeat across the province's towns); this one is the city's.
    const code = hamlets[0].properties.commune_code;
    expect(new Set(hamlets.map((hamlet: { properties: { commune_code: string } }) => hamlet.properties.commune_code))).toEqual(new Set([code]));
    const row = report.measurements.units.commune.find((candidate: { key: string }) => candidate.key === code);
    expect(row).toMatchObject({ label: 'Phường 3' });
    // The drive log lies elsewhere; this commune holds the speed tests only.
    expect(row.tests).toBe(downloads.length);
    expect(row.medianDownMbps).toBeCloseTo(median, 5);
    expect(row.meanDownMbps).toBeCloseTo(mean, 5);
    expect(row.shareAtTarget).toBeCloseTo(downloads.filter((value) => value >= 40).length / downloads.length, 5);
    expect(row.enoughSamples).toBe([...months.values()].every((count) => count >= 300) && months.size === report.measurements.period.months);
    const other = report.measurements.units.commune.find((candidate: { label?: string; parentLabel?: string | null }) => candidate.label === 'Phường 2' && candidate.parentLabel === row.parentLabel);
    expect(other.enoughSamples).toBe(false);
  });

  it('names the source of the speed target, and flags the dead spot', () => {
    const target = report.targets.find((row) => row.id === 'mobile-speed-mbps')!;
    const overall = report.measurements.overall.mobile;
    // The drive log of March stretches the period to three months: January–March, February thin.
    expect(report.measurements.period).toMatchObject({ from: '2025-01', to: '2025-03', months: 3 });
    expect(overall.enoughSamples).toBe(false);
    expect(target.source).toMatch(/^indicator: .*; measured: not enough samples \(\d+ tests, 2025-01 – 2025-03\)$/);
    const deadSpot = report.measurements.challenges.filter((row: { operator: string; kind: string }) => row.operator === 'Viettel' && row.kind === 'false-covered');
    expect(deadSpot.length).toBeGreaterThan(0);
    expect(deadSpot[0].contradicting).toBeGreaterThanOrEqual(5);
    expect(JSON.parse(readFileSync(join(out, 'challenges.geojson'), 'utf8')).features.length).toBe(report.measurements.challenges.length);
  });

  it('writes the H3 view with the tests judged in each hexagon and how they agree', () => {
    const hexagons = JSON.parse(readFileSync(join(out, 'hexagons.geojson'), 'utf8')) as { features: { properties: { h3: string; measured: boolean; tests: number; agree: number; false_covered: number; false_uncovered: number } }[] };
    const measured = hexagons.features.filter((feature) => feature.properties.measured);
    const total = (rows: { tests: number }[]) => rows.reduce((sum, row) => sum + row.tests, 0);
    expect(measured.length).toBeGreaterThan(0);
    expect(total(measured.map((feature) => feature.properties))).toBe(total(report.measurements.agreement));
    for (const { properties } of hexagons.features) {
      expect(properties.agree + properties.false_covered + properties.false_uncovered).toBe(properties.tests);
      if (!properties.measured) expect(properties.tests).toBe(0);
    }
    const deadSpot = report.measurements.challenges.find((row: { kind: string }) => row.kind === 'false-covered');
    const hexagon = hexagons.features.find((feature) => feature.properties.h3 === deadSpot.h3)!;
    expect(hexagon.properties.false_covered).toBeGreaterThanOrEqual(deadSpot.contradicting);
  });

  it('puts measured speed into the target when the period has enough tests', () => {
    const alone = join(out, 'speed-only');
    const result = runCli('analyze.ts', ['--measurements', join(MEASUREMENTS, 'speedtests-demo.csv'), '--out', alone]);
    expect(result.status).toBe(0);
    const speedOnly = JSON.parse(readFileSync(join(alone, 'report.json'), 'utf8'));
    const target = speedOnly.targets.find((row: { id: string }) => row.id === 'mobile-speed-mbps');
    expect(target.source).toBe('measured: 957 tests, 2025-01 – 2025-02');
    expect(target.value).toBeCloseTo(speedOnly.measurements.overall.mobile.meanDownMbps, 6);
  });

  it('refuses a bad flag with a message', () => {
    const result = runCli('analyze.ts', ['--measurements', join(MEASUREMENTS, 'speedtests-demo.csv'), '--h3-resolution', '7', '--out', join(out, 'bad')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--h3-resolution phải là một trong 8, 9, không phải "7"');
    const english = runCli('analyze.ts', ['--measurements', join(MEASUREMENTS, 'speedtests-demo.csv'), '--h3-resolution', '7', '--lang', 'en', '--out', join(out, 'bad')]);
    expect(english.stderr).toContain('--h3-resolution must be one of 8, 9, not "7"');
  });
});
