import { resolveCrs } from '../crs/crs-definitions';
import { detectCrsFromPrj } from '../crs/detect-crs-from-prj';
import { placeFeatureCollection, readGeoJsonCrsMember, type CrsReport, type DeclaredCrs, type PlaceLayerOptions } from '../crs/place-layer';
import { decodeText } from '../io/decode-text';
import { detectInputFormat } from '../io/detect-input-format';
import { readKml, readKmz } from '../io/formats/read-kml';
import { readShapefileZip } from '../io/formats/read-shapefile-zip';
import { isTopology, readTopoJson } from '../io/formats/read-topojson';
import { CoverageInputError } from '../io/input-error';
import type { ParseInputOptions } from '../io/parse-input-bytes';
import { readJsonInput } from '../io/read-feature-collection';
import { message } from '../messages';
import type { Position, Warning } from '../types';
import { guessLabelAttribute, MAX_REFERENCE_FEATURES, MAX_REFERENCE_POSITIONS, type ReferenceFeature, type ReferenceGeometry } from './reference-layer';

/** A reference file read: its attributes and features (no id yet), the label guessed, how its coordinates were placed. */
export interface ParsedReferenceLayer {
  fileName: string;
  attributes: string[];
  labelAttribute: string | null;
  features: ReferenceFeature[];
  /** Features that are neither area nor line (points, empty shapes): left out. */
  skipped: number;
  crs: CrsReport;
  warnings: Warning[];
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readPosition(value: unknown): Position | null {
  if (!Array.isArray(value) || value.length < 2 || !isNumber(value[0]) || !isNumber(value[1])) return null;
  if (Math.abs(value[0]) > 180 || Math.abs(value[1]) > 90) return null;
  return [value[0], value[1]];
}

function readLine(value: unknown, minimum: number): Position[] | null {
  if (!Array.isArray(value)) return null;
  const line: Position[] = [];
  for (const item of value) {
    const position = readPosition(item);
    if (position === null) return null;
    line.push(position);
  }
  return line.length >= minimum ? line : null;
}

function readRing(value: unknown): Position[] | null {
  const ring = readLine(value, 3);
  if (ring === null) return null;
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  return ring.length >= 4 ? ring : null;
}

function readPolygon(value: unknown): Position[][] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const outer = readRing(value[0]);
  if (outer === null) return null;
  // A broken hole is dropped, not the whole area.
  return [outer, ...value.slice(1).map(readRing).filter((ring): ring is Position[] => ring !== null)];
}

/**
 * A GeoJSON geometry as a reference shape (positions in degrees, rings closed, broken holes dropped),
 * or null for a point, an empty or a broken shape. Also the check of a stored layer's shapes.
 * @param geometry any value
 * @returns the shape, or null
 * @throws never
 * @example readReferenceGeometry({ type: 'LineString', coordinates: [[105.9, 9.6], [106, 9.7]] })?.type // 'LineString'
 */
export function readReferenceGeometry(geometry: unknown): ReferenceGeometry | null {
  if (typeof geometry !== 'object' || geometry === null) return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'LineString') {
    const line = readLine(coordinates, 2);
    return line === null ? null : { type, coordinates: line };
  }
  if (type === 'MultiLineString' && Array.isArray(coordinates)) {
    const lines = coordinates.map((item) => readLine(item, 2)).filter((line): line is Position[] => line !== null);
    return lines.length === 0 ? null : { type, coordinates: lines };
  }
  if (type === 'Polygon') {
    const polygon = readPolygon(coordinates);
    return polygon === null ? null : { type, coordinates: polygon };
  }
  if (type === 'MultiPolygon' && Array.isArray(coordinates)) {
    const polygons = coordinates.map(readPolygon).filter((polygon): polygon is Position[][] => polygon !== null);
    return polygons.length === 0 ? null : { type, coordinates: polygons };
  }
  return null;
}

function countPositions(geometry: ReferenceGeometry): number {
  if (geometry.type === 'LineString') return geometry.coordinates.length;
  if (geometry.type === 'MultiLineString' || geometry.type === 'Polygon') return geometry.coordinates.reduce((sum, line) => sum + line.length, 0);
  return geometry.coordinates.reduce((sum, polygon) => sum + polygon.reduce((inner, ring) => inner + ring.length, 0), 0);
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.normalize('NFC').trim().slice(0, 200) || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/**
 * The areas and lines of a WGS84 FeatureCollection as a reference layer: Polygon, MultiPolygon,
 * LineString and MultiLineString features (rings closed, broken holes dropped), every attribute kept
 * as text in one list of names (attribute names are data: never keys of an object), the name
 * attribute guessed. Points and empty or broken shapes are left out and counted.
 * @param fileName the file, for messages
 * @param collection a FeatureCollection in WGS84 degrees (see `placeFeatureCollection`)
 * @returns attributes, features, the guessed label attribute and the count left out
 * @throws {CoverageInputError} `reference-no-shapes` when no feature is an area or a line;
 *   `reference-too-large` over {@link MAX_REFERENCE_FEATURES} features or {@link MAX_REFERENCE_POSITIONS} positions
 * @example readReferenceCollection('song.geojson', { type: 'FeatureCollection', features: [river] }).features.length // 1
 */
export function readReferenceCollection(fileName: string, collection: unknown): Pick<ParsedReferenceLayer, 'attributes' | 'labelAttribute' | 'features' | 'skipped'> {
  const items = (collection as { features?: unknown })?.features;
  const list = Array.isArray(items) ? items : [];
  const attributeIndex = new Map<string, number>();
  const attributes: string[] = [];
  const rows: { geometry: ReferenceGeometry; entries: [number, string | null][] }[] = [];
  let skipped = 0;
  let positions = 0;
  for (const item of list) {
    const geometry = readReferenceGeometry((item as { geometry?: unknown })?.geometry);
    if (geometry === null) {
      skipped++;
      continue;
    }
    if (rows.length >= MAX_REFERENCE_FEATURES) throw new CoverageInputError({ code: 'reference-too-large', file: fileName, params: { limit: MAX_REFERENCE_FEATURES } });
    positions += countPositions(geometry);
    if (positions > MAX_REFERENCE_POSITIONS) throw new CoverageInputError({ code: 'reference-too-large', file: fileName, params: { limit: MAX_REFERENCE_FEATURES } });
    const properties = (item as { properties?: unknown }).properties;
    const entries: [number, string | null][] = [];
    if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
      for (const [name, value] of Object.entries(properties)) {
        const key = name.normalize('NFC').slice(0, 100);
        let index = attributeIndex.get(key);
        if (index === undefined) {
          if (attributes.length >= 200) continue;
          index = attributes.length;
          attributes.push(key);
          attributeIndex.set(key, index);
        }
        entries.push([index, textOf(value)]);
      }
    }
    rows.push({ geometry, entries });
  }
  if (rows.length === 0) throw new CoverageInputError({ code: 'reference-no-shapes', file: fileName, params: { count: list.length } });
  const features = rows.map(({ geometry, entries }) => {
    const values: (string | null)[] = attributes.map(() => null);
    for (const [index, value] of entries) values[index] = value;
    return { geometry, values };
  });
  return { attributes, labelAttribute: guessLabelAttribute(attributes, features), features, skipped };
}

/**
 * Reads a reference (context) layer from its bytes with the import's readers: GeoJSON (legacy `crs`
 * member honoured), TopoJSON, KML/KMZ and zipped Shapefiles (.prj and .cpg honoured); projected
 * coordinates (VN-2000, UTM) are brought to WGS84 as in the hamlet import (the `crs` option, else the
 * declared system, else a guess from the numbers). Tables are refused: a context layer is shapes.
 * @param fileName the file's name (its extension and first bytes pick the format)
 * @param bytes the content
 * @param options coordinate system, planning region, preferred TM-3 meridian, TopoJSON object
 * @returns the layer read, how its coordinates were placed, and warnings
 * @throws {CoverageInputError} `file-empty`, `reference-format-unsupported` (CSV, .xlsx), `reference-no-shapes`,
 *   `reference-too-large`, and the readers' errors (`json-invalid`, `zip-unreadable`, …)
 * @example const parsed = await parseReferenceBytes('song-kenh.zip', bytes); parsed.labelAttribute // 'TEN'
 */
export async function parseReferenceBytes(fileName: string, bytes: Uint8Array, options: ParseInputOptions = {}): Promise<ParsedReferenceLayer> {
  if (bytes.length === 0) throw new CoverageInputError({ code: 'file-empty', file: fileName });
  const format = detectInputFormat(fileName, bytes);
  if (format === 'csv' || format === 'xlsx') throw new CoverageInputError({ code: 'reference-format-unsupported', file: fileName });
  let declared: DeclaredCrs | undefined =
    options.crs === undefined ? undefined : { crs: typeof options.crs === 'string' ? resolveCrs(options.crs, fileName) : options.crs, source: 'option', description: message('crs-from-option') };
  const warnings: Warning[] = [];
  let collection: unknown;
  if (format === 'shapefile-zip') {
    const shapefile = await readShapefileZip(bytes, fileName);
    collection = shapefile.collection;
    for (const warning of shapefile.warnings) warnings.push(warning);
    if (declared === undefined && shapefile.prj !== null) {
      const prj = detectCrsFromPrj(shapefile.prj);
      if (prj !== null) declared = { crs: prj.crs, source: 'prj', description: message('crs-from-prj', { detail: prj.description }) };
      else warnings.push({ code: 'prj-unreadable', params: {}, where: fileName });
    }
  } else if (format === 'kml' || format === 'kmz') {
    collection = format === 'kml' ? await readKml(decodeText(bytes, fileName).text, fileName) : await readKmz(bytes, fileName);
    declared = { crs: resolveCrs('EPSG:4326'), source: 'format', description: message('crs-from-format') };
  } else {
    const json = readJsonInput(decodeText(bytes, fileName).text, fileName);
    if (isTopology(json)) collection = readTopoJson(json, fileName, options.topojsonObject);
    else {
      collection = json;
      const member = readGeoJsonCrsMember(json);
      if (member !== null && !('unknown' in member) && declared === undefined) declared = member;
    }
  }
  return placeReferenceCollection(fileName, collection, { file: fileName, regionBbox: options.regionBbox, preferredCentralMeridian: options.preferredCentralMeridian, declared }, warnings);
}

/**
 * Places a collection read by any reader (GDAL's GeoJSON of a GeoPackage or MapInfo table too) in
 * WGS84 and reads it as a reference layer.
 * @param fileName the file, for messages
 * @param collection the features as read, in their own coordinates
 * @param place the declared system (a .prj, a GIS file's WKT), planning region, preferred meridian
 * @param warnings the reader's warnings, kept first
 * @returns the layer read with its coordinate-system report
 * @throws {CoverageInputError} as {@link readReferenceCollection}
 * @example placeReferenceCollection('ranh-gioi.gpkg', collection, { file: 'ranh-gioi.gpkg', declared }).crs.crsId
 */
export function placeReferenceCollection(fileName: string, collection: unknown, place: PlaceLayerOptions, warnings: Warning[] = []): ParsedReferenceLayer {
  const placed = placeFeatureCollection(collection, place);
  const read = readReferenceCollection(fileName, placed.value);
  const all = [...warnings, ...placed.warnings];
  if (read.skipped > 0) all.push({ code: 'reference-features-skipped', params: { count: read.skipped }, where: fileName });
  return { fileName, ...read, crs: placed.report, warnings: all };
}
