import { del, delMany, get, keys, set } from 'idb-keyval';
import { DATASET_LAYER_NAMES, type DatasetLayerName, type DatasetLayers, type LayerOrigin } from './dataset-store';
import type { StoredProposals } from './proposals-store';
import type { Settings } from './settings-store';
import { decodeRecordColumns, encodeRecordColumns, isRecordColumns, type ColumnRecordKind } from '../worker/record-columns';
import { decodeLayerItems, decodeOrigins, decodeSettings, decodeStoredProposals, ProblemList, type StoredProblem } from './stored-state-schema';

// One key per layer, so importing sites does not rewrite the hamlets.
const LAYER_PREFIX = 'layer:';
const ORIGIN_KEY = 'origin';
const SETTINGS_KEY = 'settings';
const PROPOSALS_KEY = 'proposals';

// Sites and fibre points can number a million: they are kept as columns (see record-columns.ts).
const COLUMN_KIND: Partial<Record<DatasetLayerName, ColumnRecordKind>> = { btsRecords: 'btsRecord', fibrePoints: 'fibrePoint' };

/** Keeps a layer (imported, entered, or restored from a project) across reloads. */
export function saveLayer<Name extends DatasetLayerName>(name: Name, items: DatasetLayers[Name]): Promise<void> {
  const columnKind = COLUMN_KIND[name];
  return set(LAYER_PREFIX + name, columnKind ? encodeRecordColumns(columnKind, items as never) : items);
}

/** A stored layer: columns (sites, fibre points) or, as every layer was stored before, an array of records. */
function decodeStoredLayer(name: DatasetLayerName, value: unknown, problems: ProblemList): unknown {
  const columnKind = COLUMN_KIND[name];
  return columnKind && isRecordColumns(value) ? decodeRecordColumns(columnKind, value, name, problems) : decodeLayerItems(name, value, name, problems);
}

/** Keeps where each stored layer came from, so a project's demo layers stay marked as demo after a reload. */
export function saveOrigins(origin: Record<DatasetLayerName, LayerOrigin>): Promise<void> {
  return set(ORIGIN_KEY, origin);
}

export function saveSettings(settings: Settings): Promise<void> {
  return set(SETTINGS_KEY, settings);
}

/** Keeps the site-proposal set (options, last run, edited proposals) across reloads. */
export function saveProposals(stored: StoredProposals): Promise<void> {
  return set(PROPOSALS_KEY, stored);
}

/** A stored part that did not pass the schema and was left out (the stored value stays until it is overwritten). */
export interface StoredPartProblem {
  part: DatasetLayerName | 'settings' | 'proposals' | 'measurements' | 'origin' | 'referenceLayers';
  problems: StoredProblem[];
}

/**
 * A part stored on its own under `key` (the field tests, the reference layers), read back through its
 * stored-state decoder. What fails the decoder is forgotten and returned as the problem to say at load.
 * @param key the IndexedDB key
 * @param part the part's name, also the decoder's path
 * @param decode the part's stored-state decoder
 * @returns the decoded value (undefined when nothing is stored or it failed), and the problem if it failed
 */
export async function loadStoredPart<T>(key: string, part: StoredPartProblem['part'], decode: (value: unknown, path: string, problems: ProblemList) => T | undefined): Promise<{ value: T | undefined; problem: StoredPartProblem | null }> {
  const stored: unknown = await get(key);
  if (stored === undefined) return { value: undefined, problem: null };
  const problems = new ProblemList();
  const value = decode(stored, part, problems);
  if (value !== undefined) return { value, problem: null };
  void del(key);
  return { value: undefined, problem: { part, problems: problems.items } };
}

/** Names of the layers kept in storage, read without reading the layers themselves. */
export async function listStoredLayers(): Promise<DatasetLayerName[]> {
  const stored = new Set((await keys()).map(String));
  return DATASET_LAYER_NAMES.filter((name) => stored.has(LAYER_PREFIX + name));
}

/** Forgets stored layers (the next load uses the demo's, or none). */
export async function forgetLayers(names: readonly DatasetLayerName[]): Promise<void> {
  await Promise.all(names.map((name) => del(LAYER_PREFIX + name)));
}

/** The stored proposal set, through the stored-state schema; undefined when none is stored or it is broken. */
export async function loadStoredProposals(): Promise<{ proposals: StoredProposals | undefined; problem: StoredPartProblem | null }> {
  const value: unknown = await get(PROPOSALS_KEY);
  if (value === undefined) return { proposals: undefined, problem: null };
  const problems = new ProblemList();
  const proposals = decodeStoredProposals(value, 'proposals', problems);
  return { proposals, problem: proposals === undefined ? { part: 'proposals', problems: problems.items } : null };
}

/**
 * The stored layers (those of `names` that were saved), their origins and the settings, each decoded
 * through the stored-state schema: a part that fails is left out and listed in `problems`.
 */
export async function loadStored(names: readonly DatasetLayerName[] = DATASET_LAYER_NAMES): Promise<{
  layers: Partial<DatasetLayers>;
  origin: Partial<Record<DatasetLayerName, LayerOrigin>>;
  settings: Settings | undefined;
  problems: StoredPartProblem[];
}> {
  const values: unknown[] = await Promise.all(names.map((name) => get(LAYER_PREFIX + name)));
  const layers: Partial<DatasetLayers> = {};
  const problems: StoredPartProblem[] = [];
  names.forEach((name, index) => {
    if (values[index] === undefined) return;
    const list = new ProblemList();
    const items = decodeStoredLayer(name, values[index], list);
    if (items === undefined) problems.push({ part: name, problems: list.items });
    else (layers as Record<DatasetLayerName, unknown>)[name] = items;
  });
  const decodePart = <T,>(part: 'settings' | 'origin', value: unknown, decode: (value: unknown, path: string, problems: ProblemList) => T | undefined): T | undefined => {
    if (value === undefined) return undefined;
    const list = new ProblemList();
    const decoded = decode(value, part, list);
    if (decoded === undefined) problems.push({ part, problems: list.items });
    return decoded;
  };
  const settings = decodePart('settings', await get(SETTINGS_KEY), decodeSettings);
  const origin = decodePart('origin', await get(ORIGIN_KEY), decodeOrigins) ?? {};
  return { layers, origin, settings, problems };
}

/**
 * Forgets the stored dataset layers (imports and entered values), where they came from, the settings
 * and the proposals made on them: what "back to demo data" and opening a project replace. The plan, its
 * dated snapshots, the field tests and the reference layers are kept here: each is stored by its own
 * store's persistence, which follows that store when it is cleared or replaced.
 */
export async function clearStored(): Promise<void> {
  const stored = await keys();
  const owned = stored.filter((key) => typeof key === 'string' && (key.startsWith(LAYER_PREFIX) || key === ORIGIN_KEY || key === SETTINGS_KEY || key === PROPOSALS_KEY));
  await delMany(owned);
}
