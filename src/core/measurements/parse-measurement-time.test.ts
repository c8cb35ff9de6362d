import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMeasurementTechnology } from './parse-measurement-technology';
import { parseMeasurementTime } from './parse-measurement-time';
import { parseTestStatus } from './parse-test-status';

const VN = 420;

describe('parseMeasurementTime', () => {
  it('reads the forms exports write, Vietnam time unless a zone is given', () => {
    const cases: [unknown, number, number | null][] = [
      ['2025-03-14T08:31:22+07:00', VN, Date.UTC(2025, 2, 14, 1, 31, 22)],
      ['2025-03-14T01:31:22Z', VN, Date.UTC(2025, 2, 14, 1, 31, 22)],
      ['2025-03-14 08:31:22', VN, Date.UTC(2025, 2, 14, 1, 31, 22)],
      ['2025-03-14 08:31:22.250', 0, Date.UTC(2025, 2, 14, 8, 31, 22, 250)],
      ['2025.03.14_08.31.22', VN, Date.UTC(2025, 2, 14, 1, 31, 22)],
      ['2025-03-14', VN, Date.UTC(2025, 2, 13, 17)],
      ['14/03/2025 08:31', VN, Date.UTC(2025, 2, 14, 1, 31)],
      ['14/03/2025 8:31 CH', VN, Date.UTC(2025, 2, 14, 13, 31)],
      ['14/03/2025 12:05 SA', VN, Date.UTC(2025, 2, 13, 17, 5)],
      ['03/14/2025 8:31 PM', VN, Date.UTC(2025, 2, 14, 13, 31)],
      ['05/03/2025', VN, Date.UTC(2025, 2, 4, 17)],
      ['1741915882', VN, Date.UTC(2025, 2, 14, 1, 31, 22)],
      ['1741915882000', VN, Date.UTC(2025, 2, 14, 1, 31, 22)],
      [45730.5, VN, Date.UTC(2025, 2, 14, 5)],
      ['2025-02-30 10:00', VN, null],
      ['31/02/2025', VN, null],
      ['25:00 14/03/2025', VN, null],
      ['1800-01-01', VN, null],
      ['ngày 16', VN, null],
      ['', VN, null],
      [null, VN, null],
    ];
    for (const [raw, offset, expected] of cases) expect(parseMeasurementTime(raw, offset), String(raw)).toBe(expected);
  });

  it('reads back every time it writes in ISO form, and never throws on other text (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const text = date.toISOString();
        expect(parseMeasurementTime(text, VN)).toBe(date.getTime());
        expect(parseMeasurementTime(text.replace('T', ' ').replace('Z', ''), 0)).toBe(date.getTime());
      }),
      { seed: 1307, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        const value = parseMeasurementTime(text, VN);
        expect(value === null || (Number.isFinite(value) && value >= Date.UTC(1989, 11, 31) && value < Date.UTC(2100, 0, 2))).toBe(true);
      }),
      { seed: 1308, numRuns: 1000 },
    );
  });
});

describe('parseMeasurementTechnology and parseTestStatus', () => {
  it('read what tests ran on and how they ended', () => {
    const technologies: [string, string | null][] = [['LTE', '4G'], ['4G+', '4G'], ['HSPA+', '3G'], ['NR NSA', '5G'], ['5G', '5G'], ['GSM', '2G'], ['WLAN', 'wifi'], ['Wi-Fi', 'wifi'], ['LAN', 'fixed'], ['Cáp quang', 'fixed'], ['Di động', 'mobile'], ['cell', 'mobile'], ['xyz', null], ['', null]];
    for (const [raw, expected] of technologies) expect(parseMeasurementTechnology(raw), raw).toBe(expected);
    const statuses: [string, number][] = [['OK', 1], ['Thành công', 1], ['completed', 1], ['failed', 0], ['Thất bại', 0], ['timeout', 0], ['', -1], ['maybe', -1]];
    for (const [raw, expected] of statuses) expect(parseTestStatus(raw), raw).toBe(expected);
  });
});
