import { formatUnitLabel, UNASSIGNED_GROUP_KEY } from '../../core';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { useUiStore, type UiState } from '../../state/ui-store';

const GROUPINGS: UiState['groupBy'][] = ['district', 'commune', 'new_commune'];

/**
 * KPIs per district, per (old) commune or per post-July-2025 commune, as the engine groups them
 * (`report.groups`): one row per unit, keyed by its code, named with its parent ("Phường 1 — Thị xã
 * Vĩnh Châu"), in the engine's order.
 */
export function GroupTable() {
  const t = useT();
  const locale = useLocale();
  const groups = useAnalysisStore((state) => state.report?.groups);
  const groupBy = useUiStore((state) => state.groupBy);
  const setGroupBy = useUiStore((state) => state.actions.setGroupBy);
  const rowsOf = (name: UiState['groupBy']) => (groups && Object.hasOwn(groups, name) ? groups[name] : []);
  // A grouping the data cannot give (no merger table, no new_code) has only the unassigned row.
  const available = GROUPINGS.filter((name) => rowsOf(name).some((row) => row.key !== UNASSIGNED_GROUP_KEY));
  const rows = rowsOf(groupBy);
  const isMissingCodes = rows.some((row) => row.code === null && row.key !== UNASSIGNED_GROUP_KEY);
  return (
    <section>
      <h2>{t('groups.title')}</h2>
      <label className="field-inline">
        <span>{t('groups.by')}</span>
        <select data-testid="group-by" value={groupBy} onChange={(event) => setGroupBy(event.target.value as UiState['groupBy'])}>
          {available.map((name) => (
            <option key={name} value={name}>
              {t(`groups.${name}`)}
            </option>
          ))}
        </select>
      </label>
      {isMissingCodes && (
        <p className="hint" data-testid="group-codes-missing">
          {t('groups.codesMissing')}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="group-table">
          <thead>
            <tr>
              <th scope="col">{t('groups.unit')}</th>
              <th scope="col">{t('groups.code')}</th>
              <th scope="col">{t('kpi.hamlets')}</th>
              <th scope="col">{t('layer.mobile')}</th>
              <th scope="col">{t('layer.4g')}</th>
              <th scope="col">{t('layer.5g')}</th>
              <th scope="col">{t('layer.ftth')}</th>
              <th scope="col">{t('kpi.sites')}</th>
              <th scope="col">{t('kpi.sharedSites')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid="group-row" data-key={row.key}>
                <th scope="row">{formatUnitLabel(row)}</th>
                <td>{row.code ?? '—'}</td>
                <td>{formatNumber(row.hamlets, locale)}</td>
                <td data-testid="group-mobile" data-value={row.coveredMobileShare}>{formatPercent(row.coveredMobileShare, locale)}</td>
                <td>{formatPercent(row.covered4gShare, locale)}</td>
                <td>{formatPercent(row.covered5gShare, locale)}</td>
                <td>{formatPercent(row.coveredFtthShare, locale)}</td>
                <td data-testid="group-sites" data-value={row.sites}>{formatNumber(row.sites, locale)}</td>
                <td>{formatPercent(row.sharedSiteShare, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
