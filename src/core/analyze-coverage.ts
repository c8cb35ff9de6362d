import { appendAll } from './append-all';
import { SHARED_TOWER_OPERATOR, type BtsRecord, type CoverageConfig, type CoverageInput, type Site, type Warning } from './types';
import { buildCoverageShapes, buildLayerKeys, MAX_OPERATOR_LAYERS, shapeBounds, type Allocate, type CoverageShapes, type LayerKey } from './coverage/coverage-shapes';
import { buildScanPasses, computeCoverage, indexShapes, type IndexedShapes } from './coverage/compute-coverage';
import type { PreparedHamlet, ScanPass } from './coverage/area-kernel';
import { prepareHamlets, type PackedHamlets } from './coverage/prepare-hamlets';
import { clusterSites } from './coverage/cluster-sites';
import { isPointInHamlet } from './coverage/hamlet-geometry';
import { buildBoxIndex, type BoxIndex } from './spatial/spatial-index';
import { DEFAULT_SITE_REACH, resolveRecordRadii } from './propagation/resolve-record-radii';

/**
 * An analysis that can be updated cheaply: the hamlets stay prepared and indexed, the input's own
 * shapes stay indexed, and a small set of extra BTS records (proposals, what-if edits) can be
 * swapped in, recomputing only the hamlets those records touch.
 */
export interface CoverageAnalysis {
  input: CoverageInput;
  config: CoverageConfig;
  layerKeys: LayerKey[];
  prepared: PreparedHamlet[];
  hamletIndex: BoxIndex;
  base: IndexedShapes;
  extraRecords: BtsRecord[];
  extra: IndexedShapes | null;
  /** Row-major `hamlets × layerKeys` matrix of covered fractions. */
  fractions: Float64Array;
  /** Merged sites, from every operator's records when the input carries an operator filter. */
  sites: Site[];
  /** For each site, the index of the hamlet it stands in, or -1. */
  siteHamlets: Int32Array;
  warnings: Warning[];
}

export interface AnalysisOptions {
  /** Called after each chunk of hamlets with (hamlets done, hamlets in all). */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_CHUNK = 512;

function locateSites(sites: Site[], prepared: PreparedHamlet[], hamletIndex: BoxIndex): Int32Array {
  const located = new Int32Array(sites.length).fill(-1);
  sites.forEach((site, s) => {
    for (const h of hamletIndex.search(site.lng, site.lat, site.lng, site.lat)) {
      if (isPointInHamlet(prepared[h], site.lng, site.lat)) {
        located[s] = h;
        break;
      }
    }
  });
  return located;
}

/** Operators with layers of their own (a shared tower has none). */
function operatorsOf(records: BtsRecord[]): Set<string> {
  const operators = new Set(records.map((record) => record.operator));
  operators.delete(SHARED_TOWER_OPERATOR);
  return operators;
}

/** Records sites are merged from: every operator's, also when the input was filtered to some operators. */
function siteRecordsOf(input: CoverageInput): BtsRecord[] {
  return input.operatorFilter ? [...input.btsRecords, ...input.operatorFilter.otherBtsRecords] : input.btsRecords;
}

function placeSites(records: BtsRecord[], config: CoverageConfig, prepared: PreparedHamlet[], hamletIndex: BoxIndex): Pick<CoverageAnalysis, 'sites' | 'siteHamlets'> {
  const sites = clusterSites(records, config.colocationMeters);
  return { sites, siteHamlets: locateSites(sites, prepared, hamletIndex) };
}

function resolveConfigRadii(input: CoverageInput, config: CoverageConfig, hamlets: JobHamlets | null): BtsRecord[] {
  if ((config.radiusOverrides?.length ?? 0) === 0 && config.siteReach?.isEnabled !== true) return input.btsRecords;
  const districtOf = (record: BtsRecord): string | null => {
    if (!hamlets) return null;
    for (const h of hamlets.hamletIndex.search(record.lng, record.lat, record.lng, record.lat)) {
      if (!isPointInHamlet(hamlets.prepared[h], record.lng, record.lat)) continue;
      const code = input.hamlets[h].properties.district_code;
      return typeof code === 'string' || typeof code === 'number' ? String(code) : input.hamlets[h].district;
    }
    return null;
  };
  return resolveRecordRadii(input.btsRecords, { radiusOverrides: config.radiusOverrides ?? [], siteReach: config.siteReach ?? DEFAULT_SITE_REACH }, districtOf).records;
}

/** Everything an analysis needs before the scan: prepared hamlets, indexed shapes, layers, passes. */
export interface CoverageJob {
  input: CoverageInput;
  config: CoverageConfig;
  layerKeys: LayerKey[];
  passes: ScanPass[];
  prepared: PreparedHamlet[];
  /** The prepared hamlets' arrays (on the allocator's buffers, e.g. shared with worker threads). */
  packed: PackedHamlets;
  hamletIndex: BoxIndex;
  base: IndexedShapes;
  extraRecords: BtsRecord[];
  extra: IndexedShapes | null;
  warnings: Warning[];
}

/** The hamlets' part of a job: prepared (packed on the allocator's buffers) and indexed. */
export interface JobHamlets {
  prepared: PreparedHamlet[];
  packed: PackedHamlets;
  hamletIndex: BoxIndex;
  warnings: Warning[];
}

/**
 * Prepares and indexes the input's hamlets, the first part of a job.
 * @param input the input (only its hamlets are read)
 * @param allocate buffer allocator for the packed hamlets (shared memory for worker threads)
 * @returns the prepared hamlets, their index and a warning per hamlet without area
 * @example prepareJobHamlets(input).prepared.length === input.hamlets.length
 */
export function prepareJobHamlets(input: CoverageInput, allocate?: Allocate): JobHamlets {
  const { packed, hamlets: prepared } = prepareHamlets(
    input.hamlets.map((hamlet) => hamlet.geometry),
    allocate,
  );
  const warnings: Warning[] = [];
  prepared.forEach((hamlet, i) => {
    if (hamlet.areaM2 <= 0) warnings.push({ code: 'hamlet-empty-area', params: { id: input.hamlets[i].id }, where: input.hamlets[i].id });
  });
  const hamletIndex = buildBoxIndex(prepared.length, (i, out) => out.set(prepared[i].bbox));
  return { prepared, packed, hamletIndex, warnings };
}

/** The shapes' part of a job, not yet indexed: the layers, the input's shapes, the extra records' shapes. */
export interface JobShapes {
  layerKeys: LayerKey[];
  base: CoverageShapes;
  extra: CoverageShapes | null;
  /** Warnings about the layers (too many operators) and about the records and points the shapes came from. */
  layerWarnings: Warning[];
  warnings: Warning[];
}

/**
 * Whether a job's shapes depend on its hamlets: the reach model with land rules per district needs
 * each record's district, found from the hamlet it stands in. Otherwise (calibrated radii per
 * operator and technology included) shapes and hamlets can be prepared independently, e.g. on two
 * threads.
 * @example shapesNeedHamlets(DEFAULT_CONFIG) // false
 */
export function shapesNeedHamlets(config: CoverageConfig): boolean {
  return config.siteReach?.isEnabled === true && config.siteReach.districtEnvironments.length > 0;
}

/**
 * Builds the job's layers and shapes, the second part of a job.
 * @param input the input
 * @param config radii and the reach model
 * @param extraRecords extra BTS records, kept apart
 * @param hamlets the job's hamlets: needed when `shapesNeedHamlets(config)`, else may be null
 * @param allocate buffer allocator for the shapes
 * @returns layers, shapes and warnings
 * @example buildJobShapes(input, DEFAULT_CONFIG, [], null).base.count
 */
export function buildJobShapes(input: CoverageInput, config: CoverageConfig, extraRecords: BtsRecord[], hamlets: JobHamlets | null, allocate?: Allocate): JobShapes {
  const operators = operatorsOf([...input.btsRecords, ...extraRecords]);
  const layerKeys = buildLayerKeys(operators);
  const layerWarnings: Warning[] = [];
  if (operators.size > MAX_OPERATOR_LAYERS) {
    layerWarnings.push({ code: 'too-many-operators', params: { count: operators.size, limit: MAX_OPERATOR_LAYERS } });
  }
  if (shapesNeedHamlets(config) && !hamlets) throw new Error('buildJobShapes: the reach model has land rules per district; prepare the hamlets first');
  // Radii per operator and technology (an applied calibration) and the reach model give records their
  // radii before the shapes are built; sites, their positions and ids are the input's.
  const built = buildCoverageShapes({ ...input, btsRecords: resolveConfigRadii(input, config, hamlets) }, config, layerKeys, allocate);
  const extra = extraRecords.length > 0 ? buildCoverageShapes({ btsRecords: extraRecords, fibrePoints: [], fibreRoutes: [] }, config, layerKeys, allocate).shapes : null;
  return { layerKeys, base: built.shapes, extra, layerWarnings, warnings: built.warnings };
}

/**
 * Puts a job together from its parts, once the shapes are indexed (here with `indexShapes`, or on
 * another thread).
 * @param input the input
 * @param config the configuration
 * @param extraRecords the extra records the shapes were built with
 * @param hamlets the prepared hamlets
 * @param shapes the layers and shapes
 * @param indexed `shapes.base` and `shapes.extra` with their indexes
 * @returns the job
 * @example assembleCoverageJob(input, config, [], hamlets, shapes, { base: indexShapes(shapes.base), extra: null })
 */
export function assembleCoverageJob(
  input: CoverageInput,
  config: CoverageConfig,
  extraRecords: BtsRecord[],
  hamlets: JobHamlets,
  shapes: JobShapes,
  indexed: { base: IndexedShapes; extra: IndexedShapes | null },
): CoverageJob {
  const warnings: Warning[] = [...shapes.layerWarnings];
  appendAll(warnings, hamlets.warnings);
  appendAll(warnings, shapes.warnings);
  const { prepared, packed, hamletIndex } = hamlets;
  return { input, config, layerKeys: shapes.layerKeys, passes: buildScanPasses(shapes.layerKeys), prepared, packed, hamletIndex, base: indexed.base, extraRecords, extra: indexed.extra, warnings };
}

/**
 * First half of an analysis: prepares and indexes hamlets and shapes. The scan itself
 * (`computeCoverage` over `job.prepared`) can then run here or be split across worker threads,
 * and `completeCoverageAnalysis` finishes.
 * @param input hamlets, BTS records, fibre points and routes, indicators
 * @param config radii, thresholds, co-location distance, targets
 * @param extraRecords extra BTS records (proposals, what-if edits) kept apart for cheap updates
 * @param allocate buffer allocator for the prepared hamlets, the shapes and their index (shared
 *   memory for worker threads)
 * @returns the job
 * @example const job = prepareCoverageJob(input, DEFAULT_CONFIG)
 */
export function prepareCoverageJob(input: CoverageInput, config: CoverageConfig, extraRecords: BtsRecord[] = [], allocate?: Allocate): CoverageJob {
  const hamlets = prepareJobHamlets(input, allocate);
  const shapes = buildJobShapes(input, config, extraRecords, hamlets, allocate);
  const indexed = { base: indexShapes(shapes.base, allocate), extra: shapes.extra ? indexShapes(shapes.extra, allocate) : null };
  return assembleCoverageJob(input, config, extraRecords, hamlets, shapes, indexed);
}

/**
 * The job's sites: records merged by co-location and placed in hamlets. Independent of the scan,
 * so it can run while worker threads scan.
 * @param job the prepared job
 * @returns the merged sites and, per site, its hamlet or -1
 * @example locateJobSites(prepareCoverageJob(input, DEFAULT_CONFIG)).sites.length
 */
export function locateJobSites(job: CoverageJob): Pick<CoverageAnalysis, 'sites' | 'siteHamlets'> {
  return placeSites([...siteRecordsOf(job.input), ...job.extraRecords], job.config, job.prepared, job.hamletIndex);
}

/**
 * Second half of an analysis: attaches the scan's fractions and the merged, placed sites.
 * @param job the prepared job
 * @param fractions the scan's result (`hamlets × layers`, row-major)
 * @param located the job's sites (computed here when not given)
 * @returns the analysis
 * @example completeCoverageAnalysis(job, computeCoverage(job.prepared, [job.base], job.layerKeys.length, job.passes))
 */
export function completeCoverageAnalysis(job: CoverageJob, fractions: Float64Array, located = locateJobSites(job)): CoverageAnalysis {
  const { passes: _passes, packed: _packed, ...rest } = job;
  return { ...rest, fractions, ...located, warnings: job.warnings };
}

/**
 * Runs the whole coverage analysis on this thread: hamlet fractions per layer, merged sites and
 * their hamlets.
 * @param input hamlets, BTS records, fibre points and routes, indicators
 * @param config radii, thresholds, co-location distance, targets
 * @param options progress callback
 * @param extraRecords extra BTS records kept apart (see `withExtraBtsRecords`)
 * @returns an analysis; turn it into the report with `buildCoverageReport`
 * @example buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG)).kpis.coveredMobileShare
 */
export function createCoverageAnalysis(input: CoverageInput, config: CoverageConfig, options: AnalysisOptions = {}, extraRecords: BtsRecord[] = []): CoverageAnalysis {
  const job = prepareCoverageJob(input, config, extraRecords);
  const shapeSets = job.extra ? [job.base, job.extra] : [job.base];
  const fractions = new Float64Array(job.prepared.length * job.layerKeys.length);
  const all = job.prepared.map((_, i) => i);
  for (let start = 0; start < all.length; start += PROGRESS_CHUNK) {
    computeCoverage(job.prepared, shapeSets, job.layerKeys.length, job.passes, all.slice(start, start + PROGRESS_CHUNK), fractions);
    options.onProgress?.(Math.min(all.length, start + PROGRESS_CHUNK), all.length);
  }
  return completeCoverageAnalysis(job, fractions);
}

function recordKey(record: BtsRecord): string {
  return JSON.stringify([record.siteId, record.operator, record.lng, record.lat, record.technologies, record.radiusMeters, record.azimuthDegrees, record.beamwidthDegrees]);
}

/** Records in one list but not the other (as multisets: a duplicated record counts twice). */
function symmetricDifference(before: BtsRecord[], after: BtsRecord[]): BtsRecord[] {
  const remaining = new Map<string, BtsRecord[]>();
  for (const record of before) {
    const key = recordKey(record);
    remaining.set(key, [...(remaining.get(key) ?? []), record]);
  }
  const added: BtsRecord[] = [];
  for (const record of after) {
    const matches = remaining.get(recordKey(record));
    if (matches && matches.length > 0) matches.pop();
    else added.push(record);
  }
  return [...added, ...[...remaining.values()].flat()];
}

/**
 * Replaces the extra BTS records (proposed or edited sites) and recomputes only the hamlets that
 * the records that changed (added, removed, moved) reach. The input itself is unchanged.
 * @param analysis the current analysis (not modified)
 * @param extraRecords the new set of extra records
 * @returns a new analysis
 * @example withExtraBtsRecords(analysis, [{ siteId: 'P1', operator: 'Viettel', lng: 106, lat: 9.5, technologies: ['4G'] }])
 */
export function withExtraBtsRecords(analysis: CoverageAnalysis, extraRecords: BtsRecord[]): CoverageAnalysis {
  const known = new Set(analysis.layerKeys.map((key) => key.operator));
  const hasNewOperator = extraRecords.some((record) => !known.has(record.operator) && record.operator !== SHARED_TOWER_OPERATOR) && analysis.layerKeys.length < 4 + 3 * MAX_OPERATOR_LAYERS;
  if (hasNewOperator) return createCoverageAnalysis(analysis.input, analysis.config, {}, extraRecords);
  const extra =
    extraRecords.length > 0
      ? indexShapes(buildCoverageShapes({ btsRecords: extraRecords, fibrePoints: [], fibreRoutes: [] }, analysis.config, analysis.layerKeys).shapes)
      : null;
  // Only the records that changed (moved, added, removed) can change a hamlet's fractions; a
  // hamlet they reach is recomputed from all shapes, any other hamlet keeps its row.
  const changed = symmetricDifference(analysis.extraRecords, extraRecords);
  const changedShapes = buildCoverageShapes({ btsRecords: changed, fibrePoints: [], fibreRoutes: [] }, analysis.config, analysis.layerKeys).shapes;
  const affected = new Set<number>();
  const box = new Float64Array(4);
  for (let i = 0; i < changedShapes.count; i++) {
    shapeBounds(changedShapes, i, box);
    for (const h of analysis.hamletIndex.search(box[0], box[1], box[2], box[3])) affected.add(h);
  }
  const fractions = analysis.fractions.slice();
  computeCoverage(analysis.prepared, extra ? [analysis.base, extra] : [analysis.base], analysis.layerKeys.length, buildScanPasses(analysis.layerKeys), [...affected], fractions);
  const partial = { ...analysis, extraRecords, extra, fractions };
  const located = placeSites([...siteRecordsOf(analysis.input), ...extraRecords], analysis.config, analysis.prepared, analysis.hamletIndex);
  return { ...partial, ...located };
}

// The report half of an analysis lives with the KPIs; re-exported so callers import the engine from one place.
export { buildCoverageReport } from './kpi/build-coverage-report';
