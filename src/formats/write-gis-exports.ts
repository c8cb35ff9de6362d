// The hamlet results, the sites and the proposals written by GDAL as GeoPackage, zipped Shapefile,
// MapInfo TAB (with its companions) and KML. Environment-neutral: the caller hands gdal3.js the GeoJSON file.
import { zipSync } from 'fflate';
import type { GdalApi, GdalDataset } from './read-gis-layers';

/** An export format GDAL writes here. */
export type GisExportFormat = 'gpkg' | 'shp' | 'tab' | 'kml';

/** A layer exported: the hamlet results, the site records, the proposals. */
export type ExportLayer = 'hamlets' | 'sites' | 'proposals';

/**
 * The file names of each layer's export (the CLI writes them beside report.json): `hamlets.gpkg`,
 * `hamlets-shp.zip`, `hamlets.tab`, `hamlets.kml`, and the same for `sites` and `proposals`.
 * @param layer the layer
 * @returns the file name per format
 * @example gisExportFiles('sites').shp // 'sites-shp.zip'
 */
export function gisExportFiles(layer: ExportLayer): Record<GisExportFormat, string> {
  return { gpkg: `${layer}.gpkg`, shp: `${layer}-shp.zip`, tab: `${layer}.tab`, kml: `${layer}.kml` };
}

const DRIVER: Record<GisExportFormat, string[]> = {
  gpkg: ['-f', 'GPKG'],
  shp: ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8'],
  tab: ['-f', 'MapInfo File'],
  kml: ['-f', 'KML'],
};

/**
 * Writes an opened GeoJSON of one layer (`buildHamletExportCollection`, `buildPointExportCollection`)
 * in a GIS format, in WGS84 or reprojected (e.g. VN-2000 / the province's TM-3 zone; KML stays WGS84
 * by definition).
 * @param gdal the initialised gdal3.js
 * @param dataset the opened GeoJSON (WGS84)
 * @param format the format
 * @param targetProj4 the system to write in, as a proj4 definition; WGS84 when absent
 * @param layer the layer's name, in the file and in the file names
 * @returns the files to write, by name: one file, or a .tab with its .dat, .map, .id
 */
export async function writeGisExport(gdal: GdalApi, dataset: GdalDataset, format: GisExportFormat, targetProj4?: string, layer: ExportLayer = 'hamlets'): Promise<Map<string, Uint8Array>> {
  const system = targetProj4 === undefined || format === 'kml' ? ['-a_srs', 'EPSG:4326'] : ['-s_srs', 'EPSG:4326', '-t_srs', targetProj4];
  const prefix = `export-${format}-`;
  const output = (await gdal.ogr2ogr(dataset, [...DRIVER[format], '-nln', layer, ...system], `${prefix}${layer}`)) as { local: string; all?: { local: string }[] };
  const paths = output.all !== undefined && output.all.length > 0 ? output.all.map((file) => file.local) : [output.local];
  const files = new Map<string, Uint8Array>();
  for (const path of paths) files.set(path.replace(/^.*\//, '').replace(prefix, ''), await gdal.getFileBytes(path));
  if (format === 'shp') return new Map([[gisExportFiles(layer).shp, zipSync(Object.fromEntries(files))]]);
  return files;
}
