import { useDatasetStore, type DatasetLayerName } from '../state/dataset-store';
import { saveLayer, saveSettings } from '../state/persistence';
import { startProposalPersistence } from '../state/proposals-persistence';
import { startPlanPersistence } from '../state/plan-persistence';
import { selectSettings, useSettingsStore } from '../state/settings-store';

const PERSISTED_LAYERS: DatasetLayerName[] = ['hamlets', 'btsRecords', 'fibrePoints', 'fibreRoutes', 'indicators', 'enteredIndicators', 'merger'];

/** After the first load: saves every imported layer and the settings to IndexedDB when they change. */
export function startPersistence(): () => void {
  const unsubscribeDataset = useDatasetStore.subscribe((state, previous) => {
    for (const name of PERSISTED_LAYERS) {
      if (state[name] !== previous[name] && state.origin[name] === 'imported') void saveLayer(name, state[name]);
    }
  });
  const unsubscribeSettings = useSettingsStore.subscribe((state, previous) => {
    if (state !== previous) void saveSettings(selectSettings(state));
  });
  const proposals = startProposalPersistence();
  const plan = startPlanPersistence();
  return () => {
    void proposals.then((unsubscribe) => unsubscribe());
    void plan.then((unsubscribe) => unsubscribe());
    unsubscribeDataset();
    unsubscribeSettings();
  };
}
