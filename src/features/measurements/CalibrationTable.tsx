import type { RadiusCalibration, Technology } from '../../core';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useSettingsStore } from '../../state/settings-store';
import type { CalibrationEffect } from '../../worker/evidence-messages';

const APPLICABLE: readonly string[] = ['3G', '4G', '5G'];

/**
 * The radius per operator × technology that fits the field, with its interval, the agreement before
 * and after, and what applying it would do to the KPIs. Nothing changes until "Apply".
 */
export function CalibrationTable({ rows, effects, rules }: { rows: RadiusCalibration[]; effects: CalibrationEffect[]; rules: { calibrationMinTests: number; confidenceLevel: number } }) {
  const t = useT();
  const locale = useLocale();
  const overrides = useSettingsStore((state) => state.radiusOverrides);
  const { setRadiusOverride } = useSettingsStore((state) => state.actions);
  const appliedOf = (row: RadiusCalibration) => overrides.find((override) => override.operator === row.operator && override.technology === row.technology);
  const meters = (value: number) => `${formatNumber(value, locale)} m`;
  return (
    <section>
      <h3>{t('evidence.calibration')}</h3>
      <p className="hint">{t('evidence.calibrationHint', { level: formatPercent(rules.confidenceLevel, locale) })}</p>
      {overrides.length > 0 && (
        <p className="notice" data-testid="evidence-applied">
          {t('evidence.appliedList', { list: overrides.map((override) => `${override.operator} ${override.technology} ${meters(override.radiusMeters)}`).join('; ') })}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="evidence-calibration-table">
          <thead>
            <tr>
              <th scope="col">{t('evidence.operator')}</th>
              <th scope="col">{t('evidence.technology')}</th>
              <th scope="col">{t('evidence.currentRadius')}</th>
              <th scope="col">{t('evidence.calibratedRadius')}</th>
              <th scope="col">{t('evidence.before')}</th>
              <th scope="col">{t('evidence.after')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const applied = appliedOf(row);
              const effect = effects.find((item) => item.operator === row.operator && item.technology === row.technology);
              const canApply = row.radiusMeters !== null && APPLICABLE.includes(row.technology);
              return (
                <tr key={`${row.operator}|${row.technology}`} data-testid="evidence-calibration-row" data-operator={row.operator} data-technology={row.technology}>
                  <th scope="row">{row.operator}</th>
                  <td>{row.technology}</td>
                  <td>{meters(applied?.radiusMeters ?? row.currentRadiusMeters)}</td>
                  {row.radiusMeters === null ? (
                    <td colSpan={3} className="muted">
                      {t('evidence.notEnoughEvidence', { min: formatNumber(rules.calibrationMinTests, locale) })}
                    </td>
                  ) : (
                    <>
                      <td>
                        {meters(Math.round(row.radiusMeters / 10) * 10)} ({meters(Math.round(row.low! / 10) * 10)}–{meters(Math.round(row.high! / 10) * 10)})
                        {effect && (
                          <div className="hint">
                            {t('evidence.kpiEffect', { before: formatPercent(effect.operatorShareBefore, locale), after: formatPercent(effect.operatorShareAfter, locale) })}
                          </div>
                        )}
                      </td>
                      <td>{formatPercent(row.agreementBefore, locale)}</td>
                      <td>{row.agreementAfter === null ? '—' : formatPercent(row.agreementAfter, locale)}</td>
                    </>
                  )}
                  <td>
                    {applied ? (
                      <button type="button" data-testid="evidence-unapply" onClick={() => setRadiusOverride(row.operator, row.technology as Technology, null)}>
                        {t('evidence.unapply')}
                      </button>
                    ) : (
                      canApply && (
                        <button type="button" data-testid="evidence-apply" onClick={() => setRadiusOverride(row.operator, row.technology as Technology, Math.round(row.radiusMeters! / 10) * 10)}>
                          {t('evidence.apply')}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
