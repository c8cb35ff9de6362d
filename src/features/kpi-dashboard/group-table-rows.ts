import { formatUnitLabel, UNASSIGNED_GROUP_KEY, type GroupKpis, type KpiSet } from '../../core';

/** The columns of the group table a planner can sort by. */
export const GROUP_COLUMNS = ['unit', 'code', 'hamlets', 'households', 'mobile', '4g', '5g', 'ftth', 'sites', 'sharedSites', 'sharedShare'] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];

export type SortDirection = 'ascending' | 'descending';

/** Which column the table is sorted by, and which way. */
export interface GroupSort {
  column: GroupColumn;
  direction: SortDirection;
}

/** The sums of a set of units: counts added up, shares recomputed from the sums (never averaged). */
export interface GroupTotal
  extends Pick<
    KpiSet,
    'hamlets' | 'households' | 'coveredMobile' | 'covered4g' | 'covered5g' | 'coveredFtth' | 'coveredMobileShare' | 'covered4gShare' | 'covered5gShare' | 'coveredFtthShare' | 'sites' | 'sharedSites' | 'sharedSiteShare'
  > {
  units: number;
}

const COLLATOR = new Intl.Collator('vi', { numeric: true });

/** What a column sorts on: text for the unit and its code, a number for the others. */
function sortValue(row: GroupKpis, column: GroupColumn): string | number {
  switch (column) {
    case 'unit':
      return formatUnitLabel(row);
    case 'code':
      return row.code ?? '';
    case 'hamlets':
      return row.hamlets;
    case 'households':
      return row.households;
    case 'mobile':
      return row.coveredMobileShare;
    case '4g':
      return row.covered4gShare;
    case '5g':
      return row.covered5gShare;
    case 'ftth':
      return row.coveredFtthShare;
    case 'sites':
      return row.sites;
    case 'sharedSites':
      return row.sharedSites;
    case 'sharedShare':
      return row.sharedSiteShare;
  }
}

/** The way a column sorts on the first click: names A→Z, figures largest first. */
export function firstDirection(column: GroupColumn): SortDirection {
  return column === 'unit' || column === 'code' ? 'ascending' : 'descending';
}

/** The sort after a click on a column's header: the same column turns around, another starts its own way. */
export function nextSort(current: GroupSort, column: GroupColumn): GroupSort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: firstDirection(column) };
}

/**
 * The rows in the order asked for: names in Vietnamese order with numbers in numeric order
 * ("Phường 2" before "Phường 10"), figures by value; equal values keep the unit-name order. The
 * hamlets without a unit (`—`) stay last whatever the order, as they are not a unit to compare.
 */
export function sortGroupRows(rows: readonly GroupKpis[], sort: GroupSort): GroupKpis[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: GroupKpis, b: GroupKpis) => COLLATOR.compare(formatUnitLabel(a), formatUnitLabel(b)) || COLLATOR.compare(a.key, b.key);
  return [...rows].sort((a, b) => {
    const aLast = a.key === UNASSIGNED_GROUP_KEY;
    const bLast = b.key === UNASSIGNED_GROUP_KEY;
    if (aLast !== bLast) return aLast ? 1 : -1;
    const aValue = sortValue(a, sort.column);
    const bValue = sortValue(b, sort.column);
    const compare = typeof aValue === 'number' && typeof bValue === 'number' ? aValue - bValue : COLLATOR.compare(String(aValue), String(bValue));
    return sign * compare || byName(a, b);
  });
}

/**
 * The total row: hamlets, households, covered hamlets, sites and shared sites added up over the
 * rows, each share recomputed from those sums. The sites count those standing in a hamlet; a site
 * outside every hamlet belongs to no unit (the dashboard lists those apart).
 */
export function totalGroupRows(rows: readonly GroupKpis[]): GroupTotal {
  const sum = (pick: (row: GroupKpis) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const hamlets = sum((row) => row.hamlets);
  const sites = sum((row) => row.sites);
  const sharedSites = sum((row) => row.sharedSites);
  const counts = {
    coveredMobile: sum((row) => row.coveredMobile),
    covered4g: sum((row) => row.covered4g),
    covered5g: sum((row) => row.covered5g),
    coveredFtth: sum((row) => row.coveredFtth),
  };
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  return {
    units: rows.filter((row) => row.key !== UNASSIGNED_GROUP_KEY).length,
    hamlets,
    households: sum((row) => row.households),
    ...counts,
    coveredMobileShare: share(counts.coveredMobile, hamlets),
    covered4gShare: share(counts.covered4g, hamlets),
    covered5gShare: share(counts.covered5g, hamlets),
    coveredFtthShare: share(counts.coveredFtth, hamlets),
    sites,
    sharedSites,
    sharedSiteShare: share(sharedSites, sites),
  };
}
