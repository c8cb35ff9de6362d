// What a decoder expected and what it found (a plan file, a snapshot, a stored record), in the
// user's language: core gives them language-neutral (`number`, `>=0`, `"share" | "mbps"`,
// `undefined`), as the schema library writes them; a planner reads "một số", "≥ 0", "thiếu".
import { translate } from './translate';
import { formatNumber, type Locale } from './format';

// The schema library's type names, and the few values it writes for what it found.
const WORDS = new Map<string, 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null' | 'missing' | 'true' | 'false' | 'date'>([
  ['string', 'string'],
  ['number', 'number'],
  ['boolean', 'boolean'],
  ['Object', 'object'],
  ['object', 'object'],
  ['Array', 'array'],
  ['null', 'null'],
  ['undefined', 'missing'],
  ['never', 'missing'],
  ['true', 'true'],
  ['false', 'false'],
  ['Date', 'date'],
]);

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const COMPARISON = /^(>=|<=|!==|!=|!|>|<)\s*(.*)$/;
const SIGN: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '!': '≠', '!=': '≠', '!==': '≠' };

function formatToken(token: string, locale: Locale): string {
  const word = WORDS.get(token);
  if (word) return translate(locale, `decode.word.${word}`);
  if (NUMBER.test(token)) return formatNumber(Number(token), locale, 6);
  const comparison = COMPARISON.exec(token);
  if (comparison && comparison[2] !== '') return `${SIGN[comparison[1]]} ${formatToken(comparison[2], locale)}`;
  // A quoted value ("share"), a length or anything else: as written.
  return token;
}

/**
 * A decoder's "expected" or "received" in the user's words: types named ("một số", "a number"),
 * comparisons with their signs (≥ 0), numbers in the language's notation, alternatives joined
 * with "hoặc" / "or"; quoted values as they are.
 * @param text what the decoder wrote
 * @param locale the language
 * @returns the words to show
 * @example formatDecodeValue('"share" | "mbps"', 'vi') // '"share" hoặc "mbps"'
 */
export function formatDecodeValue(text: string, locale: Locale): string {
  const bare = /^\(.*\)$/.test(text) ? text.slice(1, -1) : text;
  const parts = bare.split(' | ').map((part) => formatToken(part.trim(), locale));
  return parts.join(translate(locale, 'decode.or'));
}

/**
 * The "(expected …, found …)" part of a decode problem, in the user's language.
 * @param problem what was expected and found (language-neutral, from core)
 * @param locale the language
 * @returns the text, or '' when nothing was expected
 * @example formatDecodeExpectation({ expected: '>=0', received: '-1' }, 'vi') // '(cần ≥ 0, nhưng là -1)'
 */
export function formatDecodeExpectation(problem: { expected?: string; received?: string }, locale: Locale): string {
  if (problem.expected === undefined || problem.expected === '') return '';
  if (problem.received === undefined || problem.received === 'undefined') {
    // A required key left out: the schema "expects" the key's own name.
    if (/^"[^"]*"$/.test(problem.expected)) return translate(locale, 'decode.required');
    return translate(locale, 'decode.expectedOnly', { expected: formatDecodeValue(problem.expected, locale) });
  }
  return translate(locale, 'decode.expected', { expected: formatDecodeValue(problem.expected, locale), received: formatDecodeValue(problem.received, locale) });
}
