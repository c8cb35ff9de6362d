import { DEFAULT_CONFIG } from '../config/default-config';
import type { AreaGeometry, FieldMapping, Hamlet, ImportResult, PolygonCoordinates, Position } from '../types';
import { createColumnResolver } from './column-aliases';
import { ImportCollector } from './import-collector';
import { describeValue, readCellText, readOptionalNumber } from './read-cell';
import { readFeatureCollection } from './read-feature-collection';
import { repairPolygon } from './repair-polygon';

/** What {@link parseHamletsGeoJson} returns: the hamlets and whether the file says it is demo data. */
export type HamletImportResult = ImportResult<Hamlet> & { demo: boolean };

type LabelField = 'name' | 'commune' | 'district';
type CountField = 'households' | 'population';

/** A checked geometry, or why it cannot be used. */
type GeometryReading = { ok: true; geometry: AreaGeometry; closedRings: number } | { ok: false; reason: string };

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
  const missingLabels: Record<LabelField, string[]> = { name: [], commune: [], district: [] };
  const missingCounts: Record<CountField, string[]> = { households: [], population: [] };

  for (const { index, where, feature, problem } of features) {
    if (feature === null) {
      collector.skip(where, problem ?? 'not a GeoJSON Feature');
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
    const cell = (field: keyof FieldMapping): unknown => (columns[field] === undefined ? undefined : feature.properties[columns[field]]);

    let id = readCellText(cell('id'));
    const hasOwnId = id !== '';
    if (!hasOwnId) id = readCellText(feature.id) || `${file}#${index}`;
    const firstPlace = firstPlaceById.get(id);
    if (firstPlace !== undefined) {
      collector.skip(where, `duplicate id ${describeValue(id)} (first used by ${firstPlace})`);
      collector.warn('duplicate-id', 'id already used by an earlier feature; the later feature is skipped', where);
      continue;
    }
    firstPlaceById.set(id, where);
    if (!hasOwnId) {
      collector.warn('missing-id', `missing id (property ${fields.id.join('/')}); the feature id, else the feature's location (file#index), is used`, where);
    }

    const hamlet: Hamlet = { id, name: '', commune: '', district: '', properties: { ...feature.properties }, geometry: repair.geometry };
    if (repair.status === 'repaired') {
      collector.warn('repaired-self-intersection', 'polygon crossed itself; repaired by rebuilding it with polygon clipping (area change under 20 %)', where);
    }
    for (const field of ['name', 'commune', 'district'] as const) {
      hamlet[field] = readCellText(cell(field));
      if (hamlet[field] === '') missingLabels[field].push(where);
    }
    for (const field of ['households', 'population'] as const) {
      readCount(field, cell(field), columns[field], where, hamlet, collector);
      if (hamlet[field] === undefined) missingCounts[field].push(where);
    }
    if (geometry.closedRings > 0) {
      collector.warn('unclosed-ring', 'ring not closed (last position differs from the first); closed it', where);
    }
    collector.use(hamlet);
  }

  for (const field of ['name', 'commune', 'district'] as const) {
    const places = missingLabels[field];
    if (places.length === 0) continue;
    collector.warnOnce({
      code: `missing-${field}`,
      message: `${places.length} of ${collector.count()} hamlets have no ${field} (property ${fields[field].join('/')}); "" used (first: ${places.slice(0, 3).join(', ')})`,
      where: places[0],
    });
  }
  for (const field of ['households', 'population'] as const) {
    const places = missingCounts[field];
    const used = collector.count();
    // A count missing everywhere is simply not in the data; missing in part of it skews household shares.
    if (places.length === 0 || places.length === used) continue;
    collector.warnOnce({
      code: `missing-${field}`,
      message: `${places.length} of ${used} hamlets have no usable ${field} (property ${fields[field].join('/')}); they count as unknown (first: ${places.slice(0, 3).join(', ')})`,
      where: places[0],
    });
  }
  return { ...collector.finish(), demo: collection.demo === true };
}

function readCount(field: CountField, raw: unknown, column: string | undefined, where: string, hamlet: Hamlet, collector: ImportCollector<Hamlet>): void {
  const count = readOptionalNumber(raw, { ambiguousSeparator: 'thousands' });
  if (count.kind === 'number' && count.value >= 0) hamlet[field] = count.value;
  else if (count.kind !== 'absent') {
    collector.warn(`invalid-${field}`, `${field} ${describeValue(raw)} is not a number ≥ 0 (property "${column ?? field}"); left out`, where);
  }
}

function readAreaGeometry(geometry: unknown): GeometryReading {
  if (geometry === null || typeof geometry !== 'object') return { ok: false, reason: 'no geometry' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { ok: false, reason: `geometry type ${describeValue(type ?? null)} is not Polygon or MultiPolygon` };
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) return { ok: false, reason: `empty ${type} geometry` };
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const checked: PolygonCoordinates[] = [];
  let closedRings = 0;
  for (let polygonIndex = 0; polygonIndex < polygons.length; polygonIndex += 1) {
    const rings = polygons[polygonIndex];
    const polygonLabel = type === 'MultiPolygon' ? ` of polygon ${polygonIndex}` : '';
    if (!Array.isArray(rings) || rings.length === 0) return { ok: false, reason: `polygon ${polygonIndex} has no rings` };
    const checkedRings: Position[][] = [];
    for (let ringIndex = 0; ringIndex < rings.length; ringIndex += 1) {
      const ring = readRing(rings[ringIndex], `ring ${ringIndex}${polygonLabel}`);
      if (typeof ring === 'string') return { ok: false, reason: ring };
      if (ring.wasClosed) closedRings += 1;
      checkedRings.push(ring.positions);
    }
    checked.push(checkedRings);
  }
  const area: AreaGeometry = type === 'Polygon' ? { type, coordinates: checked[0] } : { type, coordinates: checked };
  return { ok: true, geometry: area, closedRings };
}

function readRing(ring: unknown, label: string): { positions: Position[]; wasClosed: boolean } | string {
  if (!Array.isArray(ring)) return `${label} is not an array of positions`;
  const positions: Position[] = [];
  for (let index = 0; index < ring.length; index += 1) {
    const position: unknown = ring[index];
    if (!Array.isArray(position) || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
      return `${label}, position ${index} is ${describeValue(position ?? null)}, not two finite numbers`;
    }
    const [lng, lat] = position as number[];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      return `${label}, position ${index} is [${lng}, ${lat}], outside WGS84 degrees (projected data such as VN-2000 must be reprojected to EPSG:4326)`;
    }
    positions.push([lng, lat]);
  }
  const first = positions[0];
  const last = positions[positions.length - 1];
  const wasClosed = positions.length > 0 && (first[0] !== last[0] || first[1] !== last[1]);
  if (wasClosed) positions.push([first[0], first[1]]);
  if (positions.length < 4) return `${label} has ${positions.length} positions${wasClosed ? ' after closing' : ''} (needs at least 4)`;
  return { positions, wasClosed };
}
