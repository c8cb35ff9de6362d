// How the report names, orders and counts units: code order, a unit's shown name, a hamlet's unit.
import type { KpiSet } from '../types';
import type { SnapshotHamlet } from './plan-snapshot';

/** Codes compared as numbers where they are digits (`9412` before `94110`), names in Vietnamese order. */
export const CODE_ORDER = new Intl.Collator('vi', { numeric: true });

/**
 * The households of covered hamlets: the engine's household-weighted share times the households,
 * rounded to the whole household it stands for (the report's shares are rounded to 6 decimals).
 * @param kpis a unit's or the whole area's KPIs
 * @returns households, or null when no hamlet has households
 * @example coveredHouseholds({ households: 300, coveredMobileHouseholdShare: 0.5 }) // 150
 */
export function coveredHouseholds(kpis: Pick<KpiSet, 'households' | 'coveredMobileHouseholdShare'>): number | null {
  return kpis.coveredMobileHouseholdShare === null ? null : Math.round(kpis.coveredMobileHouseholdShare * kpis.households);
}

/**
 * Units in code order: by GSO code (or the merger table's new code) where the data carry one, then by
 * key; hamlets with no value (`—`) last.
 * @param units group rows (or anything with a key and an optional code)
 * @returns a sorted copy
 * @example sortUnitsByCode([{ key: '94110', code: '94110' }, { key: '9412', code: '9412' }])[0].key // '9412'
 */
export function sortUnitsByCode<T extends { key: string; code?: string | null }>(units: readonly T[]): T[] {
  const rank = (unit: T) => (unit.key === '—' ? 2 : unit.code ? 0 : 1);
  return [...units].sort((a, b) => rank(a) - rank(b) || CODE_ORDER.compare(a.code ?? a.key, b.code ?? b.key) || CODE_ORDER.compare(a.key, b.key));
}

/**
 * A unit's name as the report shows it alone (a caption, a heading): with its parent when it has one, since names repeat.
 * @param unit a group row
 * @returns `Phường 1 (Thị xã Vĩnh Châu)`, or the name alone
 * @example unitDisplayName({ key: '94501', label: 'Phường 1', parentLabel: 'Thị xã Vĩnh Châu' }) // 'Phường 1 (Thị xã Vĩnh Châu)'
 */
export function unitDisplayName(unit: { key: string; label?: string; parentLabel?: string | null }): string {
  const name = unit.label ?? unit.key;
  return unit.parentLabel ? `${name} (${unit.parentLabel})` : name;
}

/**
 * A hamlet's unit key in a grouping: the engine's, or for results without keys the name older reports
 * grouped districts and communes by; `—` when it has none.
 * @param hamlet a hamlet of the results
 * @param grouping `district`, `commune`, `new_commune`, …
 * @returns the unit key
 * @example hamletUnitKey({ …hamlet, groupKeys: { commune: '94101' } }, 'commune') // '94101'
 */
export function hamletUnitKey(hamlet: SnapshotHamlet, grouping: string): string {
  const key = hamlet.groupKeys?.[grouping];
  if (key !== undefined) return key;
  if (grouping === 'district') return hamlet.district || '—';
  if (grouping === 'commune') return hamlet.commune || '—';
  return '—';
}

