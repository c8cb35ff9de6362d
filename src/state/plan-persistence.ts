import { del, get, set } from 'idb-keyval';
import { decodePlanProfile, type PlanProfile } from '../core';
import { usePlanStore, type StoredSnapshot } from './plan-store';
import { decodeStoredSnapshot, ProblemList } from './stored-state-schema';

// The plan and the snapshot list under a key each, every snapshot under its own, so saving a new
// snapshot does not rewrite the others.
const PROFILE_KEY = 'plan:profile';
const SNAPSHOT_LIST_KEY = 'plan:snapshots';
const SNAPSHOT_PREFIX = 'plan:snapshot:';

/** The stored plan and snapshots, each decoded; a record that does not decode is left out. */
export async function loadStoredPlan(): Promise<{ profile?: PlanProfile; snapshots: StoredSnapshot[] }> {
  const [profileValue, list] = await Promise.all([get(PROFILE_KEY), get(SNAPSHOT_LIST_KEY)]);
  const profile = profileValue === undefined ? undefined : decodePlanProfile(profileValue);
  const ids = Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  const records = await Promise.all(ids.map((id) => get(SNAPSHOT_PREFIX + id)));
  // Through the project file's schema: the snapshot by core's plan schemas, its dataset by the layer checks.
  const snapshots = records.flatMap((record): StoredSnapshot[] => {
    const decoded = decodeStoredSnapshot(record, '', new ProblemList());
    return decoded === undefined ? [] : [decoded];
  });
  return { ...(profile?.ok ? { profile: profile.value } : {}), snapshots };
}

/** Restores the stored plan and snapshots, then keeps IndexedDB in step with the plan store. */
export async function startPlanPersistence(): Promise<() => void> {
  const stored = await loadStoredPlan().catch(() => ({ snapshots: [] as StoredSnapshot[] }));
  usePlanStore.getState().actions.load(stored);
  return usePlanStore.subscribe((state, previous) => {
    if (state.profile !== previous.profile) void set(PROFILE_KEY, state.profile);
    if (state.snapshots === previous.snapshots) return;
    const before = new Set(previous.snapshots);
    for (const snapshot of state.snapshots) if (!before.has(snapshot)) void set(SNAPSHOT_PREFIX + snapshot.id, snapshot);
    const now = new Set(state.snapshots.map((snapshot) => snapshot.id));
    for (const snapshot of previous.snapshots) if (!now.has(snapshot.id)) void del(SNAPSHOT_PREFIX + snapshot.id);
    void set(SNAPSHOT_LIST_KEY, state.snapshots.map((snapshot) => snapshot.id));
  });
}
