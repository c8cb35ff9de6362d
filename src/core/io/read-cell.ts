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
 * A cell value quoted for a message: strings in double quotes (cut at 60 characters), other values as JSON.
 * @param raw a cell or property value
 * @returns e.g. `"abc"`, `12`, `null`
 * @throws never
 * @example describeValue('abc') // '"abc"'
 */
export function describeValue(raw: unknown): string {
  if (typeof raw === 'number' && !Number.isFinite(raw)) return String(raw);
  const json = typeof raw === 'string' ? JSON.stringify(raw) : JSON.stringify(raw) ?? String(raw);
  return json.length > 60 ? `${json.slice(0, 56)}...${json.startsWith('"') ? '"' : ''}` : json;
}
