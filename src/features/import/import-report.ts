import { appendAll, type CrsReport, type ParsedInputBytes, type SkippedItem, type Warning } from '../../core';
import type { ImportKind } from './column-mapping';

/** What the user sees after an import (or a refused file). */
export interface ImportReport {
  fileName: string;
  kind: ImportKind;
  rowsRead: number;
  rowsUsed: number;
  skipped: SkippedItem[];
  warnings: Warning[];
  /** A whole-file problem: nothing was imported. */
  error: string | null;
  /** The error's code from core (`file-too-large`, `invalid-archive`…), when it gave one. */
  errorCode?: string;
  format?: string;
  encoding?: string;
  sheet?: { name: string; names: string[] };
  crs?: CrsReport;
  /** Parse time inside the import worker. */
  parseMs?: number;
  /** Set when the file was refused for its size, before it was read. */
  size?: { sizeBytes: number; limitBytes: number };
}

/** A report for a file that could not be used at all. */
export function failedReport(fileName: string, kind: ImportKind, message: string, errorCode?: string): ImportReport {
  return { fileName, kind, rowsRead: 0, rowsUsed: 0, skipped: [], warnings: [], error: message, ...(errorCode === undefined ? {} : { errorCode }) };
}

/** One report for a parsed file: its summaries (fibre points and routes are two) added up. */
export function reportFromParsed(fileName: string, kind: ImportKind, parsed: ParsedInputBytes, parseMs?: number): ImportReport {
  const report: ImportReport = { fileName, kind, rowsRead: 0, rowsUsed: 0, skipped: [], warnings: [], error: null, format: parsed.format };
  for (const summary of parsed.summaries) {
    report.rowsRead += summary.rowsRead;
    report.rowsUsed += summary.rowsUsed;
    appendAll(report.skipped, summary.skipped);
    appendAll(report.warnings, summary.warnings);
  }
  if (parsed.encoding !== undefined) report.encoding = parsed.encoding;
  if (parsed.sheet !== undefined) report.sheet = parsed.sheet;
  if (parsed.crs !== undefined) report.crs = parsed.crs;
  if (parseMs !== undefined) report.parseMs = Math.round(parseMs);
  return report;
}

/** Warning codes that show the file may be in the wrong place: swapped axes, outside Vietnam. */
export const PLACEMENT_CODES: readonly string[] = ['swapped-coordinates', 'swapped-layer', 'outside-vietnam', 'crs-unknown', 'crs-contradicts-declaration'];

const csvCell = (value: string | number): string => {
  const text = String(value);
  // A leading = + - @ would run as a formula in Excel: prefix a quote (as the hamlet export does).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The report as CSV (UTF-8 with BOM, opens in Excel): one line per fact, skipped row and warning,
 * columns `type,where,code,message`.
 */
export function formatImportReportCsv(report: ImportReport): string {
  const rows: (string | number)[][] = [['type', 'where', 'code', 'message']];
  rows.push(['file', report.fileName, report.kind, report.format ?? '']);
  if (report.error !== null) rows.push(['error', report.fileName, report.errorCode ?? '', report.error]);
  rows.push(['rows-read', report.fileName, '', report.rowsRead], ['rows-used', report.fileName, '', report.rowsUsed], ['rows-skipped', report.fileName, '', report.skipped.length]);
  if (report.encoding) rows.push(['encoding', report.fileName, '', report.encoding]);
  if (report.sheet) rows.push(['sheet', report.fileName, '', report.sheet.name]);
  if (report.crs) rows.push(['coordinate-system', report.fileName, `${report.crs.source}:${report.crs.confidence}`, `${report.crs.crsId} (${report.crs.crsLabel})${report.crs.isSwapped ? ', swapped' : ''}: ${report.crs.description}`]);
  for (const item of report.skipped) rows.push(['skipped', item.where, 'row-skipped', item.reason]);
  for (const warning of report.warnings) rows.push(['warning', warning.where ?? report.fileName, warning.code, warning.message]);
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The report as plain text for a reader, with `label(code)` naming warning codes in the user's language.
 * `headings` gives the translated section titles and counts.
 */
export function formatImportReportText(report: ImportReport, headings: { title: string; counts: string[]; crs: string | null; skipped: string; warnings: string }, label: (code: string) => string): string {
  const lines = [headings.title, '', ...headings.counts];
  if (report.error !== null) lines.push('', report.error);
  if (headings.crs !== null) lines.push('', headings.crs);
  if (report.skipped.length > 0) lines.push('', `${headings.skipped}:`);
  for (const item of report.skipped) lines.push(`  ${item.where}: ${item.reason}`);
  if (report.warnings.length > 0) lines.push('', `${headings.warnings}:`);
  for (const warning of report.warnings) lines.push(`  [${label(warning.code)}] ${warning.where ? `${warning.where}: ` : ''}${warning.message}`);
  return `${lines.join('\n')}\n`;
}
