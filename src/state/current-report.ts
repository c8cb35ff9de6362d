// The current analysis as the plan reads it: its report with the field tests' speed targets in (the
// KPI panel's targets), for what is kept, compared and reported from the current data.
import { withMeasuredTargets, type CoverageReport, type TargetResult } from '../core';
import { useAnalysisStore } from './analysis-store';
import { useMeasurementsStore } from './measurements-store';

let memo: { report: CoverageReport; measured: readonly TargetResult[]; merged: CoverageReport } | null = null;

/**
 * The report with the measured speed targets in; the same object while neither input changes, so a
 * comparison with it is not recomputed.
 * @param report the current analysis's report
 * @param measured the targets of the judged field tests, or undefined without tests
 * @returns the report itself without tests
 */
export function withMeasuredSpeeds(report: CoverageReport | null, measured: readonly TargetResult[] | undefined): CoverageReport | null {
  if (report === null || measured === undefined) return report;
  if (memo && memo.report === report && memo.measured === measured) return memo.merged;
  const merged = { ...report, targets: withMeasuredTargets(report.targets, measured) };
  memo = { report, measured, merged };
  return merged;
}

/** The current report with the measured speed targets in, now. */
export function currentReport(): CoverageReport | null {
  return withMeasuredSpeeds(useAnalysisStore.getState().report, useMeasurementsStore.getState().result?.targets);
}

/** The current report with the measured speed targets in, as a hook. */
export function useCurrentReport(): CoverageReport | null {
  const report = useAnalysisStore((state) => state.report);
  const measured = useMeasurementsStore((state) => state.result?.targets);
  return withMeasuredSpeeds(report, measured);
}
