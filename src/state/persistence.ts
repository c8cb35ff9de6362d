import { clear, get, set } from 'idb-keyval';
import type { DatasetLayerName, DatasetLayers } from './dataset-store';
import type { StoredProposals } from './proposals-store';
import type { Settings } from './settings-store';

// One key per layer, so importing sites does not rewrite the hamlets.
const LAYER_PREFIX = 'layer:';
const SETTINGS_KEY = 'settings';
const PROPOSALS_KEY = 'proposals';

/** Keeps an imported layer (or the entered indicators, or the merger table) across reloads. */
export function saveLayer<Name extends DatasetLayerName>(name: Name, items: DatasetLayers[Name]): Promise<void> {
  return set(LAYER_PREFIX + name, items);
}

export function saveSettings(settings: Settings): Promise<void> {
  return set(SETTINGS_KEY, settings);
}

/** Keeps the site-proposal set (options, last run, edited proposals) across reloads. */
export function saveProposals(stored: StoredProposals): Promise<void> {
  return set(PROPOSALS_KEY, stored);
}

export async function loadStoredProposals(): Promise<StoredProposals | undefined> {
  const stored = (await get(PROPOSALS_KEY)) as StoredProposals | undefined;
  return stored && Array.isArray(stored.proposals) ? stored : undefined;
}

const LAYER_NAMES: DatasetLayerName[] = ['hamlets', 'btsRecords', 'fibrePoints', 'fibreRoutes', 'indicators', 'enteredIndicators', 'merger'];

/** The stored layers (only those that were saved) and settings. */
export async function loadStored(): Promise<{ layers: Partial<DatasetLayers>; settings: Settings | undefined }> {
  const values = await Promise.all(LAYER_NAMES.map((name) => get(LAYER_PREFIX + name)));
  const layers: Partial<DatasetLayers> = {};
  LAYER_NAMES.forEach((name, i) => {
    if (Array.isArray(values[i])) (layers as Record<string, unknown>)[name] = values[i];
  });
  return { layers, settings: (await get(SETTINGS_KEY)) as Settings | undefined };
}

/** Forgets every import, entered value and setting ("back to demo data"). */
export function clearStored(): Promise<void> {
  return clear();
}
