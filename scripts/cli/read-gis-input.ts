// The command line's side of the GIS formats (src/formats): gdal3.js initialised once per run, files
// handed to it from a temporary folder, a .tab's or .mif's companions read from beside it. Node only.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import type { CoverageConfig, InputKind, ParsedInputBytes, ParsedReferenceLayer, ParseInputOptions } from '../../src/core/index';
import { companionNamesOf } from '../../src/formats/gis-format';
import { parseGisFile, parseGisReferenceFile, type GisFile, type OpenGisFiles } from '../../src/formats/read-gis-file';
import type { GdalApi } from '../../src/formats/read-gis-layers';

let gdal: Promise<GdalApi> | null = null;

/** gdal3.js, initialised on first use (about 5 s) and kept for the rest of the run. */
export function loadGdal(): Promise<GdalApi> {
  if (gdal === null) {
    const require = createRequire(import.meta.url);
    const packageDir = join(dirname(require.resolve('gdal3.js/package.json')), 'dist', 'package');
    const initGdalJs = require('gdal3.js/node.js') as (config: object) => Promise<GdalApi>;
    // gdal3.js puts "./" before the path it is given: it must be relative to the working folder.
    gdal = initGdalJs({ path: `${relative(process.cwd(), packageDir)}/`, useWorker: false });
  }
  return gdal;
}

/**
 * Parses a GIS file given on the command line: a .tab's .dat/.map/.id or a .mif's .mid are read from
 * the same folder.
 */
export async function parseGisPath(kind: InputKind, path: string, bytes: Uint8Array, config: CoverageConfig, options: ParseInputOptions): Promise<ParsedInputBytes> {
  return withGisFiles(path, bytes, (api, openFiles, file, companions) => parseGisFile(api, openFiles, kind, file, companions, config, options));
}

/** Reads a GIS file given on the command line as a reference layer (companions as for `parseGisPath`). */
export async function parseGisReferencePath(path: string, bytes: Uint8Array, options: ParseInputOptions): Promise<ParsedReferenceLayer> {
  return withGisFiles(path, bytes, (api, openFiles, file, companions) => parseGisReferenceFile(api, openFiles, file, companions, options));
}

/** Hands a file given on the command line, and its companions from beside it, to `read` through temporary folders. */
async function withGisFiles<T>(path: string, bytes: Uint8Array, read: (api: GdalApi, openFiles: OpenGisFiles, file: GisFile, companions: GisFile[]) => Promise<T>): Promise<T> {
  const api = await loadGdal();
  // MapInfo files come from Windows: a companion may differ in case (AP.TAB beside ap.dat).
  const wanted = new Set(companionNamesOf(basename(path)).map((name) => name.toLowerCase()));
  const companions: GisFile[] = wanted.size === 0 ? [] : readdirSync(dirname(path))
    .filter((name) => wanted.has(name.toLowerCase()))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dirname(path), name))) }));
  const folders: string[] = [];
  try {
    return await read(
      api,
      async (files, vsi) => {
        const folder = mkdtempSync(join(tmpdir(), 'gis-input-'));
        folders.push(folder);
        for (const file of files) writeFileSync(join(folder, file.name), file.bytes);
        return api.open(files.map((file) => join(folder, file.name)), [], vsi);
      },
      { name: basename(path), bytes },
      companions,
    );
  } finally {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
}
