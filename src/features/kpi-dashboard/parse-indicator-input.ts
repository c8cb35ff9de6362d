import { parseLocaleNumber } from '../../core';

/**
 * A value typed into the indicator form, in the target's unit. Shares accept `0,82`, `82 %` and `82`
 * (a number above 1 is read as a percentage). Returns null for an empty or unreadable entry.
 */
export function parseIndicatorInput(text: string, unit: 'share' | 'per100' | 'mbps'): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const hasPercent = trimmed.endsWith('%');
  const value = parseLocaleNumber(trimmed.replace(/%$/, '').trim(), { ambiguousSeparator: 'decimal' });
  if (value === null || value < 0) return null;
  if (unit !== 'share') return value;
  return hasPercent || value > 1 ? value / 100 : value;
}
