/** Options of {@link parseLocaleNumber}. */
export interface ParseNumberOptions {
  /**
   * How to read a value with a single `.` or `,` followed by exactly three digits and preceded by one to
   * three digits that do not start with 0 (`1.234`, `1,234`, `105,971`), the only case the text alone
   * cannot settle.
   * - `'decimal'`: both are decimal separators (`105,971` → 105.971). Use for coordinates and angles.
   * - `'thousands'`: both are thousands separators (`1.234` → 1234). Use for counts (households).
   * - absent: the English reading, as JavaScript and most exports write numbers: `1.234` → 1.234 and
   *   `1,234` → 1234.
   */
  ambiguousSeparator?: 'decimal' | 'thousands';
}

// Spaces people and spreadsheets put between digit groups: space, no-break, narrow no-break, thin.
const GROUP_SPACE = /[ \u00a0\u202f\u2009]/;
const EXPONENT_FORM = /^\d+(\.\d+)?[eE][+-]?\d+$/;
const DIGITS = /^\d*$/;

/**
 * Reads a number written the Vietnamese way (`105,9712`, `1.234`, `1.234,5`, `12 345`) or the English
 * way (`105.9712`, `1,234.5`). Never returns `NaN` or an infinity.
 *
 * Rules, applied to the trimmed text after an optional sign (`+`, `-` or `−`):
 * 1. Plain exponent form (`1.5e3`) is read as JavaScript reads it.
 * 2. Spaces between digits are thousands separators; the groups after the first must have 3 digits. The
 *    text may then hold one `.` or `,` after the groups, which is the decimal separator.
 * 3. Both `.` and `,` present: the last one is the decimal separator and may occur once; the other is the
 *    thousands separator, may only occur before it, and must split the integer part into groups of 3.
 * 4. One kind of separator occurring more than once: thousands separators, groups of 3 (`1.234.567`).
 * 5. One separator occurring once: decimal (`105,9712`, `0,85`, `9.6`), except the ambiguous case of
 *    exactly three digits after it and one to three before it not starting with 0 — see
 *    {@link ParseNumberOptions.ambiguousSeparator}.
 * Anything else (letters, units, `%`, empty text) is not a number.
 * @param text the cell as written; a finite number is returned as is, anything that is not a string
 *   or a finite number gives `null`
 * @param options how to read the ambiguous single separator
 * @returns the number, or `null` when the text is not a number
 * @throws never
 * @example parseLocaleNumber('105,9712') // 105.9712
 * @example parseLocaleNumber('1.234,5') // 1234.5
 * @example parseLocaleNumber('1.234', { ambiguousSeparator: 'thousands' }) // 1234
 * @example parseLocaleNumber('12 345') // 12345
 * @example parseLocaleNumber('85%') // null
 */
export function parseLocaleNumber(text: unknown, options: ParseNumberOptions = {}): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? normalizeZero(text) : null;
  if (typeof text !== 'string') return null;
  let body = text.trim().replace(/^\u2212/, '-');
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    if (body.startsWith('-')) sign = -1;
    body = body.slice(1);
  }
  const magnitude = readMagnitude(body, options);
  if (magnitude === null || !Number.isFinite(magnitude)) return null;
  return normalizeZero(sign * magnitude);
}

function normalizeZero(value: number): number {
  return value === 0 ? 0 : value;
}

function readMagnitude(body: string, options: ParseNumberOptions): number | null {
  if (body === '') return null;
  if (EXPONENT_FORM.test(body)) return Number(body);
  if (!/^[\d.,  \u00a0\u202f\u2009]+$/.test(body)) return null;

  if (GROUP_SPACE.test(body)) return readSpaceGrouped(body);

  const dots = count(body, '.');
  const commas = count(body, ',');
  if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    if (count(body, decimal) !== 1) return null;
    const [integerPart, fraction] = body.split(decimal);
    return joinGroups(integerPart.split(thousands), fraction);
  }
  if (dots + commas === 0) return DIGITS.test(body) ? Number(body) : null;

  const separator = dots > 0 ? '.' : ',';
  const parts = body.split(separator);
  if (parts.length > 2) return joinGroups(parts, '');

  const [integerPart, fraction] = parts;
  if (!DIGITS.test(integerPart) || !DIGITS.test(fraction) || integerPart + fraction === '') return null;
  const isAmbiguous = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integerPart);
  const readsAsThousands = isAmbiguous && (options.ambiguousSeparator ?? (separator === ',' ? 'thousands' : 'decimal')) === 'thousands';
  if (readsAsThousands) return Number(integerPart + fraction);
  return Number(`${integerPart || '0'}.${fraction || '0'}`);
}

function readSpaceGrouped(body: string): number | null {
  const match = /^([\d  \u00a0\u202f\u2009]+)(?:[.,](\d+))?$/.exec(body);
  if (match === null) return null;
  return joinGroups(match[1].split(GROUP_SPACE), match[2] ?? '');
}

/** `['1', '234', '567']` + `'5'` → 1234567.5; `null` unless every group after the first has 3 digits. */
function joinGroups(groups: string[], fraction: string): number | null {
  const [first, ...rest] = groups;
  if (!/^\d{1,3}$/.test(first) || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  if (!DIGITS.test(fraction)) return null;
  return Number(`${groups.join('')}.${fraction || '0'}`);
}

function count(text: string, character: string): number {
  let occurrences = 0;
  for (let index = text.indexOf(character); index >= 0; index = text.indexOf(character, index + 1)) occurrences += 1;
  return occurrences;
}
