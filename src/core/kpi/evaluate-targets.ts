import type { IndicatorValue, KpiSet, PlanTarget, TargetResult } from '../types';

/** A sortable key for the dates offices write: `2024-12-31`, `31/12/2024`, `31-12-2024`, `12/2024`, `2024`. */
function dateKey(date: string | undefined): string {
  const text = (date ?? '').trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2].padStart(2, '0')}-${dayFirst[1].padStart(2, '0')}`;
  const monthYear = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (monthYear) return `${monthYear[2]}-${monthYear[1].padStart(2, '0')}`;
  return text;
}

/**
 * Checks every plan target against the engine's KPIs or the latest indicator row for it.
 * @param kpis the overall KPIs
 * @param indicators indicator rows; the latest `date` wins when an indicator appears twice (ISO or
 *   Vietnamese day-first dates)
 * @param targets the plan's targets
 * @returns one row per target: value (null when missing), met (null when missing), source
 * @example evaluateTargets(kpis, [], DEFAULT_CONFIG.targets)[0].met // false when a hamlet is uncovered
 */
export function evaluateTargets(kpis: KpiSet, indicators: IndicatorValue[], targets: PlanTarget[]): TargetResult[] {
  const latest = new Map<string, IndicatorValue>();
  for (const row of indicators) {
    const previous = latest.get(row.indicator);
    if (!previous || dateKey(row.date) >= dateKey(previous.date)) latest.set(row.indicator, row);
  }
  return targets.map((target) => {
    let value: number | null = null;
    let source = 'missing';
    if (target.computedFrom) {
      value = kpis[target.computedFrom];
      source = 'engine';
    } else {
      const row = latest.get(target.id);
      if (row) {
        value = row.value;
        source = `indicator${row.source ? `: ${row.source}` : ''}${row.date ? ` (${row.date})` : ''}`;
      }
    }
    const met = value === null ? null : target.comparator === '>' ? value > target.target : value >= target.target - 1e-12;
    return { id: target.id, label: target.label, comparator: target.comparator, target: target.target, unit: target.unit, value, met, source };
  });
}
