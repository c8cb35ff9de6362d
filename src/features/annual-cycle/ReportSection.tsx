import { useState } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { usePlanStore } from '../../state/plan-store';
import { downloadAnnualReport } from './download-report';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string } | { kind: 'error'; message: string };

/** The annual report as a Word document: number, dates, with or without the comparison and the map. */
export function ReportSection() {
  const t = useT();
  const locale = useLocale();
  const today = new Date().toISOString().slice(0, 10);
  const comparison = usePlanStore((state) => state.comparison);
  const afterSnapshot = usePlanStore((state) => state.snapshots.find((snapshot) => snapshot.id === state.comparison.afterId));
  const hasReport = useAnalysisStore((state) => state.report !== null);
  const [number, setNumber] = useState('');
  const [reportDate, setReportDate] = useState(today);
  const [asOfTyped, setAsOf] = useState<string | null>(null);
  const [withChange, setWithChange] = useState(true);
  const [withMap, setWithMap] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The report is about the later results: a snapshot's own date, or what the user types for the current data.
  const asOf = afterSnapshot?.asOf ?? asOfTyped ?? today;
  const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

  const download = async () => {
    setStatus({ kind: 'working' });
    try {
      const file = await downloadAnnualReport({ number, reportDate, asOf, withChange: withChange && comparison.beforeId !== null, withMap, locale });
      setStatus({ kind: 'done', file });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="cycle-report-title" data-testid="cycle-report">
      <h2 id="cycle-report-title">{t('cycle.report.title')}</h2>
      <label className="field">
        <span>{t('cycle.report.number')}</span>
        <input data-testid="report-number" value={number} maxLength={40} onChange={(event) => setNumber(event.target.value)} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('cycle.report.date')}</span>
          <input type="date" data-testid="report-date" value={reportDate} onChange={(event) => setReportDate(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('cycle.report.asOf')}</span>
          <input type="date" data-testid="report-as-of" value={asOf} disabled={afterSnapshot !== undefined} onChange={(event) => setAsOf(event.target.value)} />
        </label>
      </div>
      <label className="field-check">
        <input type="checkbox" checked={withChange && comparison.beforeId !== null} disabled={comparison.beforeId === null} onChange={(event) => setWithChange(event.target.checked)} />
        {t('cycle.report.withChange')}
      </label>
      <label className="field-check">
        <input type="checkbox" checked={withMap && afterSnapshot === undefined} disabled={afterSnapshot !== undefined} onChange={(event) => setWithMap(event.target.checked)} />
        {t('cycle.report.withMap')}
      </label>
      <button type="button" data-testid="report-download" disabled={!hasReport || status.kind === 'working' || !isDate(asOf) || !isDate(reportDate)} onClick={() => void download()}>
        {t('cycle.report.download')}
      </button>
      <div role="status" aria-live="polite" data-testid="report-status" data-state={status.kind}>
        {status.kind === 'working' && <p>{t('cycle.report.working')}</p>}
        {status.kind === 'done' && <p>{t('cycle.report.done', { file: status.file })}</p>}
        {status.kind === 'error' && <p className="error">{t('cycle.report.error', { message: status.message })}</p>}
      </div>
    </section>
  );
}
