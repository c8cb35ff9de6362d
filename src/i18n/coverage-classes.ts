import type { CoverageStatus } from '../core';
import type { MessageKey } from './dictionary';
import { formatPercent, type Locale } from './format';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Each coverage class named with its rule for the threshold in force, as legends and panels state it:
 * "Được phủ (≥ 50 % diện tích)", "Phủ một phần (> 0 % và < 50 %)", "Chưa phủ (0 %)".
 */
export function coverageClassLabels(threshold: number, t: Translate, locale: Locale): Record<CoverageStatus, string> {
  const values = { threshold: formatPercent(threshold, locale), zero: formatPercent(0, locale) };
  return { covered: t('classes.covered', values), partial: t('classes.partial', values), none: t('classes.none', values) };
}
