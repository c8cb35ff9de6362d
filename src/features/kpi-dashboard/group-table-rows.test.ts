import { describe, expect, it } from 'vitest';
import type { GroupKpis } from '../../core';
import { nextSort, sortGroupRows, totalGroupRows } from './group-table-rows';

/** A unit row with only the figures a case sets; shares follow from the counts as the engine gives them. */
function unit(key: string, label: string, parentLabel: string | null, figures: { hamlets: number; households: number; mobile: number; sites: number; shared: number }): GroupKpis {
  return {
    key,
    code: key === '—' ? null : key,
    label,
    parentKey: null,
    parentLabel,
    hamlets: figures.hamlets,
    coveredMobile: figures.mobile,
    covered4g: figures.mobile,
    covered5g: 0,
    coveredFtth: 1,
    coveredMobileShare: figures.mobile / figures.hamlets,
    covered4gShare: figures.mobile / figures.hamlets,
    covered5gShare: 0,
    coveredFtthShare: 1 / figures.hamlets,
    households: figures.households,
    coveredMobileHouseholdShare: null,
    covered4gHouseholdShare: null,
    covered5gHouseholdShare: null,
    ftthHouseholdCeiling: null,
    sites: figures.sites,
    sharedSites: figures.shared,
    sharedSiteShare: figures.sites > 0 ? figures.shared / figures.sites : 0,
  };
}

// Three "Phường" of different towns and a commune; the numbers are small enough to add by hand.
const ROWS: GroupKpis[] = [
  unit('31513', 'Phường 10', 'Thành phố Sóc Trăng', { hamlets: 4, households: 1200, mobile: 4, sites: 6, shared: 3 }),
  unit('31522', 'Phường 1', 'Thành phố Sóc Trăng', { hamlets: 5, households: 900, mobile: 2, sites: 2, shared: 0 }),
  unit('—', '—', null, { hamlets: 1, households: 10, mobile: 0, sites: 1, shared: 1 }),
  unit('31942', 'Phường 2', 'Thị xã Vĩnh Châu', { hamlets: 2, households: 3000, mobile: 1, sites: 4, shared: 1 }),
  unit('31963', 'Xã Lạc Hòa', 'Thị xã Vĩnh Châu', { hamlets: 10, households: 2500, mobile: 9, sites: 3, shared: 2 }),
];

const keys = (rows: GroupKpis[]) => rows.map((row) => row.key);

describe('sortGroupRows', () => {
  it('sorts names in Vietnamese order with numbers in numeric order, the unassigned row last', () => {
    expect(keys(sortGroupRows(ROWS, { column: 'unit', direction: 'ascending' }))).toEqual(['31522', '31942', '31513', '31963', '—']);
    expect(keys(sortGroupRows(ROWS, { column: 'unit', direction: 'descending' }))).toEqual(['31963', '31513', '31942', '31522', '—']);
  });
  it('sorts figures by value: households largest first, covered share lowest first', () => {
    expect(keys(sortGroupRows(ROWS, { column: 'households', direction: 'descending' }))).toEqual(['31942', '31963', '31513', '31522', '—']);
    // Shares 4/4, 2/5, 1/2, 9/10.
    expect(keys(sortGroupRows(ROWS, { column: 'mobile', direction: 'ascending' }))).toEqual(['31522', '31942', '31963', '31513', '—']);
  });
  it('breaks ties by the unit name', () => {
    // Shared-site share: 3/6 = 0.5 for Phường 10, 0/2, 1/4, 2/3; sites 6, 2, 4, 3.
    expect(keys(sortGroupRows(ROWS, { column: 'sharedShare', direction: 'descending' }))).toEqual(['31963', '31513', '31942', '31522', '—']);
    const twins = [unit('2', 'Xã B', null, { hamlets: 1, households: 5, mobile: 1, sites: 0, shared: 0 }), unit('1', 'Xã A', null, { hamlets: 1, households: 5, mobile: 1, sites: 0, shared: 0 })];
    expect(keys(sortGroupRows(twins, { column: 'households', direction: 'descending' }))).toEqual(['1', '2']);
  });
  it('does not change the rows it is given', () => {
    const before = keys(ROWS);
    sortGroupRows(ROWS, { column: 'sites', direction: 'descending' });
    expect(keys(ROWS)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('turns the same column around and starts another column its own way', () => {
    expect(nextSort({ column: 'unit', direction: 'ascending' }, 'unit')).toEqual({ column: 'unit', direction: 'descending' });
    expect(nextSort({ column: 'unit', direction: 'ascending' }, 'households')).toEqual({ column: 'households', direction: 'descending' });
    expect(nextSort({ column: 'households', direction: 'descending' }, 'code')).toEqual({ column: 'code', direction: 'ascending' });
  });
});

describe('totalGroupRows', () => {
  it('adds the counts and recomputes the shares from the sums', () => {
    const total = totalGroupRows(ROWS);
    // Hamlets 4+5+1+2+10 = 22; households 1200+900+10+3000+2500 = 7610; covered 4+2+0+1+9 = 16.
    expect(total.units).toBe(4);
    expect(total.hamlets).toBe(22);
    expect(total.households).toBe(7610);
    expect(total.coveredMobile).toBe(16);
    expect(total.coveredMobileShare).toBeCloseTo(16 / 22, 12);
    // Sites 6+2+1+4+3 = 16, shared 3+0+1+1+2 = 7: 7/16, not the mean of the rows' shares (0.475).
    expect(total.sites).toBe(16);
    expect(total.sharedSites).toBe(7);
    expect(total.sharedSiteShare).toBeCloseTo(0.4375, 12);
    expect(total.coveredFtthShare).toBeCloseTo(5 / 22, 12);
  });
  it('gives zero shares for no rows', () => {
    expect(totalGroupRows([])).toMatchObject({ hamlets: 0, coveredMobileShare: 0, sharedSiteShare: 0, units: 0 });
  });
});
