// Core's messages as a user reads them, for tests: the English (or Vietnamese) text of a refusal.
import { isInputProblem, type SkippedItem, type Warning } from '../../src/core';
import type { Locale } from '../../src/i18n/format';
import { formatInputProblem, formatSkipped, formatWarning } from '../../src/i18n/format-message';

/** What `run` is refused with: the problem's code and its text (`file: reason`), or fails the test. */
export function refusal(run: () => unknown, locale: Locale = 'en'): { code: string; text: string } {
  try {
    run();
  } catch (error) {
    if (isInputProblem(error)) return { code: error.code, text: formatInputProblem(locale, error) };
    throw error;
  }
  throw new Error('expected a refusal, but it succeeded');
}

/** {@link refusal} of a promise. */
export async function asyncRefusal(run: () => Promise<unknown>, locale: Locale = 'en'): Promise<{ code: string; text: string }> {
  try {
    await run();
  } catch (error) {
    if (isInputProblem(error)) return { code: error.code, text: formatInputProblem(locale, error) };
    throw error;
  }
  throw new Error('expected a refusal, but it succeeded');
}

/**
 * Whether every skipped row and warning reads as a full sentence in both languages: non-empty, with no
 * `{placeholder}` left unfilled (a parameter the text expects but the message lacks).
 */
export function untranslatedMessages(skipped: readonly SkippedItem[], warnings: readonly Warning[]): string[] {
  const problems: string[] = [];
  for (const locale of ['vi', 'en'] as const) {
    for (const item of skipped) check(`${item.where} ${item.code}`, formatSkipped(locale, item), problems);
    for (const warning of warnings) check(`${warning.where ?? ''} ${warning.code}`, formatWarning(locale, warning), problems);
  }
  return problems;
}

function check(label: string, text: string, problems: string[]): void {
  if (text.trim() === '' || /\{\w+\}/.test(text) || text.includes('msg.')) problems.push(`${label}: ${text}`);
}
