import { del, set } from 'idb-keyval';
import { useMeasurementsStore } from './measurements-store';
import { useRestoreStore } from './restore-guard';
import { loadStoredPart } from './persistence';
import { decodeStoredMeasurements, type StoredMeasurements } from './stored-state-schema';

// The tests are kept as their typed columns (IndexedDB stores typed arrays as they are), decoded on
// the way back by the one stored-state schema.
const KEY = 'measurements';

/** Restores the stored tests and rules, if any; what cannot be read is said at load, like any other stored part, and forgotten. */
export async function restoreMeasurements(): Promise<void> {
  const { value, problem } = await loadStoredPart(KEY, 'measurements', decodeStoredMeasurements);
  if (problem) useRestoreStore.getState().actions.addUnreadable(problem);
  if (value !== undefined) useMeasurementsStore.getState().actions.load(value.set, value.files, value.rules);
}

/** Saves the tests and rules whenever they change; returns the unsubscriber. */
export function startMeasurementPersistence(): () => void {
  return useMeasurementsStore.subscribe((state, previous) => {
    if (state.set === previous.set && state.rules === previous.rules && state.files === previous.files) return;
    if (state.set === null && state.files.length === 0) void del(KEY);
    else void set(KEY, { set: state.set, files: state.files, rules: state.rules } satisfies StoredMeasurements);
  });
}
