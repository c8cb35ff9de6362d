import { useEffect, useRef } from 'react';
import type { Message } from '../../core';
import { formatMessage } from '../../i18n/format-message';
import { useLocale, useT } from '../../i18n/use-t';

export interface HamletQuestionStepProps {
  fileName: string;
  findings: readonly Message[];
  onContinue(): void;
  onCancel(): void;
}

/**
 * A hamlet layer whose units are far too large for hamlets or whose names look like communes or
 * districts (core's `checkHamletLayer`): asked before it replaces the hamlets, not imported in silence.
 */
export function HamletQuestionStep({ fileName, findings, onContinue, onCancel }: HamletQuestionStepProps) {
  const t = useT();
  const locale = useLocale();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <section className="import-review" role="alertdialog" aria-labelledby="hamlet-question-title" data-testid="hamlet-question">
      <h3 id="hamlet-question-title">{t('approx.question')}</h3>
      <p className="hint">{fileName}</p>
      <ul>
        {findings.map((finding) => (
          <li key={finding.code} data-code={finding.code}>{formatMessage(locale, finding)}</li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" ref={cancelRef} className="primary" data-testid="hamlet-question-cancel" onClick={onCancel}>{t('approx.questionCancel')}</button>
        <button type="button" data-testid="hamlet-question-continue" onClick={onContinue}>{t('approx.questionContinue')}</button>
      </div>
    </section>
  );
}
