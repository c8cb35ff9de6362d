import type { CoverageAnalysis } from '../analyze-coverage';
import type { CoverageReport, TargetResult } from '../types';
import { applyMeasuredTargets } from './apply-measured-targets';
import { buildMeasurementReport, type MeasurementReport } from './build-measurement-report';
import { calibrateRadii } from './calibrate-radii';
import type { RandomSource } from './calibrate-threshold';
import { classifyMeasurements, type MeasurementClassification } from './classify-measurements';
import { speedTargetsOf } from './compute-speed-stats';
import { DEFAULT_MEASUREMENT_OPTIONS, type MeasurementOptions } from './measurement-options';
import type { MeasurementSet } from './measurement-set';

/**
 * Everything the measurements say about an analysis, in one step for the CLI and the app:
 * classification, speed figures per unit of the report's groupings (with the report's own unit keys: codes where the hamlets carry them),
 * each speed row named by its unit's label (and its parent's), agreement, calibration, challenge hexagons, and the plan's speed targets with their source.
 * @param input the analysis and its report, the report's grouping fields, the tests, the rules
 *   (default: the config's, else the defaults), a seeded random source for the bootstrap, and the
 *   number of rows the measurement files could not use
 * @returns the classification, the `measurements` object of `report.json`, and the targets
 * @throws never
 * @example analyzeMeasurements({ analysis, report, groupBy: ['district', 'commune'], set, random: createSeededRandom(1), skipped: 0 }).measurements.units.commune
 */
export function analyzeMeasurements(input: {
  analysis: CoverageAnalysis;
  report: CoverageReport;
  groupBy: readonly string[];
  set: MeasurementSet;
  options?: MeasurementOptions;
  random: RandomSource;
  skipped: number;
}): { classification: MeasurementClassification; measurements: MeasurementReport; targets: TargetResult[] } {
  const { analysis, report, set, random } = input;
  const options = input.options ?? analysis.config.measurements ?? DEFAULT_MEASUREMENT_OPTIONS;
  const classification = classifyMeasurements(set, analysis, options);
  const groupings = input.groupBy.map((field) => ({ field, hamletKeys: report.hamlets.map((result) => (Object.hasOwn(result.groupKeys, field) ? result.groupKeys[field] : '—')) }));
  const calibration = calibrateRadii(set, classification, [...analysis.input.btsRecords, ...analysis.extraRecords], analysis.config, options, random);
  const measurements = buildMeasurementReport({
    set,
    classification,
    groupings,
    hamletIds: analysis.input.hamlets.map((hamlet) => hamlet.id),
    targets: speedTargetsOf(analysis.config.targets),
    options,
    calibration,
    skipped: input.skipped,
  });
  for (const field of input.groupBy) {
    const units = Object.hasOwn(report.groups, field) ? report.groups[field] : [];
    const unitOf = new Map(units.map((unit) => [unit.key, unit]));
    for (const rows of [measurements.units, measurements.byOperator, measurements.fixedUnits, measurements.byTechnology]) {
      if (!Object.hasOwn(rows, field)) continue;
      for (const row of rows[field]) {
        const unit = unitOf.get(row.key);
        if (unit) Object.assign(row, { label: unit.label, parentLabel: unit.parentLabel });
      }
    }
  }
  return { classification, measurements, targets: applyMeasuredTargets(report.targets, measurements.overall, measurements.period) };
}
