// Runs GDAL (gdal3.js) over one opened GIS dataset: each vector layer out as GeoJSON in its own
// coordinates, with its coordinate system as WKT 1. The caller opens the files (the page and the
// command line mount them differently) and parses the result with `parseGisLayers`.
import type { GisFormat } from './gis-format';
import type { GisLayerBytes, GisReading } from './parse-gis-layers';

/** The parts of gdal3.js's API used here (its own typings declare them on a module-private interface). */
export interface GdalApi {
  open(fileOrFiles: unknown, options?: string[], vfsHandlers?: string[]): Promise<{ datasets: GdalDataset[]; errors: unknown[] }>;
  ogrinfo(dataset: GdalDataset, options?: string[]): Promise<object>;
  ogr2ogr(dataset: GdalDataset, options?: string[], outputName?: string): Promise<{ local: string; real: string }>;
  getFileBytes(path: { local: string; real: string } | string): Promise<Uint8Array>;
  close(dataset: GdalDataset): Promise<void>;
}

/** A dataset gdal3.js opened. */
export interface GdalDataset {
  pointer: number;
  path: string;
  type: string;
  info: object;
}

interface VectorInfo {
  driverShortName?: string;
  layers?: { name?: string; featureCount?: number; geometryFields?: { coordinateSystem?: { wkt?: string } | null }[] }[];
}

let outputCounter = 0;

/**
 * Writes every layer of an opened dataset as GeoJSON (no reprojection, attribute text as stored) and
 * reads each layer's coordinate system as WKT 1.
 * @param gdal the initialised gdal3.js
 * @param dataset the opened dataset
 * @param format the format, as `detectGisFormat` named it
 * @returns the layers and GDAL's driver name
 * @throws the gdal3.js error when a layer cannot be converted
 * @example const reading = await readGisLayers(gdal, opened.datasets[0], 'mapinfo-tab');
 */
export async function readGisLayers(gdal: GdalApi, dataset: GdalDataset, format: GisFormat): Promise<GisReading> {
  const info = (await gdal.ogrinfo(dataset, ['-so', '-wkt_format', 'WKT1'])) as VectorInfo;
  const layers: GisLayerBytes[] = [];
  for (const layer of info.layers ?? []) {
    const name = layer.name ?? '';
    if ((layer.featureCount ?? 1) === 0) continue;
    outputCounter += 1;
    const output = await gdal.ogr2ogr(dataset, ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '-lco', 'WRITE_NAME=NO', name], `layer-${outputCounter}`);
    const geojson = await gdal.getFileBytes(output);
    const wkt = layer.geometryFields?.[0]?.coordinateSystem?.wkt ?? null;
    layers.push({ name, geojson, wkt });
  }
  return { format, driver: info.driverShortName ?? dataset.type, layers };
}
