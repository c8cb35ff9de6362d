/**
 * Core's messages (`{ code, params }`, see `src/core/messages.ts`) in the user's language: the one
 * place where a warning, a skipped row or a refused file becomes a sentence, for the app and the CLI.
 * The text of a code is `msg.<code>` in the dictionary.
 */
import { isInputProblem, isMessageList, MESSAGE_CODES, type InputProblem, type Message, type MessageCode, type MessageList, type MessageParam, type SkippedItem, type Warning } from '../core';
import { nameCrs } from './crs-name';
import type { MessageKey } from './dictionary';
import { formatCoordinate, formatNumber, formatPercent, type Locale } from './format';
import { translate } from './translate';

/** Parameters that are text from a file: shown in quotes. */
const QUOTED_PARAMS: ReadonlySet<string> = new Set(['value', 'column', 'property', 'header', 'renamed', 'sheet', 'key', 'object', 'entry']);

/** Parameters that are coordinates or projected metres: no thousands grouping, only the decimal mark changes. */
const COORDINATE_PARAMS: ReadonlySet<string> = new Set(['lng', 'lat', 'x', 'y', 'meridian']);

/** Every message code has a text (`msg.<code>`): this line fails the type check when one is missing. */
type MissingTexts = Exclude<`msg.${MessageCode}`, MessageKey>;
const ALL_CODES_TRANSLATED: [MissingTexts] extends [never] ? true : MissingTexts = true;
void ALL_CODES_TRANSLATED;

/** The dictionary key of a code's text. */
export function messageKey(code: MessageCode): MessageKey {
  return `msg.${code}` as MessageKey;
}

/** The codes core can emit (for the test that finds each one in both languages). */
export const ALL_MESSAGE_CODES: readonly MessageCode[] = MESSAGE_CODES;

/**
 * A message as a sentence in `locale`: each `{param}` of the code's text is filled by its parameter,
 * formatted by its kind (numbers and shares in the language's notation, text from a file in quotes,
 * coordinate systems by name, lists shortened, nested messages translated).
 * @example formatMessage('vi', { code: 'missing-longitude', params: { at: { code: 'in-column', params: { column: 'kinh_do' } } } })
 * // 'thiếu kinh độ (cột "kinh_do")'
 */
export function formatMessage(locale: Locale, message: Message): string {
  const values: Record<string, string> = {};
  for (const name of Object.keys(message.params)) values[name] = formatParam(locale, name, message.params[name]);
  return translate(locale, messageKey(message.code), values);
}

/** A list of messages as one sentence, `; `-separated. */
export function formatMessages(locale: Locale, messages: readonly Message[]): string {
  return messages.map((item) => formatMessage(locale, item)).join('; ');
}

/** A warning: its message, then the places it stands for when there are several. */
export function formatWarning(locale: Locale, warning: Warning): string {
  const text = formatMessage(locale, warning);
  if (warning.places === undefined || warning.places.count <= 1) return text;
  const { count, first, noun } = warning.places;
  const list = count > first.length ? translate(locale, 'message.list-more', { list: first.join(', '), count: formatNumber(count - first.length, locale) }) : first.join(', ');
  // A sentence that already counts the places ("12 of 40 hamlets have no name") only needs the first ones.
  const places = warning.params.count === count ? translate(locale, 'message.places.first', { list }) : translate(locale, `message.places.${noun}`, { count: formatNumber(count, locale), list });
  return `${text} (${places})`;
}

/** Why a row was skipped: all its reasons. */
export function formatSkipped(locale: Locale, item: SkippedItem): string {
  return formatMessages(locale, [item, ...(item.also ?? [])]);
}

/** A refused input: `file (place): reason`. */
export function formatInputProblem(locale: Locale, problem: InputProblem): string {
  const reason = formatMessage(locale, problem);
  return problem.where === undefined ? translate(locale, 'message.in-file', { file: problem.file, reason }) : translate(locale, 'message.in-file-at', { file: problem.file, where: problem.where, reason });
}

/**
 * Anything thrown while reading input, for the user: an input problem in words, anything else as an
 * unexpected problem with its technical detail (never a stack).
 */
export function formatError(locale: Locale, error: unknown): string {
  if (isInputProblem(error)) return formatInputProblem(locale, error);
  const detail = error instanceof Error ? error.message : String(error);
  return translate(locale, 'message.unexpected', { detail: detail.length > 200 ? `${detail.slice(0, 199)}…` : detail });
}

function formatParam(locale: Locale, name: string, param: MessageParam): string {
  if (typeof param === 'number') {
    if (name.endsWith('Share')) return formatPercent(param, locale);
    if (COORDINATE_PARAMS.has(name)) return formatCoordinate(param, locale);
    if (!Number.isFinite(param)) return String(param);
    // 1e308 households must not fill a screen with digits.
    if (Math.abs(param) >= 1e15) return param.toExponential(2).replace('.', locale === 'vi' ? ',' : '.');
    return formatNumber(param, locale, 6);
  }
  if (typeof param === 'string') {
    if (name === 'crs') return nameCrs(param, undefined, locale);
    return QUOTED_PARAMS.has(name) ? quote(param) : param;
  }
  if (Array.isArray(param)) return formatMessages(locale, param as readonly Message[]);
  if (isMessageList(param)) return formatList(locale, param, QUOTED_PARAMS.has(name));
  return formatMessage(locale, param as Message);
}

function formatList(locale: Locale, list: MessageList, isQuotedName: boolean): string {
  if (list.total === 0) return translate(locale, 'message.list-none');
  const items = list.items.map((item) => {
    if (typeof item === 'number') return formatNumber(item, locale, 6);
    return list.quoted || isQuotedName ? quote(item) : item;
  });
  const shown = items.join(', ');
  return list.total > items.length ? translate(locale, 'message.list-more', { list: shown, count: formatNumber(list.total - items.length, locale) }) : shown;
}

function quote(text: string): string {
  return `"${text}"`;
}
