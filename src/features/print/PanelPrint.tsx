import { useState } from 'react';
import { createPortal } from 'react-dom';
import { latestDataDate } from '../../print/print-content';
import { selectIndicatorRows, useDatasetStore } from '../../state/dataset-store';
import { formatDayMonthYear, parseDayMonthYear } from './data-date';
import { useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { formatUnitLabel, type CoverageReport } from '../../core';
import { reportUnits } from '../../print/print-content';
import { useUiStore } from '../../state/ui-store';
import { PrintLayout } from '../../print/PrintLayout';
import { ORIENTATIONS, PAPER_NAMES, type Orientation, type PaperName } from '../../print/paper-sizes';
import { usePrintStore, type PrintSettings } from './print-store';
import { cancelPrint, startPrint } from './start-print';
import { useMeasurementsStore } from '../../state/measurements-store';
import './print.css';

const EXTENTS: PrintSettings['extent'][] = ['province', 'district', 'commune', 'view'];
const ATLASES: PrintSettings['atlas'][] = ['', 'district', 'commune', 'new_commune'];
const EVIDENCE_CONTENTS: PrintSettings['evidence'][] = ['', 'challenges', 'h3View'];

/** What the map shows: hamlets by class, the challenged hexagons (with field tests imported), or the layer on H3 hexagons. */
function FieldMapContent() {
  const t = useT();
  const evidence = usePrintStore((state) => state.settings.evidence);
  const hasTests = useMeasurementsStore((state) => state.set !== null && state.set.count > 0);
  const { setSettings } = usePrintStore((state) => state.actions);
  return (
    <label className="field">
      <span>{t('print.mapContent')}</span>
      <span className="field-control">
        <select data-testid="print-map-content" value={evidence} onChange={(event) => setSettings({ evidence: event.target.value as PrintSettings['evidence'] })}>
          {EVIDENCE_CONTENTS.map((name) => (
            <option key={name} value={name} disabled={name === 'challenges' && !hasTests}>
              {t(name === '' ? 'print.mapContent.hamlets' : `print.mapContent.${name}`)}
            </option>
          ))}
        </select>
        {!hasTests && <small className="field-hint">{t('print.mapContent.needsMeasurements')}</small>}
      </span>
    </label>
  );
}

/** Districts or communes to choose from, as the engine groups them: value = the unit's key (its code where the data has one), label = name and parent. */
function unitOptions(report: CoverageReport | null, grouping: 'district' | 'commune'): { value: string; label: string }[] {
  return report ? reportUnits(report, grouping).map((row) => ({ value: row.key, label: formatUnitLabel(row) })) : [];
}

/** The pages of the last print, full size, shown only by the browser's own print (see print.css). */
function BrowserPrintSheets() {
  const preview = usePrintStore((state) => state.preview);
  const paper = usePrintStore((state) => state.settings.paper);
  const orientation = usePrintStore((state) => state.settings.orientation);
  if (!preview) return null;
  return createPortal(
    <div className="print-root">
      <style>{`@page { size: ${paper} ${orientation}; margin: 0; }`}</style>
      <PrintLayout pages={preview.pages} imageUrls={preview.imageUrls} />
    </div>,
    document.body,
  );
}

/**
 * The data date, shown and typed as dd/mm/yyyy (a browser's date input shows the browser's own format,
 * often mm/dd/yyyy); it starts at the latest indicator date. A day that does not exist is said at once
 * and stops the export.
 */
function FieldDataDate({ onValidChange }: { onValidChange(isValid: boolean): void }) {
  const t = useT();
  const dataDate = usePrintStore((state) => state.settings.dataDate);
  const latest = useDatasetStore((state) => latestDataDate(selectIndicatorRows(state)));
  const [text, setText] = useState(() => formatDayMonthYear(dataDate || latest || ''));
  const isValid = text.trim() === '' || parseDayMonthYear(text) !== null;
  return (
    <label className="field">
      <span>{t('print.dataDate')}</span>
      <span className="field-control">
        <input
          data-testid="print-data-date"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={text}
          aria-invalid={!isValid}
          aria-describedby="print-data-date-hint"
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            const iso = parseDayMonthYear(next);
            const isNextValid = next.trim() === '' || iso !== null;
            onValidChange(isNextValid);
            if (isNextValid) usePrintStore.getState().actions.setSettings({ dataDate: iso ?? '' });
          }}
        />
        <small id="print-data-date-hint" className={isValid ? 'field-hint' : 'field-hint error'} data-testid="print-data-date-hint">
          {isValid ? t('print.dataDateHint') : t('print.dataDateInvalid')}
        </small>
      </span>
    </label>
  );
}

/** The print dialog: paper, orientation, extent, atlas, title, data date; PDF, PNG and browser print. */
export function PanelPrint() {
  const t = useT();
  const layer = useUiStore((state) => state.layer);
  const report = useAnalysisStore((state) => state.report);
  const { isOpen, settings, status, progress, message, preview, actions } = usePrintStore();
  const [isDateValid, setDateValid] = useState(true);
  const hasTests = useMeasurementsStore((state) => state.set !== null && state.set.count > 0);
  if (!isOpen) return null;
  const unitGrouping = settings.extent === 'district' || settings.extent === 'commune' ? settings.extent : null;
  const units = unitGrouping ? unitOptions(report, unitGrouping) : [];
  const isRunning = status === 'running';
  const hasReport = report !== null;
  const canExport = !isRunning && hasReport && isDateValid && (settings.evidence !== 'challenges' || hasTests);
  return (
    <section className="print-dialog" role="dialog" aria-label={t('print.dialog')} data-testid="print-dialog">
      <header>
        <h2>{t('print.dialog')}</h2>
        <button type="button" onClick={() => actions.setOpen(false)} aria-label={t('print.close')}>
          ×
        </button>
      </header>
      <div className="print-fields">
        <label className="field">
          <span>{t('print.title')}</span>
          <input data-testid="print-title" value={settings.title} placeholder={t(`print.titleDefault.${layer}`)} onChange={(event) => actions.setSettings({ title: event.target.value })} />
        </label>
        <label className="field">
          <span>{t('print.paper')}</span>
          <select data-testid="print-paper" value={settings.paper} onChange={(event) => actions.setSettings({ paper: event.target.value as PaperName })}>
            {PAPER_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('print.orientation')}</span>
          <select data-testid="print-orientation" value={settings.orientation} onChange={(event) => actions.setSettings({ orientation: event.target.value as Orientation })}>
            {ORIENTATIONS.map((name) => (
              <option key={name} value={name}>
                {t(`print.orientation.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('print.extent')}</span>
          <select data-testid="print-extent" value={settings.extent} onChange={(event) => actions.setSettings({ extent: event.target.value as PrintSettings['extent'], unitKey: '' })}>
            {EXTENTS.map((name) => (
              <option key={name} value={name}>
                {t(`print.extent.${name}`)}
              </option>
            ))}
          </select>
        </label>
        {unitGrouping && (
          <label className="field">
            <span>{t('print.unit')}</span>
            <select data-testid="print-unit" value={settings.unitKey} onChange={(event) => actions.setSettings({ unitKey: event.target.value })}>
              <option value="">—</option>
              {units.map((unit) => (
                <option key={unit.value} value={unit.value}>
                  {unit.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('print.atlas')}</span>
          <select data-testid="print-atlas" value={settings.atlas} onChange={(event) => actions.setSettings({ atlas: event.target.value as PrintSettings['atlas'] })}>
            {ATLASES.filter((name) => name === '' || (report !== null && reportUnits(report, name).length > 0)).map((name) => (
              <option key={name} value={name}>
                {name === '' ? t('print.atlas.none') : t(`groups.${name}`)}
              </option>
            ))}
          </select>
        </label>
        {settings.atlas !== '' && (
          <label className="field">
            <span>{t('print.atlas.order')}</span>
            <select data-testid="print-atlas-order" value={settings.atlasOrder} onChange={(event) => actions.setSettings({ atlasOrder: event.target.value === 'name' ? 'name' : 'code' })}>
              <option value="code">{t('print.atlas.order.code')}</option>
              <option value="name">{t('print.atlas.order.name')}</option>
            </select>
          </label>
        )}
        <FieldMapContent />
        <FieldDataDate onValidChange={setDateValid} />
      </div>
      <div className="print-buttons">
        <button type="button" data-testid="print-export-pdf" disabled={!canExport} onClick={() => void startPrint('pdf')}>
          {t('print.exportPdf')}
        </button>
        <button type="button" data-testid="print-export-png" disabled={!canExport} onClick={() => void startPrint('png')}>
          {t('print.exportPng')}
        </button>
        <button type="button" data-testid="print-browser" disabled={!canExport} onClick={() => void startPrint('browser')}>
          {t('print.browserPrint')}
        </button>
        {isRunning && (
          <button type="button" data-testid="print-cancel" onClick={cancelPrint}>
            {t('print.cancel')}
          </button>
        )}
      </div>
      <div className="print-status" role="status" aria-live="polite" data-testid="print-status" data-state={status}>
        {!hasReport && t('print.noReport')}
        {isRunning && (
          <>
            <progress data-testid="print-progress" max={Math.max(1, progress.total)} value={progress.done} />
            <span>{t('print.progress', { done: Math.min(progress.done + 1, Math.max(progress.total, 1)), total: Math.max(progress.total, 1) })}</span>
          </>
        )}
        {status === 'done' && message}
        {status === 'cancelled' && t('print.cancelled')}
        {status === 'error' && t('print.failed', { message: message ?? '' })}
      </div>
      {preview && preview.pages.length > 0 && (
        <div className="print-preview" data-testid="print-preview">
          <PrintLayout pages={preview.pages.slice(0, 1)} imageUrls={preview.imageUrls} />
        </div>
      )}
      <BrowserPrintSheets />
    </section>
  );
}
