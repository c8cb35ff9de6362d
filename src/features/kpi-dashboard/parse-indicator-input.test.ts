import { describe, expect, it } from 'vitest';
import { parseIndicatorInput } from './parse-indicator-input';

describe('parseIndicatorInput', () => {
  it('reads shares as fractions or percentages, Vietnamese or English notation', () => {
    expect(parseIndicatorInput('0,82', 'share')).toBeCloseTo(0.82);
    expect(parseIndicatorInput('82 %', 'share')).toBeCloseTo(0.82);
    expect(parseIndicatorInput('82,5', 'share')).toBeCloseTo(0.825);
    expect(parseIndicatorInput('1', 'share')).toBe(1);
  });
  it('reads other units as plain numbers and rejects junk', () => {
    expect(parseIndicatorInput('52,3', 'mbps')).toBeCloseTo(52.3);
    expect(parseIndicatorInput('', 'per100')).toBeNull();
    expect(parseIndicatorInput('abc', 'per100')).toBeNull();
    expect(parseIndicatorInput('-3', 'per100')).toBeNull();
  });
});
