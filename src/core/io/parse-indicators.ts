import { DEFAULT_CONFIG } from '../config/default-config';
import { listOf, message, quotedValue, type Message } from '../messages';
import type { ImportResult, IndicatorValue, PlanTarget } from '../types';
import { INDICATOR_COLUMN_ALIASES, createColumnResolver, normalizeColumnName, resolveColumns } from './column-aliases';
import { ImportCollector } from './import-collector';
import { CoverageInputError } from './input-error';
import type { DataTable } from './data-table';
import { parseCsvTable } from './parse-csv-table';
import { parseLocaleNumber } from './parse-number';
import { placeLabel, readCellText, readOwn } from './read-cell';
import { isRecord, readJsonInput } from './read-feature-collection';

type IndicatorField = keyof typeof INDICATOR_COLUMN_ALIASES;
type IndicatorColumns = Partial<Record<IndicatorField, string>>;

/**
 * Reads plan indicators that geodata cannot compute (subscriptions, i-Speed, cloud use…) from CSV with
 * the columns `indicator`/`chi_tieu`, `value`/`gia_tri`, `date`/`ngay`, `source`/`nguon`.
 *
 * The indicator is matched to a target by id or by label, ignoring case, diacritics and punctuation, and
 * written as the target id. Values accept decimal commas and a trailing `%`. For a target whose unit is
 * `share`, a value written with `%` or greater than 1 is a percentage and is divided by 100 (`85 %`,
 * `85` and `0,85` all give 0.85); a share outside [0, 1] afterwards is kept with a warning
 * (`share-out-of-range`). Other units take the number as written (`%` is then warned about as
 * `unexpected-percent`). An indicator that matches no target is kept as written with a warning
 * (`unknown-indicator`); its `%` values are divided by 100. Rows without an indicator or a numeric value
 * are skipped with the reason. `source` is the `source`/`nguon` cell, or `file:row` when it is blank.
 * @param text the CSV file as text
 * @param file label of the file, used in `source`, `where` and messages
 * @param targets the plan targets indicators are matched against; defaults to `DEFAULT_CONFIG.targets`
 * @returns the indicator values and everything that was skipped or warned about
 * @throws {CoverageInputError} `empty-file`
 * @example
 * parseIndicatorsCsv('chi_tieu;gia_tri;ngay\nftth-households;85 %;2024-12-31\n', 'chi-tieu.csv').items
 * // [{ indicator: 'ftth-households', value: 0.85, date: '2024-12-31', source: 'chi-tieu.csv:1' }]
 */
export function parseIndicatorsCsv(text: string, file: string, targets: readonly PlanTarget[] = DEFAULT_CONFIG.targets): ImportResult<IndicatorValue> {
  return parseIndicatorsTable(parseCsvTable(text, file), file, targets);
}

/**
 * Reads plan indicators from a table of any source (CSV, an Excel sheet): the rules of {@link parseIndicatorsCsv}.
 * @param table headers, text records and their row numbers (see `parseCsvTable`, `readXlsxTable`)
 * @param file label of the table, used in `source`, `where` and messages
 * @param targets the plan targets indicators are matched against; defaults to `DEFAULT_CONFIG.targets`
 * @returns the indicator values and everything that was skipped or warned about
 * @throws never
 * @example parseIndicatorsTable({ headers: ['indicator', 'value'], rows: [{ indicator: 'cloud-use', value: '80 %' }], rowNumbers: [2], warnings: [] }, 'chi-tieu.xlsx').items[0].value // 0.8
 */
export function parseIndicatorsTable(table: DataTable, file: string, targets: readonly PlanTarget[] = DEFAULT_CONFIG.targets): ImportResult<IndicatorValue> {
  const columns = resolveColumns(table.headers, INDICATOR_COLUMN_ALIASES);
  const collector = new ImportCollector<IndicatorValue>('rows');
  table.warnings.forEach((warning) => collector.warnOnce(warning));
  table.rows.forEach((record, index) => addIndicator(record, columns, `${file}:${table.rowNumbers[index]}`, 'column', targets, collector));
  return collector.finish();
}

/**
 * Reads plan indicators from JSON: an array of row objects, or `{ "rows": [...] }`, with the keys of
 * {@link parseIndicatorsCsv}; `value` may be a number or text. Rules are those of `parseIndicatorsCsv`.
 * @param json JSON text or the parsed value
 * @param file label of the file, used in `source`, `where` (`file#index`) and messages
 * @param targets the plan targets indicators are matched against; defaults to `DEFAULT_CONFIG.targets`
 * @returns the indicator values and everything that was skipped or warned about
 * @throws {CoverageInputError} `empty-file`, `invalid-json`, or `not-a-row-list` when the value is neither
 *   an array nor an object with a `rows` array
 * @example
 * parseIndicatorsJson({ rows: [{ indicator: 'mobile-speed-mbps', value: 42.5 }] }, 'chi-tieu.json').items
 * // [{ indicator: 'mobile-speed-mbps', value: 42.5, source: 'chi-tieu.json#0' }]
 */
export function parseIndicatorsJson(json: unknown, file: string, targets: readonly PlanTarget[] = DEFAULT_CONFIG.targets): ImportResult<IndicatorValue> {
  const value = readJsonInput(json, file);
  const rows = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.rows) ? value.rows : null;
  if (rows === null) {
    throw new CoverageInputError({ code: 'not-a-row-list', file, params: { keys: listOf(isRecord(value) ? Object.keys(value) : [], { quoted: true }) } });
  }
  const collector = new ImportCollector<IndicatorValue>('rows');
  const columnsOf = createColumnResolver(INDICATOR_COLUMN_ALIASES);
  rows.forEach((row: unknown, index: number) => {
    const where = `${file}#${index}`;
    if (!isRecord(row)) {
      collector.skip(where, message('row-not-object', { value: quotedValue(row) }));
      return;
    }
    addIndicator(row, columnsOf(Object.keys(row)), where, 'key', targets, collector);
  });
  return collector.finish();
}

function addIndicator(
  record: Record<string, unknown>,
  columns: IndicatorColumns,
  where: string,
  noun: 'column' | 'key',
  targets: readonly PlanTarget[],
  collector: ImportCollector<IndicatorValue>,
): void {
  const cell = (field: IndicatorField): unknown => (columns[field] === undefined ? undefined : readOwn(record, columns[field]));
  const label = (field: IndicatorField): Message => placeLabel(columns[field], INDICATOR_COLUMN_ALIASES[field], noun === 'key');

  const reasons: Message[] = [];
  const indicatorText = readCellText(cell('indicator'));
  if (indicatorText === '') reasons.push(message('missing-indicator', { at: label('indicator') }));
  const rawValue = cell('value');
  const reading = readIndicatorNumber(rawValue);
  if (reading === 'absent') reasons.push(message('missing-value', { at: label('value') }));
  else if (reading === 'invalid') reasons.push(message('value-not-number', { value: quotedValue(rawValue), at: label('value') }));
  if (reasons.length > 0 || typeof reading === 'string') {
    const [first, ...also] = reasons;
    collector.skip(where, first, also);
    return;
  }

  const target = findTarget(indicatorText, targets);
  let value = reading.value;
  if (target === undefined) {
    collector.warn(message('unknown-indicator', { value: quotedValue(indicatorText) }), where);
    if (reading.hasPercent) value /= 100;
  } else if (target.unit === 'share') {
    if (reading.hasPercent || value > 1) value /= 100;
    if (value < 0 || value > 1) collector.warn(message('share-out-of-range', { value: quotedValue(rawValue), target: target.id }), where);
  } else if (reading.hasPercent) {
    collector.warn(message('unexpected-percent', { value: quotedValue(rawValue), target: target.id }), where);
  }

  const indicator: IndicatorValue = { indicator: target?.id ?? indicatorText, value, source: where };
  const date = readCellText(cell('date'));
  if (date !== '') indicator.date = date;
  const source = readCellText(cell('source'));
  if (source !== '') indicator.source = source;
  collector.use(indicator);
}

function readIndicatorNumber(raw: unknown): { value: number; hasPercent: boolean } | 'absent' | 'invalid' {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw, hasPercent: false } : 'invalid';
  const text = readCellText(raw);
  if (text === '') return 'absent';
  const hasPercent = text.endsWith('%');
  const value = parseLocaleNumber(hasPercent ? text.slice(0, -1) : text, { ambiguousSeparator: 'decimal' });
  return value === null ? 'invalid' : { value, hasPercent };
}

function findTarget(indicator: string, targets: readonly PlanTarget[]): PlanTarget | undefined {
  const key = normalizeColumnName(indicator);
  if (key === '') return undefined;
  return targets.find((target) => normalizeColumnName(target.id) === key) ?? targets.find((target) => normalizeColumnName(target.label) === key);
}
