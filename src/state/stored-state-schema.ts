// The one allow-list schema for everything the app reads back: a project file and the browser's
// storage (IndexedDB). Each part is rebuilt from its allowed fields only, never spread into a store;
// records go through core's import rules (checkStoredRecord), the analysis settings through core's
// resolveConfig (the rules of a CLI configuration), the rest through valibot schemas.
import * as v from 'valibot';
import { CoverageInputError, checkStoredRecord, decodePlanProfile, decodePlanSnapshot, isRadiusMeters, MEASUREMENT_TECHNOLOGIES, resolveConfig, TECHNOLOGIES, type MeasurementOptions, type MeasurementSet, type PlanProfile, type StoredRecordKind, type StoredRecordRule } from '../core';
import type { ProposalRunOptions, ProposalRunSummary, ProposedSite } from '../worker/proposal-messages';
import { DATASET_LAYER_NAMES, type DatasetLayerName, type DatasetLayers, type LayerOrigin } from './dataset-store';
import type { MeasurementFile } from './measurements-store';
import type { StoredSnapshot } from './plan-store';
import { DEFAULT_PROPOSAL_OPTIONS, type StoredProposals } from './proposals-store';
import type { Settings } from './settings-store';

/** One thing wrong with what was read: a code for the translated message, where (a JSON path such as `layers.btsRecords[3].lng`), and what was found. */
export interface StoredProblem {
  code: 'invalid-json' | 'not-a-project' | 'newer-version' | 'too-large' | 'missing' | 'invalid' | 'unknown-key' | 'duplicate-id';
  path: string;
  /** The rule broken at `path` (`radius`, `longitude`…), when one is known. */
  rule?: StoredRecordRule | 'setting';
  /** The value found (short plain text) or, for a refused size, the size. */
  detail?: string;
}

/** Most problems listed: a broken file usually repeats one mistake. */
export const MAX_PROBLEMS = 20;

/** Problems found so far, at most {@link MAX_PROBLEMS}. */
export class ProblemList {
  readonly items: StoredProblem[] = [];

  add(problem: StoredProblem): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push(problem);
  }

  get isFull(): boolean {
    return this.items.length >= MAX_PROBLEMS;
  }
}

const LAYER_RECORD_KIND: Record<DatasetLayerName, StoredRecordKind> = {
  hamlets: 'hamlet',
  btsRecords: 'btsRecord',
  fibrePoints: 'fibrePoint',
  fibreRoutes: 'fibreRoute',
  indicators: 'indicator',
  enteredIndicators: 'indicator',
  merger: 'mergerRow',
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

/** Keys of `value` that are not among `allowed` (each reported as an unknown key). */
function reportUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, problems: ProblemList): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) problems.add({ code: 'unknown-key', path: join(path, key) });
}

/**
 * One layer's items, each checked and rebuilt by core's import rules; hamlets and sites with the same
 * id are refused as the importers refuse them.
 * @returns the items, or undefined when any is broken (the problems say which)
 */
export function decodeLayerItems<Name extends DatasetLayerName>(name: Name, value: unknown, path: string, problems: ProblemList): DatasetLayers[Name] | undefined {
  if (!Array.isArray(value)) {
    problems.add({ code: value === undefined ? 'missing' : 'invalid', path });
    return undefined;
  }
  const kind = LAYER_RECORD_KIND[name];
  const items: unknown[] = [];
  const ids = name === 'hamlets' ? new Set<string>() : null;
  let isBroken = false;
  for (let index = 0; index < value.length && !problems.isFull; index++) {
    const checked = checkStoredRecord(kind, value[index]);
    if (!checked.ok) {
      isBroken = true;
      problems.add({ code: 'invalid', path: checked.field === '' ? join(path, index) : `${join(path, index)}.${checked.field}`, rule: checked.rule, ...(checked.value === undefined ? {} : { detail: checked.value }) });
      continue;
    }
    if (ids !== null) {
      const id = (checked.record as { id: string }).id;
      if (ids.has(id)) {
        isBroken = true;
        problems.add({ code: 'duplicate-id', path: `${join(path, index)}.id`, detail: id.length <= 40 ? JSON.stringify(id) : undefined });
        continue;
      }
      ids.add(id);
    }
    items.push(checked.record);
  }
  return isBroken || problems.isFull ? undefined : (items as DatasetLayers[Name]);
}

const ORIGINS: readonly LayerOrigin[] = ['demo', 'imported', 'empty'];

/** Where each layer came from; every layer must be named. */
export function decodeOrigins(value: unknown, path: string, problems: ProblemList): Record<DatasetLayerName, LayerOrigin> | undefined {
  if (!isPlainObject(value)) {
    problems.add({ code: value === undefined ? 'missing' : 'invalid', path });
    return undefined;
  }
  reportUnknownKeys(value, DATASET_LAYER_NAMES, path, problems);
  const origins = {} as Record<DatasetLayerName, LayerOrigin>;
  let isBroken = false;
  for (const name of DATASET_LAYER_NAMES) {
    const origin = ORIGINS.find((candidate) => candidate === value[name]);
    if (origin === undefined) {
      isBroken = true;
      problems.add({ code: value[name] === undefined ? 'missing' : 'invalid', path: join(path, name), ...(typeof value[name] === 'string' && (value[name] as string).length <= 40 ? { detail: JSON.stringify(value[name]) } : {}) });
    } else origins[name] = origin;
  }
  return isBroken ? undefined : origins;
}

/** Problems of a valibot result, placed under `path`. */
function reportIssues(issues: readonly v.BaseIssue<unknown>[], path: string, problems: ProblemList): void {
  for (const issue of issues) {
    let place = path;
    for (const item of issue.path ?? []) if (typeof item.key === 'string' || typeof item.key === 'number') place = join(place, item.key);
    const isUnknownKey = issue.expected === 'never';
    problems.add({ code: issue.input === undefined && !isUnknownKey ? 'missing' : isUnknownKey ? 'unknown-key' : 'invalid', path: place });
  }
}

const text = (maxLength: number) => v.pipe(v.string(), v.maxLength(maxLength));
const finite = v.pipe(v.number(), v.finite());

/** A raster tile address the basemap can use: https (or http), with `{z}`, `{x}` and `{y}`. */
export function isTileUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url) || !url.includes('{z}') || !url.includes('{x}') || !url.includes('{y}')) return false;
  try {
    return new URL(url.replace(/\{[zxy]\}/g, '0')).host !== '';
  } catch {
    return false;
  }
}

const SETTINGS_SHAPE = v.strictObject({
  radiiMeters: v.strictObject({ '2G': finite, '3G': finite, '4G': finite, '5G': finite, ftth: finite }),
  coveredThreshold: v.strictObject({ mobile: finite, ftth: finite }),
  colocationMeters: finite,
  basemap: v.strictObject({ isEnabled: v.boolean(), url: v.pipe(text(2000), v.check(isTileUrl)), attribution: text(500) }),
  // Absent in files and storage written before calibrations could be applied; entries checked by resolveConfig.
  radiusOverrides: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(1000))),
});

/**
 * The analysis settings and the basemap. The shape is checked here (every key present, nothing else);
 * the values by core's `resolveConfig`, the same rules as a configuration file of the command line.
 */
export function decodeSettings(value: unknown, path: string, problems: ProblemList): Settings | undefined {
  const shaped = v.safeParse(SETTINGS_SHAPE, value);
  if (!shaped.success) {
    reportIssues(shaped.issues, path, problems);
    return undefined;
  }
  const { radiiMeters, coveredThreshold, colocationMeters, basemap, radiusOverrides } = shaped.output;
  try {
    const config = resolveConfig({ radiiMeters, coveredThreshold, colocationMeters, ...(radiusOverrides === undefined ? {} : { radiusOverrides }) }, path);
    return {
      radiiMeters: { ...config.radiiMeters },
      coveredThreshold: { ...config.coveredThreshold },
      colocationMeters: config.colocationMeters,
      basemap: { ...basemap },
      radiusOverrides: (config.radiusOverrides ?? []).map(({ operator, technology, radiusMeters }) => ({ operator, technology, radiusMeters })),
    };
  } catch (error) {
    if (!(error instanceof CoverageInputError)) throw error;
    problems.add({ code: 'invalid', path: error.where === undefined ? path : join(path, error.where), rule: 'setting' });
    return undefined;
  }
}

const OPERATORS = v.pipe(v.array(text(200)), v.maxLength(50));
const SHARE = v.pipe(finite, v.minValue(0), v.maxValue(1));
// `aim` and `sharedTarget` are absent from sets saved before the shared-site aim existed: the defaults apply.
const RUN_OPTIONS: v.GenericSchema<unknown, ProposalRunOptions> = v.strictObject({
  operators: OPERATORS,
  aim: v.optional(v.picklist(['coverage', 'shared', 'both']), DEFAULT_PROPOSAL_OPTIONS.aim),
  targetShare: SHARE,
  sharedTarget: v.optional(SHARE, DEFAULT_PROPOSAL_OPTIONS.sharedTarget),
  measure: v.picklist(['hamlets', 'households']),
  problem: v.picklist(['min-set', 'budget']),
  budget: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
  method: v.picklist(['exact', 'greedy']),
  gridSpacingMeters: v.pipe(finite, v.minValue(0), v.maxValue(20_000)),
  technology: v.picklist(TECHNOLOGIES),
  radiusMeters: v.nullable(v.pipe(v.number(), v.check(isRadiusMeters))),
  timeLimitSeconds: v.pipe(finite, v.minValue(1), v.maxValue(600)),
});
const COUNT = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A message as code and parameters; parameters rebuilt into a null-prototype record (their names are data). */
const CODED_MESSAGE = v.pipe(
  v.object({ code: text(100), params: v.pipe(v.record(text(100), v.union([text(1000), finite])), v.check((params) => Object.keys(params).length <= 20)) }),
  v.transform(({ code, params }) => ({ code, params: Object.assign(Object.create(null) as Record<string, string | number>, params) })),
);
const RUN_SUMMARY: v.GenericSchema<unknown, ProposalRunSummary> = v.object({
  options: RUN_OPTIONS,
  problem: v.picklist(['min-set', 'budget']),
  method: v.picklist(['exact', 'greedy']),
  optimal: v.boolean(),
  gap: v.nullable(finite),
  status: CODED_MESSAGE as v.GenericSchema<unknown, ProposalRunSummary['status']>,
  objective: finite,
  count: COUNT,
  greedy: v.object({ count: COUNT, objective: finite }),
  targetShare: v.nullable(finite),
  reachableShare: v.pipe(v.array(finite), v.maxLength(100)),
  isReduced: v.boolean(),
  uncoverableCount: COUNT,
  sharing: v.nullable(v.object({ target: finite, comparator: v.picklist(['>', '>=']), reachable: finite, isReduced: v.boolean() })),
  candidates: v.object({ total: COUNT, useful: COUNT, pairsEvaluated: COUNT }),
  timing: v.object({ limitSeconds: finite, seconds: v.nullable(finite), cutShort: v.pipe(v.array(CODED_MESSAGE), v.maxLength(20)) }),
  solveMs: finite,
  baseMs: finite,
});
// Unknown members are dropped (sets saved by earlier versions carried `operators`, `solverNewlyCovered`
// and a new tower's `number`, which now follows its rank).
const PROPOSED_SITE: v.GenericSchema<unknown, Omit<ProposedSite, 'lng' | 'lat' | 'hostSiteId'> & { hostSiteId?: string }> = v.object({
  id: v.pipe(text(1000), v.minLength(1)),
  kind: v.picklist(['upgrade', 'new']),
  hostSiteId: v.optional(text(1000)),
  lng: v.unknown(),
  lat: v.unknown(),
  operator: v.pipe(text(200), v.minLength(1)),
  technology: v.picklist(TECHNOLOGIES),
  radiusMeters: v.pipe(v.number(), v.check(isRadiusMeters)),
  isEdited: v.boolean(),
});

/** One proposed site: its shape by the schema, its position by core's import rules. */
function decodeProposedSite(value: unknown, path: string, problems: ProblemList): ProposedSite | undefined {
  const shaped = v.safeParse(PROPOSED_SITE, value);
  if (!shaped.success) {
    reportIssues(shaped.issues, path, problems);
    return undefined;
  }
  const { hostSiteId, ...site } = shaped.output;
  const position = checkStoredRecord('fibrePoint', { id: site.id, lng: (value as Record<string, unknown>).lng, lat: (value as Record<string, unknown>).lat });
  if (!position.ok) {
    problems.add({ code: 'invalid', path: join(path, position.field), rule: position.rule, ...(position.value === undefined ? {} : { detail: position.value }) });
    return undefined;
  }
  const proposal: ProposedSite = { ...site, lng: position.record.lng, lat: position.record.lat };
  if (hostSiteId !== undefined) proposal.hostSiteId = hostSiteId;
  return proposal;
}

const STORED_PROPOSALS_KEYS = ['options', 'summary', 'proposals', 'nextUserNumber'] as const;

/** The site-proposal set: options, the last run's summary, the proposals, the counter of user sites. */
export function decodeStoredProposals(value: unknown, path: string, problems: ProblemList): StoredProposals | undefined {
  if (!isPlainObject(value)) {
    problems.add({ code: 'invalid', path });
    return undefined;
  }
  const before = problems.items.length;
  reportUnknownKeys(value, STORED_PROPOSALS_KEYS, path, problems);
  const options = v.safeParse(RUN_OPTIONS, value.options);
  if (!options.success) reportIssues(options.issues, join(path, 'options'), problems);
  const summary = value.summary === null ? null : v.safeParse(RUN_SUMMARY, value.summary);
  if (summary !== null && !summary.success) reportIssues(summary.issues, join(path, 'summary'), problems);
  const counter = v.safeParse(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)), value.nextUserNumber);
  if (!counter.success) problems.add({ code: value.nextUserNumber === undefined ? 'missing' : 'invalid', path: join(path, 'nextUserNumber') });
  const proposals: ProposedSite[] = [];
  if (!Array.isArray(value.proposals)) problems.add({ code: value.proposals === undefined ? 'missing' : 'invalid', path: join(path, 'proposals') });
  else {
    for (let index = 0; index < value.proposals.length && !problems.isFull; index++) {
      const proposal = decodeProposedSite(value.proposals[index], join(join(path, 'proposals'), index), problems);
      if (proposal !== undefined) proposals.push(proposal);
    }
  }
  if (problems.items.length > before || problems.isFull || !options.success || !counter.success || (summary !== null && !summary.success)) return undefined;
  return { options: options.output, summary: summary === null ? null : summary.output, proposals, nextUserNumber: counter.output };
}

/** Problems of core's plan decoders (plan profile, snapshot), placed as they say. */
function reportDecodeProblems(found: readonly { path: string }[], problems: ProblemList): void {
  for (const problem of found) problems.add({ code: 'invalid', path: problem.path });
}

/** The plan profile the project reports against, by core's plan schema. */
export function decodePlan(value: unknown, path: string, problems: ProblemList): PlanProfile | undefined {
  const plan = decodePlanProfile(value, path);
  if (plan.ok) return plan.value;
  reportDecodeProblems(plan.problems, problems);
  return undefined;
}

/** A snapshot's dataset: every layer present, each item under the same checks as the project's own layers. */
export function decodeSnapshotLayers(value: unknown, path: string, problems: ProblemList): DatasetLayers | undefined {
  if (!isPlainObject(value)) {
    problems.add({ code: value === undefined ? 'missing' : 'invalid', path });
    return undefined;
  }
  const before = problems.items.length;
  reportUnknownKeys(value, DATASET_LAYER_NAMES, path, problems);
  const layers: Partial<DatasetLayers> = {};
  for (const name of DATASET_LAYER_NAMES) {
    const items = decodeLayerItems(name, value[name], join(path, name), problems);
    if (items !== undefined) (layers as Record<DatasetLayerName, unknown>)[name] = items;
  }
  return problems.items.length > before || problems.isFull ? undefined : (layers as DatasetLayers);
}

/** One dated snapshot: its head and results by core's snapshot schema, its dataset (when kept) by the layer checks. */
export function decodeStoredSnapshot(value: unknown, path: string, problems: ProblemList): StoredSnapshot | undefined {
  const snapshot = decodePlanSnapshot(value, path);
  if (!snapshot.ok) {
    reportDecodeProblems(snapshot.problems, problems);
    return undefined;
  }
  const found = isPlainObject(value) ? value.layers : undefined;
  if (found === undefined) return snapshot.value;
  const layers = decodeSnapshotLayers(found, join(path, 'layers'), problems);
  return layers === undefined ? undefined : { ...snapshot.value, layers };
}

/** Most snapshots a project keeps (one a year for a long plan is a few dozen). */
const MAX_SNAPSHOTS = 200;

/** The list of dated snapshots. */
export function decodeStoredSnapshots(value: unknown, path: string, problems: ProblemList): StoredSnapshot[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_SNAPSHOTS) {
    problems.add({ code: 'invalid', path, ...(Array.isArray(value) ? { detail: String(value.length) } : {}) });
    return undefined;
  }
  const before = problems.items.length;
  const snapshots: StoredSnapshot[] = [];
  for (let index = 0; index < value.length && !problems.isFull; index++) {
    const snapshot = decodeStoredSnapshot(value[index], join(path, index), problems);
    if (snapshot !== undefined) snapshots.push(snapshot);
  }
  return problems.items.length > before || problems.isFull ? undefined : snapshots;
}

/** The field tests as stored: the set's typed columns (IndexedDB keeps typed arrays as they are), the files they came from, the rules. */
export interface StoredMeasurements {
  set: MeasurementSet | null;
  files: MeasurementFile[];
  rules: MeasurementOptions;
}

const MEASUREMENT_COLUMNS: readonly { name: keyof MeasurementSet; type: new (length: number) => ArrayLike<number> }[] = [
  { name: 'lng', type: Float64Array }, { name: 'lat', type: Float64Array }, { name: 'timeMs', type: Float64Array },
  { name: 'operator', type: Int16Array }, { name: 'technology', type: Int8Array }, { name: 'downMbps', type: Float64Array },
  { name: 'upMbps', type: Float64Array }, { name: 'latencyMs', type: Float64Array }, { name: 'rsrpDbm', type: Float64Array },
  { name: 'status', type: Int8Array }, { name: 'weight', type: Uint32Array }, { name: 'file', type: Uint16Array }, { name: 'row', type: Uint32Array },
];
const MEASUREMENT_SET_KEYS = ['count', 'operators', 'files', ...MEASUREMENT_COLUMNS.map((column) => column.name)];
const NAMES = v.pipe(v.array(text(1000)), v.maxLength(65_536));
const MEASUREMENT_FILES = v.pipe(v.array(v.strictObject({ fileName: text(1000), format: text(100), rowsUsed: COUNT })), v.maxLength(10_000));

/** A stored measurement set: every column of its typed-array kind and length, names lists of text, indices in range. */
function decodeMeasurementSet(value: unknown, path: string, problems: ProblemList): MeasurementSet | undefined {
  if (!isPlainObject(value)) {
    problems.add({ code: 'invalid', path });
    return undefined;
  }
  const before = problems.items.length;
  reportUnknownKeys(value, MEASUREMENT_SET_KEYS, path, problems);
  const count = value.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    problems.add({ code: count === undefined ? 'missing' : 'invalid', path: join(path, 'count') });
    return undefined;
  }
  for (const { name, type } of MEASUREMENT_COLUMNS) {
    const column = value[name];
    if (!(column instanceof type) || (column as ArrayLike<number>).length !== count) problems.add({ code: column === undefined ? 'missing' : 'invalid', path: join(path, name) });
  }
  const operators = v.safeParse(NAMES, value.operators);
  if (!operators.success) reportIssues(operators.issues, join(path, 'operators'), problems);
  const files = v.safeParse(NAMES, value.files);
  if (!files.success) reportIssues(files.issues, join(path, 'files'), problems);
  if (problems.items.length > before || !operators.success || !files.success) return undefined;
  const set = value as unknown as MeasurementSet;
  for (let i = 0; i < count; i++) {
    const column = set.operator[i] < -1 || set.operator[i] >= operators.output.length ? 'operator' : set.file[i] >= files.output.length ? 'file' : set.technology[i] < 0 || set.technology[i] >= MEASUREMENT_TECHNOLOGIES.length ? 'technology' : null;
    if (column !== null) {
      problems.add({ code: 'invalid', path: `${join(path, column)}[${i}]` });
      return undefined;
    }
  }
  return {
    count,
    lng: set.lng, lat: set.lat, timeMs: set.timeMs, operator: set.operator, operators: operators.output, technology: set.technology,
    downMbps: set.downMbps, upMbps: set.upMbps, latencyMs: set.latencyMs, rsrpDbm: set.rsrpDbm, status: set.status, weight: set.weight,
    file: set.file, files: files.output, row: set.row,
  };
}

/**
 * The stored field tests: the set by its column checks, the files by the schema, the rules by core's
 * `resolveConfig` (the `measurements` rules of a CLI configuration; missing ones take the defaults).
 * @returns the measurements, or undefined when any part is broken (the problems say which)
 */
export function decodeStoredMeasurements(value: unknown, path: string, problems: ProblemList): StoredMeasurements | undefined {
  if (!isPlainObject(value)) {
    problems.add({ code: 'invalid', path });
    return undefined;
  }
  const before = problems.items.length;
  reportUnknownKeys(value, ['set', 'files', 'rules'], path, problems);
  const set = value.set === null ? null : decodeMeasurementSet(value.set, join(path, 'set'), problems);
  const files = v.safeParse(MEASUREMENT_FILES, value.files);
  if (!files.success) reportIssues(files.issues, join(path, 'files'), problems);
  let rules: MeasurementOptions | undefined;
  try {
    rules = resolveConfig({ measurements: value.rules ?? {} }, path).measurements;
  } catch (error) {
    if (!(error instanceof CoverageInputError)) throw error;
    problems.add({ code: 'invalid', path: error.where === undefined ? join(path, 'rules') : join(path, error.where.replace(/^measurements/, 'rules')), rule: 'setting' });
  }
  if (problems.items.length > before || set === undefined || !files.success || rules === undefined) return undefined;
  return { set, files: set === null ? [] : files.output, rules };
}
