// The hamlet results written by GDAL as GeoPackage, zipped Shapefile, MapInfo TAB (with its
// companions) and KML. Environment-neutral: the caller hands gdal3.js the GeoJSON file.
import { zipSync } from 'fflate';
import type { GdalApi, GdalDataset } from './read-gis-layers';

/** An export format GDAL writes here. */
export type GisExportFormat = 'gpkg' | 'shp' | 'tab' | 'kml';

/** The file names of each export (the CLI writes them beside report.json). */
export const GIS_EXPORT_FILES: Record<GisExportFormat, string> = { gpkg: 'hamlets.gpkg', shp: 'hamlets-shp.zip', tab: 'hamlets.tab', kml: 'hamlets.kml' };

const DRIVER: Record<GisExportFormat, string[]> = {
  gpkg: ['-f', 'GPKG', '-nln', 'hamlets'],
  shp: ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', '-nln', 'hamlets'],
  tab: ['-f', 'MapInfo File', '-nln', 'hamlets'],
  kml: ['-f', 'KML', '-nln', 'hamlets'],
};

/**
 * Writes an opened GeoJSON of hamlet results (`buildHamletExportCollection`) in a GIS format.
 * @param gdal the initialised gdal3.js
 * @param dataset the opened GeoJSON
 * @param format the format
 * @returns the files to write, by name: one file, or a .tab with its .dat, .map, .id
 */
export async function writeGisExport(gdal: GdalApi, dataset: GdalDataset, format: GisExportFormat): Promise<Map<string, Uint8Array>> {
  const output = (await gdal.ogr2ogr(dataset, [...DRIVER[format], '-a_srs', 'EPSG:4326'], `export-${format}-hamlets`)) as { local: string; all?: { local: string }[] };
  const paths = output.all !== undefined && output.all.length > 0 ? output.all.map((file) => file.local) : [output.local];
  const files = new Map<string, Uint8Array>();
  for (const path of paths) files.set(path.replace(/^.*\//, '').replace(`export-${format}-`, ''), await gdal.getFileBytes(path));
  if (format === 'shp') return new Map([[GIS_EXPORT_FILES.shp, zipSync(Object.fromEntries(files))]]);
  return files;
}
