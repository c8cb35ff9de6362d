import { del, get, set } from 'idb-keyval';
import { useMeasurementsStore } from './measurements-store';
import { useRestoreStore } from './restore-guard';
import { decodeStoredMeasurements, ProblemList, type StoredMeasurements } from './stored-state-schema';

// The tests are kept as their typed columns (IndexedDB stores typed arrays as they are), decoded on
// the way back by the one stored-state schema.
const KEY = 'measurements';

/** Restores the stored tests and rules, if any. */
export async function restoreMeasurements(): Promise<void> {
  const stored: unknown = await get(KEY);
  if (stored === undefined) return;
  const problems = new ProblemList();
  const decoded = decodeStoredMeasurements(stored, 'measurements', problems);
  if (decoded === undefined) {
    // What could not be read is said at load, like any other stored part, and forgotten.
    useRestoreStore.getState().actions.addUnreadable({ part: 'measurements', problems: problems.items });
    void del(KEY);
    return;
  }
  useMeasurementsStore.getState().actions.load(decoded.set, decoded.files, decoded.rules);
}

/** Saves the tests and rules whenever they change; returns the unsubscriber. */
export function startMeasurementPersistence(): () => void {
  return useMeasurementsStore.subscribe((state, previous) => {
    if (state.set === previous.set && state.rules === previous.rules && state.files === previous.files) return;
    if (state.set === null && state.files.length === 0) void del(KEY);
    else void set(KEY, { set: state.set, files: state.files, rules: state.rules } satisfies StoredMeasurements);
  });
}
