import Papa from 'papaparse';
import type { CoverageInput, CoverageReport, GroupKpis, HamletResult, LayerName } from '../types';
import { LAYER_NAMES } from '../types';

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

/** A cell starting with = + - @ would run as a formula in a spreadsheet: prefix it with '. */
function defuseFormula(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function unitKeyOf(hamlet: HamletResult, grouping: string): string {
  return hamlet.groupKeys && Object.hasOwn(hamlet.groupKeys, grouping) ? hamlet.groupKeys[grouping] : '';
}

/**
 * One CSV row per hamlet: ids, names, the report's unit keys (district, commune, post-2025 commune;
 * codes where the layer has them), households, fraction and covered flag per layer. Text cells
 * that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) are prefixed with `'`.
 * @param hamlets hamlet results (e.g. a filtered list)
 * @returns CSV text with a header row, UTF-8 (add a BOM when Excel must open it)
 * @example formatHamletsCsv(report.hamlets).split('\n')[0] // "id,name,commune,district,district_key,commune_key,new_commune_key,households,..."
 */
export function formatHamletsCsv(hamlets: HamletResult[]): string {
  const rows = hamlets.map((hamlet) => {
    const row: Record<string, string | number | boolean> = {
      id: defuseFormula(hamlet.id),
      name: defuseFormula(hamlet.name),
      commune: defuseFormula(hamlet.commune),
      district: defuseFormula(hamlet.district),
      // The report's unit keys (the code where the hamlet layer has one): the rows to join or group by.
      district_key: defuseFormula(unitKeyOf(hamlet, 'district')),
      commune_key: defuseFormula(unitKeyOf(hamlet, 'commune')),
      new_commune_key: defuseFormula(unitKeyOf(hamlet, 'new_commune')),
      households: hamlet.households ?? '',
      population: hamlet.population ?? '',
      area_km2: Math.round(hamlet.areaKm2 * 1e6) / 1e6,
    };
    for (const layer of LAYER_NAMES) {
      row[`fraction_${layer}`] = Math.round(hamlet.fraction[layer] * 1e6) / 1e6;
      row[`covered_${layer}`] = hamlet.covered[layer];
    }
    return row;
  });
  return Papa.unparse(rows, { newline: '\n' });
}

const GROUP_COLUMNS = ['grouping', 'key', 'code', 'name', 'parent_key', 'parent_name', 'hamlets', 'households', 'covered_mobile', 'covered_mobile_share', 'covered_4g_share', 'covered_5g_share', 'covered_ftth_share', 'covered_mobile_household_share', 'ftth_household_ceiling', 'sites', 'shared_sites', 'shared_site_share'];

const rounded = (share: number | null): number | string => (share === null ? '' : Math.round(share * 1e6) / 1e6);

/**
 * One CSV row per unit of every grouping of the report: the grouping, the unit's key and code, its
 * name and its parent's, then its KPIs. Text cells that a spreadsheet would run as a formula are
 * prefixed with `'`.
 * @param groups the report's groups (`report.groups`)
 * @returns CSV text with a header row, UTF-8 (add a BOM when Excel must open it)
 * @example formatGroupsCsv(report.groups).split('\n')[0] // "grouping,key,code,name,parent_key,parent_name,..."
 */
export function formatGroupsCsv(groups: Record<string, GroupKpis[]>): string {
  const rows = Object.keys(groups).flatMap((grouping) =>
    groups[grouping].map((row) => ({
      grouping: defuseFormula(grouping),
      key: defuseFormula(row.key),
      code: defuseFormula(row.code ?? ''),
      name: defuseFormula(row.label),
      parent_key: defuseFormula(row.parentKey ?? ''),
      parent_name: defuseFormula(row.parentLabel ?? ''),
      hamlets: row.hamlets,
      households: row.households,
      covered_mobile: row.coveredMobile,
      covered_mobile_share: rounded(row.coveredMobileShare),
      covered_4g_share: rounded(row.covered4gShare),
      covered_5g_share: rounded(row.covered5gShare),
      covered_ftth_share: rounded(row.coveredFtthShare),
      covered_mobile_household_share: rounded(row.coveredMobileHouseholdShare),
      ftth_household_ceiling: rounded(row.ftthHouseholdCeiling),
      sites: row.sites,
      shared_sites: row.sharedSites,
      shared_site_share: rounded(row.sharedSiteShare),
    })),
  );
  return Papa.unparse(rows, { newline: '\n', columns: GROUP_COLUMNS });
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
        hamlet_id: site.hamletId,
        'marker-color': site.shared ? '#7b3294' : '#999999',
      },
      geometry: { type: 'Point' as const, coordinates: [Math.round(site.lng * 1e6) / 1e6, Math.round(site.lat * 1e6) / 1e6] },
    })),
  };
}
