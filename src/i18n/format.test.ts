import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatLatLng, formatNumber, formatPercent, formatTargetValue } from './format';

describe('formatPercent', () => {
  it('writes Vietnamese percentages with a decimal comma and a no-break space', () => {
    expect(formatPercent(0.912, 'vi')).toBe('91,2\u00a0%');
    expect(formatPercent(1, 'vi')).toBe('100\u00a0%');
  });
  it('writes English percentages with a decimal point', () => {
    expect(formatPercent(0.9375, 'en')).toBe('93.8%');
  });
});

describe('formatNumber', () => {
  it('groups thousands with a dot in Vietnamese and a comma in English', () => {
    expect(formatNumber(319732, 'vi')).toBe('319.732');
    expect(formatNumber(319732, 'en')).toBe('319,732');
  });
});

describe('formatTargetValue', () => {
  it('formats each unit and missing values', () => {
    expect(formatTargetValue(52.3, 'mbps', 'vi')).toBe('52,3 Mbit/s');
    expect(formatTargetValue(86.4, 'per100', 'vi')).toBe('86,4');
    expect(formatTargetValue(null, 'share', 'vi')).toBe('—');
  });
});

describe('formatIsoDate', () => {
  it('writes day/month/year in both languages and leaves other text alone', () => {
    expect(formatIsoDate('2024-12-31', 'vi')).toBe('31/12/2024');
    expect(formatIsoDate('2024-12-31', 'en')).toBe('31/12/2024');
    expect(formatIsoDate('2024-02-30', 'vi')).toBe('2024-02-30');
    expect(formatIsoDate('Q4 2024', 'vi')).toBe('Q4 2024');
  });
});

describe('formatLatLng', () => {
  it('writes a position with the language\'s compass letters and decimal mark, padded when asked', () => {
    expect(formatLatLng(9.2, 106.75, 'vi', 6, 6)).toBe('9,200000° B, 106,750000° Đ');
    expect(formatLatLng(9.2, 106.75, 'en', 6, 6)).toBe('9.200000° N, 106.750000° E');
    expect(formatLatLng(-9.57132, -105.97123, 'vi')).toBe('9,57132° N, 105,97123° T');
    expect(formatLatLng(9.2, 106.75, 'vi')).toBe('9,2° B, 106,75° Đ');
  });
});
