import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { parseLocaleNumber, type ParseNumberOptions } from './parse-number';

describeGolden('parseLocaleNumber', (input) => {
  const { options, texts } = input.json() as { options: ParseNumberOptions; texts: string[] };
  return texts.map((text) => ({ text, value: parseLocaleNumber(text, options) }));
});

describe('parseLocaleNumber', () => {
  it('reads the household count of the hamlet example as thousands', () => {
    expect(parseLocaleNumber('1.234', { ambiguousSeparator: 'thousands' })).toBe(1234);
    expect(parseLocaleNumber('1.234')).toBe(1.234);
  });

  it('passes finite numbers through and refuses everything else', () => {
    expect(parseLocaleNumber(42.5)).toBe(42.5);
    expect(parseLocaleNumber(Number.NaN)).toBeNull();
    expect(parseLocaleNumber(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseLocaleNumber(null)).toBeNull();
    expect(parseLocaleNumber({})).toBeNull();
  });

  const options = fc.record({ ambiguousSeparator: fc.constantFrom(undefined, 'decimal' as const, 'thousands' as const) }, { requiredKeys: [] });
  const numberish = fc.string({ unit: fc.constantFrom(...'0123456789.,  -+eE%\u00a0\u2212'.split('')), maxLength: 16 });

  it('never returns NaN or an infinity (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), numberish), options, (text, parseOptions) => {
        const value = parseLocaleNumber(text, parseOptions);
        return value === null || Number.isFinite(value);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('reads back what JavaScript writes, by default (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(parseLocaleNumber(String(value))).toBe(value === 0 ? 0 : value);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('reads Vietnamese and English integer counts with the thousands reading (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.constantFrom('vi-VN', 'en-US'), (count, locale) => {
        expect(parseLocaleNumber(count.toLocaleString(locale), { ambiguousSeparator: 'thousands' })).toBe(count);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('reads decimal-comma coordinates with the decimal reading (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -180_000_000, max: 180_000_000 }), fc.integer({ min: 1, max: 6 }), (micro, digits) => {
        const value = Number((micro / 1e6).toFixed(digits));
        const text = value.toFixed(digits).replace('.', ',');
        expect(parseLocaleNumber(text, { ambiguousSeparator: 'decimal' })).toBe(value === 0 ? 0 : value);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
