import { useEffect, useState } from 'react';
import { PanelDetails } from '../features/details/PanelDetails';
import { PanelPrint } from '../features/print/PanelPrint';
import { startPrintAutomation } from '../features/print/print-automation';
import { MapLegend } from '../map/MapLegend';
import { MapView } from '../map/MapView';
import { AppHeader } from './AppHeader';
import { Sidebar } from './Sidebar';
import { reportMapView } from './url-sync';

/** The page: header, side panels, and the map with its legend and details panel. */
export function App() {
  const [showDiscs, setShowDiscs] = useState(false);
  useEffect(startPrintAutomation, []);
  return (
    <div className="app">
      <AppHeader />
      <main className="workspace">
        <Sidebar />
        <section className="map-area">
          <MapView onMoveEnd={reportMapView} showDiscs={showDiscs} />
          <MapLegend showDiscs={showDiscs} onShowDiscsChange={setShowDiscs} />
          <PanelDetails />
          <PanelPrint />
        </section>
      </main>
    </div>
  );
}
