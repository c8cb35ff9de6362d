import { useDatasetStore } from './dataset-store';
import { loadStoredProposals, saveProposals } from './persistence';
import { selectStoredProposals, useProposalsStore } from './proposals-store';
import { useRestoreStore } from './restore-guard';

/**
 * Restores the stored proposal set, then saves it to IndexedDB whenever it changes. When the dataset
 * is loaded again and storage holds no set ("back to demo data" clears it), the set is dropped too.
 */
export async function startProposalPersistence(): Promise<() => void> {
  const stored = await loadStoredProposals();
  if (stored.proposals) useProposalsStore.getState().actions.load(stored.proposals);
  if (stored.problem) useRestoreStore.getState().actions.addUnreadable(stored.problem);
  const unsubscribeProposals = useProposalsStore.subscribe((state, previous) => {
    if (state.proposals !== previous.proposals || state.summary !== previous.summary || state.options !== previous.options) void saveProposals(selectStoredProposals(state));
  });
  const unsubscribeDataset = useDatasetStore.subscribe((state, previous) => {
    if (previous.status !== 'loading' || state.status !== 'ready') return;
    void loadStoredProposals().then((again) => {
      const proposals = useProposalsStore.getState();
      if (!again.proposals && proposals.status !== 'running' && (proposals.proposals.length > 0 || proposals.summary !== null)) proposals.actions.reset();
    });
  });
  return () => {
    unsubscribeProposals();
    unsubscribeDataset();
  };
}
