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
 * Writes an opened GeoJSON of hamlet results (`buildHamletExportCollection`) in a GIS format, in
 * WGS84 or reprojected (e.g. VN-2000 / the province's TM-3 zone; KML stays WGS84 by definition).
 * @param gdal the initialised gdal3.js
 * @param dataset the opened GeoJSON (WGS84)
 * @param format the format
 * @param targetProj4 the system to write in, as a proj4 definition; WGS84 when absent
 * @returns the files to write, by name: one file, or a .tab with its .dat, .map, .id
 */
export async function writeGisExport(gdal: GdalApi, dataset: GdalDataset, format: GisExportFormat, targetProj4?: string): Promise<Map<string, Uint8Array>> {
  const system = targetProj4 === undefined || format === 'kml' ? ['-a_srs', 'EPSG:4326'] : ['-s_srs', 'EPSG:4326', '-t_srs', targetProj4];
  const output = (await gdal.ogr2ogr(dataset, [...DRIVER[format], ...system], `export-${format}-hamlets`)) as { local: string; all?: { local: string }[] };
  const paths = output.all !== undefined && output.all.length > 0 ? output.all.map((file) => file.local) : [output.local];
  const files = new Map<string, Uint8Array>();
  for (const path of paths) files.set(path.replace(/^.*\//, '').replace(`export-${format}-`, ''), await gdal.getFileBytes(path));
  if (format === 'shp') return new Map([[GIS_EXPORT_FILES.shp, zipSync(Object.fromEntries(files))]]);
  return files;
}
