import { lazy, Suspense, type KeyboardEvent } from 'react';
import { PanelFilters } from '../features/filters/PanelFilters';
import { PanelUncoveredHamlets } from '../features/hamlet-list/PanelUncoveredHamlets';
import { PanelImport } from '../features/import/PanelImport';
import { PanelKpiDashboard } from '../features/kpi-dashboard/PanelKpiDashboard';
import { PanelMeasurements } from '../features/measurements/PanelMeasurements';
import { PanelSettings } from '../features/settings/PanelSettings';
import { PanelProposals } from '../features/site-proposals/PanelProposals';
import { useT } from '../i18n/use-t';
import { PanelBoundary } from './PanelBoundary';
import { useUiStore, type PanelName } from '../state/ui-store';

// The yearly-cycle panel (plan, snapshots, the annual report) loads when first opened, not with the app.
const PanelCycle = lazy(() => import('../features/annual-cycle/PanelCycle').then((module) => ({ default: module.PanelCycle })));

const PANELS: PanelName[] = ['kpi', 'hamlets', 'proposals', 'evidence', 'cycle', 'filters', 'import', 'settings'];

/** Tabs on the left: one panel at a time (arrow keys move between tabs, as in the WAI-ARIA tabs pattern). */
export function Sidebar() {
  const t = useT();
  const panel = useUiStore((state) => state.panel);
  const setPanel = useUiStore((state) => state.actions.setPanel);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = PANELS[(PANELS.indexOf(panel) + step + PANELS.length) % PANELS.length];
    setPanel(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <aside className="sidebar" aria-label={t('app.panels')}>
      <div className="tabs" role="tablist" onKeyDown={onKeyDown}>
        {PANELS.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={panel === name}
            aria-controls={`panel-${name}`}
            tabIndex={panel === name ? 0 : -1}
            data-testid={`tab-${name}`}
            onClick={() => setPanel(name)}
          >
            {t(`panel.${name}`)}
          </button>
        ))}
      </div>
      <div className="panel" role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
        <PanelBoundary key={panel} area={panel} onBack={panel === 'kpi' ? undefined : () => setPanel('kpi')}>
          {panel === 'kpi' && <PanelKpiDashboard />}
          {panel === 'hamlets' && <PanelUncoveredHamlets />}
          {panel === 'filters' && <PanelFilters />}
          {panel === 'import' && <PanelImport />}
          {panel === 'settings' && <PanelSettings />}
          {panel === 'proposals' && <PanelProposals />}
          {panel === 'evidence' && <PanelMeasurements />}
          {panel === 'cycle' && (
            <Suspense fallback={<p>{t('app.loading')}</p>}>
              <PanelCycle />
            </Suspense>
          )}
        </PanelBoundary>
      </div>
    </aside>
  );
}
