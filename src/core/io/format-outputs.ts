import type { CoverageInput, CoverageReport, GroupKpis, HamletResult, LayerName } from '../types';
import { LAYER_NAMES } from '../types';
import { writeCsv, type CsvCell, type WriteCsvOptions } from './write-csv';

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
export const HAMLET_CSV_COLUMNS: readonly string[] = ['id', 'name', 'commune', 'district', 'district_key', 'commune_key', 'new_commune_key', 'households', 'population', 'area_km2', ...LAYER_NAMES.flatMap((layer) => [`fraction_${layer}`, `covered_${layer}`])];

/** Columns `formatHamletsCsv` adds when hamlets are approximate: the flag and the point rule per layer (empty without a point). */
export const APPROXIMATE_CSV_COLUMNS: readonly string[] = ['approximate', ...LAYER_NAMES.map((layer) => `point_covered_${layer}`)];

function unitKeyOf(hamlet: HamletResult, grouping: string): string {
  return hamlet.groupKeys && Object.hasOwn(hamlet.groupKeys, grouping) ? hamlet.groupKeys[grouping] : '';
}

/**
 * The cells every hamlet table starts with: id, name, commune, district, the report's unit keys
 * (district, commune, post-2025 commune; the code where the hamlet layer has one, since three
 * communes are called "Phường 1"), households and population.
 * @param hamlet one hamlet's result
 * @returns the nine leading cells, in the order of {@link HAMLET_CSV_COLUMNS}
 * @example hamletLeadingCells(report.hamlets[0])[4] // the district's key, e.g. "942"
 */
export function hamletLeadingCells(hamlet: HamletResult): CsvCell[] {
  return [hamlet.id, hamlet.name, hamlet.commune, hamlet.district, unitKeyOf(hamlet, 'district'), unitKeyOf(hamlet, 'commune'), unitKeyOf(hamlet, 'new_commune'), hamlet.households, hamlet.population];
}

/**
 * One CSV row per hamlet, with machine column names (the CLI's `hamlets.csv`, for scripts and GIS):
 * ids, names, the report's unit keys (district, commune, post-2025 commune; codes where the layer has
 * them), households, area, and fraction and covered flag (`true` / `false`) per layer. Written by
 * `writeCsv`, so text a spreadsheet would run as a formula is escaped.
 * @param hamlets hamlet results (e.g. a filtered list)
 * @param options CSV dialect and byte-order mark (see `writeCsv`)
 * @returns CSV text with a header row
 * @example formatHamletsCsv(report.hamlets).split('\r\n')[0] // "\ufeffid,name,commune,district,district_key,commune_key,new_commune_key,households,..."
 */
export function formatHamletsCsv(hamlets: HamletResult[], options: WriteCsvOptions = {}): string {
  // Approximate hamlets (built from points or communes) add their flag and the point rule per layer.
  const isApproximate = hamlets.some((hamlet) => hamlet.approximate === true || hamlet.pointCovered !== undefined);
  const rows = hamlets.map((hamlet) => [
    ...hamletLeadingCells(hamlet),
    Math.round(hamlet.areaKm2 * 1e6) / 1e6,
    ...LAYER_NAMES.flatMap((layer) => [Math.round(hamlet.fraction[layer] * 1e6) / 1e6, String(hamlet.covered[layer])]),
    ...(isApproximate ? [String(hamlet.approximate === true), ...LAYER_NAMES.map((layer) => (hamlet.pointCovered === undefined ? '' : String(hamlet.pointCovered[layer])))] : []),
  ]);
  return writeCsv(isApproximate ? [...HAMLET_CSV_COLUMNS, ...APPROXIMATE_CSV_COLUMNS] : HAMLET_CSV_COLUMNS, rows, options);
}

/** Machine column names of {@link formatGroupsCsv} (the CLI's `groups.csv`), in order. */
export const GROUP_CSV_COLUMNS: readonly string[] = ['grouping', 'key', 'code', 'name', 'parent_key', 'parent_name', 'hamlets', 'households', 'covered_mobile', 'covered_mobile_share', 'covered_4g_share', 'covered_5g_share', 'covered_ftth_share', 'covered_mobile_household_share', 'ftth_household_ceiling', 'sites', 'shared_sites', 'shared_site_share'];

const rounded = (share: number | null): number | null => (share === null ? null : Math.round(share * 1e6) / 1e6);

/**
 * One CSV row per unit of every grouping of the report: the grouping, the unit's key and code, its
 * name and its parent's, then its KPIs (shares in [0, 1], empty when unknown). Written by `writeCsv`,
 * so text a spreadsheet would run as a formula is escaped.
 * @param groups the report's groups (`report.groups`)
 * @param options CSV dialect and byte-order mark (see `writeCsv`)
 * @returns CSV text with a header row
 * @example formatGroupsCsv(report.groups).split('\r\n')[0] // "\ufeffgrouping,key,code,name,parent_key,parent_name,..."
 */
export function formatGroupsCsv(groups: Record<string, GroupKpis[]>, options: WriteCsvOptions = {}): string {
  const rows = Object.keys(groups).flatMap((grouping) =>
    groups[grouping].map((row) => [
      grouping,
      row.key,
      row.code,
      row.label,
      row.parentKey,
      row.parentLabel,
      row.hamlets,
      row.households,
      row.coveredMobile,
      rounded(row.coveredMobileShare),
      rounded(row.covered4gShare),
      rounded(row.covered5gShare),
      rounded(row.coveredFtthShare),
      rounded(row.coveredMobileHouseholdShare),
      rounded(row.ftthHouseholdCeiling),
      row.sites,
      row.sharedSites,
      rounded(row.sharedSiteShare),
    ]),
  );
  return writeCsv(GROUP_CSV_COLUMNS, rows, options);
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
            ...(result.pointCovered === undefined ? {} : { point_covered: result.pointCovered }),
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
        hamlet_id: site.hamletId,
        'marker-color': site.shared ? '#7b3294' : '#999999',
      },
      geometry: { type: 'Point' as const, coordinates: [Math.round(site.lng * 1e6) / 1e6, Math.round(site.lat * 1e6) / 1e6] },
    })),
  };
}
