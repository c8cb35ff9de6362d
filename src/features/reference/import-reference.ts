import type { ParsedReferenceLayer } from '../../core';
import { useReferenceStore } from '../../state/reference-store';
import { parseReferenceInWorker } from '../../worker/client';
import { readCompanions, type ImportJob, type ImportProgress } from '../import/import-file';
import { failedReport, type ImportReport } from '../import/import-report';
import { readFileBytes } from '../import/read-file-bytes';

/** The import report of a reference layer read: features read and kept, the readers' warnings, its coordinate system. */
export function reportFromReference(fileName: string, parsed: ParsedReferenceLayer, parseMs: number): ImportReport {
  return { fileName, kind: 'reference', rowsRead: parsed.features.length + parsed.skipped, rowsUsed: parsed.features.length, skipped: [], warnings: parsed.warnings, problem: null, crs: parsed.crs, parseMs: Math.round(parseMs) };
}

/** Reads a reference layer's file (with progress) and parses it in the import worker. */
export async function parseReferenceJob(job: ImportJob, onProgress: (progress: ImportProgress) => void, signal?: AbortSignal): Promise<{ kind: 'parsed'; parsed: ParsedReferenceLayer; report: ImportReport } | { kind: 'failed'; report: ImportReport }> {
  onProgress({ phase: 'reading', share: 0 });
  const bytes = await readFileBytes(job.file, (share) => onProgress({ phase: 'reading', share }), signal);
  // A MapInfo table's .dat, .map and .id, picked with it.
  const companions = await readCompanions(job);
  onProgress({ phase: 'parsing', share: null });
  const response = await parseReferenceInWorker({ fileName: job.fileName, bytes, options: job.crs === undefined ? {} : { crs: job.crs }, ...(companions.length > 0 ? { companions } : {}) });
  if (response.kind === 'error') return { kind: 'failed', report: failedReport(job.fileName, 'reference', response.problem) };
  return { kind: 'parsed', parsed: response.parsed, report: reportFromReference(job.fileName, response.parsed, response.durationMs) };
}

/** Adds the layer read (or, with `replace`, makes it the only one). */
export function commitReference(parsed: ParsedReferenceLayer, mode: 'replace' | 'add'): void {
  const { actions } = useReferenceStore.getState();
  if (mode === 'replace') actions.load([]);
  actions.add(parsed);
}
