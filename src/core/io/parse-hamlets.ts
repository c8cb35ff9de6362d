import { DEFAULT_CONFIG } from '../config/default-config';
import { listOf, message, quotedValue, type Message } from '../messages';
import type { AreaGeometry, FieldMapping, Hamlet, ImportResult, PolygonCoordinates, Position } from '../types';
import { createColumnResolver } from './column-aliases';
import { ImportCollector } from './import-collector';
import { readCellText, readOptionalNumber, readOwn } from './read-cell';
import { readFeatureCollection } from './read-feature-collection';
import { repairPolygon, ringArea } from './repair-polygon';

/** More households than this in one hamlet is not a hamlet's count (the largest wards have about 20,000). */
export const MAX_HAMLET_HOUSEHOLDS = 1_000_000;
/** More people than this in one hamlet is not a hamlet's count. */
export const MAX_HAMLET_POPULATION = 5_000_000;
/** A polygon smaller than this (degrees², about 0.01 m²) has no area to cover. */
const MIN_AREA_DEGREES2 = 1e-12;
/** Vertices of a hole tested against its shell (spread over the ring): enough to catch a misplaced hole. */
const HOLE_SAMPLE = 16;

/** What {@link parseHamletsGeoJson} returns: the hamlets and whether the file says it is demo data. */
export type HamletImportResult = ImportResult<Hamlet> & { demo: boolean };

type LabelField = 'name' | 'commune' | 'district';
type CountField = 'households' | 'population';

/** A checked geometry, or why it cannot be used. */
export type GeometryReading = { ok: true; geometry: AreaGeometry; closedRings: number; droppedHoles: number } | { ok: false; reason: Message };

/** The first few places of something that happens to many features, and how many. */
interface PlaceTally {
  count: number;
  first: string[];
}
const tally = (): PlaceTally => ({ count: 0, first: [] });
const addPlace = (target: PlaceTally, where: string): void => {
  target.count += 1;
  if (target.first.length < 3) target.first.push(where);
};

/**
 * Reads hamlet (ấp / khóm) polygons from a GeoJSON FeatureCollection of Polygon / MultiPolygon features.
 * Properties are found through `fields` (each key lists accepted property names, matched like
 * `findColumn`: case, diacritics, spaces and underscores ignored); `households` and `population` accept
 * thousands separators (`1.234` → 1234).
 *
 * Skipped with the reason: no or empty geometry, another geometry type, a ring with fewer than 4
 * positions (after closing), non-numeric or out-of-range coordinates (projected data such as VN-2000
 * must be reprojected to WGS84 first), and a repeated id (the first feature keeps it; also warned as
 * `duplicate-id`), and a self-intersecting polygon whose repair would change its area by more than 20 %.
 * Kept with a warning: self-intersecting polygons repaired by `repairPolygon` (`repaired-self-intersection`),
 * unclosed rings (`unclosed-ring`, closed), missing id
 * (`missing-id`, the feature `id` or else `file#index` is used), missing name / commune / district
 * (`missing-name`… with `""`, one warning per field with a count), households / population that are not
 * numbers ≥ 0 (`invalid-households`, `invalid-population`, left out). A third coordinate is dropped.
 * @param json GeoJSON text or the parsed object; a top-level `demo: true` marks generated demo data
 * @param file label of the file, used in `where` and messages
 * @param fields accepted property names per hamlet field; defaults to `DEFAULT_CONFIG.fields`
 * @returns the hamlets, `demo`, and everything that was skipped or warned about
 * @throws {CoverageInputError} `empty-file`, `invalid-json` or `not-feature-collection`
 * @example
 * parseHamletsGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ma_ap: 'A1', ten_ap: 'Ấp 1', xa: 'X', huyen: 'H', so_ho: '1.234' }, geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [106, 9.6], [106, 9.7], [105.9, 9.6]]] } }] }, 'ap.geojson').items[0].households
 * // 1234
 */
export function parseHamletsGeoJson(json: unknown, file: string, fields: FieldMapping = DEFAULT_CONFIG.fields): HamletImportResult {
  const { features, collection } = readFeatureCollection(json, file);
  const collector = new ImportCollector<Hamlet>('features');
  const firstPlaceById = new Map<string, string>();
  const columnsOf = createColumnResolver(fields);
  const missingLabels: Record<LabelField, PlaceTally> = { name: tally(), commune: tally(), district: tally() };
  const missingCounts: Record<CountField, PlaceTally> = { households: tally(), population: tally() };

  for (const { index, where, feature, problem } of features) {
    if (feature === null) {
      collector.skip(where, problem ?? message('not-a-feature', { value: 'null' }));
      continue;
    }
    const geometry = readAreaGeometry(feature.geometry);
    if (!geometry.ok) {
      collector.skip(where, geometry.reason);
      continue;
    }
    const repair = repairPolygon(geometry.geometry);
    if (repair.status === 'unrepairable') {
      collector.skip(where, repair.reason);
      continue;
    }
    const columns = columnsOf(Object.keys(feature.properties));
    const cell = (field: keyof FieldMapping): unknown => (columns[field] === undefined ? undefined : readOwn(feature.properties, columns[field]));

    let id = readCellText(cell('id'));
    const hasOwnId = id !== '';
    if (!hasOwnId) id = readCellText(feature.id) || `${file}#${index}`;
    const firstPlace = firstPlaceById.get(id);
    if (firstPlace !== undefined) {
      collector.skip(where, message('duplicate-hamlet-id', { value: quotedValue(id), first: firstPlace }));
      collector.warn(message('duplicate-id'), where);
      continue;
    }
    firstPlaceById.set(id, where);
    if (!hasOwnId) collector.warn(message('missing-id-feature', { at: message('no-property', { names: listOf(fields.id, { quoted: false, max: 10 }) }) }), where);

    // No prototype: a property named `__proto__` or `constructor` stays an ordinary property.
    const properties = Object.assign(Object.create(null) as Record<string, unknown>, feature.properties);
    const hamlet: Hamlet = { id, name: '', commune: '', district: '', properties, geometry: repair.geometry };
    if (repair.status === 'repaired') collector.warn(message('repaired-self-intersection'), where);
    for (const field of ['name', 'commune', 'district'] as const) {
      hamlet[field] = readCellText(cell(field));
      if (hamlet[field] === '') addPlace(missingLabels[field], where);
    }
    for (const field of ['households', 'population'] as const) {
      readCount(field, cell(field), columns[field], where, hamlet, collector);
      if (hamlet[field] === undefined) addPlace(missingCounts[field], where);
    }
    if (geometry.closedRings > 0) collector.warn(message('unclosed-ring'), where);
    if (geometry.droppedHoles > 0) collector.warn(message('hole-outside-shell', { count: geometry.droppedHoles }), where);
    collector.use(hamlet);
  }

  const used = collector.count();
  const fieldNames = (field: keyof FieldMapping) => listOf(fields[field], { quoted: false, max: 10 });
  for (const field of ['name', 'commune', 'district'] as const) {
    const { count, first } = missingLabels[field];
    if (count === 0) continue;
    collector.warnOnce({ code: `missing-${field}`, params: { count, total: used, names: fieldNames(field) }, where: first[0], places: { count, first, noun: 'features' } });
  }
  for (const field of ['households', 'population'] as const) {
    const { count, first } = missingCounts[field];
    // A count missing everywhere is simply not in the data; missing in part of it skews household shares.
    if (count === 0 || count === used) continue;
    collector.warnOnce({ code: `missing-${field}`, params: { count, total: used, names: fieldNames(field) }, where: first[0], places: { count, first, noun: 'features' } });
  }
  return { ...collector.finish(), demo: collection.demo === true };
}

function readCount(field: CountField, raw: unknown, column: string | undefined, where: string, hamlet: Hamlet, collector: ImportCollector<Hamlet>): void {
  const count = readOptionalNumber(raw, { ambiguousSeparator: 'thousands' });
  const limit = field === 'households' ? MAX_HAMLET_HOUSEHOLDS : MAX_HAMLET_POPULATION;
  const params = { value: quotedValue(raw), property: column ?? field };
  if (count.kind === 'number' && count.value >= 0 && count.value <= limit) hamlet[field] = count.value;
  else if (count.kind === 'number' && count.value > limit) collector.warn(message(`implausible-${field}`, { ...params, limit }), where);
  else if (count.kind !== 'absent') collector.warn(message(`invalid-${field}`, params), where);
}

/** Reads a Polygon / MultiPolygon as the hamlet import accepts it (see the import's checks). */
export function readAreaGeometry(geometry: unknown): GeometryReading {
  if (geometry === null || typeof geometry !== 'object') return { ok: false, reason: message('no-geometry') };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') return { ok: false, reason: message('geometry-not-area', { value: quotedValue(type ?? null) }) };
  if (!Array.isArray(coordinates) || coordinates.length === 0) return { ok: false, reason: message('geometry-empty', { value: type }) };
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const checked: PolygonCoordinates[] = [];
  let closedRings = 0;
  let droppedHoles = 0;
  let area = 0;
  for (let polygonIndex = 0; polygonIndex < polygons.length; polygonIndex += 1) {
    const rings = polygons[polygonIndex];
    const polygon = type === 'MultiPolygon' ? polygonIndex : -1;
    if (!Array.isArray(rings) || rings.length === 0) return { ok: false, reason: message('polygon-no-rings', { index: polygonIndex }) };
    const checkedRings: Position[][] = [];
    for (let ringIndex = 0; ringIndex < rings.length; ringIndex += 1) {
      const at = polygon < 0 ? message('ring-label', { ring: ringIndex }) : message('ring-of-polygon-label', { ring: ringIndex, polygon });
      const ring = readRing(rings[ringIndex], at);
      if (!('positions' in ring)) return { ok: false, reason: ring };
      if (ring.wasClosed) closedRings += 1;
      // A hole that is not inside its shell is a digitising error: it would take area from nothing.
      if (ringIndex > 0 && !isRingInside(ring.positions, checkedRings[0])) droppedHoles += 1;
      else checkedRings.push(ring.positions);
    }
    area += checkedRings.reduce((sum, ring, index) => sum + (index === 0 ? 1 : -1) * ringArea(ring), 0);
    checked.push(checkedRings);
  }
  if (!(area > MIN_AREA_DEGREES2)) return { ok: false, reason: message('area-zero') };
  const result: AreaGeometry = type === 'Polygon' ? { type, coordinates: checked[0] } : { type, coordinates: checked };
  return { ok: true, geometry: result, closedRings, droppedHoles };
}

function readRing(ring: unknown, at: Message): { positions: Position[]; wasClosed: boolean } | Message {
  if (!Array.isArray(ring)) return message('ring-not-positions', { at });
  const positions: Position[] = [];
  for (let index = 0; index < ring.length; index += 1) {
    const position: unknown = ring[index];
    if (!Array.isArray(position) || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
      return message('ring-position-invalid', { at, index, value: quotedValue(position ?? null) });
    }
    const [lng, lat] = position as number[];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return message('ring-position-not-degrees', { at, index, lng, lat });
    positions.push([lng, lat]);
  }
  const first = positions[0];
  const last = positions[positions.length - 1];
  const wasClosed = positions.length > 0 && (first[0] !== last[0] || first[1] !== last[1]);
  if (wasClosed) positions.push([first[0], first[1]]);
  if (positions.length < 4) return message('ring-too-short', { at, count: positions.length });
  return { positions, wasClosed };
}

/** Whether sampled vertices of `hole` lie inside or on `shell` (even-odd rule). */
function isRingInside(hole: readonly Position[], shell: readonly Position[]): boolean {
  const step = Math.max(1, Math.floor((hole.length - 1) / HOLE_SAMPLE));
  for (let index = 0; index < hole.length - 1; index += step) {
    if (!isPointInRing(hole[index], shell)) return false;
  }
  return true;
}

function isPointInRing([x, y]: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    // On the boundary counts as inside: holes may touch their shell.
    if ((xj - xi) * (y - yi) === (yj - yi) * (x - xi) && Math.min(xi, xj) <= x && x <= Math.max(xi, xj) && Math.min(yi, yj) <= y && y <= Math.max(yi, yj)) return true;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
