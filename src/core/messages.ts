/**
 * What core tells a user: a code and its parameters, never a sentence. The app and the CLI turn a
 * message into the user's language at the edge (`src/i18n/format-message.ts`, dictionary key
 * `msg.<code>`), so the same warning reads in Vietnamese or English and numbers follow the language.
 *
 * To add a message: put its code in the list of its area (`IO_MESSAGE_CODES`,
 * `ANALYSIS_MESSAGE_CODES`, `MEASUREMENT_MESSAGE_CODES`, or a new list added to {@link MESSAGE_CODES}), write its text in both
 * languages (`msg.<code>` in the area's `src/i18n/messages-<area>.ts`; the type check fails until both
 * exist), and emit `message('<code>', { …params })`.
 *
 * Parameter conventions, which the edge formats: numbers in the language's notation; names ending in
 * `Share` as percentages; `value`, `column`, `property`, `header`, `renamed`, `sheet`, `key` and
 * `object` are text from the file and are shown in quotes; `crs` is a coordinate-system id shown by its
 * name; a {@link MessageList} quotes a few items and counts the rest; a nested {@link Message} (or a
 * list of them) is translated in place. Warnings about single rows that differ only in `value` (and
 * `cells`) are merged into one that counts the rows and quotes the first few values.
 */
import { ANALYSIS_MESSAGE_CODES } from './analysis-message-codes';
import { IO_MESSAGE_CODES } from './io/io-message-codes';
import { MEASUREMENT_MESSAGE_CODES } from './measurements/measurement-message-codes';
import { APPROXIMATE_MESSAGE_CODES } from './approximate/approximate-message-codes';
import { REFERENCE_MESSAGE_CODES } from './reference/reference-message-codes';

/** Every message code core can emit, in all areas. */
export const MESSAGE_CODES: readonly MessageCode[] = [...IO_MESSAGE_CODES, ...ANALYSIS_MESSAGE_CODES, ...MEASUREMENT_MESSAGE_CODES, ...APPROXIMATE_MESSAGE_CODES, ...REFERENCE_MESSAGE_CODES];

/** A code of {@link MESSAGE_CODES}. */
export type MessageCode = (typeof IO_MESSAGE_CODES)[number] | (typeof ANALYSIS_MESSAGE_CODES)[number] | (typeof MEASUREMENT_MESSAGE_CODES)[number] | (typeof APPROXIMATE_MESSAGE_CODES)[number] | (typeof REFERENCE_MESSAGE_CODES)[number];

/** A few items quoted and the rest counted: `"a", "b", "c" and 1,199,997 more`. */
export interface MessageList {
  kind: 'list';
  /** The first few items (at most {@link LISTED_ITEMS} unless asked otherwise). */
  items: readonly (string | number)[];
  /** How many there are in all (at least `items.length`). */
  total: number;
  /** Items are text from a file (shown in quotes), not places or names of ours. */
  quoted: boolean;
}

/** One parameter of a message. */
export type MessageParam = string | number | MessageList | Message | readonly Message[];

/** Parameters of a message, by name (names are fixed by the code, never taken from data). */
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A problem or fact for the user, to be translated at the edge. */
export interface Message {
  code: MessageCode;
  params: MessageParams;
}

/** A whole input that cannot be used: the message plus the input's name and a place inside it. */
export interface InputProblem extends Message {
  /** The label of the input (usually its file name). */
  file: string;
  /** Where inside the input, language-neutral: `radiiMeters.4G`, `bts.xlsx[Trạm]`. Absent = the whole input. */
  where?: string;
}

/** How many items a list quotes by default. */
export const LISTED_ITEMS = 5;

/** Longest text quoted from a file, in characters (longer values are cut with `…`). */
export const QUOTED_TEXT_LENGTH = 60;

/**
 * A message.
 * @param code the message's code
 * @param params its parameters (see the conventions at the top of this module)
 * @returns `{ code, params }`
 * @throws never
 * @example message('missing-operator', { at: message('in-column', { column: 'nha_mang' }) })
 */
export function message(code: MessageCode, params: MessageParams = {}): Message {
  return { code, params };
}

/**
 * A value from a file as a message parameter: text cut to {@link QUOTED_TEXT_LENGTH} characters (shown
 * in quotes), finite numbers kept, anything else as short JSON in a `json-value` message (`null`,
 * `[1,2]`, shown as it is, not in quotes).
 * @param raw a cell, property or JSON value
 * @returns text, a number or a `json-value` message, never longer than the limit
 * @throws never
 * @example quotedValue('x'.repeat(100)).length // 60
 */
export function quotedValue(raw: unknown): string | number | Message {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string') return cut(raw);
  return { code: 'json-value', params: { json: shortJson(raw) } };
}

/**
 * JSON text of a value, at most {@link QUOTED_TEXT_LENGTH} characters, built without recursion: a
 * position nested 200,000 arrays deep is written as its first characters, never overflowing the stack
 * (as `JSON.stringify` or `String` would).
 */
function shortJson(raw: unknown): string {
  let out = '';
  // The parts still to write, last first: values, or literal text such as `,` and `]`.
  const stack: ({ text: string } | { value: unknown })[] = [{ value: raw }];
  while (stack.length > 0 && out.length < QUOTED_TEXT_LENGTH) {
    const part = stack.pop()!;
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const { value } = part;
    if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
      const entries = Array.isArray(value) ? value.map((item) => ['', item] as const) : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]] as const);
      const isArray = Array.isArray(value);
      out += isArray ? '[' : '{';
      stack.push({ text: isArray ? ']' : '}' });
      // Only as many entries as can still show.
      for (let index = Math.min(entries.length, QUOTED_TEXT_LENGTH) - 1; index >= 0; index -= 1) {
        stack.push({ value: entries[index][1] });
        if (!isArray) stack.push({ text: `${JSON.stringify(entries[index][0])}:` });
        if (index > 0) stack.push({ text: ',' });
      }
    } else if (typeof value === 'string') out += JSON.stringify(value);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) out += String(value);
    else out += typeof value;
  }
  return cut(stack.length > 0 ? `${out}…` : out);
}

function cut(text: string): string {
  return text.length > QUOTED_TEXT_LENGTH ? `${text.slice(0, QUOTED_TEXT_LENGTH - 1)}…` : text;
}

/**
 * A list parameter that quotes at most `max` items and counts all of them, so a message about
 * 1.2 million header cells stays one line.
 * @param items the items (only the first `max` are kept; each is cut like {@link quotedValue})
 * @param options `quoted`: the items are text from a file; `max`: how many to keep; `total`: the count
 *   when `items` is already a prefix
 * @returns the list parameter
 * @throws never
 * @example listOf(['a', 'b', 'c'], { quoted: true, max: 2 }) // { kind: 'list', items: ['a', 'b'], total: 3, quoted: true }
 */
export function listOf(items: Iterable<string | number>, options: { quoted: boolean; max?: number; total?: number }): MessageList {
  const max = options.max ?? LISTED_ITEMS;
  const kept: (string | number)[] = [];
  let count = 0;
  for (const item of items) {
    if (kept.length < max) kept.push(typeof item === 'string' ? cut(item) : item);
    count += 1;
  }
  return { kind: 'list', items: kept, total: Math.max(options.total ?? count, kept.length), quoted: options.quoted };
}

/**
 * Whether a parameter is a {@link MessageList}.
 * @param param a message parameter
 * @returns `true` for a list
 * @throws never
 * @example isMessageList(listOf([], { quoted: false })) // true
 */
export function isMessageList(param: MessageParam): param is MessageList {
  return typeof param === 'object' && param !== null && !Array.isArray(param) && (param as { kind?: unknown }).kind === 'list';
}
