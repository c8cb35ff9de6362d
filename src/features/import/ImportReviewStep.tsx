import { useEffect, useId, useRef, useState } from 'react';
import type { ParsedInputBytes } from '../../core';
import { formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { listCrsOptions, needsCrsConfirmation } from './crs-choice';
import { nameCrs } from '../../i18n/crs-name';
import { formatMessages } from '../../i18n/format-message';
import type { ImportJob } from './import-file';
import type { ImportReport } from './import-report';
import { PreviewMap } from './PreviewMap';

export interface ImportReviewStepProps {
  job: ImportJob;
  parsed: ParsedInputBytes;
  report: ImportReport;
  /** What the file is read for, when it is not a layer of its own (commune boundaries for a hamlet list). */
  note?: string;
  onReparse(patch: Pick<ImportJob, 'sheet' | 'crs'>): void;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Before a file is used: the sheet to read (workbooks with several sheets) and the coordinate system
 * core guessed, with its confidence, the alternatives and a preview; another choice parses the file again.
 */
export function ImportReviewStep({ job, parsed, report, note, onReparse, onConfirm, onCancel }: ImportReviewStepProps) {
  const t = useT();
  const locale = useLocale();
  const crs = parsed.crs;
  const name = (id: string, label: string) => nameCrs(id, label, locale);
  const [crsChoice, setCrsChoice] = useState(crs?.crsId ?? '');
  const crsSelectId = useId();
  const sheetSelectId = useId();
  const showCrs = crs !== undefined && (needsCrsConfirmation(parsed) || job.crs !== undefined);
  const sectionRef = useRef<HTMLElement>(null);
  // Keyboard and screen-reader users land on the question the file raised.
  useEffect(() => sectionRef.current?.focus(), []);
  return (
    <section ref={sectionRef} tabIndex={-1} className="import-review" data-testid="import-review" aria-labelledby={`${crsSelectId}-title`}>
      <h3 id={`${crsSelectId}-title`}>{t('import.reviewTitle', { file: report.fileName })}</h3>
      {note !== undefined && <p data-testid="review-note">{note}</p>}
      <p data-testid="review-counts">{t('import.reviewCounts', { read: report.rowsRead, used: report.rowsUsed })}</p>
      {parsed.sheet && parsed.sheet.names.length > 1 && (
        <label className="field" htmlFor={sheetSelectId}>
          <span>{t('import.sheet')}</span>
          <select id={sheetSelectId} data-testid="import-sheet" value={parsed.sheet.name} onChange={(event) => onReparse({ sheet: event.target.value })}>
            {parsed.sheet.names.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
      )}
      {showCrs && crs && (
        <div className="crs-guess" data-testid="crs-guess" data-crs={crs.crsId} data-source={crs.source}>
          <p>
            {crs.source === 'guess'
              ? t('import.crsGuessed', { crs: name(crs.crsId, crs.crsLabel), confidence: t(`import.confidence.${crs.confidence}`) })
              : t('import.crsChosen', { crs: name(crs.crsId, crs.crsLabel) })}
            {crs.isSwapped && <> {t('import.crsSwapped')}</>}
          </p>
          {crs.source === 'guess' && <p className="hint">{formatMessages(locale, crs.description)}</p>}
          {crs.alternatives.length > 0 && (
            <>
              <p>{t('import.crsAlternatives')}</p>
              <ul className="crs-alternatives" data-testid="crs-alternatives">
                {crs.alternatives.map((alternative) => (
                  <li key={`${alternative.crsId}-${alternative.isSwapped}`}>
                    {name(alternative.crsId, alternative.crsLabel)}
                    {alternative.isSwapped ? ` (${t('import.crsSwappedShort')})` : ''}:{' '}
                    {t('import.crsShares', { vietnam: formatPercent(alternative.insideVietnamShare, locale), region: alternative.insideRegionShare === null ? '—' : formatPercent(alternative.insideRegionShare, locale) })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <PreviewMap parsed={parsed} />
          <div className="button-row">
            <label className="field" htmlFor={crsSelectId}>
              <span>{t('import.crsPick')}</span>
              <select id={crsSelectId} data-testid="crs-select" value={crsChoice} onChange={(event) => setCrsChoice(event.target.value)}>
                {listCrsOptions(crs).map((option) => (
                  <option key={option.id} value={option.id}>
                    {name(option.id, option.label)}
                    {option.role === 'guess' ? ` — ${t('import.crsRoleGuess')}` : option.role === 'alternative' ? ` — ${t('import.crsRoleAlternative')}` : ''}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" data-testid="crs-reparse" disabled={crsChoice === crs.crsId} onClick={() => onReparse({ crs: crsChoice })}>
              {t('import.crsReparse')}
            </button>
          </div>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="primary" data-testid="import-confirm" onClick={onConfirm}>
          {t('import.confirm')}
        </button>
        <button type="button" data-testid="import-review-cancel" onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </section>
  );
}
