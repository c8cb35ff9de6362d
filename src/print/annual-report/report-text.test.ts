import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAnnualReport, compareSnapshots, decodeSnapshotResults, derivePlanProfile, SOC_TRANG_2025_PROFILE, type SnapshotResults } from '../../core';
import { enAnnualReport as en, viAnnualReport as vi } from '../../i18n/messages-annual-report';
import { formatReportCell, translateReportText } from './report-text';

const ZERO_KPIS = {
  hamlets: 0, coveredMobile: 0, covered4g: 0, covered5g: 0, coveredFtth: 0, coveredMobileShare: 0, covered4gShare: 0, covered5gShare: 0, coveredFtthShare: 0,
  households: 0, coveredMobileHouseholdShare: null, covered4gHouseholdShare: null, covered5gHouseholdShare: null, ftthHouseholdCeiling: null, sites: 0, sharedSites: 0, sharedSiteShare: 0,
};
const results = (partial: object): SnapshotResults => {
  const decoded = decodeSnapshotResults({ demo: false, kpis: ZERO_KPIS, targets: [], ...partial });
  if (!decoded.ok) throw new Error('bad fixture');
  return decoded.value;
};

/** Every `{ code }` text anywhere in the report's content. */
function codesOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => codesOf(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.code === 'string' && record.code.startsWith('annual.')) found.add(record.code);
    Object.values(record).forEach((member) => codesOf(member, found));
  }
  return found;
}

describe('annual report texts', () => {
  const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/buildAnnualReport/in/two-communes-named-alike.json', import.meta.url), 'utf8'));
  const before = results(fixture.before);
  const after = results(fixture.after);
  const reports = (['district', 'commune', 'new_commune'] as const).map((grouping) => {
    const profile = derivePlanProfile(SOC_TRANG_2025_PROFILE, { id: 't', grouping: [grouping] });
    const change = compareSnapshots(before, after, { groupings: profile.grouping });
    return buildAnnualReport({ profile, results: after, asOf: '2025-12-31', reportDate: '2026-01-05', earlier: { label: 'x', asOf: null, change }, mapKeys: ['province'] });
  });

  it('finds every code the report uses in both languages', () => {
    const codes = new Set(reports.flatMap((report) => [...codesOf(report)]));
    expect(codes.size).toBeGreaterThan(40);
    for (const code of codes) {
      expect(Object.hasOwn(vi, code), code).toBe(true);
      expect(Object.hasOwn(en, code), code).toBe(true);
    }
  });

  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
  });

  it('formats cells in the reader’s notation', () => {
    expect(formatReportCell({ kind: 'share', value: 0.8534 }, 'vi')).toBe('85,3\u00a0%');
    expect(formatReportCell({ kind: 'share', value: 0.8534 }, 'en')).toBe('85.3%');
    expect(formatReportCell({ kind: 'count', value: 319_732 }, 'vi')).toBe('319.732');
    expect(formatReportCell({ kind: 'count', value: null }, 'vi')).toBe('—');
    expect(formatReportCell({ kind: 'change', then: 0.5, now: 1, unit: 'share' }, 'vi')).toBe('50\u00a0% → 100\u00a0%');
    expect(formatReportCell({ kind: 'delta', value: 3, unit: 'count' }, 'vi')).toBe('+3');
    expect(formatReportCell({ kind: 'delta', value: -0.025, unit: 'share' }, 'vi')).toBe('-2,5 điểm %');
    expect(formatReportCell({ kind: 'source', source: 'indicator: Cục Thống kê (2024-12-31)', asOf: '2024-12-31' }, 'vi')).toBe('Cục Thống kê (31/12/2024)');
    expect(formatReportCell({ kind: 'target', comparator: '>', value: 0.3, unit: 'share' }, 'vi')).toBe('> 30\u00a0%');
  });

  it('writes a source from field tests in the reader’s language, with the engine’s test count and period', () => {
    const source = (text: string, locale: 'vi' | 'en') => formatReportCell({ kind: 'source', source: text, asOf: '2025-12-31' }, locale);
    expect(source('measured: 957 tests, 2025-01 – 2025-02', 'vi')).toBe('Đo kiểm: 957 lượt, 2025-01 – 2025-02');
    expect(source('measured: 1200 tests, undated 3 months', 'vi')).toBe('Đo kiểm: 1.200 lượt, không ghi thời gian (tính là 3 tháng)');
    expect(source('indicator: Dữ liệu minh họa (2024-12-31); measured: not enough samples (20 tests, 2025-03)', 'vi')).toBe('Dữ liệu minh họa (31/12/2024); đo kiểm chưa đủ mẫu (20 lượt, 2025-03)');
    expect(source('missing; measured: not enough samples (20 tests, 2025-03)', 'en')).toBe('No figures; field tests: not enough samples (20 tests, 2025-03)');
    expect(source('measured: 957 tests, 2025-01 – 2025-02', 'en')).toBe('Field tests: 957 tests, 2025-01 – 2025-02');
  });

  it('writes an area’s name in lower case inside a Vietnamese sentence only', () => {
    expect(translateReportText({ code: 'annual.map.province', params: { area: 'Thành phố Cần Thơ' } }, 'vi')).toBe('Bản đồ phủ sóng thành phố Cần Thơ');
    expect(translateReportText({ code: 'annual.map.province', params: { area: 'Thành phố Cần Thơ' } }, 'en')).toBe('Coverage map of Thành phố Cần Thơ');
  });
});
