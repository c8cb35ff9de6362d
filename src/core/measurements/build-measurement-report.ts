import type { RadiusCalibration } from './calibrate-radii';
import type { MeasurementClassification } from './classify-measurements';
import { computeAgreement, computeUnitAgreement, type AgreementRow, type UnitAgreementRow } from './compute-agreement';
import { computeSpeedStats, type OperatorSpeedRow, type SpeedRow, type SpeedTargets, type TechnologySpeedRow, type TestUnits } from './compute-speed-stats';
import { findChallengeHexes, type ChallengeHex } from './find-challenge-hexes';
import type { MeasurementSet } from './measurement-set';
import type { MeasurementOptions } from './measurement-options';
import { computeMeasurementPeriod, type MeasurementPeriod } from './measurement-period';
import { summarizeSpeeds, type SpeedSummary } from './summarize-speeds';
import { MEASUREMENT_TECHNOLOGIES, serviceOfTechnology } from './measurement-set';

/** One grouping of the coverage report: its field and each hamlet's unit key (the report's own keys). */
export interface HamletGrouping {
  field: string;
  /** Per hamlet of the analysis, in its order. */
  hamletKeys: readonly string[];
}

/** The `measurements` object of `report.json`. */
export interface MeasurementReport {
  /** Tests used (an open-data tile counts its `tests`), and the rows they came from. */
  tests: number;
  rows: number;
  /** Rows of the measurement files that could not be used. */
  skipped: number;
  /** Tests outside every hamlet (counted for the province only). */
  outsideHamlets: number;
  period: MeasurementPeriod;
  rules: MeasurementOptions;
  /** The province's figures: mobile-broadband and fixed-broadband tests. */
  overall: { mobile: SpeedSummary | null; fixed: SpeedSummary | null };
  /** Per grouping field (the same fields as the report's `groups`): mobile-broadband speed rows. */
  units: Record<string, SpeedRow[]>;
  /** The same per operator. */
  byOperator: Record<string, OperatorSpeedRow[]>;
  /** Fixed-broadband (Wi-Fi, fixed line) speed rows per grouping field. */
  fixedUnits: Record<string, SpeedRow[]>;
  /** Speed rows per technology per grouping field. */
  byTechnology: Record<string, TechnologySpeedRow[]>;
  /** Prediction against the field per operator × technology. */
  agreement: AgreementRow[];
  /** The same per unit: every grouping field, and `hamlet` (by hamlet id). */
  agreementByUnit: Record<string, UnitAgreementRow[]>;
  /** Units with no test at all, per grouping field and `hamlet`: "not measured". */
  notMeasured: Record<string, number>;
  calibration: RadiusCalibration[];
  /** Flagged H3 hexagons. */
  challenges: ChallengeHex[];
}

function unitsOf(classification: MeasurementClassification, hamletKeys: readonly string[]): TestUnits {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const hamletUnit = hamletKeys.map((key) => {
    let found = index.get(key);
    if (found === undefined) {
      found = keys.length;
      keys.push(key);
      index.set(key, found);
    }
    return found;
  });
  const unitOfTest = new Int32Array(classification.hamlet.length);
  for (let i = 0; i < unitOfTest.length; i++) unitOfTest[i] = classification.hamlet[i] < 0 ? -1 : hamletUnit[classification.hamlet[i]];
  return { keys, unitOfTest };
}

function countNotMeasured(units: TestUnits): number {
  const isMeasured = new Uint8Array(units.keys.length);
  for (let i = 0; i < units.unitOfTest.length; i++) if (units.unitOfTest[i] >= 0) isMeasured[units.unitOfTest[i]] = 1;
  return isMeasured.length - isMeasured.reduce((sum, value) => sum + value, 0);
}

/**
 * Everything the measurements say, for `report.json` and the app's panel: speed figures per unit of
 * every grouping (mobile and fixed, per operator, per technology) under the 300-tests-a-month rule;
 * agreement per operator × technology, per unit and per hamlet; the calibration (computed by the
 * caller, which holds the records and the seeded random source); the challenged H3 hexagons.
 * @param input the measurements, their classification, the report's groupings (each hamlet's unit
 *   key per field, from the report's own grouping), the hamlet ids, the speed targets, the options,
 *   the calibration rows and the number of skipped rows
 * @returns the report object (records keyed by field are null-prototype objects)
 * @throws never
 * @example buildMeasurementReport({ set, classification, groupings, hamletIds, targets: { mobile: 40, fixed: 100 }, options, calibration: [], skipped: 0 }).units.commune
 */
export function buildMeasurementReport(input: {
  set: MeasurementSet;
  classification: MeasurementClassification;
  groupings: readonly HamletGrouping[];
  hamletIds: readonly string[];
  targets: SpeedTargets;
  options: MeasurementOptions;
  calibration: RadiusCalibration[];
  skipped: number;
}): MeasurementReport {
  const { set, classification, options, targets } = input;
  const period = computeMeasurementPeriod(set, options.undatedPeriodMonths);
  const province = new Int32Array(set.count);
  const service = MEASUREMENT_TECHNOLOGIES.map(serviceOfTechnology);
  const [mobile] = summarizeSpeeds(set, province, 1, () => targets.mobile, period, options.minSamplesPerMonth, (i) => service[set.technology[i]] === 'mobile');
  const [fixed] = summarizeSpeeds(set, province, 1, () => targets.fixed, period, options.minSamplesPerMonth, (i) => service[set.technology[i]] === 'fixed');
  const units: Record<string, SpeedRow[]> = Object.create(null);
  const byOperator: Record<string, OperatorSpeedRow[]> = Object.create(null);
  const fixedUnits: Record<string, SpeedRow[]> = Object.create(null);
  const byTechnology: Record<string, TechnologySpeedRow[]> = Object.create(null);
  const agreementByUnit: Record<string, UnitAgreementRow[]> = Object.create(null);
  const notMeasured: Record<string, number> = Object.create(null);
  for (const grouping of input.groupings) {
    const testUnits = unitsOf(classification, grouping.hamletKeys);
    const stats = computeSpeedStats(set, testUnits, targets, period, options.minSamplesPerMonth);
    units[grouping.field] = stats.units;
    byOperator[grouping.field] = stats.byOperator;
    fixedUnits[grouping.field] = stats.fixed;
    byTechnology[grouping.field] = stats.byTechnology;
    agreementByUnit[grouping.field] = computeUnitAgreement(set, classification, testUnits.keys, testUnits.unitOfTest);
    notMeasured[grouping.field] = countNotMeasured(testUnits);
  }
  const hamletUnits = unitsOf(classification, input.hamletIds);
  agreementByUnit.hamlet = computeUnitAgreement(set, classification, hamletUnits.keys, hamletUnits.unitOfTest);
  notMeasured.hamlet = countNotMeasured(hamletUnits);
  let tests = 0;
  let outsideHamlets = 0;
  for (let i = 0; i < set.count; i++) {
    tests += set.weight[i];
    if (classification.hamlet[i] < 0) outsideHamlets += set.weight[i];
  }
  return {
    tests,
    rows: set.count,
    skipped: input.skipped,
    outsideHamlets,
    period,
    rules: options,
    overall: { mobile, fixed },
    units,
    byOperator,
    fixedUnits,
    byTechnology,
    agreement: computeAgreement(set, classification),
    agreementByUnit,
    notMeasured,
    calibration: input.calibration,
    challenges: findChallengeHexes(set, classification, options).challenges,
  };
}
