import { appendAll } from '../../append-all';
import { parseDbf, parseShp } from 'shpjs';
import { listOf } from '../../messages';
import type { Warning } from '../../types';
import { CoverageInputError } from '../input-error';
import { decodeText, looksLikeLegacyVietnameseFont } from '../decode-text';
import { plainRecord } from '../read-cell';
import { unzipEntries, type FeatureCollectionObject } from './read-kml';

/** A Shapefile read from a zip: its features in the file's own coordinates, and its .prj text. */
export interface ShapefileReading {
  collection: FeatureCollectionObject;
  /** The .prj WKT, when the zip has one (the caller recognises the system from it). */
  prj: string | null;
  /** The code page the attributes were decoded with: from the .cpg, else UTF-8, else windows-1258. */
  encoding: string;
  warnings: Warning[];
}

/**
 * Reads a zipped Shapefile (.shp + .dbf, optional .prj and .cpg) with `shpjs`'s readers and `fflate`,
 * without reprojecting: the caller decides the system from `prj` (see `detectCrsFromPrj`), because ESRI
 * .prj files for VN-2000 carry no datum shift and proj4 would otherwise treat them as WGS84. Attribute
 * text is decoded with the .cpg's code page; without a .cpg it is UTF-8 unless that gives invalid
 * characters, in which case it is read as the Vietnamese code page 1258. Text typed with the legacy
 * TCVN3 (ABC) or VNI fonts is not in any code page and comes out garbled: warned as `legacy-vietnamese-font`. A zip with
 * several layers gives all of them, in name order, with a warning.
 * @param bytes the .zip file
 * @param file label of the file, used in messages
 * @returns the features, the .prj text, the attribute encoding and warnings
 * @throws {CoverageInputError} `zip-unreadable`, `zip-no-shapefile`, `shp-bad-header`, `shp-damaged`,
 *   `shp-unreadable`, `dbf-damaged`, `dbf-unreadable`
 * @example const { collection, prj } = await readShapefileZip(zipBytes, 'ranh-gioi-ap.zip');
 */
export async function readShapefileZip(bytes: Uint8Array, file: string): Promise<ShapefileReading> {
  const entries = unzipEntries(bytes, file, (name) => /\.(shp|dbf|prj|cpg)$/i.test(name));
  const byLowerName = new Map(Object.entries(entries).map(([name, data]) => [name.toLowerCase(), { name, data }]));
  const layers = [...byLowerName.keys()].filter((name) => name.endsWith('.shp')).map((name) => name.slice(0, -4)).sort();
  if (layers.length === 0) throw new CoverageInputError({ code: 'zip-no-shapefile', file, params: { entries: listOf(Object.keys(entries), { quoted: true }) } });
  const warnings: Warning[] = [];
  if (layers.length > 1) warnings.push({ code: 'several-layers', params: { count: layers.length, layers: listOf(layers, { quoted: true }) }, where: file });
  const features: FeatureCollectionObject['features'] = [];
  let prj: string | null = null;
  let encoding = 'utf-8';
  for (const layer of layers) {
    const shp = byLowerName.get(`${layer}.shp`)!;
    const dbf = byLowerName.get(`${layer}.dbf`);
    const cpg = byLowerName.get(`${layer}.cpg`);
    const prjEntry = byLowerName.get(`${layer}.prj`);
    if (prjEntry !== undefined && prj === null) prj = decodeText(prjEntry.data, file).text;
    let geometries: unknown[];
    try {
      checkShpRecords(shp.data, `${file}/${shp.name}`);
      geometries = parseShp(shp.data, false);
    } catch (error) {
      if (error instanceof CoverageInputError) throw error;
      throw new CoverageInputError({ code: 'shp-unreadable', file, where: shp.name, cause: error });
    }
    let rows: Record<string, unknown>[] = [];
    if (dbf === undefined) warnings.push({ code: 'no-dbf', params: { layer: shp.name }, where: file });
    else {
      const read = readDbf(dbf.data, cpg === undefined ? undefined : decodeText(cpg.data, file).text.trim(), `${file}/${dbf.name}`);
      rows = read.rows;
      encoding = read.encoding;
      appendAll(warnings, read.warnings);
      const sample = rows.slice(0, 500).flatMap((row) => Object.values(row).filter((value): value is string => typeof value === 'string')).join(' ');
      if (looksLikeLegacyVietnameseFont(sample)) {
        warnings.push({ code: 'legacy-vietnamese-font', params: {}, where: `${file}/${dbf.name}` });
      }
    }
    if (dbf !== undefined && rows.length !== geometries.length) {
      warnings.push({ code: 'dbf-count-mismatch', params: { layer: shp.name, shapes: geometries.length, rows: rows.length }, where: file });
    }
    geometries.forEach((geometry, index) => features.push({ type: 'Feature', geometry: geometry ?? null, properties: rows[index] ?? Object.create(null) }));
  }
  return { collection: { type: 'FeatureCollection', features }, prj, encoding, warnings };
}

/**
 * shpjs walks the records by their length fields and loops forever on a negative one (a damaged file):
 * check the chain of records first.
 */
function checkShpRecords(data: Uint8Array, where: string): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 100 || view.getInt32(0, false) !== 9994) throw new CoverageInputError({ code: 'shp-bad-header', file: where });
  for (let offset = 100, record = 1; offset + 8 <= data.byteLength; record += 1) {
    const length = view.getInt32(offset + 4, false) * 2;
    if (length < 0 || offset + 8 + length > data.byteLength) {
      throw new CoverageInputError({ code: 'shp-damaged', file: where, params: { record, offset, length, left: data.byteLength - offset - 8 } });
    }
    offset += 8 + length;
  }
}

/** The .dbf with a record count the file can hold: parsedbf trusts the header's count and record length. */
function boundDbf(data: Uint8Array, where: string): { data: Uint8Array; warning?: Warning } {
  if (data.byteLength < 32) throw new CoverageInputError({ code: 'dbf-damaged', file: where });
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > data.byteLength || recordLength === 0) {
    throw new CoverageInputError({ code: 'dbf-damaged', file: where });
  }
  const fits = Math.floor((data.byteLength - headerLength) / recordLength);
  if (records <= fits) return { data };
  const copy = data.slice();
  new DataView(copy.buffer).setUint32(4, fits, true);
  return { data: copy, warning: { code: 'dbf-truncated', params: { announced: records, held: fits }, where } };
}

function readDbf(raw: Uint8Array, cpg: string | undefined, where: string): { rows: Record<string, unknown>[]; encoding: string; warnings: Warning[] } {
  const bounded = boundDbf(raw, where);
  const data = bounded.data;
  const boundWarnings = bounded.warning === undefined ? [] : [bounded.warning];
  const parse = (codePage: string | undefined): Record<string, unknown>[] => {
    try {
      // Code page 1258 stores tone marks as combining characters: compose them (NFC) so names compare equal.
      return parseDbf(data, codePage).map((row) =>
        plainRecord(Object.entries(row).map(([key, value]) => [key.normalize('NFC'), typeof value === 'string' ? value.normalize('NFC') : value] as const)),
      );
    } catch (error) {
      throw new CoverageInputError({ code: 'dbf-unreadable', file: where, cause: error });
    }
  };
  if (cpg !== undefined && cpg !== '') return { rows: parse(cpg), encoding: cpg, warnings: boundWarnings };
  const utf8 = parse('utf-8');
  if (!utf8.some((row) => Object.values(row).some((value) => typeof value === 'string' && value.includes('\ufffd')))) {
    return { rows: utf8, encoding: 'utf-8', warnings: boundWarnings };
  }
  return {
    rows: parse('windows-1258'),
    encoding: 'windows-1258',
    warnings: [...boundWarnings, { code: 'dbf-encoding-guessed', params: {}, where }],
  };
}
