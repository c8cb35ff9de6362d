/// <reference lib="webworker" />
// The import worker's entry to the GIS formats: gdal3.js loaded on first use, files handed to it as
// File objects (it mounts them read-only), then the shared reading of `parseGisFile`.
import type { CoverageConfig, InputKind, ParsedInputBytes, ParsedReferenceLayer, ParseInputOptions } from '../core';
import { loadGdalForFile, type GdalLoadProgress } from './load-gdal-in-worker';
import { parseGisFile, parseGisReferenceFile, type GisFile } from './read-gis-file';

/**
 * Parses a GIS file in the import worker (see `parseGisFile`).
 * @param kind the layer the file feeds
 * @param file the picked file
 * @param companions the files picked with it (.dat, .map, .id of a .tab; .mid of a .mif)
 * @param config the field mapping and targets
 * @param options coordinate system and planning area
 * @param gdalUrl the folder gdal3.js's WebAssembly and data are served from
 * @param onProgress bytes of the reader received while it loads (the first time only)
 */
export async function parseGisInWorker(kind: InputKind, file: GisFile, companions: GisFile[], config: CoverageConfig, options: ParseInputOptions, gdalUrl: string, onProgress: GdalLoadProgress): Promise<ParsedInputBytes> {
  const gdal = await loadGdalForFile(file.name, gdalUrl, onProgress);
  return parseGisFile(gdal, (files, vsi) => gdal.open(files.map((entry) => new File([entry.bytes as Uint8Array<ArrayBuffer>], entry.name)), [], vsi), kind, file, companions, config, options);
}

/** Reads a GIS file in the import worker as a reference layer (see `parseGisReferenceFile`). */
export async function parseGisReferenceInWorker(file: GisFile, companions: GisFile[], options: ParseInputOptions, gdalUrl: string, onProgress: GdalLoadProgress): Promise<ParsedReferenceLayer> {
  const gdal = await loadGdalForFile(file.name, gdalUrl, onProgress);
  return parseGisReferenceFile(gdal, (files, vsi) => gdal.open(files.map((entry) => new File([entry.bytes as Uint8Array<ArrayBuffer>], entry.name)), [], vsi), file, companions, options);
}
