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

/**
 * The columns approximate hamlets add (built from a point or a commune): the mark, and the point rule
 * per layer (whether the hamlet's point is covered; empty without a point).
 */
export const APPROXIMATE_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { field: 'gan_dung', vi: 'Gần đúng', en: 'Approximate', kind: 'yes-no' },
  ...LAYERS.map(([short, , vi, en]) => ({ field: `diem_${short}`, vi: `Điểm được phủ ${vi}`, en: `Point covered ${en}`, kind: 'yes-no' as const })),
];

const hasApproximate = (results: readonly HamletResult[]): boolean => results.some((result) => result.approximate === true || result.pointCovered !== undefined);

/**
 * The columns of the export for these results: {@link HAMLET_EXPORT_COLUMNS}, then
 * {@link APPROXIMATE_EXPORT_COLUMNS} when any hamlet is approximate.
 * @param results the engine's hamlet results
 * @returns the columns, in order
 */
export function hamletExportColumns(results: readonly HamletResult[]): readonly ExportColumn[] {
  return hasApproximate(results) ? [...HAMLET_EXPORT_COLUMNS, ...APPROXIMATE_EXPORT_COLUMNS] : HAMLET_EXPORT_COLUMNS;
}

/** One hamlet's values, by column (numbers as numbers, yes/no as booleans). */
export type ExportRow = (string | number | boolean | null)[];

/**
 * The hamlet results as rows of {@link hamletExportColumns}.
 * @param results the engine's hamlet results
 * @returns one row per hamlet, in the results' order
 * @example buildHamletExportRows(report.hamlets)[0][0] // 'A01'
 */
export function buildHamletExportRows(results: readonly HamletResult[]): ExportRow[] {
  const isApproximate = hasApproximate(results);
  return results.map((result) => [
    result.id, result.name, result.commune, result.district, result.households ?? null, round(result.areaKm2, 6),
    ...LAYERS.map(([, layer]) => round(result.fraction[layer], 6)),
    ...LAYERS.map(([, layer]) => result.covered[layer]),
    ...(isApproximate ? [result.approximate === true, ...LAYERS.map(([, layer]) => result.pointCovered?.[layer] ?? null)] : []),
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
  const columns = hamletExportColumns(results);
  return {
    type: 'FeatureCollection' as const,
    features: results.flatMap((result, index) => {
      const hamlet = byId.get(result.id);
      if (hamlet === undefined) return [];
      const properties = new Map<string, string | number | null>();
      columns.forEach((column, at) => {
        const value = rows[index][at];
        properties.set(column.field, typeof value === 'boolean' ? (value ? 'Có' : 'Không') : value);
      });
      return [{ type: 'Feature' as const, properties: Object.fromEntries(properties), geometry: hamlet.geometry }];
    }),
  };
}

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));
