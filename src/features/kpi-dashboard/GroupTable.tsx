import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { useUiStore, type UiState } from '../../state/ui-store';

const GROUPINGS: UiState['groupBy'][] = ['district', 'commune', 'new_commune'];

/** KPIs per district, per (old) commune or per post-July-2025 commune, from `report.groups`. */
export function GroupTable() {
  const t = useT();
  const locale = useLocale();
  const groups = useAnalysisStore((state) => state.report?.groups);
  const groupBy = useUiStore((state) => state.groupBy);
  const setGroupBy = useUiStore((state) => state.actions.setGroupBy);
  const available = GROUPINGS.filter((name) => groups?.[name]);
  const rows = [...(groups?.[groupBy] ?? [])].sort((a, b) => a.key.localeCompare(b.key, 'vi'));
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
      <div className="table-scroll">
        <table className="data-table" data-testid="group-table">
          <thead>
            <tr>
              <th scope="col">{t('groups.unit')}</th>
              <th scope="col">{t('kpi.hamlets')}</th>
              <th scope="col">{t('layer.mobile')}</th>
              <th scope="col">{t('layer.4g')}</th>
              <th scope="col">{t('layer.5g')}</th>
              <th scope="col">{t('layer.ftth')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.key}</th>
                <td>{formatNumber(row.hamlets, locale)}</td>
                <td>{formatPercent(row.coveredMobileShare, locale)}</td>
                <td>{formatPercent(row.covered4gShare, locale)}</td>
                <td>{formatPercent(row.covered5gShare, locale)}</td>
                <td>{formatPercent(row.coveredFtthShare, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
