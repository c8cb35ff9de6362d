import { useDatasetStore } from '../../state/dataset-store';
import { clearStored } from '../../state/persistence';
import { buildProjectFile, PROJECT_LAYER_NAMES, type ProjectFile } from '../../state/project-file';
import { selectSettings, useSettingsStore } from '../../state/settings-store';
import { readProjectProposals, restoreProjectProposals } from './proposals-section';
import { usePlanStore } from '../../state/plan-store';

/** The current layers, settings, proposals, plan and snapshots as a project file (JSON text). */
export function serializeCurrentProject(savedAt: string): string {
  const dataset = useDatasetStore.getState();
  const layers = Object.fromEntries(PROJECT_LAYER_NAMES.map((name) => [name, dataset[name]])) as unknown as Parameters<typeof buildProjectFile>[0]['layers'];
  const plan = usePlanStore.getState();
  const project = buildProjectFile({ layers, origin: dataset.origin, settings: selectSettings(useSettingsStore.getState()), proposals: readProjectProposals(), plan: plan.profile, snapshots: plan.snapshots }, savedAt);
  return JSON.stringify(project);
}

/**
 * Replaces everything with a checked project: the stored imports are forgotten first, then the
 * settings, layers (with their origins) and proposals are set; persistence then stores the imported
 * layers again, so a reload shows the same project.
 */
export async function restoreProject(project: ProjectFile): Promise<void> {
  await clearStored();
  useSettingsStore.getState().actions.load(project.settings);
  useDatasetStore.getState().actions.loadLayers(project.layers, project.origin);
  restoreProjectProposals(project.proposals);
  // A project without a plan is one of the default plan; without snapshots it has none.
  const { actions } = usePlanStore.getState();
  actions.reset();
  actions.load({ ...(project.plan ? { profile: project.plan } : {}), snapshots: project.snapshots ?? [] });
}
