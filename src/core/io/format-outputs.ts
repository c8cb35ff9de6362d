import type { CoverageInput, CoverageReport, HamletResult, LayerName } from '../types';
import { LAYER_NAMES } from '../types';
import { writeCsv, type WriteCsvOptions } from './write-csv';

/** Colours of covered / not covered hamlets in exported GeoJSON (simplestyle, for any viewer). */
const COVERED_FILL = '#1a9850';
const UNCOVERED_FILL = '#d73027';

/**
 * Rounds every number in a JSON-like value to 6 decimals (outputs stay diff-friendly).
 * @param value any JSON-like value
 * @returns a copy with numbers rounded
 * @example roundNumbers({ a: 0.1234567891 }) // { a: 0.123457 }
 */
export function roundNumbers<T>(value: T): T {
  if (typeof value === 'number') return (Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : value) as T;
  if (Array.isArray(value)) return value.map(roundNumbers) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v)])) as T;
  return value;
}

/** Machine column names of {@link formatHamletsCsv} (the CLI's `hamlets.csv`), in order. */
export const HAMLET_CSV_COLUMNS: readonly string[] = ['id', 'name', 'commune', 'district', 'households', 'population', 'area_km2', ...LAYER_NAMES.flatMap((layer) => [`fraction_${layer}`, `covered_${layer}`])];

/**
 * One CSV row per hamlet, with machine column names (the CLI's `hamlets.csv`, for scripts and GIS):
 * ids, names, households, area, and fraction and covered flag (`true` / `false`) per layer. Written by
 * `writeCsv`, so text a spreadsheet would run as a formula is escaped.
 * @param hamlets hamlet results (e.g. a filtered list)
 * @param options CSV dialect and byte-order mark (see `writeCsv`)
 * @returns CSV text with a header row
 * @example formatHamletsCsv(report.hamlets).split('\r\n')[0] // "\ufeffid,name,commune,district,households,..."
 */
export function formatHamletsCsv(hamlets: HamletResult[], options: WriteCsvOptions = {}): string {
  const rows = hamlets.map((hamlet) => [
    hamlet.id,
    hamlet.name,
    hamlet.commune,
    hamlet.district,
    hamlet.households,
    hamlet.population,
    Math.round(hamlet.areaKm2 * 1e6) / 1e6,
    ...LAYER_NAMES.flatMap((layer) => [Math.round(hamlet.fraction[layer] * 1e6) / 1e6, String(hamlet.covered[layer])]),
  ]);
  return writeCsv(HAMLET_CSV_COLUMNS, rows, options);
}

/**
 * The hamlets' input geometry with their results as properties, coloured by one layer.
 * @param input the analysed input (geometry and original properties)
 * @param hamlets hamlet results (any subset; matched by id)
 * @param layer the layer that sets the fill colour
 * @returns a GeoJSON FeatureCollection (demo-marked when the input is demo data)
 * @example formatHamletsGeoJson(input, report.hamlets, 'mobile').features.length
 */
export function formatHamletsGeoJson(input: Pick<CoverageInput, 'hamlets' | 'demo'>, hamlets: HamletResult[], layer: LayerName = 'mobile') {
  const geometryById = new Map(input.hamlets.map((hamlet) => [hamlet.id, hamlet]));
  return {
    type: 'FeatureCollection' as const,
    ...(input.demo ? { demo: true } : {}),
    features: hamlets.flatMap((result) => {
      const hamlet = geometryById.get(result.id);
      if (!hamlet) return [];
      return [
        {
          type: 'Feature' as const,
          properties: roundNumbers({
            ...hamlet.properties,
            id: result.id,
            name: result.name,
            commune: result.commune,
            district: result.district,
            households: result.households ?? null,
            area_km2: result.areaKm2,
            fraction: result.fraction,
            covered: result.covered,
            operator_fraction: result.operatorFraction,
            fill: result.covered[layer] ? COVERED_FILL : UNCOVERED_FILL,
            'fill-opacity': 0.5,
            stroke: '#555555',
          }),
          geometry: hamlet.geometry,
        },
      ];
    }),
  };
}

/**
 * The merged sites as points with their operators and `shared` flag.
 * @param report the coverage report
 * @param demo whether the data is demo data
 * @returns a GeoJSON FeatureCollection
 * @example formatSitesGeoJson(report, false).features[0].properties.shared
 */
export function formatSitesGeoJson(report: CoverageReport, demo: boolean) {
  return {
    type: 'FeatureCollection' as const,
    ...(demo ? { demo: true } : {}),
    features: report.sites.map((site) => ({
      type: 'Feature' as const,
      properties: {
        id: site.id,
        operators: site.operators.join(';'),
        operator_count: site.operators.length,
        technologies: site.technologies.join(';'),
        shared: site.shared,
        record_site_ids: site.recordSiteIds.join(';'),
        'marker-color': site.shared ? '#7b3294' : '#999999',
      },
      geometry: { type: 'Point' as const, coordinates: [Math.round(site.lng * 1e6) / 1e6, Math.round(site.lat * 1e6) / 1e6] },
    })),
  };
}
