import { useMemo, useState } from 'react';
import { formatUnitLabel, UNASSIGNED_GROUP_KEY, type GroupKpis } from '../../core';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/dictionary';
import { datasetBounds } from '../../map/map-data';
import { useAnalysisStore } from '../../state/analysis-store';
import { useDatasetStore } from '../../state/dataset-store';
import { useUiStore, type UiState } from '../../state/ui-store';
import { GROUP_COLUMNS, nextSort, sortGroupRows, totalGroupRows, type GroupColumn, type GroupSort } from './group-table-rows';

const GROUPINGS: UiState['groupBy'][] = ['district', 'commune', 'new_commune'];

const COLUMN_LABELS: Record<GroupColumn, MessageKey> = {
  unit: 'groups.unit',
  code: 'groups.code',
  hamlets: 'kpi.hamlets',
  households: 'panels.groups.households',
  mobile: 'layer.mobile',
  '4g': 'layer.4g',
  '5g': 'layer.5g',
  ftth: 'layer.ftth',
  sites: 'panels.groups.sites',
  sharedSites: 'panels.groups.sharedSites',
  sharedShare: 'panels.groups.sharedShare',
};

/** Moves the map to the extent of the unit's hamlets (through the ui store's view request). */
function zoomToUnit(groupBy: UiState['groupBy'], key: string): void {
  const report = useAnalysisStore.getState().report;
  if (!report) return;
  const ids = new Set(report.hamlets.filter((hamlet) => hamlet.groupKeys[groupBy] === key).map((hamlet) => hamlet.id));
  const bounds = datasetBounds(useDatasetStore.getState().hamlets.filter((hamlet) => ids.has(hamlet.id)));
  if (!bounds) return;
  const center: [number, number] = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2];
  useUiStore.getState().actions.requestView({ center, zoom: 11, bounds });
}

/** The figures of a row or of the total, cell by cell after the unit and code. */
function FigureCells({ row, locale }: { row: Pick<GroupKpis, 'hamlets' | 'households' | 'coveredMobileShare' | 'covered4gShare' | 'covered5gShare' | 'coveredFtthShare' | 'sites' | 'sharedSites' | 'sharedSiteShare'>; locale: 'vi' | 'en' }) {
  const cells: [GroupColumn, number, string][] = [
    ['hamlets', row.hamlets, formatNumber(row.hamlets, locale)],
    ['households', row.households, formatNumber(row.households, locale)],
    ['mobile', row.coveredMobileShare, formatPercent(row.coveredMobileShare, locale)],
    ['4g', row.covered4gShare, formatPercent(row.covered4gShare, locale)],
    ['5g', row.covered5gShare, formatPercent(row.covered5gShare, locale)],
    ['ftth', row.coveredFtthShare, formatPercent(row.coveredFtthShare, locale)],
    ['sites', row.sites, formatNumber(row.sites, locale)],
    ['sharedSites', row.sharedSites, formatNumber(row.sharedSites, locale)],
    ['sharedShare', row.sharedSiteShare, formatPercent(row.sharedSiteShare, locale)],
  ];
  return (
    <>
      {cells.map(([column, value, text]) => (
        <td key={column} className="number" data-column={column} data-value={value}>
          {text}
        </td>
      ))}
    </>
  );
}

/**
 * KPIs per district, per (old) commune or per post-July-2025 commune, as the engine groups them
 * (`report.groups`): one row per unit, keyed by its code, named with its parent ("Phường 1 — Thị xã
 * Vĩnh Châu"), sortable by every column, with a total row; a unit's name zooms the map to it.
 */
export function GroupTable() {
  const t = useT();
  const locale = useLocale();
  const groups = useAnalysisStore((state) => state.report?.groups);
  const outsideSites = useAnalysisStore((state) => state.report?.sites.filter((site) => site.hamletId === null).length ?? 0);
  const groupBy = useUiStore((state) => state.groupBy);
  const setGroupBy = useUiStore((state) => state.actions.setGroupBy);
  const [sort, setSort] = useState<GroupSort>({ column: 'unit', direction: 'ascending' });
  const rowsOf = (name: UiState['groupBy']) => (groups && Object.hasOwn(groups, name) ? groups[name] : []);
  // A grouping the data cannot give (no merger table, no new_code) has only the unassigned row.
  const available = GROUPINGS.filter((name) => rowsOf(name).some((row) => row.key !== UNASSIGNED_GROUP_KEY));
  const rows = rowsOf(groupBy);
  const sorted = useMemo(() => sortGroupRows(rows, sort), [rows, sort]);
  const total = useMemo(() => totalGroupRows(rows), [rows]);
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
      <p className="hint">{t('panels.groups.hint')}</p>
      {isMissingCodes && (
        <p className="hint" data-testid="group-codes-missing">
          {t('groups.codesMissing')}
        </p>
      )}
      <div className="table-scroll group-table-scroll">
        <table className="data-table group-table" data-testid="group-table">
          <caption className="visually-hidden">{t('panels.groups.caption', { grouping: t(`groups.${groupBy}`) })}</caption>
          <thead>
            <tr>
              {GROUP_COLUMNS.map((column) => {
                const isSorted = sort.column === column;
                return (
                  <th key={column} scope="col" className={column === 'unit' || column === 'code' ? undefined : 'number'} aria-sort={isSorted ? sort.direction : 'none'} data-testid={`group-sort-${column}`}>
                    <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, column))}>
                      {t(COLUMN_LABELS[column])}
                      <span aria-hidden="true" className="sort-mark">
                        {isSorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => {
              const label = formatUnitLabel(row);
              return (
                <tr key={row.key} data-testid="group-row" data-key={row.key}>
                  <th scope="row" className="unit-name">
                    {row.key === UNASSIGNED_GROUP_KEY ? (
                      label
                    ) : (
                      <button type="button" className="link-button" data-testid="group-zoom" title={t('panels.groups.zoomTo', { unit: label })} onClick={() => zoomToUnit(groupBy, row.key)}>
                        {label}
                      </button>
                    )}
                  </th>
                  <td>{row.code ?? '—'}</td>
                  <FigureCells row={row} locale={locale} />
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-testid="group-total">
              <th scope="row" className="unit-name">
                {t('panels.groups.total', { units: formatNumber(total.units, locale) })}
              </th>
              <td />
              <FigureCells row={total} locale={locale} />
            </tr>
          </tfoot>
        </table>
      </div>
      {outsideSites > 0 && (
        <p className="hint" data-testid="group-outside-sites">
          {t('panels.groups.outsideSites', { count: formatNumber(outsideSites, locale) })}
        </p>
      )}
    </section>
  );
}
