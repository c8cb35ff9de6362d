import { useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { usePlanStore } from '../../state/plan-store';
import type { UnitGrouping } from '../../print/print-content';
import { downloadAnnualReport } from './download-report';

type Status = { kind: 'idle' } | { kind: 'working'; maps: { fraction: number; count: number } | null } | { kind: 'done'; file: string } | { kind: 'cancelled' } | { kind: 'error'; message: string };

/** Which maps go in: none, the whole area, or the whole area and one per unit of a grouping. */
type MapChoice = 'none' | 'area' | UnitGrouping;

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
  const groupings = usePlanStore((state) => state.profile.grouping);
  const [mapChoice, setMapChoice] = useState<MapChoice>('none');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // The maps are pictures of the current print layout: a report on a saved snapshot has none.
  const canMap = afterSnapshot === undefined;
  const maps = !canMap || mapChoice === 'none' ? null : { groupings: mapChoice === 'area' || !groupings.includes(mapChoice) ? [] : [mapChoice] };
  // The report is about the later results: a snapshot's own date, or what the user types for the current data.
  const asOf = afterSnapshot?.asOf ?? asOfTyped ?? today;
  const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

  const download = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'working', maps: null });
    try {
      const file = await downloadAnnualReport({
        number,
        reportDate,
        asOf,
        withChange: withChange && comparison.beforeId !== null,
        maps,
        locale,
        onMapProgress: (fraction, count) => setStatus({ kind: 'working', maps: { fraction, count } }),
        signal: controller.signal,
      });
      setStatus({ kind: 'done', file });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      abort.current = null;
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
      <label className="field">
        <span>{t('cycle.report.maps')}</span>
        <select data-testid="report-maps" value={canMap ? mapChoice : 'none'} disabled={!canMap} onChange={(event) => setMapChoice(event.target.value as MapChoice)}>
          <option value="none">{t('cycle.report.maps.none')}</option>
          <option value="area">{t('cycle.report.maps.area')}</option>
          {groupings.map((grouping) => (
            <option key={grouping} value={grouping}>
              {t('cycle.report.maps.units', { grouping: t(`cycle.grouping.${grouping}`) })}
            </option>
          ))}
        </select>
      </label>
      {!canMap && <p className="hint">{t('cycle.report.maps.currentOnly')}</p>}
      <button type="button" data-testid="report-download" disabled={!hasReport || status.kind === 'working' || !isDate(asOf) || !isDate(reportDate)} onClick={() => void download()}>
        {t('cycle.report.download')}
      </button>
      <div role="status" aria-live="polite" data-testid="report-status" data-state={status.kind}>
        {status.kind === 'working' && (
          <>
            <p>{status.maps ? t('cycle.report.mapsProgress', { count: status.maps.count, percent: Math.floor(status.maps.fraction * 100) }) : t('cycle.report.working')}</p>
            {status.maps && <progress data-testid="report-progress" value={status.maps.fraction} max={1} />}
            <button type="button" data-testid="report-cancel" onClick={() => abort.current?.abort()}>
              {t('cycle.report.cancel')}
            </button>
          </>
        )}
        {status.kind === 'cancelled' && <p>{t('cycle.report.cancelled')}</p>}
        {status.kind === 'done' && <p>{t('cycle.report.done', { file: status.file })}</p>}
        {status.kind === 'error' && <p className="error">{t('cycle.report.error', { message: status.message })}</p>}
      </div>
    </section>
  );
}
