// The annual report from the app: the same content builder and Word writer as `npm run report`, the
// writer (and the docx library) loaded on the first report only, never with the app.
import { buildAnnualReport, snapshotResultsOf } from '../../core';
import type { Locale } from '../../i18n/format';
import type { UnitGrouping } from '../../print/print-content';
import { currentReport } from '../../state/current-report';
import { whenAnalysisSettled } from '../../state/run-analysis';
import { selectChange, selectComparedResults, usePlanStore, type CompareSettings } from '../../state/plan-store';
import { useSettingsStore } from '../../state/settings-store';
import { downloadFile } from '../download-file';

export interface ReportOptions {
  number: string;
  reportDate: string;
  asOf: string;
  withChange: boolean;
  /** The maps from the print layout: null for none, else the whole area and one per unit of these groupings. */
  maps: { groupings: UnitGrouping[] } | null;
  locale: Locale;
  /** Progress of the maps (the slow part): how far (0–1), of how many maps. */
  onMapProgress?(fraction: number, maps: number): void;
  /** Stops the maps between two pictures (an AbortError). */
  signal?: AbortSignal;
}

/** The comparison settings of the current analysis. */
export function compareSettings(): CompareSettings {
  const settings = useSettingsStore.getState();
  return { coveredThreshold: settings.coveredThreshold, matchMeters: settings.colocationMeters };
}

/**
 * Builds the report of the later results (the later snapshot, or the current analysis), with the
 * change since the earlier snapshot when asked, and downloads it.
 * @returns the file name
 */
export async function downloadAnnualReport(options: ReportOptions): Promise<string> {
  // A plan, setting or filter changed just before: its analysis first, so the report has its figures.
  await whenAnalysisSettled();
  const plan = usePlanStore.getState();
  const report = currentReport();
  const settings = compareSettings();
  const compared = selectComparedResults(plan, report, settings.coveredThreshold);
  const results = compared ? compared.after : report ? snapshotResultsOf(report, settings.coveredThreshold) : null;
  if (!results) throw new Error('no results yet');
  const change = options.withChange && compared ? selectChange(plan, report, settings) : null;
  // The map is a picture of the current print layout, so only a report on the current data gets one.
  const isCurrent = !compared || compared.afterSnapshot === null;
  const images =
    options.maps && isCurrent
      ? await (await import('./render-report-maps')).renderReportMaps({ groupings: options.maps.groupings, dataDate: options.asOf, onProgress: options.onMapProgress, signal: options.signal })
      : [];
  const content = buildAnnualReport({
    profile: plan.profile,
    results,
    asOf: options.asOf,
    reportDate: options.reportDate,
    number: options.number.trim() === '' ? null : options.number.trim(),
    ...(change && compared ? { earlier: { label: compared.before.label, asOf: compared.before.asOf, change } } : {}),
    mapKeys: images.map((image) => image.key),
  });
  const { writeReportDocx } = await import('../../print/annual-report/write-report-docx');
  const bytes = await writeReportDocx(content, { locale: options.locale, images });
  const fileName = `bao-cao-${options.asOf}.docx`;
  downloadFile(bytes, fileName, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  return fileName;
}
