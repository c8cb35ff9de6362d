import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { selectKpis, useAnalysisStore } from '../../state/analysis-store';
import { GroupTable } from './GroupTable';
import { IndicatorForm } from './IndicatorForm';
import { OutsideSites } from './OutsideSites';
import { TargetTable } from './TargetTable';
import { TargetChangeSinceSnapshot } from '../annual-cycle/TargetChangeTable';

/** KPI cards, the plan's target table, the indicator form and the breakdown by unit. */
export function PanelKpiDashboard() {
  const t = useT();
  const locale = useLocale();
  const kpis = useAnalysisStore(selectKpis);
  const operatorFilter = useAnalysisStore((state) => state.report?.operatorFilter ?? null);
  const approximateCount = useAnalysisStore((state) => state.report?.hamlets.filter((hamlet) => hamlet.approximate === true).length ?? 0);
  if (!kpis) return <p>{t('app.loading')}</p>;
  // With an operator filter the site figures are that operator's sites, co-location found among every operator's.
  const operators = operatorFilter?.join(', ') ?? '';
  const shares = [
    ['coverage-mobile', t('kpi.coveredMobile'), kpis.coveredMobileShare, kpis.coveredMobile],
    ['coverage-4g', t('kpi.covered4g'), kpis.covered4gShare, kpis.covered4g],
    ['coverage-5g', t('kpi.covered5g'), kpis.covered5gShare, kpis.covered5g],
    ['coverage-ftth', t('kpi.coveredFtth'), kpis.coveredFtthShare, kpis.coveredFtth],
    ['shared-sites', operatorFilter ? t('kpi.sharedSitesOfOperators', { operators }) : t('kpi.sharedSites'), kpis.sharedSiteShare, kpis.sharedSites],
  ] as const;
  return (
    <div className="kpi-dashboard">
      <dl className="kpi-cards">
        <div className="kpi-card">
          <dt>{t('kpi.hamlets')}</dt>
          <dd data-testid="kpi-hamlets" data-value={kpis.hamlets}>
            {formatNumber(kpis.hamlets, locale)}
          </dd>
        </div>
        <div className="kpi-card">
          <dt>{operatorFilter ? t('kpi.sitesOfOperators', { operators }) : t('kpi.sites')}</dt>
          <dd data-testid="kpi-sites" data-value={kpis.sites}>
            {formatNumber(kpis.sites, locale)}
          </dd>
        </div>
        {shares.map(([id, label, share, count]) => (
          <div className="kpi-card" key={id}>
            <dt data-testid={`kpi-${id}-label`} title={id === 'shared-sites' && operatorFilter ? t('kpi.sharedSitesOfOperatorsHint', { operators }) : undefined}>
              {label}
            </dt>
            <dd data-testid={`kpi-${id}`} data-value={share}>
              {formatPercent(share, locale)} <small>({formatNumber(count, locale)})</small>
            </dd>
          </div>
        ))}
      </dl>
      {/* Approximate hamlets: the point rule beside the area shares above (a hamlet counts when its point is covered). */}
      {approximateCount > 0 && kpis.pointRule && (
        <p className="hint" data-testid="kpi-point-rule" data-value={kpis.pointRule.coveredMobileShare}>
          {t('approx.kpiNote', { count: formatNumber(approximateCount, locale), share: formatPercent(kpis.pointRule.coveredMobileShare, locale) })}
        </p>
      )}
      <OutsideSites />
      <TargetTable />
      <TargetChangeSinceSnapshot />
      <IndicatorForm />
      <GroupTable />
    </div>
  );
}
