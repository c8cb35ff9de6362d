import { DEFAULT_CONFIG, withMeasuredTargets, type TargetResult } from '../../core';
import { formatIsoDate, formatNumber, formatTargetValue } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { selectTargets, useAnalysisStore } from '../../state/analysis-store';
import { useMeasurementsStore } from '../../state/measurements-store';

function useSourceText(): (source: string) => string {
  const t = useT();
  const locale = useLocale();
  // Field tests write `measured: N tests, 2025-01 – 2025-03` or `undated 3 months`.
  const period = (text: string) => text.replace(/^undated (\d+) months$/, (_, months: string) => t('evidence.periodUndated', { months }));
  const measured = (source: string): string | null => {
    const full = /^measured: (\d+) tests, (.+)$/.exec(source);
    if (full) return t('targets.sourceMeasured', { tests: formatNumber(Number(full[1]), locale), period: period(full[2]) });
    return null;
  };
  const indicator = (source: string): string => {
    if (source === 'engine') return t('targets.sourceEngine');
    if (source === 'missing') return t('targets.missing');
    // The engine writes `indicator: <source> (<ISO date>)`.
    const text = source.replace(/^indicator:?\s*/, '').replace(/\((\d{4}-\d{2}-\d{2})\)$/, (_, date: string) => `(${formatIsoDate(date, locale)})`);
    return text.startsWith('entered') ? `${t('targets.sourceEntered')}${text.slice('entered'.length)}` : text;
  };
  return (source) => {
    const fromTests = measured(source);
    if (fromTests !== null) return fromTests;
    const [typed, tests] = source.split('; measured: not enough samples ');
    if (tests === undefined) return indicator(source);
    const detail = /^\((\d+) tests, (.+)\)$/.exec(tests);
    const note = detail ? t('targets.sourceMeasuredNotEnough', { tests: formatNumber(Number(detail[1]), locale), period: period(detail[2]) }) : '';
    return `${indicator(typed)}; ${note}`;
  };
}

function StatusCell({ target }: { target: TargetResult }) {
  const t = useT();
  const text = target.met === null ? t('targets.missing') : target.met ? t('targets.met') : t('targets.notMet');
  const state = target.met === null ? 'missing' : target.met ? 'met' : 'not-met';
  return (
    <td className={`target-status target-${state}`} data-testid={`target-status-${target.id}`} data-state={state}>
      <span aria-hidden="true">{target.met === null ? '…' : target.met ? '✔' : '✘'}</span> {text}
    </td>
  );
}

/** Every target of the plan: label, target, value, met / not met, and where the value comes from. */
export function TargetTable() {
  const t = useT();
  const locale = useLocale();
  const analysed = useAnalysisStore(selectTargets);
  const operatorFilter = useAnalysisStore((state) => state.report?.operatorFilter ?? null);
  // The speed targets from the field tests, when there are some (their source says so).
  const measuredTargets = useMeasurementsStore((state) => state.result?.targets);
  const targets = withMeasuredTargets(analysed, measuredTargets);
  const sourceText = useSourceText();
  // With an operator filter the shared-site value is that operator's sites shared with another operator
  // (the app analyses with the plan's default targets).
  const sharedSiteTargets = new Set(DEFAULT_CONFIG.targets.filter((target) => target.computedFrom === 'sharedSiteShare').map((target) => target.id));
  const labelOf = (target: TargetResult) => (operatorFilter && sharedSiteTargets.has(target.id) ? t('kpi.sharedSitesOfOperators', { operators: operatorFilter.join(', ') }) : target.label);
  return (
    <section>
      <h2>{t('targets.title')}</h2>
      <table className="data-table" data-testid="target-table">
        <thead>
          <tr>
            <th scope="col">{t('targets.indicator')}</th>
            <th scope="col">{t('targets.target')}</th>
            <th scope="col">{t('targets.value')}</th>
            <th scope="col">{t('targets.status')}</th>
            <th scope="col">{t('targets.source')}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => (
            <tr key={target.id} data-testid={`target-${target.id}`}>
              <th scope="row" data-testid={`target-label-${target.id}`}>{labelOf(target)}</th>
              <td>
                {target.comparator === '>' ? '> ' : '≥ '}
                {formatTargetValue(target.target, target.unit, locale)}
              </td>
              <td data-testid={`target-value-${target.id}`} data-value={target.value ?? ''}>
                {formatTargetValue(target.value, target.unit, locale)}
              </td>
              <StatusCell target={target} />
              <td className="target-source">{sourceText(target.source)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
