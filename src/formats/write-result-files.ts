// The results as files for GIS and Excel, for the command line and the page alike: a real .xlsx
// (exceljs), or GeoPackage, zipped Shapefile, MapInfo TAB and KML written by GDAL from each layer's
// GeoJSON (the hamlet results, the site records, the proposals). Environment-neutral: the caller says
// how gdal3.js opens a GeoJSON text.
import type { Hamlet, HamletResult } from '../core/types';
import { buildHamletExportCollection } from './hamlet-export-table';
import { buildPointExportCollection, buildProposalExportRows, buildSiteExportRows, PROPOSAL_EXPORT_COLUMNS, SITE_EXPORT_COLUMNS, type ProposalExportItem, type SiteExportInput } from './layer-export-tables';
import type { GdalApi, GdalDataset } from './read-gis-layers';
import { writeGisExport, type ExportLayer, type GisExportFormat } from './write-gis-exports';
import { writeResultsXlsx } from './write-results-xlsx';

/** Every format the results are written in. */
export const RESULT_EXPORT_FORMATS = ['gpkg', 'shp', 'tab', 'kml', 'xlsx'] as const;
/** One of {@link RESULT_EXPORT_FORMATS}. */
export type ResultExportFormat = (typeof RESULT_EXPORT_FORMATS)[number];

/** The workbook's file name (the GIS files' come from `gisExportFiles`). */
const XLSX_EXPORT_FILE = 'ket-qua.xlsx';

/** How the caller hands gdal3.js a GeoJSON text (named after its layer): the page as a File, the command line as a temporary file. */
export type OpenGeoJson = (text: string, layer: ExportLayer) => Promise<{ datasets: GdalDataset[]; errors: unknown[] }>;

/** What is exported: the hamlet results always, the sites and the proposals when given. */
export interface ResultLayers {
  /** The input hamlets (their geometry) and the engine's results for them. */
  hamlets: readonly Hamlet[];
  results: readonly HamletResult[];
  sites?: SiteExportInput;
  proposals?: readonly ProposalExportItem[];
}

/** What {@link writeResultFiles} needs besides the results. */
export interface ResultFileOptions {
  /** Loads gdal3.js (only called for a GIS format). */
  gdal: () => Promise<GdalApi>;
  open: OpenGeoJson;
  /** The system to write GIS files in, as a proj4 definition; WGS84 when absent (KML is always WGS84). */
  targetProj4?: string;
  /** The workbook's headers and words. */
  language?: 'vi' | 'en';
  /** The layers written in the GIS formats; default every layer given (the workbook holds them all). */
  gisLayers?: readonly ExportLayer[];
}

/**
 * Writes the results in each of the formats: the workbook with every layer's sheet; for each GIS
 * format, one file per layer (each layer's GeoJSON opened once).
 * @param formats the formats, in the order to write them
 * @param layers the hamlet results, and the sites and proposals when they are exported
 * @param options how to load and open with gdal3.js, the target system, the workbook's language, the GIS layers
 * @returns the files by name (`hamlets.gpkg`, `sites-shp.zip`, `proposals.tab` with its `.dat`, `.map`, `.id`, `hamlets.kml`, `ket-qua.xlsx`…)
 * @throws Error when GDAL cannot open a layer it was handed
 */
export async function writeResultFiles(formats: readonly ResultExportFormat[], layers: ResultLayers, options: ResultFileOptions): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const language = options.language ?? 'vi';
  if (formats.includes('xlsx')) {
    // An empty layer (no proposals yet) gets no sheet.
    const sheets = { ...(layers.sites && layers.sites.records.length > 0 ? { sites: layers.sites } : {}), ...(layers.proposals && layers.proposals.length > 0 ? { proposals: layers.proposals } : {}) };
    files.set(XLSX_EXPORT_FILE, await writeResultsXlsx(layers.results, language, sheets));
  }
  const gisFormats = formats.filter((format): format is GisExportFormat => format !== 'xlsx');
  if (gisFormats.length === 0) return files;
  // A layer with nothing in it is no file (GDAL cannot tell an empty layer's geometry type).
  const given: ExportLayer[] = ['hamlets', ...(layers.sites && layers.sites.records.length > 0 ? (['sites'] as const) : []), ...(layers.proposals && layers.proposals.length > 0 ? (['proposals'] as const) : [])];
  const wanted = given.filter((layer) => options.gisLayers === undefined || options.gisLayers.includes(layer));
  if (wanted.length === 0) return files;
  const gdal = await options.gdal();
  for (const layer of wanted) {
    const collection =
      layer === 'hamlets'
        ? buildHamletExportCollection(layers.hamlets, layers.results)
        : layer === 'sites'
          ? buildPointExportCollection(SITE_EXPORT_COLUMNS, buildSiteExportRows(layers.sites!))
          : buildPointExportCollection(PROPOSAL_EXPORT_COLUMNS, buildProposalExportRows(layers.proposals!, language));
    const opened = await options.open(JSON.stringify(collection), layer);
    const dataset = opened.datasets[0];
    if (dataset === undefined) throw new Error(`GDAL could not open the ${layer} handed to it`);
    try {
      for (const format of gisFormats) for (const [name, bytes] of await writeGisExport(gdal, dataset, format, options.targetProj4, layer)) files.set(name, bytes);
    } finally {
      await gdal.close(dataset);
    }
  }
  return files;
}
