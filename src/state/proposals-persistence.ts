import { useDatasetStore } from './dataset-store';
import { loadStoredProposals, saveProposals } from './persistence';
import { selectStoredProposals, useProposalsStore } from './proposals-store';

/**
 * Restores the stored proposal set, then saves it to IndexedDB whenever it changes. When the dataset
 * is loaded again and storage holds no set ("back to demo data" clears it), the set is dropped too.
 */
export async function startProposalPersistence(): Promise<() => void> {
  const stored = await loadStoredProposals();
  if (stored) useProposalsStore.getState().actions.load(stored);
  const unsubscribeProposals = useProposalsStore.subscribe((state, previous) => {
    if (state.proposals !== previous.proposals || state.summary !== previous.summary || state.options !== previous.options) void saveProposals(selectStoredProposals(state));
  });
  const unsubscribeDataset = useDatasetStore.subscribe((state, previous) => {
    if (previous.status !== 'loading' || state.status !== 'ready') return;
    void loadStoredProposals().then((again) => {
      const proposals = useProposalsStore.getState();
      if (!again && proposals.status !== 'running' && (proposals.proposals.length > 0 || proposals.summary !== null)) proposals.actions.reset();
    });
  });
  return () => {
    unsubscribeProposals();
    unsubscribeDataset();
  };
}
