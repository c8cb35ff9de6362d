import { create } from 'zustand';
import { compareSnapshots, snapshotResultsOf, SOC_TRANG_2025_PROFILE, type CoverageReport, type PlanProfile, type PlanSnapshot, type SnapshotChange, type SnapshotResults } from '../core';
import type { DatasetLayers } from './dataset-store';

/** A snapshot as the app keeps it: the results, and the dataset they were computed from. */
export interface StoredSnapshot extends PlanSnapshot {
  layers?: DatasetLayers;
}

/** Which results are compared: an earlier snapshot, and a later one or (null) the current analysis. */
export interface Comparison {
  beforeId: string | null;
  afterId: string | null;
}

export interface PlanState {
  profile: PlanProfile;
  /** In date order (then by id). */
  snapshots: StoredSnapshot[];
  comparison: Comparison;
  /** The map colours hamlets by their change instead of their coverage. */
  isChangeShown: boolean;
  actions: {
    setProfile(profile: PlanProfile): void;
    resetProfile(): void;
    addSnapshot(snapshot: StoredSnapshot): void;
    removeSnapshot(id: string): void;
    setComparison(patch: Partial<Comparison>): void;
    setChangeShown(isShown: boolean): void;
    /** Sets the plan and the snapshots at once (restore from storage or a project file). */
    load(state: { profile?: PlanProfile; snapshots?: StoredSnapshot[] }): void;
    reset(): void;
  };
}

const initialState = { profile: SOC_TRANG_2025_PROFILE, snapshots: [] as StoredSnapshot[], comparison: { beforeId: null, afterId: null } as Comparison, isChangeShown: false };

const inDateOrder = (snapshots: StoredSnapshot[]) => [...snapshots].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Keeps the comparison pointing at snapshots that exist: the latest one before, by default. */
function fitComparison(comparison: Comparison, snapshots: StoredSnapshot[]): Comparison {
  const exists = (id: string | null) => id !== null && snapshots.some((snapshot) => snapshot.id === id);
  const beforeId = exists(comparison.beforeId) ? comparison.beforeId : (snapshots[snapshots.length - 1]?.id ?? null);
  return { beforeId, afterId: exists(comparison.afterId) && comparison.afterId !== beforeId ? comparison.afterId : null };
}

export const usePlanStore = create<PlanState>()((set) => ({
  ...initialState,
  actions: {
    setProfile: (profile) => set({ profile }),
    resetProfile: () => set({ profile: SOC_TRANG_2025_PROFILE }),
    addSnapshot: (snapshot) =>
      set((state) => {
        const snapshots = inDateOrder([...state.snapshots.filter((item) => item.id !== snapshot.id), snapshot]);
        return { snapshots, comparison: fitComparison(state.comparison, snapshots) };
      }),
    removeSnapshot: (id) =>
      set((state) => {
        const snapshots = state.snapshots.filter((item) => item.id !== id);
        return { snapshots, comparison: fitComparison(state.comparison, snapshots), isChangeShown: state.isChangeShown && snapshots.length > 0 };
      }),
    setComparison: (patch) => set((state) => ({ comparison: fitComparison({ ...state.comparison, ...patch }, state.snapshots) })),
    setChangeShown: (isChangeShown) => set({ isChangeShown }),
    load: ({ profile, snapshots }) =>
      set((state) => {
        const sorted = snapshots ? inDateOrder(snapshots) : state.snapshots;
        return { profile: profile ?? state.profile, snapshots: sorted, comparison: fitComparison(state.comparison, sorted) };
      }),
    reset: () => set({ ...initialState }),
  },
}));

/**
 * A snapshot id from its date, unique among the existing ones (`2024-12-31`, then `2024-12-31-2`, …).
 * @example snapshotIdFor('2024-12-31', []) // '2024-12-31'
 */
export function snapshotIdFor(asOf: string, snapshots: readonly { id: string }[]): string {
  const taken = new Set(snapshots.map((snapshot) => snapshot.id));
  if (!taken.has(asOf)) return asOf;
  let n = 2;
  while (taken.has(`${asOf}-${n}`)) n++;
  return `${asOf}-${n}`;
}

/** How the current analysis is compared: the covered thresholds it was computed with, the site match distance. */
export interface CompareSettings {
  coveredThreshold: { mobile: number; ftth: number };
  matchMeters: number;
}

/** The earlier and later results of the comparison, when both exist. */
export function selectComparedResults(plan: Pick<PlanState, 'snapshots' | 'comparison'>, report: CoverageReport | null, coveredThreshold: CompareSettings['coveredThreshold']): { before: StoredSnapshot; after: SnapshotResults; afterSnapshot: StoredSnapshot | null } | null {
  const before = plan.snapshots.find((snapshot) => snapshot.id === plan.comparison.beforeId);
  if (!before) return null;
  const afterSnapshot = plan.comparison.afterId === null ? null : (plan.snapshots.find((snapshot) => snapshot.id === plan.comparison.afterId) ?? null);
  if (afterSnapshot) return { before, after: afterSnapshot.results, afterSnapshot };
  return report ? { before, after: snapshotResultsOf(report, coveredThreshold), afterSnapshot: null } : null;
}

let memo: { before: SnapshotResults; after: SnapshotResults; key: string; change: SnapshotChange } | null = null;

/**
 * The change of the current comparison (recomputed only when one of its results or the plan's
 * groupings changed), or null without an earlier snapshot or results.
 */
export function selectChange(plan: Pick<PlanState, 'snapshots' | 'comparison' | 'profile'>, report: CoverageReport | null, settings: CompareSettings): SnapshotChange | null {
  const compared = selectComparedResults(plan, report, settings.coveredThreshold);
  if (!compared) return null;
  const { matchMeters } = settings;
  const key = `${plan.profile.grouping.join(',')}|${matchMeters}|${settings.coveredThreshold.mobile}`;
  if (memo && memo.before === compared.before.results && memo.key === key && (memo.after === compared.after || (compared.afterSnapshot === null && report !== null && memo.after.hamlets === report.hamlets && memo.after.sites === report.sites && memo.after.targets === report.targets))) return memo.change;
  const change = compareSnapshots(compared.before.results, compared.after, { matchMeters, groupings: plan.profile.grouping });
  memo = { before: compared.before.results, after: compared.after, key, change };
  return change;
}
