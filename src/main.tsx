// First: the connection policy must be in place before any module connects anywhere.
import './app/apply-connection-policy';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { PanelBoundary } from './app/PanelBoundary';
import { startPersistence } from './app/persistence-sync';
import { startUrlSync } from './app/url-sync';
import { loadDataset } from './state/load-dataset';
import { startAnalysisRunner } from './state/run-analysis';
import { startProposalsRunner } from './state/run-proposals';
import { startEvidenceRunner } from './state/run-evidence';
import { restoreMeasurements, startMeasurementPersistence } from './state/measurements-persistence';
import { warmUpWorker } from './worker/client';
import { restoreReferenceLayers, startReferencePersistence } from './state/reference-persistence';
import './app/app.css';

performance.mark('app-start');
// Main imports the worker client only for this: the first parse should not wait for the worker script.
warmUpWorker();
startUrlSync();
startAnalysisRunner();
startProposalsRunner();
startEvidenceRunner();
// The stored tests after the dataset: the dataset's load sets the list of stored parts it could not read.
void loadDataset()
  .then(startPersistence)
  .then(restoreMeasurements)
  .catch(() => undefined)
  .then(startMeasurementPersistence)
  .then(restoreReferenceLayers)
  .catch(() => undefined)
  .then(startReferencePersistence);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelBoundary area="app">
      <App />
    </PanelBoundary>
  </StrictMode>,
);
