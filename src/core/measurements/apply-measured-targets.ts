import type { TargetResult } from '../types';
import type { MeasurementPeriod } from './measurement-period';
import type { SpeedSummary } from './summarize-speeds';

function describePeriod(period: MeasurementPeriod): string {
  if (period.from === null || period.to === null) return `undated ${period.months} months`;
  return period.from === period.to ? period.from : `${period.from} – ${period.to}`;
}

/**
 * Puts the measured speeds into the plan's speed targets: `mobile-speed-mbps` from the province's
 * mobile-broadband tests and `fixed-speed-mbps` from its Wi-Fi and fixed-line tests, as their mean
 * download (the figure i-Speed publishes), when the province meets the publication rule. The
 * source then reads `measured: N tests, 2025-01 – 2025-03` (`undated 3 months` for undated tiles).
 * Otherwise the target keeps its typed indicator (or stays missing), and its source adds
 * `; measured: not enough samples (N tests, <period>)`.
 * @param targets the evaluated targets (see `evaluateTargets`)
 * @param overall the province's mobile and fixed speed figures (null: no such test)
 * @param period the measurement period
 * @returns the targets, the two speed rows replaced where measured
 * @throws never
 * @example applyMeasuredTargets(report.targets, { mobile, fixed: null }, period).find((row) => row.id === 'mobile-speed-mbps')?.source // 'measured: 1200 tests, 2025-01 – 2025-03'
 */
export function applyMeasuredTargets(targets: readonly TargetResult[], overall: { mobile: SpeedSummary | null; fixed: SpeedSummary | null }, period: MeasurementPeriod): TargetResult[] {
  return targets.map((target) => {
    const measured = target.id === 'mobile-speed-mbps' ? overall.mobile : target.id === 'fixed-speed-mbps' ? overall.fixed : undefined;
    if (measured === undefined || measured === null) return target;
    if (!measured.enoughSamples || measured.meanDownMbps === null) {
      return { ...target, source: `${target.source}; measured: not enough samples (${measured.tests} tests, ${describePeriod(period)})` };
    }
    const value = measured.meanDownMbps;
    const met = target.comparator === '>' ? value > target.target : value >= target.target - 1e-12;
    return { ...target, value, met, source: `measured: ${measured.tests} tests, ${describePeriod(period)}` };
  });
}

/** The targets field tests can give a value to. */
export const MEASURED_TARGET_IDS: readonly string[] = ['mobile-speed-mbps', 'fixed-speed-mbps'];

/**
 * The targets as the plan reads them when field tests were judged: each speed target from the tests'
 * targets (see {@link applyMeasuredTargets}), every other target from the current analysis.
 * @param analysed the current analysis's targets
 * @param measured the targets with the measured speeds in, or undefined without tests
 * @returns the targets in the analysis's order (the analysis's own list without tests)
 * @example withMeasuredTargets(report.targets, evidence?.targets).find((row) => row.id === 'mobile-speed-mbps')?.source // 'measured: 957 tests, 2025-01 – 2025-02'
 */
export function withMeasuredTargets(analysed: readonly TargetResult[], measured: readonly TargetResult[] | undefined): TargetResult[] {
  if (measured === undefined) return [...analysed];
  return analysed.map((target) => (MEASURED_TARGET_IDS.includes(target.id) ? (measured.find((row) => row.id === target.id) ?? target) : target));
}
