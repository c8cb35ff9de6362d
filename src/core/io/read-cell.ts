import { listOf, message, type Message } from '../messages';
import { parseLocaleNumber, type ParseNumberOptions } from './parse-number';

/** An optional numeric cell: absent (blank), a number, or something that is not a number. */
export type OptionalNumber = { kind: 'absent' } | { kind: 'number'; value: number } | { kind: 'invalid' };

/**
 * The text of a cell or property: strings trimmed, finite numbers and booleans written out, anything
 * else (`null`, objects, missing) as `''`.
 * @param raw a CSV cell or GeoJSON property value
 * @returns trimmed text, `''` when there is none
 * @throws never
 * @example readCellText(12) // '12'
 */
export function readCellText(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : '';
  if (typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  return '';
}

/**
 * Reads an optional numeric cell with {@link parseLocaleNumber}.
 * @param raw a CSV cell or GeoJSON property value
 * @param options how to read an ambiguous single separator
 * @returns `absent` for a blank or missing cell, `number`, or `invalid`
 * @throws never
 * @example readOptionalNumber('1.500', { ambiguousSeparator: 'thousands' }) // { kind: 'number', value: 1500 }
 */
export function readOptionalNumber(raw: unknown, options: ParseNumberOptions): OptionalNumber {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { kind: 'absent' };
  const value = parseLocaleNumber(raw, options);
  return value === null ? { kind: 'invalid' } : { kind: 'number', value };
}

/**
 * A record's own value for a key (a CSV cell, a GeoJSON property), or `undefined`: a key such as
 * `constructor` or `__proto__` that the record does not itself hold never reads what `Object.prototype` has.
 * @param record a row or a feature's properties
 * @param key a column or property name from the file
 * @returns the value, or `undefined`
 * @throws never
 * @example readOwn({}, 'constructor') // undefined
 */
export function readOwn(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Where a field was read, for messages: the column (or property) found, or the names that were looked for.
 * @param column the header that matched, if any
 * @param aliases the accepted names of the field
 * @param isProperty GeoJSON properties rather than table columns
 * @returns `in-column` / `in-property` with the name, or `no-column` / `no-property` with the names looked for
 * @throws never
 * @example placeLabel('nha_mang', ['operator', 'nha_mang'], false) // { code: 'in-column', params: { column: 'nha_mang' } }
 */
export function placeLabel(column: string | undefined, aliases: readonly string[], isProperty: boolean): Message {
  if (column === undefined) return message(isProperty ? 'no-property' : 'no-column', { names: listOf(aliases, { quoted: false, max: 10 }) });
  return isProperty ? message('in-property', { property: column }) : message('in-column', { column });
}

/**
 * A record with no prototype, so that any column name read from a file (`__proto__`, `constructor`)
 * is an ordinary key holding its cell.
 * @param entries the keys and values
 * @returns the record
 * @throws never
 * @example Object.getPrototypeOf(plainRecord([['__proto__', 'x']])) // null
 */
export function plainRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}
