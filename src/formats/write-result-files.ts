// The hamlet results as files for GIS and Excel, for the command line and the page alike: a real
// .xlsx (exceljs), or GeoPackage, zipped Shapefile, MapInfo TAB and KML written by GDAL from the
// results' GeoJSON. Environment-neutral: the caller says how gdal3.js opens a GeoJSON text.
import type { Hamlet, HamletResult } from '../core/types';
import { buildHamletExportCollection } from './hamlet-export-table';
import type { GdalApi, GdalDataset } from './read-gis-layers';
import { writeGisExport, type GisExportFormat } from './write-gis-exports';
import { writeResultsXlsx } from './write-results-xlsx';

/** Every format the results are written in. */
export const RESULT_EXPORT_FORMATS = ['gpkg', 'shp', 'tab', 'kml', 'xlsx'] as const;
/** One of {@link RESULT_EXPORT_FORMATS}. */
export type ResultExportFormat = (typeof RESULT_EXPORT_FORMATS)[number];

/** The workbook's file name (the GIS files' are in `GIS_EXPORT_FILES`). */
const XLSX_EXPORT_FILE = 'ket-qua.xlsx';

/** How the caller hands gdal3.js a GeoJSON text: the page as a File, the command line as a temporary file. */
export type OpenGeoJson = (text: string) => Promise<{ datasets: GdalDataset[]; errors: unknown[] }>;

/** What {@link writeResultFiles} needs besides the results. */
export interface ResultFileOptions {
  /** Loads gdal3.js (only called for a GIS format). */
  gdal: () => Promise<GdalApi>;
  open: OpenGeoJson;
  /** The system to write GIS files in, as a proj4 definition; WGS84 when absent (KML is always WGS84). */
  targetProj4?: string;
  /** The workbook's headers. */
  language?: 'vi' | 'en';
}

/**
 * Writes the hamlet results in each of the formats, the GIS ones from one GeoJSON opened once.
 * @param formats the formats, in the order to write them
 * @param hamlets the input hamlets (their geometry)
 * @param results the engine's hamlet results
 * @param options how to load and open with gdal3.js, the target system, the workbook's language
 * @returns the files by name (`hamlets.gpkg`, `hamlets-shp.zip`, `hamlets.tab` with its `.dat`, `.map`, `.id`, `hamlets.kml`, `ket-qua.xlsx`)
 * @throws Error when GDAL cannot open the results it was handed
 */
export async function writeResultFiles(formats: readonly ResultExportFormat[], hamlets: readonly Hamlet[], results: readonly HamletResult[], options: ResultFileOptions): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  if (formats.includes('xlsx')) files.set(XLSX_EXPORT_FILE, await writeResultsXlsx(results, options.language ?? 'vi'));
  const gisFormats = formats.filter((format): format is GisExportFormat => format !== 'xlsx');
  if (gisFormats.length === 0) return files;
  const gdal = await options.gdal();
  const opened = await options.open(JSON.stringify(buildHamletExportCollection(hamlets, results)));
  const dataset = opened.datasets[0];
  if (dataset === undefined) throw new Error('GDAL could not open the results handed to it');
  try {
    for (const format of gisFormats) for (const [name, bytes] of await writeGisExport(gdal, dataset, format, options.targetProj4)) files.set(name, bytes);
  } finally {
    await gdal.close(dataset);
  }
  return files;
}
