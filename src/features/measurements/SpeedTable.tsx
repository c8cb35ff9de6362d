import { useState } from 'react';
import type { SpeedRow } from '../../core';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import type { MeasurementsState } from '../../state/measurements-store';

type Service = 'mobile' | 'fixed';

/** Speed figures per unit of the chosen grouping; a unit short of the monthly minimum shows "not enough samples". */
export function SpeedTable({ result, groupBy, onGroupByChange, groupings }: { result: NonNullable<MeasurementsState['result']>; groupBy: string; onGroupByChange(field: string): void; groupings: string[] }) {
  const t = useT();
  const locale = useLocale();
  const [service, setService] = useState<Service>('mobile');
  const labels = useAnalysisStore((state) => state.report?.groups?.[groupBy]);
  const { measurements } = result;
  const rows = (service === 'mobile' ? measurements.units[groupBy] : measurements.fixedUnits[groupBy]) ?? [];
  const overall = measurements.overall[service];
  const labelOf = (key: string): string => (labels?.find((group) => group.key === key) as { label?: string } | undefined)?.label ?? key;
  const targetOf = (name: Service): number => result.targets.find((row) => row.id === (name === 'mobile' ? 'mobile-speed-mbps' : 'fixed-speed-mbps'))?.target ?? (name === 'mobile' ? 40 : 100);
  const cells = (row: SpeedRow) =>
    row.enoughSamples ? (
      <>
        <td>{row.medianDownMbps === null ? '—' : formatNumber(row.medianDownMbps, locale, 1)}</td>
        <td>{row.meanDownMbps === null ? '—' : formatNumber(row.meanDownMbps, locale, 1)}</td>
        <td>{row.shareAtTarget === null ? '—' : formatPercent(row.shareAtTarget, locale)}</td>
      </>
    ) : (
      <td colSpan={3} className="muted" data-enough="false">
        {t('evidence.notEnough')}
      </td>
    );
  return (
    <section>
      <h3>{t('evidence.speed')}</h3>
      <p className="hint">{t('evidence.speedHint', { min: formatNumber(measurements.rules.minSamplesPerMonth, locale) })}</p>
      <div className="radio-row">
        <label className="field-inline">
          <span>{t('groups.by')}</span>
          <select data-testid="evidence-group-by" value={groupBy} onChange={(event) => onGroupByChange(event.target.value)}>
            {groupings.map((name) => (
              <option key={name} value={name}>
                {t(`groups.${name}` as 'groups.district')}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('evidence.service')}</span>
          <select data-testid="evidence-service" value={service} onChange={(event) => setService(event.target.value as Service)}>
            {(['mobile', 'fixed'] as const).map((name) => (
              <option key={name} value={name}>
                {t(`evidence.service.${name}`, { target: formatNumber(targetOf(name), locale) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="evidence-speed-table">
          <thead>
            <tr>
              <th scope="col">{t('evidence.unit')}</th>
              <th scope="col">{t('evidence.tests')}</th>
              <th scope="col">{t('evidence.median')}</th>
              <th scope="col">{t('evidence.mean')}</th>
              <th scope="col">{t('evidence.atTarget')}</th>
            </tr>
          </thead>
          <tbody>
            {overall !== null && (
              <tr data-testid="evidence-speed-province">
                <th scope="row">{t('evidence.province')}</th>
                <td>{formatNumber(overall.tests, locale)}</td>
                {cells({ key: '', ...overall })}
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.key} data-testid="evidence-speed-row" data-key={row.key}>
                <th scope="row">{labelOf(row.key)}</th>
                <td>{formatNumber(row.tests, locale)}</td>
                {cells(row)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('evidence.notMeasuredCount', { count: formatNumber(measurements.notMeasured[groupBy] ?? 0, locale) })}</p>
    </section>
  );
}
