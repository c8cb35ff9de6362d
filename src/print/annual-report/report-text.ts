// Turns the annual report's content (texts by code, raw numbers) into the reader's language: one
// translation and one number format for the Word document, the app's preview and the tests' readers.
import type { ReportCell, ReportText } from '../../core';
import { enAnnualReport, viAnnualReport, type AnnualReportKey } from '../../i18n/messages-annual-report';
import { formatIsoDate, formatNumber, formatPercent, formatTargetValue, type Locale } from '../../i18n/format';

const DICTIONARIES: Record<Locale, Record<AnnualReportKey, string>> = { vi: viAnnualReport, en: enAnnualReport };

/** The report's text for a code (`annual.…`), with `{name}` placeholders filled; numbers and ISO dates in the reader's notation. */
export function translateReportText(text: ReportText, locale: Locale): string {
  const dictionary = DICTIONARIES[locale];
  const template = (dictionary as Record<string, string | undefined>)[text.code] ?? text.code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const params = text.params ?? {};
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (typeof value === 'number') return formatNumber(value, locale);
    // An area's name inside a Vietnamese sentence starts in lower case: "trên địa bàn tỉnh Sóc Trăng".
    if (name === 'area' && locale === 'vi') return value.charAt(0).toLocaleLowerCase('vi') + value.slice(1);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value, locale);
    return value;
  });
}

/** A sentence of the report by key, with parameters (numbers in the language's notation). */
export function reportText(locale: Locale, code: AnnualReportKey, params?: Record<string, string | number>): string {
  return translateReportText(params ? { code, params } : { code }, locale);
}

/** A field-test period as the engine writes it (`2025-01 – 2025-03`, `undated 3 months`), in the reader's language. */
function periodText(period: string, locale: Locale): string {
  const undated = /^undated (\d+) months$/.exec(period);
  return undated ? reportText(locale, 'annual.periodUndated', { months: Number(undated[1]) }) : period;
}

function indicatorText(source: string, asOf: string, locale: Locale): string {
  if (source === 'engine') return reportText(locale, 'annual.source.engine', { asOf });
  if (source === 'missing') return reportText(locale, 'annual.missing');
  // The engine writes `indicator: <source> (<ISO date>)`.
  const text = source.replace(/^indicator:?\s*/, '').replace(/\((\d{4}-\d{2}-\d{2})\)$/, (_, date: string) => `(${formatIsoDate(date, locale)})`);
  return text.startsWith('entered') ? `${reportText(locale, 'annual.source.entered')}${text.slice('entered'.length)}` : text;
}

/**
 * A target's source in the reader's language: the engine (with the data's date), an indicator (its
 * source and date), field tests (`measured: N tests, <period>`), or an indicator the field tests were
 * too few to replace (`…; measured: not enough samples (N tests, <period>)`).
 */
function sourceText(source: string, asOf: string, locale: Locale): string {
  const measured = /^measured: (\d+) tests, (.+)$/.exec(source);
  if (measured) return reportText(locale, 'annual.source.measured', { tests: Number(measured[1]), period: periodText(measured[2], locale) });
  const [typed, tests] = source.split('; measured: not enough samples ');
  if (tests === undefined) return indicatorText(source, asOf, locale);
  const detail = /^\((\d+) tests, (.+)\)$/.exec(tests);
  return detail ? `${indicatorText(typed, asOf, locale)}; ${reportText(locale, 'annual.source.measuredNotEnough', { tests: Number(detail[1]), period: periodText(detail[2], locale) })}` : indicatorText(typed, asOf, locale);
}

function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text;
}

/**
 * A report cell as text: counts with thousands separators (`319.732`), shares as percentages with one
 * decimal (`85,3 %`), `—` for no value, `then → now` for a change.
 * @param cell the cell
 * @param locale `vi` or `en`
 * @returns the cell's text
 * @example formatReportCell({ kind: 'share', value: 0.8534 }, 'vi') // '85,3 %'
 */
export function formatReportCell(cell: ReportCell, locale: Locale): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'label':
      return translateReportText(cell.text, locale);
    case 'count':
      return cell.value === null ? '—' : formatNumber(cell.value, locale);
    case 'share':
      return cell.value === null ? '—' : formatPercent(cell.value, locale);
    case 'value':
      return formatTargetValue(cell.value, cell.unit, locale);
    case 'target':
      return `${cell.comparator === '>' ? '>' : '≥'} ${formatTargetValue(cell.value, cell.unit, locale)}`;
    case 'met':
      return reportText(locale, cell.met === null ? 'annual.missing' : cell.met ? 'annual.met' : 'annual.notMet');
    case 'source':
      return sourceText(cell.source, cell.asOf, locale);
    case 'change': {
      const format = (value: number | null) => (value === null ? '—' : cell.unit === 'share' ? formatPercent(value, locale) : formatNumber(value, locale));
      return `${format(cell.then)} → ${format(cell.now)}`;
    }
    case 'delta':
      return cell.unit === 'share'
        ? reportText(locale, 'annual.pointsDelta', { value: signed(formatNumber(cell.value * 100, locale, 1), cell.value) })
        : signed(formatNumber(cell.value, locale), cell.value);
  }
}
