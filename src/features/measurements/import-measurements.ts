import type { ParsedMeasurementBytes } from '../../core';
import { useMeasurementsStore } from '../../state/measurements-store';
import { parseMeasurementsInWorker } from '../../worker/client';
import type { ImportJob, ImportProgress } from '../import/import-file';
import { failedReport, type ImportReport } from '../import/import-report';
import { readFileBytes } from '../import/read-file-bytes';

/**
 * What the page reads for measurements: a year of a province's speed tests or a day of drive logs is
 * a few tens of MB; larger exports go through `npm run analyze -- --measurements`.
 */
export const BROWSER_MAX_MEASUREMENT_BYTES = 80 * 1024 * 1024;

/** The size refusal of a measurement file, or null when it may be read. */
export function refuseMeasurementsBySize(fileName: string, size: number): ImportReport | null {
  if (size <= BROWSER_MAX_MEASUREMENT_BYTES) return null;
  return {
    ...failedReport(fileName, 'measurements', { code: 'measurements-too-large-page', params: { sizeMb: Math.round(size / 1048576), limitMb: Math.round(BROWSER_MAX_MEASUREMENT_BYTES / 1048576) }, file: fileName }),
    size: { sizeBytes: size, limitBytes: BROWSER_MAX_MEASUREMENT_BYTES },
  };
}

/** The import report of a parsed measurement file. */
export function reportFromMeasurements(fileName: string, parsed: ParsedMeasurementBytes, parseMs: number): ImportReport {
  const report: ImportReport = { fileName, kind: 'measurements', rowsRead: parsed.rowsRead, rowsUsed: parsed.rowsUsed, skipped: parsed.skipped, warnings: parsed.warnings, problem: null, format: `${parsed.fileFormat} · ${parsed.format}`, parseMs: Math.round(parseMs) };
  if (parsed.encoding !== undefined) report.encoding = parsed.encoding;
  if (parsed.sheet !== undefined) report.sheet = parsed.sheet;
  if (parsed.crs !== undefined) report.crs = parsed.crs;
  return report;
}

/** Reads a measurement file (with progress) and parses it in the import worker (rows parsed reported as progress). */
export async function parseMeasurementJob(
  job: ImportJob,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<{ kind: 'parsed'; parsed: ParsedMeasurementBytes; report: ImportReport } | { kind: 'failed'; report: ImportReport; sheetNames?: string[] }> {
  const refused = refuseMeasurementsBySize(job.fileName, job.file.size);
  if (refused) return { kind: 'failed', report: refused };
  onProgress({ phase: 'reading', share: 0 });
  const bytes = await readFileBytes(job.file, (share) => onProgress({ phase: 'reading', share }), signal);
  onProgress({ phase: 'parsing', share: null });
  const response = await parseMeasurementsInWorker(
    { fileName: job.fileName, bytes, options: { ...(job.sheet === undefined ? {} : { sheet: job.sheet }), ...(job.crs === undefined ? {} : { crs: job.crs }) } },
    (done, total) => onProgress({ phase: 'parsing', share: total > 0 ? done / total : null }),
  );
  if (response.kind === 'error') return { kind: 'failed', report: failedReport(job.fileName, 'measurements', response.problem), ...(response.sheetNames ? { sheetNames: response.sheetNames } : {}) };
  return { kind: 'parsed', parsed: response.parsed, report: reportFromMeasurements(job.fileName, response.parsed, response.durationMs) };
}

/** Puts a parsed file's tests into the measurements (replace or add). A file with no usable test changes nothing. */
export function commitMeasurements(parsed: ParsedMeasurementBytes, mode: 'replace' | 'add'): void {
  if (parsed.set.count === 0) return;
  useMeasurementsStore.getState().actions.importSet(parsed.set, { fileName: parsed.file, format: parsed.format, rowsUsed: parsed.rowsUsed }, mode);
}
