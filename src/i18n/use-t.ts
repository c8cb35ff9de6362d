import { useCallback } from 'react';
import { useUiStore } from '../state/ui-store';
import type { MessageKey } from './dictionary';
import type { Locale } from './format';
import { translate } from './translate';

export { translate };

/** `t(key, values)` in the current locale; components re-render when the locale changes. */
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const locale = useUiStore((state) => state.locale);
  return useCallback((key, values) => translate(locale, key, values), [locale]);
}

export function useLocale(): Locale {
  return useUiStore((state) => state.locale);
}
