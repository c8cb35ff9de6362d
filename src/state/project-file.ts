import { DATASET_LAYER_NAMES, type DatasetLayerName, type DatasetLayers, type LayerOrigin } from './dataset-store';
import type { PlanProfile, ReferenceLayer } from '../core';
import { decodeReferenceLayers } from './reference-schema';
import type { StoredSnapshot } from './plan-store';
import type { StoredProposals } from './proposals-store';
import type { Settings } from './settings-store';
import { decodeLayerItems, decodeOrigins, decodePlan, decodeSettings, decodeStoredProposals, decodeStoredSnapshots, ProblemList, type StoredProblem } from './stored-state-schema';

/** The `format` member every project file carries, so any other JSON is refused at once. */
export const PROJECT_FORMAT = 'soctrang-coverage-project';
/** The project file version this app writes; older versions are read, newer ones refused. */
export const PROJECT_VERSION = 1;
/** Largest project file read (a province's layers take a few MB; parsing 100 MB already takes seconds). */
export const MAX_PROJECT_BYTES = 100 * 1024 * 1024;

/** The layers a project file holds: all of the dataset's. */
export const PROJECT_LAYER_NAMES: readonly DatasetLayerName[] = DATASET_LAYER_NAMES;

/** Everything "Open project" restores: the layers (with where each came from), the settings, the site proposals, the plan and its snapshots. */
export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: number;
  /** ISO time the file was written (given by the caller). */
  savedAt: string;
  layers: DatasetLayers;
  origin: Record<DatasetLayerName, LayerOrigin>;
  settings: Settings;
  /** The site-proposal set (options, last run, proposals), when the app has one. */
  proposals?: StoredProposals;
  /** The plan profile the project reports against. */
  plan?: PlanProfile;
  /** Dated snapshots: results, and the dataset they came from. */
  snapshots?: StoredSnapshot[];
  /** Context layers drawn under the coverage (neighbouring provinces, rivers, roads, the sea). */
  referenceLayers?: ReferenceLayer[];
}

/** One thing wrong with a project file (see {@link StoredProblem}). */
export type ProjectProblem = StoredProblem;

export type ProjectParseResult = { ok: true; project: ProjectFile } | { ok: false; problems: ProjectProblem[] };

/**
 * Builds the project file's content from the current state.
 * @example JSON.stringify(buildProjectFile({ layers, origin, settings }, new Date().toISOString()))
 */
export function buildProjectFile(
  state: { layers: DatasetLayers; origin: Record<DatasetLayerName, LayerOrigin>; settings: Settings; proposals?: StoredProposals; plan?: PlanProfile; snapshots?: StoredSnapshot[]; referenceLayers?: ReferenceLayer[] },
  savedAt: string,
): ProjectFile {
  const layers = Object.fromEntries(PROJECT_LAYER_NAMES.map((name) => [name, state.layers[name]])) as unknown as DatasetLayers;
  const origin = Object.fromEntries(PROJECT_LAYER_NAMES.map((name) => [name, state.origin[name]])) as Record<DatasetLayerName, LayerOrigin>;
  const project: ProjectFile = { format: PROJECT_FORMAT, version: PROJECT_VERSION, savedAt, layers, origin, settings: state.settings };
  if (state.proposals !== undefined) project.proposals = state.proposals;
  if (state.plan !== undefined) project.plan = state.plan;
  if (state.snapshots !== undefined) project.snapshots = state.snapshots;
  if (state.referenceLayers !== undefined && state.referenceLayers.length > 0) project.referenceLayers = state.referenceLayers;
  return project;
}

const PROJECT_KEYS = ['format', 'version', 'savedAt', 'layers', 'origin', 'settings', 'proposals', 'plan', 'snapshots', 'referenceLayers'];
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads and checks a project file through the app's one schema of stored state: format tag, version,
 * every layer item under the importers' rules, the origins, the settings under the configuration's
 * rules, the proposal set, the plan and the snapshots (by core's plan schemas; each snapshot's dataset
 * by the layer checks). Unknown keys are refused; nothing is restored from a file with any problem.
 * Never throws.
 * @param text the file's text (at most {@link MAX_PROJECT_BYTES} long)
 * @returns the rebuilt project, or up to 20 problems, each with a JSON path
 * @example parseProjectFile('{}') // { ok: false, problems: [{ code: 'not-a-project', path: 'format' }] }
 */
export function parseProjectFile(text: string): ProjectParseResult {
  if (text.length > MAX_PROJECT_BYTES) return { ok: false, problems: [{ code: 'too-large', path: '', detail: String(text.length) }] };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [{ code: 'invalid-json', path: '' }] };
  }
  if (!isPlainObject(json) || json.format !== PROJECT_FORMAT) return { ok: false, problems: [{ code: 'not-a-project', path: 'format' }] };
  if (typeof json.version !== 'number' || !Number.isInteger(json.version) || json.version < 1) return { ok: false, problems: [{ code: 'invalid', path: 'version' }] };
  if (json.version > PROJECT_VERSION) return { ok: false, problems: [{ code: 'newer-version', path: 'version', detail: String(json.version) }] };
  const problems = new ProblemList();
  for (const key of Object.keys(json)) if (!PROJECT_KEYS.includes(key)) problems.add({ code: 'unknown-key', path: key });
  const savedAt = typeof json.savedAt === 'string' && json.savedAt.length <= 40 ? json.savedAt : undefined;
  if (savedAt === undefined) problems.add({ code: json.savedAt === undefined ? 'missing' : 'invalid', path: 'savedAt' });
  const layers: Partial<DatasetLayers> = {};
  if (!isPlainObject(json.layers)) problems.add({ code: json.layers === undefined ? 'missing' : 'invalid', path: 'layers' });
  else {
    const found = json.layers;
    for (const key of Object.keys(found)) if (!(PROJECT_LAYER_NAMES as readonly string[]).includes(key)) problems.add({ code: 'unknown-key', path: `layers.${key}` });
    for (const name of PROJECT_LAYER_NAMES) {
      const items = decodeLayerItems(name, found[name], `layers.${name}`, problems);
      if (items !== undefined) (layers as Record<DatasetLayerName, unknown>)[name] = items;
    }
  }
  const origin = decodeOrigins(json.origin, 'origin', problems);
  const settings = decodeSettings(json.settings, 'settings', problems);
  const proposals = json.proposals === undefined ? undefined : decodeStoredProposals(json.proposals, 'proposals', problems);
  const plan = json.plan === undefined ? undefined : decodePlan(json.plan, 'plan', problems);
  const snapshots = json.snapshots === undefined ? undefined : decodeStoredSnapshots(json.snapshots, 'snapshots', problems);
  const referenceLayers = json.referenceLayers === undefined ? undefined : decodeReferenceLayers(json.referenceLayers, 'referenceLayers', problems);
  if (problems.items.length > 0 || savedAt === undefined || origin === undefined || settings === undefined) {
    return { ok: false, problems: problems.items.length > 0 ? problems.items : [{ code: 'invalid', path: '' }] };
  }
  const project: ProjectFile = { format: PROJECT_FORMAT, version: PROJECT_VERSION, savedAt, layers: layers as DatasetLayers, origin, settings };
  if (proposals !== undefined) project.proposals = proposals;
  if (plan !== undefined) project.plan = plan;
  if (snapshots !== undefined) project.snapshots = snapshots;
  if (referenceLayers !== undefined) project.referenceLayers = referenceLayers;
  return { ok: true, project };
}
