import type { TargetResult } from '../../core';
import { formatNumber, formatPercent } from '../../i18n/format';
import { formatSitingMessage } from '../../i18n/siting-text';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { useProposalsStore } from '../../state/proposals-store';

interface KpiRow {
  id: string;
  label: string;
  before: number;
  after: number;
  /** Shares are percentages; counts are plain numbers. */
  isShare: boolean;
  target: { value: number; comparator: '>=' | '>' } | null;
}

function isMet(value: number, target: KpiRow['target']): boolean | null {
  if (!target) return null;
  return target.comparator === '>' ? value > target.value : value >= target.value - 1e-12;
}

function targetOf(targets: TargetResult[], id: string): KpiRow['target'] {
  const found = targets.find((target) => target.id === id);
  return found ? { value: found.target, comparator: found.comparator } : null;
}

/** What the solver reported: counts, the chosen plan against the quick one, whether it is proven optimal, what the time limit cut short. */
export function ProposalRunSummaryView() {
  const t = useT();
  const locale = useLocale();
  const summary = useProposalsStore((state) => state.summary);
  const proposals = useProposalsStore((state) => state.proposals);
  if (!summary) return null;
  const upgrades = proposals.filter((proposal) => proposal.kind === 'upgrade').length;
  return (
    <div
      className="proposal-summary"
      data-testid="proposals-summary"
      data-count={proposals.length}
      data-solver-count={summary.count}
      data-greedy-count={summary.greedy.count}
      data-optimal={String(summary.optimal)}
      data-gap={summary.gap ?? ''}
      data-solve-ms={Math.round(summary.solveMs)}
      data-method={summary.method}
      data-status={summary.status.code}
      data-cut-short={summary.timing.cutShort.map((message) => message.code).join(' ')}
    >
      <p>
        <strong>{t('proposals.summary', { count: formatNumber(proposals.length, locale), upgrades: formatNumber(upgrades, locale), new: formatNumber(proposals.length - upgrades, locale) })}</strong>
      </p>
      <ul className="proposal-facts">
        <li data-testid="proposals-status-text">{formatSitingMessage(summary.status, locale)}</li>
        <li>{t('proposals.exactVsGreedy', { count: formatNumber(summary.count, locale), greedy: formatNumber(summary.greedy.count, locale) })}</li>
        {summary.timing.cutShort.map((message) => (
          <li key={message.code} className="warning" data-testid="proposals-cut-short">
            {formatSitingMessage(message, locale)}
          </li>
        ))}
        <li>{t('proposals.solveTime', { seconds: formatNumber((summary.timing.seconds ?? summary.solveMs / 1000) + summary.baseMs / 1000, locale, 1), limit: formatNumber(summary.timing.limitSeconds, locale, 1) })}</li>
        <li>{t('proposals.candidates', { total: formatNumber(summary.candidates.total, locale), useful: formatNumber(summary.candidates.useful, locale) })}</li>
        {summary.isReduced && <li>{t('proposals.reduced', { share: summary.reachableShare.map((share) => formatPercent(share, locale)).join(', '), count: formatNumber(summary.uncoverableCount, locale) })}</li>}
        {summary.sharing?.isReduced && <li>{t('proposals.sharedReduced', { share: formatPercent(summary.sharing.reachable, locale) })}</li>}
      </ul>
    </div>
  );
}

/** KPIs before → after the proposals, against the plan's targets (and the run's own); and the last edit's re-analysis time. */
export function ProposalKpiTable() {
  const t = useT();
  const locale = useLocale();
  const evaluation = useProposalsStore((state) => state.evaluation);
  const isEvaluating = useProposalsStore((state) => state.isEvaluating);
  const summary = useProposalsStore((state) => state.summary);
  const report = useAnalysisStore((state) => state.report);
  const targets = report?.targets ?? [];
  if (!evaluation) return isEvaluating ? <p className="hint">{t('proposals.evaluating')}</p> : null;
  const targetShare = summary ? summary.targetShare : 1;
  const sharing = evaluation.sharing;
  const rows: KpiRow[] = [
    ...(targetShare === null
      ? []
      : evaluation.layers.map((layer) => ({
          id: `target-${layer.operator ?? 'all'}`,
          label: `${t('proposals.kpi.targetLayer', { layer: layer.operator ?? t('proposals.kpi.allOperators') })} (${t(`proposals.measure.${evaluation.measure}`)})`,
          before: layer.before,
          after: layer.after,
          isShare: true,
          target: { value: targetShare, comparator: '>=' as const },
        }))),
    { id: 'coverage-mobile', label: t('proposals.kpi.coveredMobile'), before: evaluation.before.coveredMobileShare, after: evaluation.after.coveredMobileShare, isShare: true, target: targetOf(targets, 'mobile-broadband-hamlets') },
    {
      id: 'shared-sites',
      label: t('proposals.kpi.sharedSites'),
      before: evaluation.before.sharedSiteShare,
      after: evaluation.after.sharedSiteShare,
      isShare: true,
      // The run's own shared-site target when it has one, else the plan's.
      target: sharing ? { value: sharing.share, comparator: sharing.comparator } : targetOf(targets, 'shared-sites'),
    },
    { id: 'sites', label: t('proposals.kpi.sites'), before: evaluation.before.sites, after: evaluation.after.sites, isShare: false, target: null },
  ];
  const show = (value: number, isShare: boolean) => (isShare ? formatPercent(value, locale) : formatNumber(value, locale));
  return (
    <div className="proposal-kpis">
      <h3>{t('proposals.kpis')}</h3>
      <table className="data-table compact" data-testid="proposal-kpis">
        <thead>
          <tr>
            <th scope="col">{t('proposals.kpi')}</th>
            <th scope="col">{t('proposals.before')}</th>
            <th scope="col">{t('proposals.after')}</th>
            <th scope="col">{t('proposals.target')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const met = isMet(row.after, row.target);
            return (
              <tr key={row.id}>
                <th scope="row">{row.label}</th>
                <td data-testid={`proposal-kpi-${row.id}-before`} data-value={row.before}>{show(row.before, row.isShare)}</td>
                <td data-testid={`proposal-kpi-${row.id}-after`} data-value={row.after} data-state={met === null ? 'none' : met ? 'met' : 'not-met'} className={met === null ? '' : met ? 'target-met' : 'target-not-met'}>
                  {show(row.after, row.isShare)}
                </td>
                <td data-testid={`proposal-kpi-${row.id}-target`} data-value={row.target?.value ?? ''}>{row.target ? `${row.target.comparator === '>' ? '>' : '≥'} ${formatPercent(row.target.value, locale)}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint" data-testid="proposals-reanalysis" data-ms={evaluation.durationMs} data-pinned={String(evaluation.isPinned)} aria-live="polite">
        {isEvaluating ? t('proposals.evaluating') : t('proposals.reanalysis', { seconds: formatNumber(evaluation.durationMs / 1000, locale, 2) })}
      </p>
    </div>
  );
}
