import { useCallback } from 'react';
import { useUiStore } from '../state/ui-store';
import { en, vi, type MessageKey } from './dictionary';
import type { Locale } from './format';

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { vi, en };

/** The message for `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function translate(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  return DICTIONARIES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `t(key, values)` in the current locale; components re-render when the locale changes. */
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const locale = useUiStore((state) => state.locale);
  return useCallback((key, values) => translate(locale, key, values), [locale]);
}

export function useLocale(): Locale {
  return useUiStore((state) => state.locale);
}
