import { del, get, set } from 'idb-keyval';
import { decodeReferenceLayers } from './reference-schema';
import { useReferenceStore } from './reference-store';
import { useRestoreStore } from './restore-guard';
import { ProblemList } from './stored-state-schema';

const KEY = 'reference-layers';

/** Restores the stored reference layers, if any; what cannot be read is said at load and forgotten. */
export async function restoreReferenceLayers(): Promise<void> {
  const stored: unknown = await get(KEY);
  if (stored === undefined) return;
  const problems = new ProblemList();
  const layers = decodeReferenceLayers(stored, 'referenceLayers', problems);
  if (layers === undefined) {
    useRestoreStore.getState().actions.addUnreadable({ part: 'referenceLayers', problems: problems.items });
    void del(KEY);
    return;
  }
  useReferenceStore.getState().actions.load(layers);
}

/** Saves the reference layers whenever they change; returns the unsubscriber. */
export function startReferencePersistence(): () => void {
  return useReferenceStore.subscribe((state, previous) => {
    if (state.layers === previous.layers) return;
    if (state.layers.length === 0) void del(KEY);
    else void set(KEY, state.layers);
  });
}
