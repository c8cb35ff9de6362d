import { en, vi, type MessageKey } from './dictionary';
import type { Locale } from './format';

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { vi, en };

/**
 * The text for `key` in `locale`, with `{name}` placeholders filled from `values` (unknown ones are
 * left as they are). Pure: the CLI and print use it without React or a store.
 */
export function translate(locale: Locale, key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  return DICTIONARIES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** Whether the dictionary has `key` (for keys built from codes, such as `msg.<code>`). */
export function hasMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}
