// `npm run analyze -- … --export gpkg,shp,tab,kml,xlsx`: the hamlet results and the sites beside
// report.json as hamlets.gpkg, hamlets-shp.zip, hamlets.tab (with .dat/.map/.id), hamlets.kml, the same
// for sites, and ket-qua.xlsx; `npm run propose -- … --export` the proposals the same way. Node only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESULT_EXPORT_FORMATS, writeResultFiles, type ResultLayers } from '../../src/formats/write-result-files';
import type { ExportLayer } from '../../src/formats/write-gis-exports';
import { resolveCrs } from '../../src/core/index';
import { CliError } from './read-inputs';
import { loadGdal } from './read-gis-input';

export const EXPORT_FORMATS = RESULT_EXPORT_FORMATS;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `parseArgs` options of the exports, shared by analyze and propose. */
export const EXPORT_OPTIONS = {
  export: { type: 'string' },
  'export-crs': { type: 'string' },
} as const;

/** `--export gpkg,shp --export-crs …` → the formats and the target system (WGS84 when none), refused by name when wrong. */
export function exportFlagsOf(values: { export?: string; 'export-crs'?: string }): { formats: ExportFormat[]; proj4: string | undefined } {
  return {
    formats: parseExportFormats(values.export),
    proj4: values['export-crs'] === undefined ? undefined : resolveCrs(values['export-crs'], '--export-crs').proj4,
  };
}

/** `gpkg,shp` → the formats, refusing an unknown one by name. */
export function parseExportFormats(text: string | undefined): ExportFormat[] {
  if (text === undefined) return [];
  const formats = text.split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  const unknown = formats.filter((format) => !(EXPORT_FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0) throw new CliError('cli.flagExport', { value: unknown.join(', '), allowed: EXPORT_FORMATS.join(',') });
  return [...new Set(formats)] as ExportFormat[];
}

/** Writes the exports into `out`; returns the names written. */
export async function writeExports(out: string, formats: readonly ExportFormat[], layers: ResultLayers, targetProj4?: string, language: 'vi' | 'en' = 'vi', gisLayers?: readonly ExportLayer[]): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'gis-export-'));
  try {
    let gdal: Awaited<ReturnType<typeof loadGdal>> | null = null;
    const files = await writeResultFiles(formats, layers, {
      gdal: async () => (gdal = await loadGdal()),
      open: async (text, layer) => {
        const source = join(folder, `${layer}.geojson`);
        writeFileSync(source, text);
        return gdal!.open(source);
      },
      ...(targetProj4 === undefined ? {} : { targetProj4 }),
      language,
      ...(gisLayers === undefined ? {} : { gisLayers }),
    });
    for (const [name, bytes] of files) writeFileSync(join(out, name), bytes);
    return [...files.keys()];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
