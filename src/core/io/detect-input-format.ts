/** A file format {@link parseInputBytes} reads, or one read through GDAL (`src/formats`). */
export type InputFormat = 'csv' | 'xlsx' | 'geojson' | 'topojson' | 'json' | 'kml' | 'kmz' | 'shapefile-zip'
  | 'mapinfo-tab' | 'mapinfo-mif' | 'geopackage' | 'filegdb' | 'dxf' | 'dgn' | 'flatgeobuf';

const BY_EXTENSION: Record<string, InputFormat> = {
  csv: 'csv', tsv: 'csv', txt: 'csv',
  xlsx: 'xlsx', xlsm: 'xlsx',
  geojson: 'geojson', topojson: 'topojson', json: 'json',
  kml: 'kml', kmz: 'kmz', zip: 'shapefile-zip',
};

/**
 * Names the format of an input file from its extension, and from its first bytes when the extension
 * says nothing useful (a zip is a KMZ, a workbook or a zipped Shapefile depending on what it holds;
 * text starting with `{` is JSON, with `<` is KML). `.json` is refined later (GeoJSON, TopoJSON or rows).
 * @param file the file's name
 * @param bytes its content (only the start is looked at, and the zip's directory for zips)
 * @returns the format
 * @throws never
 * @example detectInputFormat('ranh-gioi-ap.zip', bytes) // 'shapefile-zip'
 */
export function detectInputFormat(file: string, bytes: Uint8Array): InputFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    // Entry names are stored in plain text in zip headers: enough to tell the three zip formats apart.
    const names = latin1(bytes.subarray(0, Math.min(bytes.length, 1 << 20))) + latin1(bytes.subarray(Math.max(0, bytes.length - 65536)));
    if (/\.shp/i.test(names)) return 'shapefile-zip';
    if (/xl\/workbook\.xml|\[Content_Types\]\.xml/.test(names) && /xl\//.test(names)) return 'xlsx';
    if (/\.kml/i.test(names)) return 'kmz';
    return BY_EXTENSION[extension] ?? 'shapefile-zip';
  }
  const known = BY_EXTENSION[extension];
  if (known !== undefined && known !== 'kmz' && known !== 'xlsx' && known !== 'shapefile-zip') return known;
  const start = latin1(bytes.subarray(0, 512)).replace(/^(\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)/, '').replace(/\0/g, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith('<')) return 'kml';
  return known ?? 'csv';
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}
