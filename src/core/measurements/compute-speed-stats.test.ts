import { describe, expect, it } from 'vitest';
import { analyzeField, gridHamlets, HAMLET_DEGREES, measurementSet, ORIGIN } from '../../../test/helpers/synthetic-field';
import { buildMeasurementReport } from './build-measurement-report';
import { classifyMeasurements } from './classify-measurements';
import { DEFAULT_MEASUREMENT_OPTIONS } from './measurement-options';
import { computeMeasurementPeriod } from './measurement-period';
import { STATUS_OK, type MeasurementRow } from './measurement-set';
import { summarizeSpeeds } from './summarize-speeds';

/** The centre of hamlet row r, column c of the grid. */
const at = (r: number, c: number) => ({ lng: ORIGIN[0] + (c + 0.5) * HAMLET_DEGREES, lat: ORIGIN[1] + (r + 0.5) * HAMLET_DEGREES });
const utc = (month: number, day: number, hour = 9) => Date.UTC(2025, month, day, hour);

// Hand-computed case: communes C0-0 (columns 0–1) and C0-1 (columns 2–3); at least 2 tests a month.
const ROWS: Partial<MeasurementRow>[] = [
  { ...at(0, 0), downMbps: 12, upMbps: 5, operator: 'Viettel', timeMs: utc(0, 2) },
  { ...at(0, 1), downMbps: 50, operator: 'Viettel', timeMs: utc(0, 9) },
  { ...at(1, 0), downMbps: 30, upMbps: 10, operator: 'Viettel', timeMs: utc(0, 15) },
  { ...at(1, 1), downMbps: 41, upMbps: 20, operator: 'VinaPhone', timeMs: utc(0, 20) },
  { ...at(0, 0), downMbps: 8, upMbps: 1, operator: 'VinaPhone', timeMs: utc(1, 3) },
  { ...at(0, 2), downMbps: 40, operator: 'Viettel', timeMs: utc(0, 5) },
  { ...at(0, 3), downMbps: 100, operator: 'Viettel', timeMs: utc(0, 10) },
  // 31 January 20:00 UTC is 1 February 03:00 in Sóc Trăng: a February test.
  { ...at(1, 2), downMbps: 20, operator: 'VinaPhone', timeMs: utc(0, 31, 20) },
  { ...at(1, 3), downMbps: 60, operator: 'VinaPhone', timeMs: utc(1, 3) },
  // A Wi-Fi test (fixed broadband), a drive-test signal sample (no speed), a test outside every hamlet.
  { ...at(1, 1), technology: 'wifi' as const, downMbps: 120, operator: 'VinaPhone', timeMs: utc(1, 10) },
  { ...at(1, 1), rsrpDbm: -95, operator: 'Viettel', timeMs: utc(1, 11) },
  { lng: ORIGIN[0] - 0.5, lat: ORIGIN[1], downMbps: 1000, operator: 'Viettel', timeMs: utc(0, 25) },
].map((row) => ({ status: STATUS_OK, ...row }));

function report(rows: Partial<MeasurementRow>[], minSamplesPerMonth: number) {
  const hamlets = gridHamlets(4, 2);
  const analysis = analyzeField(hamlets, []);
  const set = measurementSet(rows);
  const options = { ...DEFAULT_MEASUREMENT_OPTIONS, minSamplesPerMonth };
  const classification = classifyMeasurements(set, analysis, options);
  return buildMeasurementReport({
    set,
    classification,
    groupings: [
      { field: 'district', hamletKeys: hamlets.map((hamlet) => hamlet.district) },
      { field: 'commune', hamletKeys: hamlets.map((hamlet) => hamlet.commune) },
    ],
    hamletIds: hamlets.map((hamlet) => hamlet.id),
    targets: { mobile: 40, fixed: 100 },
    options,
    calibration: [],
    skipped: 0,
  });
}

describe('speed figures per unit', () => {
  it('match a hand computation: medians, means, share at target, the monthly sample rule', () => {
    const result = report(ROWS, 2);
    expect(result.period).toEqual({ firstMonth: 2025 * 12, months: 2, from: '2025-01', to: '2025-02' });
    const commune = new Map(result.units.commune.map((row) => [row.key, row]));
    // C0-0: 8, 12, 30, 41, 50; uploads 1, 5, 10, 20; 4 tests in January, 1 in February.
    expect(commune.get('C0-0')).toEqual({ key: 'C0-0', tests: 5, medianDownMbps: 30, meanDownMbps: 28.2, medianUpMbps: 7.5, meanUpMbps: 9, shareAtTarget: 0.4, enoughSamples: false, fewestTestsInAMonth: 1 });
    // C0-1: 20, 40, 60, 100; two tests in January, two in February (one by Vietnam time).
    expect(commune.get('C0-1')).toEqual({ key: 'C0-1', tests: 4, medianDownMbps: 50, meanDownMbps: 55, medianUpMbps: null, meanUpMbps: null, shareAtTarget: 0.75, enoughSamples: true, fewestTestsInAMonth: 2 });
    expect(result.units.district.map((row) => [row.key, row.enoughSamples])).toEqual([['D0', false], ['D1', true]]);
    const byOperator = result.byOperator.commune.map(({ key, operator, medianDownMbps, meanDownMbps, shareAtTarget, enoughSamples }) => [key, operator, medianDownMbps, meanDownMbps, shareAtTarget, enoughSamples]);
    expect(byOperator).toEqual([
      ['C0-0', 'Viettel', 30, 92 / 3, 1 / 3, false],
      ['C0-0', 'VinaPhone', 24.5, 24.5, 0.5, false],
      ['C0-1', 'Viettel', 70, 70, 1, false],
      ['C0-1', 'VinaPhone', 40, 40, 0.5, false],
    ]);
    // Wi-Fi is fixed broadband, against the 100 Mbit/s target; January has none of it.
    expect(result.fixedUnits.commune).toEqual([{ key: 'C0-0', tests: 1, medianDownMbps: 120, meanDownMbps: 120, medianUpMbps: null, meanUpMbps: null, shareAtTarget: 1, enoughSamples: false, fewestTestsInAMonth: 0 }]);
    // The province: the ten mobile speed tests, the one outside every hamlet included.
    expect(result.overall.mobile).toMatchObject({ tests: 10, medianDownMbps: 40.5, meanDownMbps: 136.1, shareAtTarget: 0.6, enoughSamples: true, fewestTestsInAMonth: 3 });
    expect(result.outsideHamlets).toBe(1);
    expect(result.tests).toBe(12);
  });

  it('applies the 300-tests-a-month rule: 300 and 300 publish, 300 and 299 do not', () => {
    const rows: Partial<MeasurementRow>[] = [];
    const add = (column: number, month: number, count: number) => {
      for (let k = 0; k < count; k++) rows.push({ ...at(0, column), downMbps: 45, status: STATUS_OK, timeMs: utc(month, 1 + (k % 27), k % 24) });
    };
    add(0, 0, 300);
    add(0, 1, 300);
    add(2, 0, 300);
    add(2, 1, 299);
    const commune = new Map(report(rows, 300).units.commune.map((row) => [row.key, row]));
    expect(commune.get('C0-0')).toMatchObject({ tests: 600, enoughSamples: true, fewestTestsInAMonth: 300 });
    expect(commune.get('C0-1')).toMatchObject({ tests: 599, enoughSamples: false, fewestTestsInAMonth: 299 });
  });

  it('weighs open-data tiles by their tests, and an undated quarter needs 3 × 300 tests', () => {
    const tiles: Partial<MeasurementRow>[] = [
      { ...at(0, 0), downMbps: 10, weight: 1 },
      { ...at(0, 0), downMbps: 20, weight: 3 },
      { ...at(0, 1), downMbps: 100, weight: 1 },
    ];
    const set = report(tiles, 1);
    // Weighted: 10 ×1, 20 ×3, 100 ×1 → the running weight passes half of 5 at 20.
    expect(set.units.commune[0]).toMatchObject({ tests: 5, medianDownMbps: 20, meanDownMbps: 34, shareAtTarget: 0.2 });
    const period = computeMeasurementPeriod(measurementSet(tiles), 3);
    expect(period).toEqual({ firstMonth: null, months: 3, from: null, to: null });
    const quarter = (weight: number) => summarizeSpeeds(measurementSet([{ downMbps: 50, weight }]), [0], 1, () => 40, period, 300)[0];
    expect(quarter(899)?.enoughSamples).toBe(false);
    expect(quarter(900)?.enoughSamples).toBe(true);
  });

  it('gives a unit without any speed test no row (not measured) and counts it', () => {
    const result = report([{ ...at(0, 0), downMbps: 30, status: STATUS_OK }], 1);
    expect(result.units.commune.map((row) => row.key)).toEqual(['C0-0']);
    expect(result.notMeasured.commune).toBe(1);
    expect(result.notMeasured.hamlet).toBe(7);
  });
});
