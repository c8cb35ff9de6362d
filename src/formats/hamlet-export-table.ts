// The hamlet results as one flat table for GIS and spreadsheet exports: short field names every
// format keeps (Shapefile's ten characters), Vietnamese or English headers, shares as fractions
// (formatted as percentages where the format can), yes/no as "Có"/"Không". Pure.
import type { Hamlet, HamletResult } from '../core/types';

/** A column of the export: its field name in GIS files, its header in spreadsheets, its kind. */
export interface ExportColumn {
  field: string;
  vi: string;
  en: string;
  kind: 'text' | 'number' | 'share' | 'yes-no';
}

const LAYERS = [['dd', 'mobile', 'di động băng rộng', 'mobile broadband'], ['4g', '4g', '4G', '4G'], ['5g', '5g', '5G', '5G'], ['ftth', 'ftth', 'FTTH', 'FTTH']] as const;

/** The columns of the hamlet export, in order. */
export const HAMLET_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { field: 'ma_ap', vi: 'Mã ấp', en: 'Hamlet code', kind: 'text' },
  { field: 'ten_ap', vi: 'Tên ấp, khóm', en: 'Hamlet', kind: 'text' },
  { field: 'xa', vi: 'Xã, phường', en: 'Commune', kind: 'text' },
  { field: 'huyen', vi: 'Huyện, thị xã', en: 'District', kind: 'text' },
  { field: 'so_ho', vi: 'Số hộ', en: 'Households', kind: 'number' },
  { field: 'dt_km2', vi: 'Diện tích (km²)', en: 'Area (km²)', kind: 'number' },
  ...LAYERS.map(([short, , vi, en]) => ({ field: `tl_${short}`, vi: `Tỷ lệ phủ ${vi}`, en: `${en} coverage share`, kind: 'share' as const })),
  ...LAYERS.map(([short, , vi, en]) => ({ field: `phu_${short}`, vi: `Được phủ ${vi}`, en: `${en} covered`, kind: 'yes-no' as const })),
];

/** One hamlet's values, by column (numbers as numbers, yes/no as booleans). */
export type ExportRow = (string | number | boolean | null)[];

/**
 * The hamlet results as rows of {@link HAMLET_EXPORT_COLUMNS}.
 * @param results the engine's hamlet results
 * @returns one row per hamlet, in the results' order
 * @example buildHamletExportRows(report.hamlets)[0][0] // 'A01'
 */
export function buildHamletExportRows(results: readonly HamletResult[]): ExportRow[] {
  return results.map((result) => [
    result.id, result.name, result.commune, result.district, result.households ?? null, round(result.areaKm2, 6),
    ...LAYERS.map(([, layer]) => round(result.fraction[layer], 6)),
    ...LAYERS.map(([, layer]) => result.covered[layer]),
  ]);
}

/**
 * The hamlet results as a GeoJSON FeatureCollection with flat properties (yes/no as "Có"/"Không"),
 * the geometry of each hamlet from the input, for GDAL to write as GeoPackage, Shapefile, TAB or KML.
 * @param hamlets the input hamlets (geometry, WGS84)
 * @param results the engine's hamlet results
 * @returns the collection; hamlets without a result are left out
 */
export function buildHamletExportCollection(hamlets: readonly Hamlet[], results: readonly HamletResult[]) {
  const byId = new Map(hamlets.map((hamlet) => [hamlet.id, hamlet]));
  const rows = buildHamletExportRows(results);
  return {
    type: 'FeatureCollection' as const,
    features: results.flatMap((result, index) => {
      const hamlet = byId.get(result.id);
      if (hamlet === undefined) return [];
      const properties = new Map<string, string | number | null>();
      HAMLET_EXPORT_COLUMNS.forEach((column, at) => {
        const value = rows[index][at];
        properties.set(column.field, typeof value === 'boolean' ? (value ? 'Có' : 'Không') : value);
      });
      return [{ type: 'Feature' as const, properties: Object.fromEntries(properties), geometry: hamlet.geometry }];
    }),
  };
}

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));
