import { useState } from 'react';
import { formatIsoDate, formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { usePlanStore } from '../../state/plan-store';
import { useUiStore } from '../../state/ui-store';
import { snapshotBlocker, takeSnapshot } from './cycle-actions';

/** Saving the current results as a dated snapshot, and the list of snapshots kept. */
export function SnapshotSection() {
  const t = useT();
  const locale = useLocale();
  const snapshots = usePlanStore((state) => state.snapshots);
  const removeSnapshot = usePlanStore((state) => state.actions.removeSnapshot);
  // Re-render when the analysis or the filters change, so the blocker below is current.
  useAnalysisStore((state) => state.status);
  useUiStore((state) => state.filters);
  const [asOf, setAsOf] = useState(() => new Date().toISOString().slice(0, 10));
  const [label, setLabel] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const blocker = snapshotBlocker();
  const defaultLabel = t('cycle.snapshots.defaultLabel', { date: formatIsoDate(asOf, locale) });

  const save = () => {
    const snapshot = takeSnapshot(asOf, label.trim() || defaultLabel, new Date());
    if (snapshot) {
      setSaved(snapshot.label);
      setLabel('');
    }
  };

  return (
    <section aria-labelledby="cycle-snapshots-title" data-testid="cycle-snapshots">
      <h2 id="cycle-snapshots-title">{t('cycle.snapshots.title')}</h2>
      <p className="hint">{t('cycle.snapshots.hint')}</p>
      <form
        className="snapshot-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label className="field">
          <span>{t('cycle.snapshots.asOf')}</span>
          <input type="date" required data-testid="snapshot-as-of" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('cycle.snapshots.label')}</span>
          <input data-testid="snapshot-label" placeholder={defaultLabel} value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />
        </label>
        <button type="submit" data-testid="snapshot-save" disabled={blocker !== null || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)}>
          {t('cycle.snapshots.save')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {blocker === 'filtered' && <p className="hint">{t('cycle.snapshots.filtered')}</p>}
        {blocker === 'not-ready' && <p className="hint">{t('cycle.snapshots.notReady')}</p>}
        {saved && <p data-testid="snapshot-saved">{t('cycle.snapshots.saved', { label: saved })}</p>}
      </div>
      {snapshots.length === 0 ? (
        <p>{t('cycle.snapshots.empty')}</p>
      ) : (
        <ul className="snapshot-list" data-testid="snapshot-list">
          {snapshots.map((snapshot) => (
            <li key={snapshot.id} data-testid={`snapshot-${snapshot.id}`}>
              <strong>{snapshot.label}</strong> ({formatIsoDate(snapshot.asOf, locale)})
              <br />
              <small>
                {t('cycle.snapshots.summary', {
                  hamlets: formatNumber(snapshot.results.kpis.hamlets, locale),
                  mobile: formatPercent(snapshot.results.kpis.coveredMobileShare, locale),
                  sites: formatNumber(snapshot.results.kpis.sites, locale),
                })}
              </small>{' '}
              <button type="button" className="link-button" onClick={() => window.confirm(t('cycle.snapshots.deleteConfirm', { label: snapshot.label })) && removeSnapshot(snapshot.id)}>
                {t('cycle.snapshots.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
