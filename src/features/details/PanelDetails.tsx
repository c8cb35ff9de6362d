import { useMemo } from 'react';
import { coveredThresholdOf, coverageStatusOf, DEFAULT_CONFIG, filterCoverageInput, findReachingSites, LAYER_NAMES, operatorFractionOf, type HamletResult } from '../../core';
import { coverageClassLabels } from '../../i18n/coverage-classes';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { useDatasetStore } from '../../state/dataset-store';
import { useSettingsStore } from '../../state/settings-store';
import { useUiStore } from '../../state/ui-store';

/**
 * An approximate hamlet (built from its point or its commune): how its area was made, and its result by
 * both rules side by side: the area share as for every hamlet, and the point rule (covered when its
 * point is; the rule the FCC 5G Fund map uses for hexagon centroids).
 */
function ApproximateRules({ result, isCommuneUnit }: { result: HamletResult; isCommuneUnit: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="details-approximate" data-testid="details-approximate">
      <p>
        <span className="badge-approximate">{t('approx.label')}</span> {t(isCommuneUnit ? 'approx.detailCommune' : 'approx.detail')}
      </p>
      <table className="data-table compact" data-testid="details-rules">
        <caption>{t('approx.rules')}</caption>
        <thead>
          <tr>
            <td />
            {LAYER_NAMES.map((layer) => <th scope="col" key={layer}>{t(`layer.${layer}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('approx.areaRule')}</th>
            {LAYER_NAMES.map((layer) => <td key={layer}>{formatPercent(result.fraction[layer], locale)}</td>)}
          </tr>
          <tr>
            <th scope="row">{t('approx.pointRule')}</th>
            {LAYER_NAMES.map((layer) => (
              <td key={layer} data-testid={`details-point-${layer}`} data-covered={result.pointCovered === undefined ? '' : String(result.pointCovered[layer])}>
                {result.pointCovered === undefined ? '—' : t(result.pointCovered[layer] ? 'details.yes' : 'details.no')}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

// Every value below is a React text node: source properties never reach innerHTML.
function HamletDetails({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const report = useAnalysisStore((state) => state.report);
  const hamlets = useDatasetStore((state) => state.hamlets);
  const radiiMeters = useSettingsStore((state) => state.radiiMeters);
  const btsRecords = useDatasetStore((state) => state.btsRecords);
  const filters = useUiStore((state) => state.filters);
  const result = report?.hamlets.find((hamlet) => hamlet.id === id);
  const hamlet = hamlets.find((item) => item.id === id);
  // The engine's own geometry (sectors, per-record radii), for the sites of the current report and the
  // records the filters keep.
  const covering = useMemo(() => {
    if (!hamlet || !report) return [];
    const records = filterCoverageInput({ hamlets: [], btsRecords, fibrePoints: [], fibreRoutes: [], indicators: [] }, filters).btsRecords;
    return findReachingSites(hamlet, report.sites, records, { ...DEFAULT_CONFIG, radiiMeters });
  }, [hamlet, report, btsRecords, radiiMeters, filters]);
  if (!result || !report) return null;
  const operators = Object.keys(result.operatorFraction).sort();
  return (
    <>
      <h2 data-testid="details-title">
        {t('details.hamlet')}: {result.name}
      </h2>
      <dl className="details-list">
        <dt>{t('details.commune')}</dt>
        <dd data-testid="details-commune">{result.commune}</dd>
        <dt>{t('details.district')}</dt>
        <dd>{result.district}</dd>
        <dt>{t('details.households')}</dt>
        <dd>{result.households === undefined ? '—' : formatNumber(result.households, locale)}</dd>
      </dl>
      {result.approximate === true && <ApproximateRules result={result} isCommuneUnit={hamlet?.point === undefined} />}
      <table className="data-table compact">
        <caption>{t('details.fraction')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('details.operators')}</th>
            {LAYER_NAMES.map((layer) => <th scope="col" key={layer}>{t(`layer.${layer}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('list.all')}</th>
            {LAYER_NAMES.map((layer) => <td key={layer} data-testid={`details-fraction-${layer}`}>{formatPercent(result.fraction[layer], locale)}</td>)}
          </tr>
          {operators.map((operator) => (
            <tr key={operator}>
              <th scope="row">{operator}</th>
              {LAYER_NAMES.map((layer) => <td key={layer}>{layer === 'ftth' ? '—' : formatPercent(operatorFractionOf(result, operator, layer), locale)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('classes.title')}</h3>
      <dl className="details-list" data-testid="details-classes">
        {LAYER_NAMES.map((layer) => (
          <div key={layer} className="details-class">
            <dt>{t(`layer.${layer}`)}</dt>
            <dd data-testid={`details-class-${layer}`} data-status={coverageStatusOf(result, layer)}>
              {coverageClassLabels(coveredThresholdOf(report.coveredThreshold, layer), t, locale)[coverageStatusOf(result, layer)]}
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t('details.coveringSites')}</h3>
      {covering.length === 0 ? (
        <p>{t('details.none')}</p>
      ) : (
        <ul className="site-list">
          {covering.slice(0, 20).map(({ site, fraction }) => (
            <li key={site.id}>
              {site.id} — {site.operators.join(', ')} ({site.technologies.join(', ')}), {formatPercent(fraction, locale)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function SiteDetails({ id }: { id: string }) {
  const t = useT();
  const site = useAnalysisStore((state) => state.report?.sites.find((item) => item.id === id));
  if (!site) return null;
  return (
    <>
      <h2 data-testid="details-title">
        {t('details.site')}: {site.id}
      </h2>
      <dl className="details-list">
        <dt>{t('details.operators')}</dt>
        <dd>{site.operators.join(', ')}</dd>
        <dt>{t('details.technologies')}</dt>
        <dd>{site.technologies.join(', ')}</dd>
        <dt>{t('details.shared')}</dt>
        <dd>{site.shared ? t('details.yes') : t('details.no')}</dd>
      </dl>
      {site.recordSiteIds.length > 1 && <p className="hint">{site.recordSiteIds.join(', ')}</p>}
    </>
  );
}

/** The clicked hamlet or site, over the map. */
export function PanelDetails() {
  const t = useT();
  const selection = useUiStore((state) => state.selection);
  const select = useUiStore((state) => state.actions.select);
  if (!selection) return null;
  return (
    <section className="details-panel" data-testid="details-panel" aria-live="polite">
      <button type="button" className="close" onClick={() => select(null)} aria-label={t('details.close')}>
        ×
      </button>
      {selection.kind === 'hamlet' ? <HamletDetails id={selection.id} /> : <SiteDetails id={selection.id} />}
    </section>
  );
}
