import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { buildAnnualReport } from './build-annual-report';
import { sortUnitsByCode } from './report-units';
import { compareSnapshots } from './compare-snapshots';
import { derivePlanProfile, SOC_TRANG_2025_PROFILE } from './plan-profile';
import { snapshotResults as results } from '../../../test/helpers/snapshot-results';


describeGolden('buildAnnualReport', (goldenCase) => {
  const input = goldenCase.json() as { profile: { grouping: ('district' | 'commune' | 'new_commune')[] }; asOf: string; reportDate: string; number: string; earlier: { label: string; asOf: string }; mapKeys: string[]; before: object; after: object };
  const profile = derivePlanProfile(SOC_TRANG_2025_PROFILE, { id: 'test', grouping: input.profile.grouping });
  const [before, after] = [results(input.before), results(input.after)];
  const change = compareSnapshots(before, after, { groupings: profile.grouping });
  return buildAnnualReport({ profile, results: after, asOf: input.asOf, reportDate: input.reportDate, number: input.number, earlier: { ...input.earlier, change }, mapKeys: input.mapKeys });
});

describe('buildAnnualReport', () => {
  it('puts units in code order, units without a code after them and hamlets without a unit last', () => {
    const units = [{ key: '—' }, { key: 'Xã B' }, { key: '94110', code: '94110' }, { key: '9412', code: '9412' }, { key: 'Xã A' }];
    expect(sortUnitsByCode(units).map((unit) => unit.key)).toEqual(['9412', '94110', 'Xã A', 'Xã B', '—']);
  });

  it('takes the header from the authority on the report date, the area from the one on the data date', () => {
    const report = buildAnnualReport({ profile: SOC_TRANG_2025_PROFILE, results: results({ hamlets: [], sites: [] }), asOf: '2025-06-30', reportDate: '2025-07-15' });
    expect([report.header.governingBody, report.header.issuerCode, report.header.place, report.areaName]).toEqual(['UBND thành phố Cần Thơ', 'SKHCN', 'Cần Thơ', 'Tỉnh Sóc Trăng']);
    expect(report.header.number).toBe(null);
  });
});
