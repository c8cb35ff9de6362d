import { useEffect, useState, type DragEvent } from 'react';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useDatasetStore, type DatasetLayerName } from '../../state/dataset-store';
import { resetToDemo } from '../../state/load-dataset';
import { FilePickButton } from '../FilePickButton';
import { PanelProject } from '../project/PanelProject';
import { PanelReferenceLayers } from '../reference/PanelReferenceLayers';
import type { ImportKind } from './column-mapping';
import { groupPickedFiles, IMPORT_ACCEPT } from './import-file';
import { ImportReportView } from './ImportReportView';
import { ImportReviewStep } from './ImportReviewStep';
import { TableStep } from './TableStep';
import { DuplicatesStep } from './DuplicatesStep';
import { CommunesStep } from './CommunesStep';
import { HamletQuestionStep } from './HamletQuestionStep';
import { useImportFlow, type ImportStep } from './use-import-flow';
import './import.css';

const KINDS: ImportKind[] = ['sites', 'hamlets', 'fibre', 'indicators', 'merger', 'measurements', 'reference'];
const SHOWN_LAYERS: DatasetLayerName[] = ['hamlets', 'btsRecords', 'fibrePoints', 'indicators', 'enteredIndicators', 'merger'];

/** Reading / parsing progress with a Cancel button; the page stays usable meanwhile. */
function ImportProgressView({ step, onCancel }: { step: Extract<ImportStep, { kind: 'busy' }>; onCancel(): void }) {
  const t = useT();
  const locale = useLocale();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const timer = setInterval(() => setSeconds(Math.floor((performance.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [step.fileName]);
  const { phase, share } = step.progress;
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={phase} role="status" aria-live="polite">
      <span>
        {phase === 'reading'
          ? t('import.reading', { file: step.fileName, percent: formatPercent(share ?? 0, locale) })
          : phase === 'loading-reader'
            ? t('formats.loadingGdal', { percent: share === null ? '' : formatPercent(share, locale) })
            : t('import.parsing', { file: step.fileName, seconds: formatNumber(seconds, locale) })}
      </span>
      {share === null ? <progress aria-label={t('import.parsingShort')} /> : <progress max={1} value={share} aria-label={t('import.readingShort')} />}
      <button type="button" data-testid="import-cancel" onClick={onCancel}>
        {t('import.cancel')}
      </button>
    </div>
  );
}

/** File picker and drop zone, column mapping, review (sheet, coordinate system), report, project file, back to demo. */
export function PanelImport() {
  const t = useT();
  const locale = useLocale();
  const [kind, setKind] = useState<ImportKind>('sites');
  const [mode, setMode] = useState<'replace' | 'add'>('replace');
  const [isDragging, setIsDragging] = useState(false);
  const dataset = useDatasetStore();
  const flow = useImportFlow(mode);
  const { step } = flow;
  const isBusy = step.kind === 'busy';

  // A MapInfo table comes as several files (.tab, .dat, .map, .id): picked together, they are one import.
  const startFiles = async (list: readonly File[]) => {
    const picked = await groupPickedFiles(list);
    if (picked !== null) await flow.start(kind, picked.main, picked.companions);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDragging(false);
    if (!isBusy) void startFiles([...event.dataTransfer.files]);
  };

  return (
    <div className="import">
      <h2>{t('import.title')}</h2>
      <label className="field">
        <span>{t('import.kind')}</span>
        <select data-testid="import-kind" value={kind} disabled={isBusy} onChange={(event) => setKind(event.target.value as ImportKind)}>
          {KINDS.map((name) => (
            <option key={name} value={name}>
              {t(`import.kind.${name}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="radio-row">
        <legend>{t('import.mode')}</legend>
        {(['replace', 'add'] as const).map((value) => (
          <label className="field-check" key={value}>
            <input type="radio" name="import-mode" value={value} checked={mode === value} data-testid={`import-mode-${value}`} onChange={() => setMode(value)} />
            {t(`import.${value}`)}
          </label>
        ))}
      </fieldset>
      <div
        className={`drop-zone${isDragging ? ' is-dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
      >
        <span>{t('import.drop')}</span>{' '}
        <FilePickButton accept={IMPORT_ACCEPT} multiple disabled={isBusy} inputTestId="import-file" onFiles={(files) => void startFiles(files)}>
          {t('import.pick')}
        </FilePickButton>
        <p className="hint">{t('import.formats')}</p>
      </div>
      {step.kind === 'busy' && <ImportProgressView step={step} onCancel={flow.cancel} />}
      {step.kind === 'cancelled' && (
        <p className="hint" role="status" data-testid="import-cancelled">
          {t('import.cancelled', { file: step.fileName })}
        </p>
      )}
      {step.kind === 'table' && (
        <TableStep
          fileName={step.job.fileName}
          kind={step.mapping}
          inspection={step.inspection}
          onHeaderRow={(row) => void flow.pickHeaderRow(row)}
          onApply={(columns) => void flow.applyTable(columns)}
          onCancel={flow.cancel}
        />
      )}
      {step.kind === 'communes' && <CommunesStep fileName={step.job.fileName} reading={step.reading} onApply={flow.applyCommunes} onCancel={flow.cancel} />}
      {step.kind === 'hamlet-question' && <HamletQuestionStep fileName={step.job.fileName} findings={step.findings} onContinue={flow.acceptHamletLayer} onCancel={flow.cancel} />}
      {step.kind === 'duplicates' && <DuplicatesStep fileName={step.job.fileName} duplicates={step.duplicates} onApply={flow.applyDuplicates} onCancel={flow.cancel} />}
      {step.kind === 'review' && (
        <ImportReviewStep
          key={step.report.crs?.crsId ?? ''}
          {...(step.forList ? { note: t('approx.communesReview', { file: step.forList.job.fileName }) } : {})}
          job={step.job} parsed={step.parsed} report={step.report} onReparse={flow.reparse} onConfirm={flow.confirm} onCancel={flow.cancel} />
      )}
      {step.kind === 'done' && step.sheetRetry && (
        <label className="field">
          <span>{t('import.sheetRetry')}</span>
          <select data-testid="import-sheet" value="" onChange={(event) => flow.reparse({ sheet: event.target.value })}>
            <option value="" disabled>
              {t('import.sheetPick')}
            </option>
            {step.sheetRetry.sheetNames.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
      )}
      {(step.kind === 'done' || step.kind === 'review' || step.kind === 'duplicates') && <ImportReportView report={step.report} />}
      <h3>{t('import.layers')}</h3>
      <ul className="layer-origins" data-testid="layer-origins">
        {SHOWN_LAYERS.map((name) => (
          <li key={name} data-testid={`origin-${name}`} data-origin={dataset.origin[name]}>
            {t(`dataset.${name}`)}: {formatNumber((dataset[name] as unknown[]).length, locale)} ({t(`import.origin.${dataset.origin[name]}`)})
          </li>
        ))}
      </ul>
      <PanelReferenceLayers />
      <PanelProject />
      <button
        type="button"
        className="danger"
        data-testid="reset-demo"
        onClick={() => {
          if (window.confirm(t('import.resetConfirm'))) {
            flow.clear();
            void resetToDemo();
          }
        }}
      >
        {t('import.resetDemo')}
      </button>
    </div>
  );
}
