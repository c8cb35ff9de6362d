import type { SnapshotChange } from '../../core';
import { formatTargetValue } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useCurrentReport } from '../../state/current-report';
import { selectChange, usePlanStore } from '../../state/plan-store';
import { useSettingsStore } from '../../state/settings-store';

function metMark(met: boolean | null | undefined): string {
  return met === true ? '✔' : met === false ? '✘' : '…';
}

/** Every target's value then → now, met or not each time (the KPI panel and the comparison). */
export function TargetChangeTable({ change, caption }: { change: SnapshotChange; caption?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section>
      <h3>{caption ?? t('cycle.compare.targets')}</h3>
      <table className="data-table" data-testid="target-change-table">
        <thead>
          <tr>
            <th scope="col">{t('targets.indicator')}</th>
            <th scope="col">{t('targets.target')}</th>
            <th scope="col">{t('cycle.compare.before')}</th>
            <th scope="col">{t('cycle.compare.after')}</th>
          </tr>
        </thead>
        <tbody>
          {change.targets.map((target) => (
            <tr key={target.id} data-testid={`target-change-${target.id}`} data-then={target.then?.value ?? ''} data-now={target.now?.value ?? ''}>
              <th scope="row">{target.label}</th>
              <td>
                {target.comparator === '>' ? '> ' : '≥ '}
                {formatTargetValue(target.target, target.unit, locale)}
              </td>
              <td>
                {formatTargetValue(target.then?.value ?? null, target.unit, locale)} <span aria-label={target.then?.met ? t('targets.met') : t('targets.notMet')}>{metMark(target.then?.met)}</span>
              </td>
              <td>
                → {formatTargetValue(target.now?.value ?? null, target.unit, locale)} <span aria-label={target.now?.met ? t('targets.met') : t('targets.notMet')}>{metMark(target.now?.met)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** In the KPI panel: the targets then → now against the chosen earlier snapshot, when there is one. */
export function TargetChangeSinceSnapshot() {
  const t = useT();
  const plan = usePlanStore();
  const report = useCurrentReport();
  const coveredThreshold = useSettingsStore((state) => state.coveredThreshold);
  const matchMeters = useSettingsStore((state) => state.colocationMeters);
  const change = selectChange(plan, report, { coveredThreshold, matchMeters });
  const before = plan.snapshots.find((snapshot) => snapshot.id === plan.comparison.beforeId);
  if (!change || !before) return null;
  return <TargetChangeTable change={change} caption={t('cycle.compare.targetsFor', { label: before.label })} />;
}
