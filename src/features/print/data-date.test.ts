import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDayMonthYear, parseDayMonthYear } from './data-date';

describe('the data date of the print dialog', () => {
  it('reads dd/mm/yyyy and the short forms people type, and refuses days that do not exist', () => {
    expect(parseDayMonthYear('31/12/2024')).toBe('2024-12-31');
    expect(parseDayMonthYear(' 1/7/2025 ')).toBe('2025-07-01');
    expect(parseDayMonthYear('29.02.2024')).toBe('2024-02-29');
    for (const text of ['29/02/2023', '31/04/2024', '12/31/2024', '2024-12-31', '', '00/01/2024', '1/13/2024']) expect(parseDayMonthYear(text), text).toBeNull();
  });
  it('shows an ISO date as dd/mm/yyyy, and reads back what it shows', () => {
    expect(formatDayMonthYear('2024-12-31')).toBe('31/12/2024');
    expect(formatDayMonthYear('')).toBe('');
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseDayMonthYear(formatDayMonthYear(iso))).toBe(iso);
      }),
      { seed: 1104 },
    );
  });
});
