// The siting engine's messages (`{ code, params }`) in the user's language, for the app and the
// command line alike (no React, no store: the CLI imports this file).
import { en, vi, type MessageKey } from './dictionary';
import { formatNumber, formatPercent, type Locale } from './format';

/** A message as core returns it. */
export interface CodedMessage {
  code: string;
  params: Record<string, string | number>;
}

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { vi, en };

/** How each known parameter is written: shares as percentages, times with a decimal, counts whole. */
function formatParam(name: string, value: string | number, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (name === 'gap') return formatPercent(value, locale);
  if (name === 'seconds' || name === 'limit') return formatNumber(value, locale, 1);
  // An option's value as given (1,5; 0,25), and a position's degrees.
  if (name === 'value' || name === 'lng' || name === 'lat') return formatNumber(value, locale, 6);
  return formatNumber(value, locale);
}

/**
 * The sentence of a siting message (`siting.<code>` in the dictionary), parameters written in the
 * locale's notation. An unknown code is returned as it is, so nothing is lost.
 * @param message code and parameters from core
 * @param locale the language
 * @returns the text
 * @example formatSitingMessage({ code: 'proposal-name.new', params: { number: 3, commune: 'Xã Lạc Hòa' } }, 'vi') // 'Trạm mới số 3 — Xã Lạc Hòa'
 */
export function formatSitingMessage(message: CodedMessage, locale: Locale): string {
  const key = `siting.${message.code}`;
  const dictionary = DICTIONARIES[locale];
  if (!(key in dictionary)) return message.code;
  return dictionary[key as MessageKey].replace(/\{(\w+)\}/g, (whole, name: string) => (name in message.params ? formatParam(name, message.params[name], locale) : whole));
}
