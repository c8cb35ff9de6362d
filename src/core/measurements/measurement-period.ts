import type { MeasurementSet } from './measurement-set';

/** Vietnam's time zone (UTC+7, no daylight saving): months are counted in local time. */
export const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar months the tests span (Vietnam time). */
export interface MeasurementPeriod {
  /** First month as `year * 12 + month0`, or null when no test has a time. */
  firstMonth: number | null;
  /** Months from the first to the last (inclusive); for undated tests, the months they stand for. */
  months: number;
  /** `YYYY-MM` of the first and last month, or null when no test has a time. */
  from: string | null;
  to: string | null;
}

/**
 * The month of a time, as `year * 12 + month0`, in Vietnam time.
 * @param timeMs milliseconds since 1970-01-01 UTC
 * @returns the month number, or -1 for NaN
 * @throws never
 * @example monthOfTime(Date.UTC(2025, 0, 31, 18)) // 2025 * 12 + 1 (it is already 1 February in Sóc Trăng)
 */
export function monthOfTime(timeMs: number): number {
  if (!Number.isFinite(timeMs)) return -1;
  const local = new Date(timeMs + VIETNAM_OFFSET_MS);
  return local.getUTCFullYear() * 12 + local.getUTCMonth();
}

/**
 * `YYYY-MM` of a month number.
 * @param month `year * 12 + month0`
 * @returns e.g. `2025-02`
 * @throws never
 * @example monthLabel(2025 * 12 + 1) // '2025-02'
 */
export function monthLabel(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/**
 * The period the tests span: every calendar month from the first dated test to the last, in
 * Vietnam time; a set with no dated test (open-data tiles) stands for `undatedMonths` months.
 * @param set the measurements
 * @param undatedMonths months an undated set stands for
 * @returns the period
 * @throws never
 * @example computeMeasurementPeriod(set, 3).from // '2025-01'
 */
export function computeMeasurementPeriod(set: MeasurementSet, undatedMonths: number): MeasurementPeriod {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < set.count; i++) {
    const time = set.timeMs[i];
    if (time < first) first = time;
    if (time > last) last = time;
  }
  if (!Number.isFinite(first)) return { firstMonth: null, months: Math.max(1, Math.round(undatedMonths)), from: null, to: null };
  const firstMonth = monthOfTime(first);
  const lastMonth = monthOfTime(last);
  return { firstMonth, months: lastMonth - firstMonth + 1, from: monthLabel(firstMonth), to: monthLabel(lastMonth) };
}
