import { appendAll, isInputProblem, writeCsv, type CrsReport, type CsvDialect, type InputProblem, type ParsedInputBytes, type SkippedItem, type Warning } from '../../core';
import { nameCrs } from '../../i18n/crs-name';
import type { DuplicateChoice } from '../../core';
import type { MessageKey } from '../../i18n/dictionary';
import { formatNumber, type Locale } from '../../i18n/format';
import { formatInputProblem, formatMessages, formatSkipped, formatWarning } from '../../i18n/format-message';
import { hasMessageKey, translate } from '../../i18n/translate';
import type { ImportKind } from './column-mapping';

/** What the user sees after an import (or a refused file). */
export interface ImportReport {
  fileName: string;
  kind: ImportKind;
  rowsRead: number;
  rowsUsed: number;
  skipped: SkippedItem[];
  warnings: Warning[];
  /** A whole-file problem: nothing was imported and the current layer is unchanged. */
  problem: InputProblem | null;
  format?: string;
  encoding?: string;
  sheet?: { name: string; names: string[] };
  crs?: CrsReport;
  /** Parse time inside the import worker (for measurements; not shown). */
  parseMs?: number;
  /** Set when the file was refused for its size, before it was read. */
  size?: { sizeBytes: number; limitBytes: number };
  /** A hamlet list built into approximate hamlets: the commune file, what was built and matched. */
  approximate?: { communeFile: string; hamlets: number; communes: number; voronoi: number; commune: number; unmatched: number };
  /** Fibre points and routes that name no operator (counted for every operator, left out by an operator filter), of all. */
  fibreWithoutOperator?: { count: number; total: number };
  /** Sites added to a layer that already held some of them: how many, and what the user chose. */
  duplicates?: { choice: DuplicateChoice; count: number };
}

/** A report for a file that could not be used at all. */
export function failedReport(fileName: string, kind: ImportKind, problem: InputProblem): ImportReport {
  return { fileName, kind, rowsRead: 0, rowsUsed: 0, skipped: [], warnings: [], problem };
}

/**
 * Whatever was thrown while importing, as an input problem of the file: core's own problems as they are,
 * anything else (out of memory, a crashed worker) as "cannot be read", with the detail in the console.
 */
export function problemFromError(fileName: string, error: unknown): InputProblem {
  if (isInputProblem(error)) return { code: error.code, params: error.params, file: error.file, ...(error.where === undefined ? {} : { where: error.where }) };
  console.error(error);
  return { code: 'file-unreadable', params: {}, file: fileName };
}

/** One report for a parsed file: its summaries (fibre points and routes are two) added up. */
export function reportFromParsed(fileName: string, kind: ImportKind, parsed: ParsedInputBytes, parseMs?: number): ImportReport {
  const report: ImportReport = { fileName, kind, rowsRead: 0, rowsUsed: 0, skipped: [], warnings: [], problem: null, format: parsed.format };
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
  if (kind === 'fibre') {
    const items = [...(parsed.input.fibrePoints ?? []), ...(parsed.input.fibreRoutes ?? [])];
    const count = items.filter((item) => item.operator === undefined).length;
    if (count > 0) report.fibreWithoutOperator = { count, total: items.length };
  }
  return report;
}

/** Warning codes that show the file may be in the wrong place: swapped axes, outside Vietnam, an unknown system. */
export const PLACEMENT_CODES: readonly string[] = ['swapped-coordinates', 'swapped-layer', 'outside-vietnam', 'crs-unknown', 'crs-degrees-but-metres', 'crs-chosen-but-degrees', 'crs-prj-but-degrees', 'crs-declared-but-degrees'];

/** A key built from data (a format or encoding name) when the dictionary has it, else the text as it is. */
function named(locale: Locale, key: string, fallback: string): string {
  return hasMessageKey(key) ? translate(locale, key as MessageKey) : fallback;
}

/** The file's format in words (`Shapefile nén (.zip)`). */
export function formatName(locale: Locale, format: string): string {
  return named(locale, `import.formatName.${format}`, format);
}

/** A text encoding in words (`Windows-1258 (bảng mã tiếng Việt)`). */
export function encodingName(locale: Locale, encoding: string): string {
  return named(locale, `import.encodingName.${encoding.toLowerCase()}`, encoding);
}

/** The coordinate-system line: the system by name, how it was decided, swapped axes, and a guess's reasons. */
export function describeCrs(locale: Locale, crs: CrsReport): string {
  const line = translate(locale, 'import.crsLine', { crs: nameCrs(crs.crsId, crs.crsLabel, locale), source: translate(locale, `import.crsSource.${crs.source}`) });
  const swapped = crs.isSwapped ? ` ${translate(locale, 'import.crsSwapped')}` : '';
  const reasons = crs.source === 'guess' && crs.description.length > 0 ? ` ${capitalise(formatMessages(locale, crs.description))}.` : '';
  return `${line}${swapped}${reasons}`;
}

/** The three counts, in words. */
export function reportCounts(locale: Locale, report: ImportReport): string[] {
  return [
    translate(locale, 'import.rowsRead', { count: formatNumber(report.rowsRead, locale) }),
    translate(locale, 'import.rowsUsed', { count: formatNumber(report.rowsUsed, locale) }),
    translate(locale, 'import.rowsSkipped', { count: formatNumber(report.skipped.length, locale) }),
  ];
}

/** The lines on approximate hamlets built from a hamlet list: what was built (from which commune file), and what was matched. */
export function describeApproximate(locale: Locale, approximate: NonNullable<ImportReport['approximate']>): [built: string, matched: string] {
  const n = (value: number) => formatNumber(value, locale);
  return [
    `${translate(locale, 'approx.built', { count: n(approximate.hamlets), communes: n(approximate.communes), voronoi: n(approximate.voronoi), commune: n(approximate.commune) })} (${approximate.communeFile})`,
    translate(locale, 'approx.matched', { matched: n(approximate.hamlets), unmatched: n(approximate.unmatched) }),
  ];
}

/** The line on fibre that names no operator. */
export function describeFibreWithoutOperator(locale: Locale, fibre: NonNullable<ImportReport['fibreWithoutOperator']>): string {
  return translate(locale, 'import.fibreNoOperator', { count: formatNumber(fibre.count, locale), total: formatNumber(fibre.total, locale) });
}

/** Why the file was refused, in words, naming it. */
export function describeProblem(locale: Locale, problem: InputProblem): string {
  return translate(locale, 'import.failed', { message: formatInputProblem(locale, problem) });
}

/**
 * The report as CSV for a spreadsheet, in the user's language: one line per fact, skipped row and
 * warning, columns item, place, details, code. Written by core's `writeCsv` (formula-escaped; `excel-vn`
 * for Excel on a Vietnamese-locale PC).
 */
export function formatImportReportCsv(report: ImportReport, locale: Locale, dialect: CsvDialect = 'standard'): string {
  const label = (key: MessageKey) => translate(locale, key);
  const rows: (string | number)[][] = [[label('import.csv.file'), report.fileName, translate(locale, `import.kind.${report.kind}`), '']];
  if (report.format) rows.push([label('import.csv.format'), report.fileName, formatName(locale, report.format), report.format]);
  if (report.problem !== null) rows.push([label('import.csv.error'), report.problem.where ?? report.fileName, formatInputProblem(locale, report.problem), report.problem.code]);
  rows.push(
    [label('import.csv.rowsRead'), report.fileName, report.rowsRead, ''],
    [label('import.csv.rowsUsed'), report.fileName, report.rowsUsed, ''],
    [label('import.csv.rowsSkipped'), report.fileName, report.skipped.length, ''],
  );
  if (report.encoding) rows.push([label('import.csv.encoding'), report.fileName, encodingName(locale, report.encoding), report.encoding]);
  if (report.sheet) rows.push([label('import.csv.sheet'), report.fileName, report.sheet.name, '']);
  if (report.crs) rows.push([label('import.csv.crs'), report.fileName, describeCrs(locale, report.crs), report.crs.crsId]);
  if (report.approximate) for (const line of describeApproximate(locale, report.approximate)) rows.push([label('approx.communesLayer'), report.approximate.communeFile, line, '']);
  if (report.fibreWithoutOperator) rows.push([label('import.csv.warning'), report.fileName, describeFibreWithoutOperator(locale, report.fibreWithoutOperator), '']);
  for (const item of report.skipped) rows.push([label('import.csv.skipped'), item.where, formatSkipped(locale, item), item.code]);
  for (const warning of report.warnings) rows.push([label('import.csv.warning'), warning.where ?? report.fileName, formatWarning(locale, warning), warning.code]);
  return writeCsv(translate(locale, 'import.csv.header').split('|'), rows, { dialect });
}

/** The report as plain text for a reader, in the user's language. */
export function formatImportReportText(report: ImportReport, locale: Locale): string {
  const lines = [translate(locale, 'import.report', { file: report.fileName }), '', ...reportCounts(locale, report)];
  if (report.format) lines.push(translate(locale, 'import.formatLine', { format: formatName(locale, report.format) }));
  if (report.problem !== null) lines.push('', describeProblem(locale, report.problem));
  if (report.crs) lines.push('', describeCrs(locale, report.crs));
  if (report.approximate) {
    const [built, matched] = describeApproximate(locale, report.approximate);
    lines.push('', built, matched);
  }
  if (report.fibreWithoutOperator) lines.push('', describeFibreWithoutOperator(locale, report.fibreWithoutOperator));
  // Line by line: a report of 200,000 skipped rows must not be spread into one call.
  if (report.skipped.length > 0) {
    lines.push('', `${translate(locale, 'import.skippedTitle')}:`);
    for (const item of report.skipped) lines.push(`  ${item.where}: ${formatSkipped(locale, item)}`);
  }
  if (report.warnings.length > 0) {
    lines.push('', `${translate(locale, 'import.warnings')}:`);
    for (const warning of report.warnings) lines.push(`  ${warning.where ? `${warning.where}: ` : ''}${formatWarning(locale, warning)}`);
  }
  return `${lines.join('\n')}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
