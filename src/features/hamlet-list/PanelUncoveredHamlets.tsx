import { useMemo } from 'react';
import { formatUnitLabel, UNASSIGNED_GROUP_KEY, type CoverageReport } from '../../core';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { selectUncoveredHamlets, useAnalysisStore } from '../../state/analysis-store';
import { selectIsDemo, useDatasetStore } from '../../state/dataset-store';
import { useSettingsStore } from '../../state/settings-store';
import { useUiStore, type SortKey } from '../../state/ui-store';
import { buildHamletCsv, buildHamletGeoJson } from './export-hamlets';
import { downloadFile } from '../download-file';
import { ResultExport } from '../result-export/ResultExport';

// Rendering thousands of rows would slow the panel; the export always holds the whole list.
const MAX_ROWS = 300;

function unique(values: string[]): string[] {
  return [...new Set(values)].filter((value) => value !== '').sort((a, b) => a.localeCompare(b, 'vi'));
}

/** A grouping's units to pick from: key and name (with the district unless one is chosen), in the engine's order. */
function unitOptions(report: CoverageReport | null, grouping: 'district' | 'commune', parentKey: string | null): { key: string; label: string }[] {
  const rows = report && Object.hasOwn(report.groups, grouping) ? report.groups[grouping] : [];
  return rows
    .filter((row) => row.key !== UNASSIGNED_GROUP_KEY && (parentKey === null || row.parentKey === parentKey))
    .map((row) => ({ key: row.key, label: parentKey === null ? formatUnitLabel(row) : row.label }));
}

/** Hamlets not covered on the chosen layer: filters, sort, click to zoom, export. */
export function PanelUncoveredHamlets() {
  const t = useT();
  const locale = useLocale();
  const report = useAnalysisStore((state) => state.report);
  const layer = useUiStore((state) => state.layer);
  const listFilters = useUiStore((state) => state.listFilters);
  const selection = useUiStore((state) => state.selection);
  const actions = useUiStore((state) => state.actions);
  const threshold = useSettingsStore((state) => state.coveredThreshold.mobile);
  const hamlets = useDatasetStore((state) => state.hamlets);
  const isDemo = useDatasetStore(selectIsDemo);
  const list = useMemo(() => selectUncoveredHamlets(report, layer, listFilters, threshold), [report, layer, listFilters, threshold]);
  // Units as the engine groups them, by key (code): three communes are called "Phường 1".
  const districts = useMemo(() => unitOptions(report, 'district', null), [report]);
  const communes = useMemo(() => unitOptions(report, 'commune', listFilters.district || null), [report, listFilters.district]);
  const operators = useMemo(() => unique(report?.sites.flatMap((site) => site.operators) ?? []), [report]);
  const fileBase = `ap-chua-phu-${layer}${isDemo ? '-minh-hoa' : ''}`;
  return (
    <div className="hamlet-list">
      <h2>{t('list.title')}: {t(`layer.${layer}`)}</h2>
      <div className="filter-grid">
        <label className="field">
          <span>{t('list.district')}</span>
          <select data-testid="list-district" value={listFilters.district} onChange={(event) => actions.setListFilters({ district: event.target.value, commune: '' })}>
            <option value="">{t('list.all')}</option>
            {districts.map((unit) => <option key={unit.key} value={unit.key}>{unit.label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('list.commune')}</span>
          <select data-testid="list-commune" value={listFilters.commune} onChange={(event) => actions.setListFilters({ commune: event.target.value })}>
            <option value="">{t('list.all')}</option>
            {communes.map((unit) => <option key={unit.key} value={unit.key}>{unit.label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('list.operator')}</span>
          <select data-testid="list-operator" value={listFilters.operator} onChange={(event) => actions.setListFilters({ operator: event.target.value })}>
            <option value="">{t('list.all')}</option>
            {operators.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('list.sortBy')}</span>
          <select data-testid="list-sort" value={listFilters.sortBy} onChange={(event) => actions.setListFilters({ sortBy: event.target.value as SortKey })}>
            <option value="households">{t('list.sortHouseholds')}</option>
            <option value="fraction">{t('list.sortFraction')}</option>
          </select>
        </label>
      </div>
      <div className="button-row">
        <span data-testid="list-count" data-value={list.length}>{t('list.count', { count: formatNumber(list.length, locale) })}</span>
        <button type="button" data-testid="export-csv" onClick={() => downloadFile(buildHamletCsv(list, locale), `${fileBase}.csv`, 'text/csv;charset=utf-8')}>
          {t('list.exportCsv')}
        </button>
        <button type="button" data-testid="export-csv-excel" onClick={() => downloadFile(buildHamletCsv(list, locale, 'excel-vn'), `${fileBase}-excel.csv`, 'text/csv;charset=utf-8')}>
          {t('list.exportCsvExcel')}
        </button>
        <button type="button" data-testid="export-geojson" onClick={() => downloadFile(JSON.stringify(buildHamletGeoJson(list, hamlets, layer, isDemo)), `${fileBase}.geojson`, 'application/geo+json')}>
          {t('list.exportGeoJson')}
        </button>
      </div>
      <ResultExport />
      <ol className="hamlet-rows" data-testid="uncovered-list">
        {list.slice(0, MAX_ROWS).map((hamlet) => (
          <li key={hamlet.id}>
            <button
              type="button"
              className="hamlet-row"
              aria-current={selection?.kind === 'hamlet' && selection.id === hamlet.id ? 'true' : undefined}
              data-testid="uncovered-hamlet"
              data-id={hamlet.id}
              onClick={() => actions.select({ kind: 'hamlet', id: hamlet.id }, true)}
            >
              <span className="hamlet-name">{hamlet.name}</span>
              {hamlet.approximate === true && <span className="badge-approximate" data-testid="hamlet-approximate">{t('approx.label')}</span>}
              <span className="hamlet-place">{hamlet.commune}, {hamlet.district}</span>
              <span className="hamlet-figures">
                {t('list.households')}: {hamlet.households === undefined ? '—' : formatNumber(hamlet.households, locale)} · {t('list.fraction')}: {formatPercent(hamlet.fraction[layer], locale)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {list.length > MAX_ROWS && <p className="hint">{t('list.more', { count: formatNumber(list.length - MAX_ROWS, locale) })}</p>}
    </div>
  );
}
