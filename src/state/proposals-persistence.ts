import { loadStoredProposals, saveProposals } from './persistence';
import { selectStoredProposals, useProposalsStore } from './proposals-store';

/** Restores the stored proposal set, then saves it to IndexedDB whenever it changes. */
export async function startProposalPersistence(): Promise<() => void> {
  const stored = await loadStoredProposals();
  if (stored) useProposalsStore.getState().actions.load(stored);
  return useProposalsStore.subscribe((state, previous) => {
    if (state.proposals !== previous.proposals || state.summary !== previous.summary || state.options !== previous.options) void saveProposals(selectStoredProposals(state));
  });
}
