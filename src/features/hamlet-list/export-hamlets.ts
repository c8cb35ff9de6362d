import Papa from 'papaparse';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Hamlet, HamletResult, LayerName } from '../../core';

const CSV_COLUMNS = ['id', 'name', 'commune', 'district', 'households', 'population', 'fraction_mobile', 'fraction_4g', 'fraction_5g', 'fraction_ftth'] as const;

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function rowOf(result: HamletResult): Record<(typeof CSV_COLUMNS)[number], string | number> {
  return {
    id: result.id,
    name: result.name,
    commune: result.commune,
    district: result.district,
    households: result.households ?? '',
    population: result.population ?? '',
    fraction_mobile: round6(result.fraction.mobile),
    fraction_4g: round6(result.fraction['4g']),
    fraction_5g: round6(result.fraction['5g']),
    fraction_ftth: round6(result.fraction.ftth),
  };
}

/**
 * The listed hamlets as CSV (UTF-8 with a byte-order mark, so spreadsheet programs show the Vietnamese
 * names correctly). A cell that starts with `=`, `+`, `-` or `@` is prefixed with `'` so it cannot run
 * as a formula.
 */
export function buildHamletCsv(results: HamletResult[]): string {
  const rows = results.map((result) => {
    const row = rowOf(result);
    for (const key of CSV_COLUMNS) {
      const value = row[key];
      if (typeof value === 'string' && /^[=+\-@]/.test(value)) row[key] = `'${value}`;
    }
    return row;
  });
  return `\ufeff${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((key) => row[key])) })}\n`;
}

/** The listed hamlets as a GeoJSON FeatureCollection with their results as properties. */
export function buildHamletGeoJson(results: HamletResult[], hamlets: Hamlet[], layer: LayerName): FeatureCollection<Geometry> {
  const geometryById = new Map(hamlets.map((hamlet) => [hamlet.id, hamlet.geometry]));
  return {
    type: 'FeatureCollection',
    features: results.flatMap((result) => {
      const geometry = geometryById.get(result.id);
      if (!geometry) return [];
      return [{ type: 'Feature' as const, properties: { ...rowOf(result), layer }, geometry }];
    }),
  };
}

/** Starts a download of `content` as a file (Blob URL, so nothing leaves the page). */
export function downloadText(content: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
