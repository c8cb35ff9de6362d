import { allowedBasemapOrigin, rememberBasemapOrigin, tileOrigin } from '../../state/connection-policy';
import { useDatasetStore } from '../../state/dataset-store';
import { clearStored, saveLayer, saveOrigins, saveProposals, saveSettings } from '../../state/persistence';
import { buildProjectFile, PROJECT_LAYER_NAMES, type ProjectFile } from '../../state/project-file';
import { selectStoredProposals, useProposalsStore } from '../../state/proposals-store';
import { clearRestoreMarker } from '../../state/restore-guard';
import { selectSettings, useSettingsStore, type Settings } from '../../state/settings-store';
import { readProjectProposals, restoreProjectProposals } from './proposals-section';
import { usePlanStore } from '../../state/plan-store';
import { useReferenceStore } from '../../state/reference-store';

/** The current layers, settings, proposals, plan and snapshots as a project file (JSON text). */
export function serializeCurrentProject(savedAt: string): string {
  const dataset = useDatasetStore.getState();
  const layers = Object.fromEntries(PROJECT_LAYER_NAMES.map((name) => [name, dataset[name]])) as unknown as Parameters<typeof buildProjectFile>[0]['layers'];
  const plan = usePlanStore.getState();
  const project = buildProjectFile({ layers, origin: dataset.origin, settings: selectSettings(useSettingsStore.getState()), proposals: readProjectProposals(), plan: plan.profile, snapshots: plan.snapshots, referenceLayers: useReferenceStore.getState().layers }, savedAt);
  return JSON.stringify(project);
}

/** True when opening the project would switch on an online basemap the page does not use now: the user must agree first. */
export function needsBasemapConsent(project: ProjectFile): boolean {
  const current = useSettingsStore.getState().basemap;
  const wanted = project.settings.basemap;
  return wanted.isEnabled && !(current.isEnabled && tileOrigin(current.url) === tileOrigin(wanted.url));
}

/**
 * Replaces everything with a checked project: the stored state is forgotten first, then the settings,
 * layers (with their origins) and proposals are set and stored again, every layer with its origin, so
 * a reload shows the same project. A basemap the file switches on is used only when `isBasemapAllowed`
 * (the user said yes to its address); otherwise the current basemap setting stays.
 * @returns true when the page must reload to connect to the allowed basemap host
 */
export async function restoreProject(project: ProjectFile, isBasemapAllowed: boolean): Promise<boolean> {
  await clearStored();
  clearRestoreMarker();
  const current = useSettingsStore.getState().basemap;
  const basemap = project.settings.basemap.isEnabled && !isBasemapAllowed ? current : project.settings.basemap;
  const settings: Settings = { ...project.settings, basemap };
  useSettingsStore.getState().actions.load(settings);
  useDatasetStore.getState().actions.loadLayers(project.layers, project.origin);
  restoreProjectProposals(project.proposals);
  // A project without a plan is one of the default plan; without snapshots it has none.
  const { actions } = usePlanStore.getState();
  actions.reset();
  actions.load({ ...(project.plan ? { profile: project.plan } : {}), snapshots: project.snapshots ?? [] });
  // Stored again by the reference layers' own persistence, as they change.
  useReferenceStore.getState().actions.load(project.referenceLayers ?? []);
  await Promise.all([
    ...PROJECT_LAYER_NAMES.map((name) => saveLayer(name, project.layers[name])),
    saveOrigins(project.origin),
    saveSettings(settings),
    saveProposals(selectStoredProposals(useProposalsStore.getState())),
  ]);
  const mustReload = basemap.isEnabled && tileOrigin(basemap.url) !== allowedBasemapOrigin();
  if (mustReload) rememberBasemapOrigin(tileOrigin(basemap.url));
  return mustReload;
}
