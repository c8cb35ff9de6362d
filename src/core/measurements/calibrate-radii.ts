import type { BtsRecord, CoverageConfig, Technology } from '../types';
import { calibrateThreshold, type RandomSource } from './calibrate-threshold';
import { layerOfTechnology, type MeasurementClassification } from './classify-measurements';
import { MEASUREMENT_TECHNOLOGIES, type MeasurementSet, type MeasurementTechnology } from './measurement-set';
import type { MeasurementOptions } from './measurement-options';
import { measureSiteDistances } from './measure-site-distances';

/** The radius that best fits the field for one operator × technology, and what it changes. */
export interface RadiusCalibration {
  operator: string;
  technology: MeasurementTechnology;
  /** Judged tests (served or not, with an operator). */
  tests: number;
  /** The radius in use: the config's for the technology. */
  currentRadiusMeters: number;
  /**
   * The calibrated radius and its confidence interval; null when there are fewer than
   * `calibrationMinTests` served or not-served tests (not enough evidence to move the radius).
   */
  radiusMeters: number | null;
  low: number | null;
  high: number | null;
  /** Share of judged tests where prediction and field agree, with the engine's prediction … */
  agreementBefore: number;
  /** … and with the calibrated radius (null when not calibrated). */
  agreementAfter: number | null;
  balancedAccuracyBefore: number | null;
  balancedAccuracyAfter: number | null;
}

/** The radius the config gives a technology's layer: a 3G or mobile test is judged against any mobile-broadband technology. */
function configRadius(technology: MeasurementTechnology, config: CoverageConfig): number {
  if (technology === '4G' || technology === '5G' || technology === '3G') return config.radiiMeters[technology as Technology];
  return config.mobileBroadband.reduce((largest, item) => Math.max(largest, config.radiiMeters[item]), 0);
}

function balancedAccuracy(truePositives: number, positives: number, trueNegatives: number, negatives: number): number | null {
  return positives > 0 && negatives > 0 ? (truePositives / positives + trueNegatives / negatives) / 2 : null;
}

/**
 * Calibrates the coverage radius per operator × technology against the field: the radius around
 * that operator's sites of that technology that best separates served from not-served tests
 * (largest balanced accuracy; see `calibrateThreshold`), with its bootstrap confidence interval, and
 * the agreement before (the engine's prediction, as classified) and after (the calibrated radius).
 * Fewer than `calibrationMinTests` served or not-served tests leave the radius alone.
 * Distances are to the nearest such site whose sector faces the test; a record's own `radius_m`
 * does not enter (applying the result sets the operator's radius for records without one).
 * @param set the measurements
 * @param classification their classification
 * @param records the BTS records the prediction was made from
 * @param config radii, mobile-broadband technologies, beamwidth
 * @param options bootstrap rounds and confidence level
 * @param random a seeded random source (see `createSeededRandom`)
 * @returns one row per operator × technology with judged tests, sorted by operator and technology
 * @throws never
 * @example calibrateRadii(set, classification, input.btsRecords, config, DEFAULT_MEASUREMENT_OPTIONS, createSeededRandom(1))[0].radiusMeters // 2710
 */
export function calibrateRadii(
  set: MeasurementSet,
  classification: MeasurementClassification,
  records: readonly BtsRecord[],
  config: CoverageConfig,
  options: Pick<MeasurementOptions, 'bootstrapRounds' | 'confidenceLevel' | 'calibrationMinTests'>,
  random: RandomSource,
): RadiusCalibration[] {
  const technologies = MEASUREMENT_TECHNOLOGIES.length;
  const largest = Object.values(config.radiiMeters).reduce((a, b) => Math.max(a, b), 0);
  const distances = measureSiteDistances(set, records, config, Math.max(15000, 3 * largest));
  const groups = new Map<number, number[]>();
  for (let i = 0; i < set.count; i++) {
    const operator = set.operator[i];
    if (operator < 0 || classification.observed[i] < 0 || layerOfTechnology(MEASUREMENT_TECHNOLOGIES[set.technology[i]]) === null) continue;
    const key = operator * technologies + set.technology[i];
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [i]);
    else members.push(i);
  }
  const rows: RadiusCalibration[] = [];
  for (const [key, members] of groups) {
    const operator = set.operators[Math.floor(key / technologies)];
    const technology = MEASUREMENT_TECHNOLOGIES[key % technologies];
    const scores = Float64Array.from(members, (i) => distances[i]);
    const served = Uint8Array.from(members, (i) => classification.observed[i]);
    const weights = Float64Array.from(members, (i) => set.weight[i]);
    let servedWeight = 0;
    let notServedWeight = 0;
    members.forEach((i, k) => {
      if (served[k] === 1) servedWeight += weights[k];
      else notServedWeight += weights[k];
    });
    const hasEvidence = servedWeight >= options.calibrationMinTests && notServedWeight >= options.calibrationMinTests;
    const calibration = hasEvidence ? calibrateThreshold(scores, served, weights, { random, rounds: options.bootstrapRounds, confidenceLevel: options.confidenceLevel }) : null;
    let tests = 0;
    let agreeBefore = 0;
    let judgedBefore = 0;
    let agreeAfter = 0;
    const before = { truePositives: 0, trueNegatives: 0 };
    const after = { truePositives: 0, trueNegatives: 0 };
    let positives = 0;
    let negatives = 0;
    members.forEach((i, k) => {
      const weight = weights[k];
      const observed = served[k];
      tests += weight;
      if (observed === 1) positives += weight;
      else negatives += weight;
      const predicted = classification.predicted[i];
      if (predicted >= 0) {
        judgedBefore += weight;
        if (predicted === observed) {
          agreeBefore += weight;
          if (observed === 1) before.truePositives += weight;
          else before.trueNegatives += weight;
        }
      }
      if (calibration !== null) {
        const predictedAfter = scores[k] <= calibration.threshold ? 1 : 0;
        if (predictedAfter === observed) {
          agreeAfter += weight;
          if (observed === 1) after.truePositives += weight;
          else after.trueNegatives += weight;
        }
      }
    });
    rows.push({
      operator,
      technology,
      tests,
      currentRadiusMeters: configRadius(technology, config),
      radiusMeters: calibration?.threshold ?? null,
      low: calibration?.low ?? null,
      high: calibration?.high ?? null,
      agreementBefore: judgedBefore > 0 ? agreeBefore / judgedBefore : 0,
      agreementAfter: calibration === null ? null : agreeAfter / tests,
      balancedAccuracyBefore: balancedAccuracy(before.truePositives, positives, before.trueNegatives, negatives),
      balancedAccuracyAfter: calibration === null ? null : balancedAccuracy(after.truePositives, positives, after.trueNegatives, negatives),
    });
  }
  return rows.sort((a, b) => (a.operator < b.operator ? -1 : a.operator > b.operator ? 1 : MEASUREMENT_TECHNOLOGIES.indexOf(a.technology) - MEASUREMENT_TECHNOLOGIES.indexOf(b.technology)));
}
