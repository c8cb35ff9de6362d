// Reads the results a comparison or a report looks back at: an `analyze` output folder (report.json,
// sites.geojson, and hamlets.geojson for the map), or a snapshot kept in a project file
// (`du-an.json#2024-12-31`, by the snapshot's id or date). Node only.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeAnalyzeOutput, decodePlanSnapshot, type AreaGeometry, type ChangeSide, type DecodeProblem, type SnapshotResults } from '../../src/core/index';
import { formatCount, formatDecodeProblem, say } from './cli-common';
import { CliError } from './read-inputs';

/** Largest file read here (the CLI's geodata limit). */
const MAX_BYTES = 200 * 1024 * 1024;
const PROJECT_FORMAT = 'soctrang-coverage-project';

/** Results read from a folder or a project's snapshot, with where they came from and hamlet outlines when known. */
export interface LoadedResults {
  results: SnapshotResults;
  side: ChangeSide;
  geometry: Map<string, AreaGeometry>;
}

function readJson(path: string): unknown {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError('cli.results.noFile', { path });
  }
  if (size > MAX_BYTES) throw new CliError('cli.results.tooLarge', { path, sizeMb: formatCount(Math.round(size / 1024 / 1024)), limitMb: formatCount(MAX_BYTES / 1024 / 1024) });
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch {
    // The parser's own message is English and technical: the sentence says what it means.
    throw new CliError('cli.results.notJson', { path });
  }
}

function describeProblems(where: string, problems: DecodeProblem[]): CliError {
  const lines = problems.slice(0, 10).map((problem) => `  ${formatDecodeProblem(problem)}`);
  return new CliError('cli.results.unusable', { where, problems: lines.join('\n') });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPosition = (value: unknown) => Array.isArray(value) && value.length >= 2 && value.every((number) => typeof number === 'number' && Number.isFinite(number));
const isRing = (value: unknown) => Array.isArray(value) && value.length >= 4 && value.every(isPosition);
const isPolygon = (value: unknown) => Array.isArray(value) && value.length > 0 && value.every(isRing);

/** A hamlet outline from a file, only when it is a well-formed Polygon or MultiPolygon. */
function areaGeometry(value: unknown): AreaGeometry | null {
  if (!isObject(value)) return null;
  if (value.type === 'Polygon' && isPolygon(value.coordinates)) return value as unknown as AreaGeometry;
  if (value.type === 'MultiPolygon' && Array.isArray(value.coordinates) && value.coordinates.every(isPolygon)) return value as unknown as AreaGeometry;
  return null;
}

function collectGeometry(items: unknown, idOf: (item: Record<string, unknown>) => unknown, geometryOf: (item: Record<string, unknown>) => unknown): Map<string, AreaGeometry> {
  const geometry = new Map<string, AreaGeometry>();
  if (!Array.isArray(items)) return geometry;
  for (const item of items) {
    if (!isObject(item)) continue;
    const id = idOf(item);
    const area = areaGeometry(geometryOf(item));
    if ((typeof id === 'string' || typeof id === 'number') && area) geometry.set(String(id), area);
  }
  return geometry;
}

function readFolder(dir: string): LoadedResults {
  const reportPath = join(dir, 'report.json');
  const sitesPath = join(dir, 'sites.geojson');
  for (const path of [reportPath, sitesPath]) if (!existsSync(path)) throw new CliError('cli.results.notFolder', { dir, file: basename(path) });
  const decoded = decodeAnalyzeOutput(readJson(reportPath), readJson(sitesPath));
  if (!decoded.ok) throw describeProblems(dir, decoded.problems);
  const hamletsPath = join(dir, 'hamlets.geojson');
  const hamlets = existsSync(hamletsPath) ? readJson(hamletsPath) : null;
  const geometry = collectGeometry(isObject(hamlets) ? hamlets.features : [], (feature) => (isObject(feature.properties) ? feature.properties.id : undefined), (feature) => feature.geometry);
  return { results: decoded.value, side: { source: dir, label: basename(dir), asOf: null }, geometry };
}

function readProjectSnapshot(path: string, selector: string): LoadedResults {
  const project = readJson(path);
  if (!isObject(project) || project.format !== PROJECT_FORMAT) throw new CliError('cli.results.notProject', { path });
  const snapshots = Array.isArray(project.snapshots) ? project.snapshots : [];
  const listed = snapshots.filter(isObject).map((snapshot) => `${String(snapshot.id)} (${String(snapshot.asOf)})`);
  const snapshotList = listed.length > 0 ? listed.join(', ') : say('cli.results.noSnapshots');
  if (selector === '') throw new CliError('cli.results.nameSnapshot', { path, snapshots: snapshotList });
  const index = snapshots.findIndex((snapshot) => isObject(snapshot) && snapshot.id === selector);
  const at = index >= 0 ? index : snapshots.findIndex((snapshot) => isObject(snapshot) && snapshot.asOf === selector);
  if (at < 0) throw new CliError('cli.results.noSnapshot', { path, selector, snapshots: snapshotList });
  const decoded = decodePlanSnapshot(snapshots[at], `snapshots[${at}]`);
  if (!decoded.ok) throw describeProblems(path, decoded.problems);
  const layers = isObject(project.layers) ? project.layers : {};
  const geometry = collectGeometry(layers.hamlets, (hamlet) => hamlet.id, (hamlet) => hamlet.geometry);
  return { results: decoded.value.results, side: { source: `${path}#${decoded.value.id}`, label: decoded.value.label, asOf: decoded.value.asOf }, geometry };
}

/**
 * Reads `DIR` (an analyze output folder) or `PROJECT.json#SNAPSHOT` (a snapshot of a project file, by
 * id or date).
 * @throws {CliError} naming what is missing or wrong
 */
export function readResultsSource(spec: string): LoadedResults {
  const hash = spec.lastIndexOf('#');
  const path = hash >= 0 && !existsSync(spec) ? spec.slice(0, hash) : spec;
  const selector = hash >= 0 && path !== spec ? spec.slice(hash + 1) : '';
  if (!existsSync(path)) throw new CliError('cli.results.missing', { path });
  return statSync(path).isDirectory() ? readFolder(path) : readProjectSnapshot(path, selector);
}
