// Which files are read through GDAL (gdal3.js, loaded only when such a file is opened). Pure: names
// and the first bytes only.
import { listZipEntries } from '../core/io/formats/inflate-zip';
import { extensionOf, GIS_EXTENSIONS } from './gis-file-names';

export { companionNamesOf, GIS_ACCEPT, groupGisFiles, isGisFileName, type GisFileGroup, type NamedFile } from './gis-file-names';

/** A GIS format read through GDAL. */
export type GisFormat = 'mapinfo-tab' | 'mapinfo-mif' | 'geopackage' | 'filegdb' | 'dxf' | 'dgn' | 'flatgeobuf';

const isZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * The GIS format of a file read through GDAL, or `null` for the formats read without it (a zip holding
 * a Shapefile, KML, a workbook…). A zip is a GIS file when its directory names a `.gdb` folder, a `.tab`,
 * `.mif`, `.gpkg`, `.dxf`, `.dgn` or `.fgb` and no `.shp`.
 * @param fileName the file's name
 * @param bytes its content (a zip's directory is looked at)
 * @returns the format, or null
 * @example detectGisFormat('ranh-gioi-ap.tab', bytes) // 'mapinfo-tab'
 */
export function detectGisFormat(fileName: string, bytes: Uint8Array): GisFormat | null {
  if (isZip(bytes)) {
    const names = zipEntryNames(bytes);
    if (names.some((name) => /\.shp$/i.test(name))) return null;
    if (names.some((name) => /\.gdb\//i.test(name))) return 'filegdb';
    for (const name of names) {
      const format = GIS_EXTENSIONS.get(extensionOf(name));
      if (format !== undefined) return format;
    }
    return null;
  }
  return GIS_EXTENSIONS.get(extensionOf(fileName)) ?? null;
}

function zipEntryNames(bytes: Uint8Array): string[] {
  try {
    return listZipEntries(bytes).map((entry) => entry.name);
  } catch {
    return [];
  }
}
