import { useEffect } from 'react';
import { LAYER_NAMES, planShortTitle, type LayerName } from '../core';
import { formatPercent } from '../i18n/format';
import { useLocale, useT } from '../i18n/use-t';
import { useAnalysisStore } from '../state/analysis-store';
import { selectIsDemo, useDatasetStore } from '../state/dataset-store';
import { useUiStore } from '../state/ui-store';
import { usePrintStore } from '../features/print/print-store';
import { usePlanStore } from '../state/plan-store';

function AnalysisStatus() {
  const t = useT();
  const locale = useLocale();
  const { status, progress, durationMs, error } = useAnalysisStore();
  const datasetStatus = useDatasetStore((state) => state.status);
  const datasetError = useDatasetStore((state) => state.error);
  let text = '';
  // A program's own failure is told as a planner's sentence; its technical text (for whoever
  // supports the app) is only the tooltip.
  let detail: string | undefined;
  if (datasetStatus === 'loading') text = t('app.loading');
  else if (datasetStatus === 'error') [text, detail] = [t('app.loadError'), datasetError ?? undefined];
  else if (status === 'running') text = t('app.analysing', { percent: formatPercent(progress, locale) });
  else if (status === 'error') [text, detail] = [t('app.error'), error ?? undefined];
  // A planner needs to know the figures are current, not how many milliseconds they took.
  else if (durationMs !== null) text = t('app.analysisDone');
  return (
    <div className="status" role="status" aria-live="polite" data-testid="analysis-status" data-state={status}>
      {status === 'running' && <progress max={1} value={progress} aria-hidden="true" />}
      <span title={detail}>{text}</span>
    </div>
  );
}

/** Says that the figures shown are for some operators or technologies only; a click opens the filters. */
function ActiveFilters() {
  const t = useT();
  const filters = useUiStore((state) => state.filters);
  const setPanel = useUiStore((state) => state.actions.setPanel);
  const parts = [...(filters.operators ?? []), ...(filters.technologies ?? [])];
  if (filters.operators === null && filters.technologies === null) return null;
  const text = t('filters.active', { list: parts.length > 0 ? parts.join(', ') : '∅' });
  // A long list is cut short on screen (the header keeps its one line); the whole list is in the tooltip.
  return (
    <button type="button" className="active-filters" data-testid="active-filters" title={text} onClick={() => setPanel('filters')}>
      {text}
    </button>
  );
}

export function AppHeader() {
  const t = useT();
  const locale = useLocale();
  const layer = useUiStore((state) => state.layer);
  const actions = useUiStore((state) => state.actions);
  const isDemo = useDatasetStore(selectIsDemo);
  // While the first dataset loads (the demo, unless layers are restored), the banner's line is kept
  // empty, so the map does not shrink under it once the demo is known: resizing the map's canvas
  // reallocates and redraws it, a tenth of a second with software WebGL.
  const isFirstLoad = useDatasetStore((state) => (state.status === 'idle' || state.status === 'loading') && state.revision === 0);
  const profile = usePlanStore((state) => state.profile);
  const title = t('app.title', { plan: planShortTitle(profile, locale) });
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <header className="app-header" data-testid="app-header">
      {/* One line that never wraps, so a filter chip or a longer language never moves the map. */}
      <div className="app-header-bar">
        <h1 data-testid="app-title" title={title}>
          {title}
        </h1>
        <label className="field-inline">
          <span>{t('layer.label')}</span>
          <select data-testid="layer-select" value={layer} onChange={(event) => actions.setLayer(event.target.value as LayerName)}>
            {LAYER_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(`layer.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <ActiveFilters />
        <button type="button" className="print-open" data-testid="print-open" onClick={() => usePrintStore.getState().actions.setOpen(!usePrintStore.getState().isOpen)}>
          {t('print.open')}
        </button>
        <AnalysisStatus />
        <div className="language" role="group" aria-label={t('app.language')}>
          {(['vi', 'en'] as const).map((code) => (
            <button key={code} type="button" aria-pressed={locale === code} data-testid={`language-${code}`} onClick={() => {
              actions.setLocale(code);
              document.documentElement.lang = code;
            }}>
              {code.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      {isDemo ? (
        <p className="demo-banner" data-testid="demo-banner" role="note">
          <strong>{t('app.demoBanner')}:</strong> {t('demo.notice')}
        </p>
      ) : (
        isFirstLoad && <p className="demo-banner demo-banner-pending" aria-hidden="true">&nbsp;</p>
      )}
    </header>
  );
}
