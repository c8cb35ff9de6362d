import { describe, expect, it } from 'vitest';
import { analyzeField, gridHamlets, measurementSet, ORIGIN } from '../../../test/helpers/synthetic-field';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { BtsRecord } from '../types';
import { ellipsoidMetersPerDegree } from '../units';
import { calibrateRadii } from './calibrate-radii';
import { calibrateThreshold } from './calibrate-threshold';
import { classifyMeasurements } from './classify-measurements';
import { createSeededRandom } from './create-seeded-random';
import { DEFAULT_MEASUREMENT_OPTIONS } from './measurement-options';
import { STATUS_FAILED, STATUS_OK, type MeasurementRow } from './measurement-set';

/** The field's truth: each operator's 4G reaches exactly this far; the config assumes 3,000 m. */
const TRUE_RADIUS = { Viettel: 2200, VinaPhone: 4100 } as const;
type Operator = keyof typeof TRUE_RADIUS;

function syntheticField(seed: number, noise: number) {
  const random = createSeededRandom(seed);
  const [kx, ky] = ellipsoidMetersPerDegree(ORIGIN[1]);
  const records: BtsRecord[] = [];
  (Object.keys(TRUE_RADIUS) as Operator[]).forEach((operator, o) => {
    for (let k = 0; k < 5; k++) {
      records.push({ siteId: `${operator}-${k}`, operator, lng: ORIGIN[0] + (k * 15000 + o * 7000) / kx, lat: ORIGIN[1] + ((k % 2) * 12000 + o * 20000) / ky, technologies: ['4G'] });
    }
  });
  const rows: Partial<MeasurementRow>[] = [];
  for (const operator of Object.keys(TRUE_RADIUS) as Operator[]) {
    const sites = records.filter((record) => record.operator === operator);
    for (let t = 0; t < 1500; t++) {
      // Tests around a site, uniform over a disc twice the true radius (people test where they live and drive).
      const site = sites[Math.floor(random() * sites.length)];
      const distance = 2 * TRUE_RADIUS[operator] * Math.sqrt(random());
      const angle = random() * 2 * Math.PI;
      const lng = site.lng + (distance * Math.cos(angle)) / kx;
      const lat = site.lat + (distance * Math.sin(angle)) / ky;
      const nearest = Math.min(...sites.map((other) => Math.hypot((lng - other.lng) * kx, (lat - other.lat) * ky)));
      const isServed = (nearest <= TRUE_RADIUS[operator]) !== random() < noise;
      rows.push({ lng, lat, operator, technology: '4G', status: isServed ? STATUS_OK : STATUS_FAILED, downMbps: isServed ? 30 : 0 });
    }
  }
  const set = measurementSet(rows);
  const analysis = analyzeField(gridHamlets(4, 4), records);
  const classification = classifyMeasurements(set, analysis, DEFAULT_MEASUREMENT_OPTIONS);
  return { set, classification, records };
}

describe('calibrateRadii', () => {
  it('recovers each operator\'s true radius within 10 % from a noisy synthetic field', () => {
    const { set, classification, records } = syntheticField(7, 0.05);
    const rows = calibrateRadii(set, classification, records, DEFAULT_CONFIG, DEFAULT_MEASUREMENT_OPTIONS, createSeededRandom(42));
    expect(rows.map((row) => [row.operator, row.technology])).toEqual([['Viettel', '4G'], ['VinaPhone', '4G']]);
    for (const row of rows) {
      const truth = TRUE_RADIUS[row.operator as Operator];
      expect(row.currentRadiusMeters).toBe(3000);
      expect(Math.abs(row.radiusMeters! - truth) / truth, `${row.operator} ${row.radiusMeters}`).toBeLessThan(0.1);
      // The interval holds the estimate and lies within 10 % of the truth (a sharp edge gives a
      // narrow interval: it need not hold the truth to the metre).
      expect(row.low!).toBeLessThanOrEqual(row.radiusMeters!);
      expect(row.high!).toBeGreaterThanOrEqual(row.radiusMeters!);
      expect(Math.abs(row.low! - truth) / truth).toBeLessThan(0.1);
      expect(Math.abs(row.high! - truth) / truth).toBeLessThan(0.1);
      expect(row.agreementAfter!).toBeGreaterThan(row.agreementBefore);
      expect(row.balancedAccuracyAfter!).toBeGreaterThan(row.balancedAccuracyBefore!);
      // 5 % of labels flipped at random: the best radius agrees with about 95 % of tests.
      expect(row.agreementAfter!).toBeGreaterThan(0.9);
    }
  });

  it('repeats exactly with the same seed', () => {
    const { set, classification, records } = syntheticField(8, 0.05);
    const run = (seed: number) => calibrateRadii(set, classification, records, DEFAULT_CONFIG, { bootstrapRounds: 50, confidenceLevel: 0.95, calibrationMinTests: 30 }, createSeededRandom(seed));
    expect(run(3)).toEqual(run(3));
    expect(run(3).map((row) => row.low)).not.toEqual(run(4).map((row) => row.low));
  });
});

describe('calibrateThreshold', () => {
  const options = { random: createSeededRandom(1), rounds: 20, confidenceLevel: 0.9 };
  it('cuts in the middle of a clean gap', () => {
    const result = calibrateThreshold(Float64Array.of(100, 900, 2000, 5000), Uint8Array.of(1, 1, 0, 0), [1, 1, 1, 1], options);
    expect(result).toMatchObject({ threshold: 1450, balancedAccuracy: 1, served: 2, notServed: 2 });
  });
  it('weighs tests, and never cuts between equal scores', () => {
    // Three served tests at 500 m outweigh one failure there; the failure at 800 m ends coverage.
    const result = calibrateThreshold(Float64Array.of(500, 500, 800, 1200), Uint8Array.of(1, 0, 0, 0), [3, 1, 1, 1], options);
    expect(result?.threshold).toBe(650);
  });
  it('has nothing to cut when every test was served', () => {
    expect(calibrateThreshold(Float64Array.of(1, 2), Uint8Array.of(1, 1), [1, 1], options)).toBeNull();
  });
});
