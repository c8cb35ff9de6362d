import { resolveCrs } from '../crs/crs-definitions';
import { detectCrsFromPrj } from '../crs/detect-crs-from-prj';
import { VIETNAM_BBOX } from '../crs/guess-crs';
import { placeFeatureCollection, readGeoJsonCrsMember, type CrsReport, type DeclaredCrs } from '../crs/place-layer';
import { resolveColumns } from '../io/column-aliases';
import type { DataTable } from '../io/data-table';
import { decodeText } from '../io/decode-text';
import { detectInputFormat, type InputFormat } from '../io/detect-input-format';
import { readShapefileZip } from '../io/formats/read-shapefile-zip';
import { readXlsxTable } from '../io/formats/read-xlsx-table';
import { message } from '../messages';
import { CoverageInputError } from '../io/input-error';
import type { ParseInputOptions } from '../io/parse-input-bytes';
import { parseCsvTable } from '../io/parse-csv-table';
import { placeTablePositions } from '../io/place-table-positions';
import { readJsonInput } from '../io/read-feature-collection';
import type { Warning } from '../types';
import { MEASUREMENT_COLUMN_ALIASES } from './measurement-columns';
import { parseMeasurementGeoJson, parseMeasurementTable, type MeasurementImport, type MeasurementParseOptions } from './parse-measurement-table';

/** Largest measurement file read, bytes: a year of a province's crowd-sourced tests is tens of MB. */
export const MAX_MEASUREMENT_BYTES = 400 * 1024 * 1024;

/** {@link MeasurementImport} plus what the bytes were. */
export interface ParsedMeasurementBytes extends MeasurementImport {
  file: string;
  fileFormat: InputFormat;
  encoding?: string;
  crs?: CrsReport;
  sheet?: { name: string; names: string[] };
}

const LISTED = 5;

function outsideVietnam(parsed: MeasurementImport): Warning[] {
  const { set } = parsed;
  const places: string[] = [];
  let count = 0;
  for (let i = 0; i < set.count; i++) {
    if (set.lng[i] >= VIETNAM_BBOX[0] && set.lng[i] <= VIETNAM_BBOX[2] && set.lat[i] >= VIETNAM_BBOX[1] && set.lat[i] <= VIETNAM_BBOX[3]) continue;
    count++;
    if (places.length < LISTED) places.push(`${set.files[set.file[i]]}:${set.row[i]}`);
  }
  if (count === 0) return [];
  return [{ code: 'outside-vietnam', params: { count, total: set.count }, where: places[0], places: { count, first: places, noun: 'items' } }];
}

/**
 * Reads a measurement file from its bytes, with the site import's machinery: CSV/TSV in any encoding
 * (`decodeText`), Excel .xlsx (`sheet` option), GeoJSON (legacy `crs` member honoured) and zipped
 * Shapefiles (Ookla's open-data tiles; .prj honoured); projected coordinates are brought to WGS84 as
 * in the site import (the `crs` option, else declared, else guessed). Tests far outside Vietnam are
 * warned about (`outside-vietnam`).
 * @param file the file's name (its extension and first bytes pick the format; used in messages)
 * @param bytes the content
 * @param options sheet, coordinate system, planning region, progress callback
 * @returns the tests, their account, and format, encoding, sheet and coordinate-system report
 * @throws {CoverageInputError} `measurements-too-large`, `file-empty`, `measurements-format-unsupported`
 *   (KML/KMZ, TopoJSON), and the errors of the readers (`json-invalid`, `xlsx-unreadable`, …)
 * @example const parsed = await parseMeasurementBytes('gnettrack.txt', bytes); parsed.format // 'gnettrack'
 */
export async function parseMeasurementBytes(file: string, bytes: Uint8Array | ArrayBuffer, options: ParseInputOptions & MeasurementParseOptions = {}): Promise<ParsedMeasurementBytes> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (data.length > MAX_MEASUREMENT_BYTES) {
    throw new CoverageInputError({ code: 'measurements-too-large', file, params: { sizeMb: Math.round(data.length / 1048576), limitMb: Math.round(MAX_MEASUREMENT_BYTES / 1048576) } });
  }
  if (data.length === 0) throw new CoverageInputError({ code: 'file-empty', file });
  const fileFormat = detectInputFormat(file, data);
  const override: DeclaredCrs | undefined =
    options.crs === undefined ? undefined : { crs: typeof options.crs === 'string' ? resolveCrs(options.crs, file) : options.crs, source: 'option', description: message('crs-from-option') };
  const placeOptions = { file, regionBbox: options.regionBbox, preferredCentralMeridian: options.preferredCentralMeridian };
  const progress = { onProgress: options.onProgress };

  if (fileFormat === 'csv' || fileFormat === 'xlsx') {
    let table: DataTable;
    let label = file;
    let encoding: string | undefined;
    let sheet: ParsedMeasurementBytes['sheet'];
    if (fileFormat === 'csv') {
      const decoded = decodeText(data, file);
      encoding = decoded.encoding;
      table = parseCsvTable(decoded.text, file);
    } else {
      const xlsx = await readXlsxTable(data, file, options.sheet);
      label = `${file}[${xlsx.sheetName}]`;
      sheet = { name: xlsx.sheetName, names: xlsx.sheetNames };
      table = xlsx;
    }
    const columns = resolveColumns(table.headers, { lng: MEASUREMENT_COLUMN_ALIASES.lng, lat: MEASUREMENT_COLUMN_ALIASES.lat });
    const placed = placeTablePositions(table, columns.lng, columns.lat, { ...placeOptions, declared: override });
    const parsed = parseMeasurementTable({ ...placed.value, warnings: [...placed.value.warnings, ...placed.warnings] }, label, progress);
    const result: ParsedMeasurementBytes = { ...parsed, warnings: [...parsed.warnings, ...outsideVietnam(parsed)], file: label, fileFormat };
    if (encoding !== undefined) result.encoding = encoding;
    if (sheet !== undefined) result.sheet = sheet;
    if (columns.lng !== undefined && columns.lat !== undefined) result.crs = placed.report;
    return result;
  }
  if (fileFormat === 'kml' || fileFormat === 'kmz' || fileFormat === 'topojson') {
    throw new CoverageInputError({ code: 'measurements-format-unsupported', file });
  }
  let collection: unknown;
  let declared = override;
  let encoding: string | undefined;
  const warnings: Warning[] = [];
  if (fileFormat === 'shapefile-zip') {
    const shapefile = await readShapefileZip(data, file);
    collection = shapefile.collection;
    encoding = shapefile.encoding;
    for (const warning of shapefile.warnings) warnings.push(warning);
    if (declared === undefined && shapefile.prj !== null) {
      const prj = detectCrsFromPrj(shapefile.prj);
      if (prj !== null) declared = { crs: prj.crs, source: 'prj', description: message('crs-from-prj', { detail: prj.description }) };
    }
  } else {
    const decoded = decodeText(data, file);
    encoding = decoded.encoding;
    collection = readJsonInput(decoded.text, file);
    const member = readGeoJsonCrsMember(collection);
    if (member !== null && !('unknown' in member) && declared === undefined) declared = member;
  }
  const placed = placeFeatureCollection(collection, { ...placeOptions, declared });
  const parsed = parseMeasurementGeoJson(placed.value, file, progress);
  const result: ParsedMeasurementBytes = { ...parsed, warnings: [...warnings, ...placed.warnings, ...parsed.warnings, ...outsideVietnam(parsed)], file, fileFormat: fileFormat === 'json' ? 'geojson' : fileFormat, crs: placed.report };
  if (encoding !== undefined) result.encoding = encoding;
  return result;
}
