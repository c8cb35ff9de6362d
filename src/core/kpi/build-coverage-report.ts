import { listOf } from '../messages';
import type { CoverageAnalysis } from '../analyze-coverage';
import type { LayerKey } from '../coverage/coverage-shapes';
import type { CoverageReport, HamletResult, LayerName, ReportSite, Warning } from '../types';
import { groupHamlets } from '../admin/group-hamlets';
import { computeGroupKpis, computeKpis } from './compute-kpis';
import { isCoveredFraction } from './coverage-status';
import { evaluateTargets } from './evaluate-targets';
import { createPointLayerQuery } from '../coverage/point-layer-query';

/** Sites listed by id in a warning; the rest are counted. */
const LISTED_SITES = 10;

function outsideSiteWarnings(sites: ReportSite[]): Warning[] {
  const outside = sites.filter((site) => site.hamletId === null);
  if (outside.length === 0) return [];
  return [{ code: 'site-outside-hamlets', params: { count: outside.length, sites: listOf(outside.map((site) => site.id), { quoted: false, max: LISTED_SITES }) } }];
}

/** Where one operator's mobile layers are in a row of the fractions matrix (-1: no such layer, reads 0). */
interface OperatorColumns {
  operator: string;
  mobile: number;
  at4g: number;
  at5g: number;
}

/** Each operator with layers of its own, in the order of its first layer; a repeated layer key counts at its last place. */
function operatorColumnsOf(layerKeys: LayerKey[]): OperatorColumns[] {
  const columns: OperatorColumns[] = [];
  layerKeys.forEach((key, l) => {
    if (key.operator === null || key.layer === 'ftth') return;
    let entry = columns.find((column) => column.operator === key.operator);
    if (!entry) columns.push((entry = { operator: key.operator, mobile: -1, at4g: -1, at5g: -1 }));
    if (key.layer === 'mobile') entry.mobile = l;
    else if (key.layer === '4g') entry.at4g = l;
    else entry.at5g = l;
  });
  return columns;
}

/** A fraction of the matrix row at `row`; 0 for a layer that is not there (-1). */
function cellOf(fractions: Float64Array, row: number, layer: number): number {
  return layer < 0 ? 0 : fractions[row + layer];
}

/**
 * An empty record without a prototype, for keys taken from the data (operators, grouping fields).
 * `Object.create(null)` gives the same object in V8's slow dictionary form; a plain literal whose
 * prototype is then dropped keeps the fast form, and the 80,000 rows of a country report share
 * one layout. Same keys, same order, no prototype either way.
 */
function createRecord<T>(): Record<string, T> {
  return Object.setPrototypeOf({}, null) as Record<string, T>;
}

/**
 * The report's sites: with an operator filter, the sites that host a chosen operator (found among every
 * operator's records, so co-location with other operators is kept); each with the hamlet it stands in.
 */
function reportSites(analysis: CoverageAnalysis): { sites: ReportSite[]; siteHamlets: number[] } {
  const chosen = analysis.input.operatorFilter ? new Set(analysis.input.operatorFilter.operators) : null;
  const sites: ReportSite[] = [];
  const siteHamlets: number[] = [];
  analysis.sites.forEach((site, s) => {
    if (chosen !== null && !site.operators.some((operator) => chosen.has(operator))) return;
    const h = analysis.siteHamlets[s];
    // One literal of a fixed shape (a spread makes a larger object, and a million of them count).
    const { id, lng, lat, operators, technologies, recordSiteIds, shared } = site;
    sites.push({ id, lng, lat, operators, technologies, recordSiteIds, shared, hamletId: h < 0 ? null : analysis.input.hamlets[h].id });
    siteHamlets.push(h);
  });
  return { sites, siteHamlets };
}

/**
 * Builds the report of an analysis: per-hamlet results, overall KPIs, KPIs per unit of each grouping
 * (keyed by code where the hamlet layer has one; see `groupHamlets`), the plan targets, and every site
 * with the hamlet it stands in. Records keyed by data values (per-operator fractions, groups, group keys)
 * are null-prototype objects: no operator or field name can reach `Object.prototype`.
 * @param analysis the analysis
 * @param groupBy groupings: `district`, `commune`, `new_commune` (post-2025 communes, from `new_code` /
 *   `new_name`) or any hamlet property; repeated names are used once
 * @returns the report (shares are numbers in [0, 1])
 * @example buildCoverageReport(analysis, ['district', 'commune', 'new_commune']).groups.commune[0].label
 */
export function buildCoverageReport(analysis: CoverageAnalysis, groupBy: string[] = ['district', 'commune']): CoverageReport {
  const { input, config, layerKeys, fractions } = analysis;
  const layerCount = layerKeys.length;
  const overall = (layer: LayerName) => Math.max(0, layerKeys.findIndex((key) => key.operator === null && key.layer === layer));
  const [mobileAt, at4g, at5g, ftthAt] = [overall('mobile'), overall('4g'), overall('5g'), overall('ftth')];
  const operatorColumns = operatorColumnsOf(layerKeys);
  const { mobile: mobileThreshold, ftth: ftthThreshold } = config.coveredThreshold;
  const groupings = [...new Set(groupBy)].map((field) => groupHamlets(input.hamlets, field));
  // The point rule, for hamlets that carry a point: the engine's own shapes, tested at the point.
  const layersAt = input.hamlets.some((hamlet) => hamlet.point !== undefined) ? createPointLayerQuery(analysis.extra ? [analysis.base, analysis.extra] : [analysis.base]) : null;
  const bitOf = (at: number) => (layerKeys.length > 0 && layerKeys[at].operator === null ? 1 << at : 0);
  const [mobileBit, bit4g, bit5g, ftthBit] = [bitOf(mobileAt), bitOf(at4g), bitOf(at5g), bitOf(ftthAt)];
  // Plain literals in a plain loop: at country scale this builds 80,000 results.
  const hamlets: HamletResult[] = new Array(input.hamlets.length);
  for (let h = 0; h < input.hamlets.length; h++) {
    const hamlet = input.hamlets[h];
    const row = h * layerCount;
    const fraction = { mobile: fractions[row + mobileAt], '4g': fractions[row + at4g], '5g': fractions[row + at5g], ftth: fractions[row + ftthAt] };
    const covered = {
      mobile: isCoveredFraction(fraction.mobile, mobileThreshold),
      '4g': isCoveredFraction(fraction['4g'], mobileThreshold),
      '5g': isCoveredFraction(fraction['5g'], mobileThreshold),
      ftth: isCoveredFraction(fraction.ftth, ftthThreshold),
    };
    const operatorFraction: HamletResult['operatorFraction'] = createRecord();
    for (const column of operatorColumns) {
      operatorFraction[column.operator] = { mobile: cellOf(fractions, row, column.mobile), '4g': cellOf(fractions, row, column.at4g), '5g': cellOf(fractions, row, column.at5g) };
    }
    const groupKeys: HamletResult['groupKeys'] = createRecord();
    for (const grouping of groupings) groupKeys[grouping.field] = grouping.keys[h];
    // Keys in the report's order: households and population only when known.
    const result = { id: hamlet.id, name: hamlet.name, commune: hamlet.commune, district: hamlet.district } as HamletResult;
    if (hamlet.households !== undefined) result.households = hamlet.households;
    if (hamlet.population !== undefined) result.population = hamlet.population;
    result.areaKm2 = analysis.prepared[h].areaM2 / 1e6;
    result.fraction = fraction;
    result.covered = covered;
    result.operatorFraction = operatorFraction;
    result.groupKeys = groupKeys;
    if (hamlet.approximate === true) result.approximate = true;
    if (layersAt !== null && hamlet.point !== undefined) {
      const mask = layersAt(hamlet.point[0], hamlet.point[1], mobileBit | bit4g | bit5g | ftthBit);
      result.pointCovered = { mobile: (mask & mobileBit) !== 0, '4g': (mask & bit4g) !== 0, '5g': (mask & bit5g) !== 0, ftth: (mask & ftthBit) !== 0 };
    }
    hamlets[h] = result;
  }
  const { sites, siteHamlets } = reportSites(analysis);
  const kpis = computeKpis(hamlets, sites);
  const groups: CoverageReport['groups'] = Object.create(null);
  for (const grouping of groupings) groups[grouping.field] = computeGroupKpis(hamlets, grouping, sites, siteHamlets);
  const warnings = [...analysis.warnings.filter((warning) => warning.code !== 'site-outside-hamlets'), ...groupings.flatMap((grouping) => grouping.warnings), ...outsideSiteWarnings(sites)];
  return {
    demo: input.demo === true,
    kpis,
    hamlets,
    groups,
    targets: evaluateTargets(kpis, input.indicators, config.targets),
    sites,
    warnings,
    coveredThreshold: { mobile: mobileThreshold, ftth: ftthThreshold },
    operatorFilter: input.operatorFilter ? [...input.operatorFilter.operators] : null,
  };
}
