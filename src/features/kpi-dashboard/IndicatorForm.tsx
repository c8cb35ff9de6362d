import { useState, type FormEvent } from 'react';
import { DEFAULT_CONFIG } from '../../core';
import { formatTargetValue } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useDatasetStore } from '../../state/dataset-store';
import { parseIndicatorInput } from './parse-indicator-input';

/** One input per plan target the map cannot compute; a saved value wins over imported rows. */
export function IndicatorForm() {
  const t = useT();
  const locale = useLocale();
  const entered = useDatasetStore((state) => state.enteredIndicators);
  const setEntered = useDatasetStore((state) => state.actions.setEnteredIndicator);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const targets = DEFAULT_CONFIG.targets.filter((target) => !target.computedFrom);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const today = new Date().toISOString().slice(0, 10);
    for (const target of targets) {
      const draft = drafts[target.id];
      if (draft === undefined) continue;
      setEntered(target.id, parseIndicatorInput(draft, target.unit), today);
    }
    setDrafts({});
  };
  return (
    <details className="indicator-form">
      <summary>{t('indicators.title')}</summary>
      <form onSubmit={onSubmit}>
        <p className="hint">{t('indicators.hint')}</p>
        {targets.map((target) => {
          const current = entered.find((row) => row.indicator === target.id);
          return (
            <label key={target.id} className="field">
              <span>{target.label}</span>
              <input
                type="text"
                inputMode="decimal"
                data-testid={`indicator-input-${target.id}`}
                value={drafts[target.id] ?? (current ? formatTargetValue(current.value, target.unit, locale).replace(' Mbit/s', '') : '')}
                onChange={(event) => setDrafts({ ...drafts, [target.id]: event.target.value })}
              />
            </label>
          );
        })}
        <button type="submit" data-testid="indicator-save">
          {t('indicators.save')}
        </button>
      </form>
    </details>
  );
}
