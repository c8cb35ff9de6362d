import { del, set } from 'idb-keyval';
import { loadStoredPart } from './persistence';
import { decodeReferenceLayers } from './reference-schema';
import { useReferenceStore } from './reference-store';
import { useRestoreStore } from './restore-guard';

const KEY = 'reference-layers';

/** Restores the stored reference layers, if any; what cannot be read is said at load and forgotten. */
export async function restoreReferenceLayers(): Promise<void> {
  const { value, problem } = await loadStoredPart(KEY, 'referenceLayers', decodeReferenceLayers);
  if (problem) useRestoreStore.getState().actions.addUnreadable(problem);
  if (value !== undefined) useReferenceStore.getState().actions.load(value);
}

/** Saves the reference layers whenever they change; returns the unsubscriber. */
export function startReferencePersistence(): () => void {
  return useReferenceStore.subscribe((state, previous) => {
    if (state.layers === previous.layers) return;
    if (state.layers.length === 0) void del(KEY);
    else void set(KEY, state.layers);
  });
}
