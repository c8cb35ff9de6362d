import { useRef, useState, type DragEvent } from 'react';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useDatasetStore, type DatasetLayerName } from '../../state/dataset-store';
import { resetToDemo } from '../../state/load-dataset';
import { ColumnMappingStep } from './ColumnMappingStep';
import { buildHamletFields, findMissingColumns, inspectHamletProperties, readCsvHeaders, renameCsvHeaders, type ImportKind, type RequiredColumn } from './column-mapping';
import { fileFormatOf, importFile, type ImportReport } from './import-file';
import { ImportReportView } from './ImportReportView';

const KINDS: ImportKind[] = ['sites', 'hamlets', 'fibre', 'indicators', 'merger'];
const SHOWN_LAYERS: DatasetLayerName[] = ['hamlets', 'btsRecords', 'fibrePoints', 'indicators', 'enteredIndicators', 'merger'];

interface PendingMapping {
  fileName: string;
  text: string;
  headers: string[];
  missing: RequiredColumn[];
}

/** File picker and drop zone, the column-mapping step, the import report and "back to demo data". */
export function PanelImport() {
  const t = useT();
  const locale = useLocale();
  const [kind, setKind] = useState<ImportKind>('sites');
  const [mode, setMode] = useState<'replace' | 'add'>('replace');
  const [pending, setPending] = useState<PendingMapping | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isDragging, setIsDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const dataset = useDatasetStore();

  const runImport = async (fileName: string, text: string, mapping?: Record<string, string>) => {
    setIsBusy(true);
    try {
      setReport(await importFile(kind, fileName, text, mode, kind === 'hamlets' && mapping ? buildHamletFields(mapping) : undefined));
    } finally {
      setIsBusy(false);
    }
  };

  const handleFile = async (file: File) => {
    setReport(null);
    const text = await file.text();
    if (fileFormatOf(file.name) === 'csv') {
      const headers = readCsvHeaders(text);
      const missing = findMissingColumns(kind, headers);
      if (headers.length > 0 && missing.length > 0) {
        setPending({ fileName: file.name, text, headers, missing });
        return;
      }
    } else if (kind === 'hamlets') {
      const { headers, missing } = inspectHamletProperties(text);
      if (missing.length > 0) {
        setPending({ fileName: file.name, text, headers, missing });
        return;
      }
    }
    await runImport(file.name, text);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void handleFile(file);
  };

  return (
    <div className="import">
      <h2>{t('import.title')}</h2>
      <label className="field">
        <span>{t('import.kind')}</span>
        <select data-testid="import-kind" value={kind} onChange={(event) => setKind(event.target.value as ImportKind)}>
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
        <button type="button" onClick={() => inputRef.current?.click()} disabled={isBusy}>
          {t('import.pick')}
        </button>
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          accept=".csv,.tsv,.txt,.json,.geojson"
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void handleFile(file);
          }}
        />
      </div>
      {pending && (
        <ColumnMappingStep
          missing={pending.missing}
          headers={pending.headers}
          onCancel={() => setPending(null)}
          onApply={(mapping) => {
            setPending(null);
            if (kind === 'hamlets') void runImport(pending.fileName, pending.text, mapping);
            else void runImport(pending.fileName, renameCsvHeaders(pending.text, kind, mapping));
          }}
        />
      )}
      {report && <ImportReportView report={report} />}
      <h3>{t('import.layers')}</h3>
      <ul className="layer-origins" data-testid="layer-origins">
        {SHOWN_LAYERS.map((name) => (
          <li key={name} data-testid={`origin-${name}`} data-origin={dataset.origin[name]}>
            {t(`dataset.${name}`)}: {formatNumber((dataset[name] as unknown[]).length, locale)} ({t(`import.origin.${dataset.origin[name]}`)})
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="danger"
        data-testid="reset-demo"
        onClick={() => {
          if (window.confirm(t('import.resetConfirm'))) {
            setReport(null);
            void resetToDemo();
          }
        }}
      >
        {t('import.resetDemo')}
      </button>
    </div>
  );
}
