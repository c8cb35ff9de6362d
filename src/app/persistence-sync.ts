import { DATASET_LAYER_NAMES, useDatasetStore } from '../state/dataset-store';
import { saveLayer, saveOrigins, saveSettings } from '../state/persistence';
import { startProposalPersistence } from '../state/proposals-persistence';
import { startPlanPersistence } from '../state/plan-persistence';
import { selectSettings, useSettingsStore } from '../state/settings-store';

/**
 * After the first load: saves every imported layer, where each layer came from, and the settings to
 * IndexedDB when they change (a project's demo layers are stored by the project's restore).
 */
export function startPersistence(): () => void {
  const unsubscribeDataset = useDatasetStore.subscribe((state, previous) => {
    for (const name of DATASET_LAYER_NAMES) {
      if (state[name] !== previous[name] && state.origin[name] === 'imported') void saveLayer(name, state[name]);
    }
    if (state.origin !== previous.origin) void saveOrigins(state.origin);
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
