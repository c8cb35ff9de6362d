import { useEffect, useState } from 'react';
import { startReportAutomation } from '../features/annual-cycle/report-automation';
import { PanelDetails } from '../features/details/PanelDetails';
import { PanelPrint } from '../features/print/PanelPrint';
import { startPrintAutomation } from '../features/print/print-automation';
import { MapView } from '../map/MapView';
import { useUiStore } from '../state/ui-store';
import { AppHeader } from './AppHeader';
import { PanelBoundary } from './PanelBoundary';
import { RestoreNotice } from './RestoreNotice';
import { Sidebar } from './Sidebar';
import { reportMapView } from './url-sync';

/** The page: header, side panels, and the map with its legend and details panel. */
export function App() {
  const [showDiscs, setShowDiscs] = useState(false);
  useEffect(startPrintAutomation, []);
  useEffect(startReportAutomation, []);
  return (
    <div className="app">
      <PanelBoundary area="header">
        <AppHeader />
      </PanelBoundary>
      <RestoreNotice />
      <main className="workspace">
        <Sidebar />
        <section className="map-area">
          <PanelBoundary area="map">
            <MapView onMoveEnd={reportMapView} showDiscs={showDiscs} onShowDiscsChange={setShowDiscs} />
          </PanelBoundary>
          <PanelBoundary area="details">
            <PanelDetails />
          </PanelBoundary>
          <PanelBoundary area="print" onBack={() => useUiStore.getState().actions.setPanel('kpi')}>
            <PanelPrint />
          </PanelBoundary>
        </section>
      </main>
    </div>
  );
}
