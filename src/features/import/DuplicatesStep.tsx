import { useEffect, useRef, useState } from 'react';
import type { DuplicateChoice, SiteDuplicates } from '../../core';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

const CHOICES: DuplicateChoice[] = ['skip', 'keep-newer', 'keep-both'];

export interface DuplicatesStepProps {
  fileName: string;
  duplicates: SiteDuplicates;
  onApply(choice: DuplicateChoice): void;
  onCancel(): void;
}

/** Adding a site list to a layer that already holds some of its sites: what they are, and the user's choice. */
export function DuplicatesStep({ fileName, duplicates, onApply, onCancel }: DuplicatesStepProps) {
  const t = useT();
  const locale = useLocale();
  const [choice, setChoice] = useState<DuplicateChoice>('skip');
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  return (
    <form
      ref={formRef}
      className="import-review"
      data-testid="import-duplicates"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(choice);
      }}
    >
      <h3>{t('import.duplicates.title', { file: fileName })}</h3>
      {duplicates.sameIdCount > 0 && (
        <p data-testid="duplicates-same-id">{t('import.duplicates.sameId', { count: formatNumber(duplicates.sameIdCount, locale), examples: duplicates.examples.join(', ') })}</p>
      )}
      {duplicates.identicalCount > 0 && <p data-testid="duplicates-identical">{t('import.duplicates.identical', { count: formatNumber(duplicates.identicalCount, locale) })}</p>}
      <fieldset className="radio-column">
        <legend>{t('import.duplicates.choice')}</legend>
        {CHOICES.map((value) => (
          <label className="field-check" key={value}>
            <input type="radio" name="duplicate-choice" value={value} checked={choice === value} data-testid={`duplicates-${value}`} onChange={() => setChoice(value)} />
            {t(`import.duplicates.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" data-testid="duplicates-apply">{t('import.duplicates.apply')}</button>
        <button type="button" onClick={onCancel}>{t('import.cancel')}</button>
      </div>
    </form>
  );
}
