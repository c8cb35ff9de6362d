// `npm run analyze -- … --export gpkg,shp,tab,kml,xlsx`: the hamlet results beside report.json as
// hamlets.gpkg, hamlets-shp.zip, hamlets.tab (with .dat/.map/.id), hamlets.kml and ket-qua.xlsx. Node only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hamlet, HamletResult } from '../../src/core/index';
import { buildHamletExportCollection } from '../../src/formats/hamlet-export-table';
import { writeGisExport, type GisExportFormat } from '../../src/formats/write-gis-exports';
import { writeResultsXlsx } from '../../src/formats/write-results-xlsx';
import { CliError } from './read-inputs';
import { loadGdal } from './read-gis-input';

export const EXPORT_FORMATS = ['gpkg', 'shp', 'tab', 'kml', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `gpkg,shp` → the formats, refusing an unknown one by name. */
export function parseExportFormats(text: string | undefined): ExportFormat[] {
  if (text === undefined) return [];
  const formats = text.split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  const unknown = formats.filter((format) => !(EXPORT_FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0) throw new CliError('cli.flagExport', { value: unknown.join(', '), allowed: EXPORT_FORMATS.join(',') });
  return [...new Set(formats)] as ExportFormat[];
}

/** Writes the exports into `out`; returns the names written. */
export async function writeExports(out: string, formats: readonly ExportFormat[], hamlets: readonly Hamlet[], results: readonly HamletResult[], targetProj4?: string): Promise<string[]> {
  const written: string[] = [];
  if (formats.includes('xlsx')) {
    writeFileSync(join(out, 'ket-qua.xlsx'), await writeResultsXlsx(results));
    written.push('ket-qua.xlsx');
  }
  const gisFormats = formats.filter((format): format is GisExportFormat => format !== 'xlsx');
  if (gisFormats.length === 0) return written;
  const gdal = await loadGdal();
  const folder = mkdtempSync(join(tmpdir(), 'gis-export-'));
  try {
    const source = join(folder, 'hamlets.geojson');
    writeFileSync(source, JSON.stringify(buildHamletExportCollection(hamlets, results)));
    const opened = await gdal.open(source);
    const dataset = opened.datasets[0];
    if (dataset === undefined) throw new Error('GDAL could not open the results handed to it');
    try {
      for (const format of gisFormats) {
        for (const [name, bytes] of await writeGisExport(gdal, dataset, format, targetProj4)) {
          writeFileSync(join(out, name), bytes);
          written.push(name);
        }
      }
    } finally {
      await gdal.close(dataset);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return written;
}
