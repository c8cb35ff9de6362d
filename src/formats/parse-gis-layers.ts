// GDAL's reading of a GIS file (GeoJSON per layer, the layer's WKT) into the import path every other
// format takes: the coordinate system from the file's own definition (or the guess-and-confirm step),
// attribute text decoded as for Shapefiles, then the hamlet / site / fibre parsers. Pure.
import { resolveCrs } from '../core/crs/crs-definitions';
import { detectCrsFromPrj } from '../core/crs/detect-crs-from-prj';
import { placeFeatureCollection, type DeclaredCrs } from '../core/crs/place-layer';
import { decodeText, looksLikeLegacyVietnameseFont } from '../core/io/decode-text';
import { flagOutsideVietnam } from '../core/io/flag-outside-vietnam';
import { CoverageInputError } from '../core/io/input-error';
import { listOf, message } from '../core/messages';
import { applyPropertyChoice, fieldAliasesOf } from '../core/io/choose-columns';
import { collectAttributeNames, requireUsableRows } from '../core/io/parse-input-bytes';
import { parseInputCollection, type InputKind } from '../core/io/parse-input-file';
import type { ParsedInputBytes, ParseInputOptions } from '../core/io/parse-input-bytes';
import type { CoverageConfig, Warning } from '../core/types';
import { placeReferenceCollection, type ParsedReferenceLayer } from '../core/reference/parse-reference-layer';
import type { GisFormat } from './gis-format';
import { labelDrawingPolygons, type DrawingFeature } from './label-drawing';

/** One layer as GDAL wrote it: GeoJSON bytes in the layer's own coordinates, and its system as WKT 1. */
export interface GisLayerBytes {
  name: string;
  /** The GeoJSON GDAL wrote; attribute text is passed through as the file stores it. */
  geojson: Uint8Array;
  /** The layer's coordinate system (WKT 1), or null when the file names none (DGN v7, DXF). */
  wkt: string | null;
}

/** What GDAL read from one GIS file. */
export interface GisReading {
  format: GisFormat;
  /** GDAL's driver, for the report (`MapInfo File`, `GPKG`, `OpenFileGDB`…). */
  driver: string;
  layers: GisLayerBytes[];
}

interface FeatureCollection {
  type: 'FeatureCollection';
  features: DrawingFeature[];
}

/**
 * Parses what GDAL read from a GIS file exactly as a zipped Shapefile is parsed: attribute text is
 * UTF-8 unless that gives invalid characters, then the Vietnamese code page 1258 (legacy TCVN3 / VNI
 * text is warned as `legacy-vietnamese-font`); the coordinate system comes from the `crs` option, else
 * the layer's own definition (MapInfo's and GeoPackage's VN-2000 included, read by `detectCrsFromPrj`),
 * else the guess from the numbers. Drawings (DGN, DXF) have no attribute table: each outline becomes a
 * hamlet named by the text inside it (`labelDrawingPolygons`), and generated ids are warned as
 * `drawing-ids-generated`. All layers of the file are read (warned as `several-layers`).
 * @param kind the layer the file feeds
 * @param file the file's name, used in every message
 * @param reading the layers GDAL wrote
 * @param config the field mapping and targets used by the parsers
 * @param options coordinate system, planning area, preferred TM-3 zone
 * @returns the parsed items and summaries, with format, encoding and coordinate-system report
 * @throws {CoverageInputError} `indicators-need-table` for indicators, `gis-layer-unreadable`, and the parsers' refusals
 * @example const parsed = parseGisLayers('hamlets', 'ranh-gioi-ap.tab', reading, DEFAULT_CONFIG);
 */
export function parseGisLayers(kind: InputKind, file: string, reading: GisReading, config: CoverageConfig, options: ParseInputOptions = {}): ParsedInputBytes {
  if (kind === 'indicators') throw new CoverageInputError({ code: 'indicators-need-table', file });
  const { features, warnings, encoding, wkt } = collectGisFeatures(file, reading);
  let collection: { type: 'FeatureCollection'; features: unknown[] } = { type: 'FeatureCollection', features };
  if (reading.format === 'dgn' || reading.format === 'dxf') {
    const labelled = labelDrawingPolygons(features, file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
    if (kind === 'hamlets') {
      collection = { type: 'FeatureCollection', features: labelled.features };
      if (labelled.generatedIds > 0) {
        warnings.push({ code: 'drawing-ids-generated', params: { count: labelled.generatedIds, total: labelled.features.length }, where: file });
      }
    }
  }

  const declared = declaredCrsOf(file, wkt, options, warnings);
  const placed = placeFeatureCollection(collection, { file, regionBbox: options.regionBbox, preferredCentralMeridian: options.preferredCentralMeridian, declared });
  const chosen = options.columns === undefined ? placed.value : applyPropertyChoice(placed.value, fieldAliasesOf(kind, config.fields), options.columns);
  const parsed = parseInputCollection(kind, file, chosen, config);
  const allWarnings = [...warnings, ...placed.warnings];
  const summaries = parsed.summaries.map((summary, index) => (index === 0 ? { ...summary, warnings: [...allWarnings, ...summary.warnings] } : summary));
  // A named file that yields nothing usable is refused, as every other reader refuses it.
  return requireUsableRows(flagOutsideVietnam({ ...parsed, summaries, format: reading.format, encoding, crs: placed.report }), file);
}

/** The coordinate system a GIS file declares: the `crs` option, else the layer's own WKT (warned when unreadable). */
function declaredCrsOf(file: string, wkt: string | null, options: ParseInputOptions, warnings: Warning[]): DeclaredCrs | undefined {
  if (options.crs !== undefined) return { crs: typeof options.crs === 'string' ? resolveCrs(options.crs, file) : options.crs, source: 'option', description: message('crs-from-option') };
  if (wkt === null) return undefined;
  const prj = detectCrsFromPrj(wkt);
  if (prj !== null) return { crs: prj.crs, source: 'prj', description: message('crs-from-gis-file', { detail: prj.description }) };
  warnings.push({ code: 'gis-crs-unreadable', params: {}, where: file });
  return undefined;
}

/**
 * A reference layer (neighbouring provinces, rivers, roads) from what GDAL read, placed as any GIS
 * layer is (the file's own coordinate system, else the guess) and read by core's reference reader:
 * its areas and lines with their attributes; drawings (DGN, DXF) give their outlines and lines.
 * @param file the file's name, used in every message
 * @param reading the layers GDAL wrote
 * @param options coordinate system, planning area, preferred TM-3 zone
 * @returns the layer, with its coordinate-system report and warnings
 * @throws {CoverageInputError} `gis-layer-unreadable`, and those of `placeReferenceCollection`
 * @example const layer = parseGisReferenceLayers('ranh-gioi-tinh.gpkg', reading);
 */
export function parseGisReferenceLayers(file: string, reading: GisReading, options: ParseInputOptions = {}): ParsedReferenceLayer {
  const { features, warnings, wkt } = collectGisFeatures(file, reading);
  const declared = declaredCrsOf(file, wkt, options, warnings);
  return placeReferenceCollection(file, { type: 'FeatureCollection', features }, { file, regionBbox: options.regionBbox, preferredCentralMeridian: options.preferredCentralMeridian, declared }, warnings);
}

/**
 * The attribute names of what GDAL read, for the import dialog's column choice; none for drawings
 * (DGN, DXF), whose hamlets are named by their text elements.
 * @param file the file's name, used in messages
 * @param reading the layers GDAL wrote
 * @returns the attribute names of the first features, in the order first seen
 * @throws {CoverageInputError} `gis-layer-unreadable`
 * @example inspectGisLayers('ap.tab', reading) // ['MA_AP', 'TEN_AP', 'XA']
 */
export function inspectGisLayers(file: string, reading: GisReading): string[] {
  if (reading.format === 'dgn' || reading.format === 'dxf') return [];
  return collectAttributeNames(collectGisFeatures(file, reading).features);
}

/** Every layer's features, their text decoded (UTF-8, else cp1258) and trimmed, with the first layer's system. */
function collectGisFeatures(file: string, reading: GisReading): { features: DrawingFeature[]; warnings: Warning[]; encoding: string; wkt: string | null } {
  const warnings: Warning[] = [];
  const layers = reading.layers.filter((layer) => layer.geojson.length > 0);
  if (layers.length > 1) warnings.push({ code: 'gis-several-layers', params: { count: layers.length, layers: listOf(layers.map((layer) => layer.name), { quoted: true }) }, where: file });
  let encoding = 'utf-8';
  let wkt: string | null = null;
  const features: DrawingFeature[] = [];
  for (const layer of layers) {
    const decoded = decodeText(layer.geojson, file);
    if (decoded.encoding !== 'utf-8') encoding = decoded.encoding;
    let collection: FeatureCollection;
    try {
      collection = JSON.parse(decoded.text) as FeatureCollection;
    } catch (error) {
      throw new CoverageInputError({ code: 'gis-layer-unreadable', file, where: layer.name, cause: error });
    }
    for (const feature of Array.isArray(collection.features) ? collection.features : []) features.push(normalizeText(feature));
    if (wkt === null && layer.wkt !== null && layer.wkt.trim() !== '') wkt = layer.wkt;
  }
  if (encoding === 'windows-1258') warnings.push({ code: 'gis-encoding-guessed', params: {}, where: file });
  const sample = features.slice(0, 500).flatMap((feature) => Object.values(feature.properties ?? {}).filter((value): value is string => typeof value === 'string')).join(' ');
  if (looksLikeLegacyVietnameseFont(sample)) {
    warnings.push({ code: 'legacy-vietnamese-font', params: {}, where: file });
  }
  return { features, warnings, encoding, wkt };
}

/** MapInfo pads text to the field width and cp1258 stores tone marks apart: trim and compose. */
function normalizeText(feature: DrawingFeature): DrawingFeature {
  const properties = feature.properties;
  if (properties === null || typeof properties !== 'object') return { ...feature, properties: {} };
  const clean = new Map<string, unknown>();
  for (const [key, value] of Object.entries(properties)) clean.set(key.normalize('NFC'), typeof value === 'string' ? value.normalize('NFC').trim() : value);
  return { type: 'Feature', geometry: feature.geometry, properties: Object.fromEntries(clean) };
}
