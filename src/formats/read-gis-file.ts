// One GIS file (with its companions) through GDAL into parsed layers. Environment-neutral: the page's
// import worker and the command line each pass their own way of handing files to gdal3.js.
import { checkArchiveInflation } from '../core/io/formats/inflate-zip';
import { unzipEntries } from '../core/io/formats/read-kml';
import { listOf } from '../core/messages';
import { CoverageInputError } from '../core/io/input-error';
import type { InputKind } from '../core/io/parse-input-file';
import type { ParsedInputBytes, ParseInputOptions } from '../core/io/parse-input-bytes';
import type { CoverageConfig } from '../core/types';
import type { ParsedReferenceLayer } from '../core/reference/parse-reference-layer';
import { companionNamesOf, detectGisFormat, type GisFormat } from './gis-format';
import { inspectGisLayers, parseGisLayers, parseGisReferenceLayers } from './parse-gis-layers';
import { readGisLayers, type GdalApi, type GdalDataset } from './read-gis-layers';
import type { GisReading } from './parse-gis-layers';

/** A file's name (no folder) and bytes. */
export interface GisFile {
  name: string;
  bytes: Uint8Array;
}

/** Hands files to gdal3.js and opens the first (`vsi` = GDAL's virtual file systems, e.g. `vsizip`). */
export type OpenGisFiles = (files: GisFile[], vsi: string[]) => Promise<{ datasets: GdalDataset[]; errors: unknown[] }>;

const MAIN_EXTENSION: Record<GisFormat, RegExp> = {
  'mapinfo-tab': /\.tab$/i, 'mapinfo-mif': /\.mif$/i, geopackage: /\.gpkg$/i, filegdb: /\.gdb$/i, dxf: /\.dxf$/i, dgn: /\.dgn$/i, flatgeobuf: /\.fgb$/i,
};

/**
 * Reads a MapInfo TAB (with .DAT/.MAP/.ID, loose or zipped) or MIF/MID, DGN v7, GeoPackage, a zipped
 * FileGDB folder, DXF or FlatGeobuf through GDAL and parses it like any other input (`parseGisLayers`).
 * @param gdal the initialised gdal3.js
 * @param openFiles how this environment hands files to gdal3.js
 * @param kind the layer the file feeds
 * @param file the file picked (a .tab, .mif, .gpkg… or a zip of one)
 * @param companions the other files picked with it (a .tab's .dat, .map, .id; a .mif's .mid)
 * @param config the field mapping and targets used by the parsers
 * @param options coordinate system, planning area, preferred TM-3 zone
 * @returns the parsed items, summaries, format, encoding and coordinate-system report
 * @throws {CoverageInputError} `gis-format-unknown` (not a GIS file), `mapinfo-companions-missing`,
 *   `gis-zip-no-file`, `zip-unreadable`, `archive-over-budget`, `archive-over-ratio`, `gis-unopenable`, and those of `parseGisLayers`
 * @example const parsed = await parseGisFile(gdal, openFiles, 'hamlets', { name: 'ap.tab', bytes }, companions, DEFAULT_CONFIG);
 */
export async function parseGisFile(gdal: GdalApi, openFiles: OpenGisFiles, kind: InputKind, file: GisFile, companions: GisFile[], config: CoverageConfig, options: ParseInputOptions = {}): Promise<ParsedInputBytes> {
  return readGisFile(gdal, openFiles, file, companions, (reading) => parseGisLayers(kind, file.name, reading, config, options));
}

/**
 * Reads a GIS file (as `parseGisFile`) as a reference layer (see `parseGisReferenceLayers`).
 * @param gdal the initialised gdal3.js
 * @param openFiles how this environment hands files to gdal3.js
 * @param file the file picked
 * @param companions the other files picked with it
 * @param options coordinate system, planning area, preferred TM-3 zone
 * @returns the reference layer read
 * @throws {CoverageInputError} as `parseGisFile` before parsing, and those of `parseGisReferenceLayers`
 */
export async function parseGisReferenceFile(gdal: GdalApi, openFiles: OpenGisFiles, file: GisFile, companions: GisFile[], options: ParseInputOptions = {}): Promise<ParsedReferenceLayer> {
  return readGisFile(gdal, openFiles, file, companions, (reading) => parseGisReferenceLayers(file.name, reading, options));
}

/**
 * The attribute names of a GIS file (see `inspectGisLayers`), for the import dialog's column choice.
 * @param gdal the initialised gdal3.js
 * @param openFiles how this environment hands files to gdal3.js
 * @param file the file picked
 * @param companions the other files picked with it
 * @returns the attribute names of its first features (none for DGN and DXF)
 * @throws {CoverageInputError} as `parseGisFile` before parsing
 */
export async function inspectGisFile(gdal: GdalApi, openFiles: OpenGisFiles, file: GisFile, companions: GisFile[]): Promise<string[]> {
  return readGisFile(gdal, openFiles, file, companions, (reading) => inspectGisLayers(file.name, reading));
}

async function readGisFile<T>(gdal: GdalApi, openFiles: OpenGisFiles, file: GisFile, companions: GisFile[], use: (reading: GisReading) => T): Promise<T> {
  const format = detectGisFormat(file.name, file.bytes);
  if (format === null) throw new CoverageInputError({ code: 'gis-format-unknown', file: file.name });
  const isZip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  let files: GisFile[];
  const vsi: string[] = [];
  if (isZip) {
    if (format === 'filegdb') {
      // GDAL's OpenFileGDB driver opens a zipped .gdb folder when the zip's name ends in .gdb.zip; it
      // inflates the entries itself, so the whole archive is first counted under the archive budget.
      checkArchiveInflation(file.bytes, file.name);
      files = [{ name: `${file.name.replace(/(\.gdb)?\.zip$/i, '').replace(/[^\w.-]/g, '_')}.gdb.zip`, bytes: file.bytes }];
    } else {
      // The entries GDAL will read are inflated here, under the archive budget.
      const entries = Object.entries(unzipEntries(file.bytes, file.name, (name) => !/(^|\/)\./.test(name))).map(([name, bytes]) => ({ name: name.replace(/^.*\//, ''), bytes }));
      const main = entries.find((entry) => MAIN_EXTENSION[format].test(entry.name));
      if (main === undefined) throw new CoverageInputError({ code: 'gis-zip-no-file', file: file.name });
      checkCompanions(main.name, entries, file.name);
      files = [main, ...entries.filter((entry) => entry !== main)];
    }
  } else {
    checkCompanions(file.name, companions, file.name);
    files = [file, ...companions];
  }
  let opened: Awaited<ReturnType<OpenGisFiles>>;
  try {
    opened = await openFiles(files, vsi);
  } catch (errors) {
    opened = { datasets: [], errors: Array.isArray(errors) ? errors : [errors] };
  }
  const dataset = opened.datasets[0];
  if (dataset === undefined) {
    throw new CoverageInputError({ code: 'gis-unopenable', file: file.name, params: { detail: describeErrors(opened.errors) } });
  }
  try {
    return use(await readGisLayers(gdal, dataset, format));
  } finally {
    await gdal.close(dataset);
  }
}

function checkCompanions(main: string, others: readonly GisFile[], label: string): void {
  const names = new Set(others.map((other) => other.name.toLowerCase()));
  const required = companionNamesOf(main).filter((name) => !/\.(id|ind)$/i.test(name));
  const missing = required.filter((name) => !names.has(name.toLowerCase()));
  if (missing.length > 0) {
    throw new CoverageInputError({ code: 'mapinfo-companions-missing', file: label, params: { missing: listOf(missing, { quoted: true }), main } });
  }
}

function describeErrors(errors: readonly unknown[]): string {
  const text = errors.map((error) => (typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error))).join('; ');
  return text === '' ? '—' : text.slice(0, 200);
}
