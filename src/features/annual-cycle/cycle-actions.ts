// What the annual-cycle panel does with the stores: take a snapshot of the current results, and the
// plan as a configuration file the command line reads.
import { decodePlanProfile, resolvePlanConfig, snapshotResultsOf, type DecodeProblem, type PlanProfile } from '../../core';
import { useAnalysisStore } from '../../state/analysis-store';
import { currentReport } from '../../state/current-report';
import { useDatasetStore } from '../../state/dataset-store';
import { snapshotIdFor, usePlanStore, type StoredSnapshot } from '../../state/plan-store';
import { PROJECT_LAYER_NAMES } from '../../state/project-file';
import { useSettingsStore } from '../../state/settings-store';
import { useUiStore } from '../../state/ui-store';

/** Why a snapshot cannot be taken now, or null when it can. */
export function snapshotBlocker(): 'filtered' | 'not-ready' | null {
  const filters = useUiStore.getState().filters;
  if (filters.operators !== null || filters.technologies !== null) return 'filtered';
  const analysis = useAnalysisStore.getState();
  return analysis.report && analysis.status === 'done' ? null : 'not-ready';
}

/**
 * Keeps the current results and the dataset they came from as a dated snapshot.
 * @param asOf ISO date the figures stand for
 * @param label the user's name for it
 * @param now the time it is taken
 */
export function takeSnapshot(asOf: string, label: string, now: Date): StoredSnapshot | null {
  const report = currentReport();
  if (!report || snapshotBlocker() !== null) return null;
  const dataset = useDatasetStore.getState();
  const plan = usePlanStore.getState();
  // The stores replace their arrays on every change and never modify them, so the snapshot can share them.
  const layers = Object.fromEntries(PROJECT_LAYER_NAMES.map((name) => [name, dataset[name]])) as unknown as NonNullable<StoredSnapshot['layers']>;
  const snapshot: StoredSnapshot = {
    id: snapshotIdFor(asOf, plan.snapshots),
    asOf,
    label,
    savedAt: now.toISOString(),
    planId: plan.profile.id,
    results: snapshotResultsOf(report, useSettingsStore.getState().coveredThreshold),
    layers,
  };
  plan.actions.addSnapshot(snapshot);
  return snapshot;
}

/** The plan as a configuration file (`{ "plan": … }`) for `npm run report -- --config`. */
export function planConfigText(profile: PlanProfile): string {
  return `${JSON.stringify({ plan: profile }, null, 2)}\n`;
}

/**
 * Reads a configuration file's plan (a `plan` member, or a bare profile), checked by its schema.
 * @returns the plan, or the problems by JSON path
 */
export function readPlanConfig(text: string, fileName: string): { ok: true; profile: PlanProfile } | { ok: false; problems: DecodeProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [{ code: 'invalid', path: '', expected: 'JSON' }] };
  }
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  if (isObject && !Object.hasOwn(json as object, 'plan')) {
    const bare = decodePlanProfile(json);
    return bare.ok ? { ok: true, profile: bare.value } : { ok: false, problems: bare.problems };
  }
  try {
    return { ok: true, profile: resolvePlanConfig(json, fileName).profile };
  } catch (error) {
    const problems = (error as { problems?: DecodeProblem[] }).problems;
    return { ok: false, problems: problems ?? [{ code: 'invalid', path: (error as { where?: string }).where ?? '' }] };
  }
}
