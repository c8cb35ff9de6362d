import type { DatasetLayerName, DatasetLayers, LayerOrigin } from './dataset-store';
import type { Settings } from './settings-store';
import { decodePlanProfile, decodePlanSnapshot, type PlanProfile } from '../core';
import type { StoredSnapshot } from './plan-store';

/** The `format` member every project file carries, so any other JSON is refused at once. */
export const PROJECT_FORMAT = 'soctrang-coverage-project';
/** The project file version this app writes; older versions are read, newer ones refused. */
export const PROJECT_VERSION = 1;

export const PROJECT_LAYER_NAMES: readonly DatasetLayerName[] = ['hamlets', 'btsRecords', 'fibrePoints', 'fibreRoutes', 'indicators', 'enteredIndicators', 'merger'];

/** Everything "Open project" restores: the layers (with where each came from), the settings and the site proposals. */
export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: number;
  /** ISO time the file was written (given by the caller). */
  savedAt: string;
  layers: DatasetLayers;
  origin: Record<DatasetLayerName, LayerOrigin>;
  settings: Settings;
  /** The site-proposal set (options, last run, proposals), when the app has one. */
  proposals?: { proposals: unknown[] } & Record<string, unknown>;
  /** The plan profile the project reports against. */
  plan?: PlanProfile;
  /** Dated snapshots: results, and the dataset they came from. */
  snapshots?: StoredSnapshot[];
}

/** One thing wrong with a project file: a code for the translated message, where, and details as found. */
export interface ProjectProblem {
  code: 'invalid-json' | 'not-a-project' | 'newer-version' | 'missing' | 'invalid';
  /** A JSON path such as `layers.btsRecords[3].lng`. */
  path: string;
  detail?: string;
}

export type ProjectParseResult = { ok: true; project: ProjectFile } | { ok: false; problems: ProjectProblem[] };

/**
 * Builds the project file's content from the current state.
 * @example JSON.stringify(buildProjectFile({ layers, origin, settings }, new Date().toISOString()))
 */
export function buildProjectFile(state: { layers: DatasetLayers; origin: Record<DatasetLayerName, LayerOrigin>; settings: Settings; proposals?: ProjectFile['proposals']; plan?: PlanProfile; snapshots?: StoredSnapshot[] }, savedAt: string): ProjectFile {
  const layers = Object.fromEntries(PROJECT_LAYER_NAMES.map((name) => [name, state.layers[name]])) as unknown as DatasetLayers;
  const origin = Object.fromEntries(PROJECT_LAYER_NAMES.map((name) => [name, state.origin[name]])) as Record<DatasetLayerName, LayerOrigin>;
  const project: ProjectFile = { format: PROJECT_FORMAT, version: PROJECT_VERSION, savedAt, layers, origin, settings: state.settings };
  if (state.proposals !== undefined) project.proposals = state.proposals;
  if (state.plan !== undefined) project.plan = state.plan;
  if (state.snapshots !== undefined) project.snapshots = state.snapshots;
  return project;
}

const MAX_PROBLEMS = 20;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isPosition = (value: unknown): boolean => Array.isArray(value) && value.length >= 2 && isFiniteNumber(value[0]) && isFiniteNumber(value[1]);
const isRing = (value: unknown): boolean => Array.isArray(value) && value.length >= 4 && value.every(isPosition);
const isPolygon = (value: unknown): boolean => Array.isArray(value) && value.length >= 1 && value.every(isRing);

type ItemCheck = (item: Record<string, unknown>) => string | null;

// Each check names the first field that is wrong, or null: enough to say which item of which layer is broken.
const ITEM_CHECKS: Record<DatasetLayerName, ItemCheck> = {
  hamlets: (item) => {
    if (!isString(item.id)) return 'id';
    if (!isString(item.name) || !isString(item.commune) || !isString(item.district)) return 'name';
    if (!isObject(item.properties)) return 'properties';
    const geometry = item.geometry;
    if (!isObject(geometry)) return 'geometry';
    if (geometry.type === 'Polygon') return isPolygon(geometry.coordinates) ? null : 'geometry.coordinates';
    if (geometry.type === 'MultiPolygon') return Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0 && geometry.coordinates.every(isPolygon) ? null : 'geometry.coordinates';
    return 'geometry.type';
  },
  btsRecords: (item) => {
    if (!isString(item.siteId)) return 'siteId';
    if (!isString(item.operator)) return 'operator';
    if (!isFiniteNumber(item.lng)) return 'lng';
    if (!isFiniteNumber(item.lat)) return 'lat';
    if (!Array.isArray(item.technologies) || !item.technologies.every(isString)) return 'technologies';
    return null;
  },
  fibrePoints: (item) => (!isString(item.id) ? 'id' : !isFiniteNumber(item.lng) ? 'lng' : !isFiniteNumber(item.lat) ? 'lat' : null),
  fibreRoutes: (item) => (!isString(item.id) ? 'id' : !Array.isArray(item.coordinates) || item.coordinates.length < 2 || !item.coordinates.every(isPosition) ? 'coordinates' : null),
  indicators: (item) => (!isString(item.indicator) ? 'indicator' : !isFiniteNumber(item.value) ? 'value' : null),
  enteredIndicators: (item) => (!isString(item.indicator) ? 'indicator' : !isFiniteNumber(item.value) ? 'value' : null),
  merger: (item) => (['oldCode', 'oldName', 'newCode', 'newName'].find((key) => !isString(item[key])) ?? null),
};

const ORIGINS: readonly LayerOrigin[] = ['demo', 'imported', 'empty'];

function checkSettings(settings: unknown, problems: ProjectProblem[]): void {
  if (!isObject(settings)) return void problems.push({ code: 'missing', path: 'settings' });
  const radii = settings.radiiMeters;
  if (!isObject(radii) || Object.values(radii).some((value) => !isFiniteNumber(value) || value <= 0)) problems.push({ code: 'invalid', path: 'settings.radiiMeters', detail: 'radii must be numbers > 0' });
  const threshold = settings.coveredThreshold;
  if (!isObject(threshold) || ['mobile', 'ftth'].some((key) => !isFiniteNumber(threshold[key]) || (threshold[key] as number) < 0 || (threshold[key] as number) > 1)) {
    problems.push({ code: 'invalid', path: 'settings.coveredThreshold', detail: 'thresholds must be shares in [0, 1]' });
  }
  if (!isFiniteNumber(settings.colocationMeters) || settings.colocationMeters < 0) problems.push({ code: 'invalid', path: 'settings.colocationMeters', detail: 'must be a number ≥ 0' });
  const basemap = settings.basemap;
  if (!isObject(basemap) || typeof basemap.isEnabled !== 'boolean' || !isString(basemap.url) || !isString(basemap.attribution)) problems.push({ code: 'invalid', path: 'settings.basemap' });
}

/** A snapshot's dataset, checked item by item as the project's own layers are. */
function checkLayers(layers: unknown, path: string, problems: ProjectProblem[]): void {
  if (!isObject(layers)) return void problems.push({ code: 'missing', path });
  for (const name of PROJECT_LAYER_NAMES) {
    const items = layers[name];
    if (!Array.isArray(items)) {
      problems.push({ code: 'missing', path: `${path}.${name}` });
      continue;
    }
    for (let index = 0; index < items.length && problems.length < MAX_PROBLEMS; index++) {
      const item = items[index];
      const field = isObject(item) ? ITEM_CHECKS[name](item) : '';
      if (field !== null) problems.push({ code: 'invalid', path: `${path}.${name}[${index}]${field === '' ? '' : `.${field}`}` });
    }
  }
}

/** The plan and the snapshots, decoded (each snapshot's results by their schema, its dataset by the layer checks). */
function readPlanSection(json: Record<string, unknown>, problems: ProjectProblem[]): Pick<ProjectFile, 'plan' | 'snapshots'> {
  const section: Pick<ProjectFile, 'plan' | 'snapshots'> = {};
  const report = (found: { path: string; expected?: string; received?: string }[]) => {
    for (const problem of found) problems.push({ code: 'invalid', path: problem.path, ...(problem.expected ? { detail: `${problem.expected} ← ${problem.received ?? ''}` } : {}) });
  };
  if (json.plan !== undefined) {
    const plan = decodePlanProfile(json.plan, 'plan');
    if (plan.ok) section.plan = plan.value;
    else report(plan.problems);
  }
  if (json.snapshots !== undefined) {
    if (!Array.isArray(json.snapshots)) {
      problems.push({ code: 'invalid', path: 'snapshots' });
      return section;
    }
    const snapshots: StoredSnapshot[] = [];
    json.snapshots.forEach((value: unknown, index: number) => {
      const snapshot = decodePlanSnapshot(value, `snapshots[${index}]`);
      if (!snapshot.ok) return report(snapshot.problems);
      const layers = isObject(value) ? value.layers : undefined;
      if (layers === undefined) return void snapshots.push(snapshot.value);
      const before = problems.length;
      checkLayers(layers, `snapshots[${index}].layers`, problems);
      if (problems.length === before) snapshots.push({ ...snapshot.value, layers: layers as unknown as DatasetLayers });
    });
    section.snapshots = snapshots;
  }
  return section;
}

/**
 * Reads and checks a project file: format tag, version, every layer item's required fields, the
 * settings' ranges and the proposals' shape. Nothing is restored from a file with any problem.
 * @returns the project, or up to 20 problems, each with a JSON path
 * @example parseProjectFile('{}') // { ok: false, problems: [{ code: 'not-a-project', path: 'format' }] }
 */
export function parseProjectFile(text: string): ProjectParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ code: 'invalid-json', path: '', detail: (error as Error).message }] };
  }
  if (!isObject(json) || json.format !== PROJECT_FORMAT) return { ok: false, problems: [{ code: 'not-a-project', path: 'format' }] };
  if (!isFiniteNumber(json.version) || json.version < 1) return { ok: false, problems: [{ code: 'invalid', path: 'version' }] };
  if (json.version > PROJECT_VERSION) return { ok: false, problems: [{ code: 'newer-version', path: 'version', detail: String(json.version) }] };
  const problems: ProjectProblem[] = [];
  const layers = json.layers;
  if (!isObject(layers)) problems.push({ code: 'missing', path: 'layers' });
  else {
    for (const name of PROJECT_LAYER_NAMES) {
      const items = layers[name];
      if (!Array.isArray(items)) {
        problems.push({ code: 'missing', path: `layers.${name}` });
        continue;
      }
      for (let index = 0; index < items.length && problems.length < MAX_PROBLEMS; index++) {
        const item = items[index];
        const field = isObject(item) ? ITEM_CHECKS[name](item) : '';
        if (field !== null) problems.push({ code: 'invalid', path: `layers.${name}[${index}]${field === '' ? '' : `.${field}`}` });
      }
    }
  }
  const origin = json.origin;
  if (!isObject(origin)) problems.push({ code: 'missing', path: 'origin' });
  else for (const name of PROJECT_LAYER_NAMES) if (!ORIGINS.includes(origin[name] as LayerOrigin)) problems.push({ code: 'invalid', path: `origin.${name}`, detail: String(origin[name]) });
  checkSettings(json.settings, problems);
  if (json.proposals !== undefined && (!isObject(json.proposals) || !Array.isArray(json.proposals.proposals))) problems.push({ code: 'invalid', path: 'proposals' });
  const plan = readPlanSection(json, problems);
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const { plan: _plan, snapshots: _snapshots, ...rest } = json;
  return { ok: true, project: { ...(rest as unknown as ProjectFile), ...plan } };
}
