import { coveredThresholdOf, coverageStatusOf, evaluateTargets, formatUnitLabel, UNASSIGNED_GROUP_KEY, type CoverageConfig, type CoverageReport, type GroupKpis, type Hamlet, type HamletResult, type IndicatorValue, type KpiSet, type LayerName, type Position, type TargetResult } from '../core';
import { coverageClassLabels } from '../i18n/coverage-classes';
import type { MessageKey } from '../i18n/dictionary';
import { formatIsoDate, formatNumber, formatPercent, formatTargetValue, type Locale } from '../i18n/format';
import { APPROXIMATE_STYLE, COVERAGE_COLORS, FIBRE_COLOR, OUTLINE_COLORS, SITE_COLORS } from '../map/layers/palette';
import type { KpiRow, LegendEntry } from './layout-page';
import { APPROXIMATE_EDGE, fibreRadiusMm, PRINT_ZOOMS, siteRadiusMm } from './vector-map';
import type { Bounds } from './print-scale';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A grouping of hamlets a page can show: a district, an (old) commune, or a post-2025 commune. */
export type UnitGrouping = 'district' | 'commune' | 'new_commune';

export type PrintExtent = { kind: 'province' } | { kind: UnitGrouping; key: string } | { kind: 'view'; bounds: Bounds };

/** Plan targets that belong to each layer's map (the KPI box). */
const LAYER_TARGETS: Record<LayerName, string[]> = {
  mobile: ['mobile-broadband-hamlets', 'shared-sites', 'mobile-subscriptions-per-100', 'smartphone-subscription-share', 'mobile-speed-mbps'],
  '4g': ['mobile-broadband-hamlets', 'shared-sites', 'mobile-speed-mbps'],
  '5g': ['mobile-broadband-hamlets', 'shared-sites', 'mobile-speed-mbps'],
  ftth: ['ftth-hamlets', 'ftth-households', 'fixed-speed-mbps'],
};

/** A unit of the report's grouping: its row (key, code, label, parent, KPIs) and the ids of its hamlets. */
export interface ReportUnit {
  row: GroupKpis;
  hamletIds: Set<string>;
}

/** The rows of a grouping that are units (hamlets without a value are left out), in the report's order. */
export function reportUnits(report: CoverageReport, grouping: UnitGrouping): GroupKpis[] {
  const rows = Object.hasOwn(report.groups, grouping) ? report.groups[grouping] : [];
  return rows.filter((row) => row.key !== UNASSIGNED_GROUP_KEY);
}

/**
 * The unit of a grouping named by its key, its code, or its name. A name is accepted only when one unit
 * has it: "Phường 1" names three communes of Sóc Trăng, and the caller must say which (by code).
 * @returns the unit, or a list of the units that match (none or several)
 */
export function findReportUnit(report: CoverageReport, grouping: UnitGrouping, keyCodeOrName: string): ReportUnit | { matches: GroupKpis[] } {
  const wanted = keyCodeOrName.trim();
  const rows = reportUnits(report, grouping);
  const exact = rows.find((row) => row.key === wanted) ?? rows.find((row) => row.code === wanted);
  const named = exact ? [exact] : rows.filter((row) => row.label === wanted || formatUnitLabel(row) === wanted);
  if (named.length !== 1) return { matches: named };
  const row = named[0];
  const hamletIds = new Set(report.hamlets.filter((result) => result.groupKeys[grouping] === row.key).map((result) => result.id));
  return { row, hamletIds };
}

/** `[minLng, minLat, maxLng, maxLat]` of the hamlets' outer rings, or null for none. */
export function hamletsBounds(hamlets: Hamlet[]): Bounds | null {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const hamlet of hamlets) {
    const polygons = hamlet.geometry.type === 'Polygon' ? [hamlet.geometry.coordinates] : hamlet.geometry.coordinates;
    for (const polygon of polygons) {
      for (const [lng, lat] of polygon[0] ?? []) {
        bounds[0] = Math.min(bounds[0], lng);
        bounds[1] = Math.min(bounds[1], lat);
        bounds[2] = Math.max(bounds[2], lng);
        bounds[3] = Math.max(bounds[3], lat);
      }
    }
  }
  return Number.isFinite(bounds[0]) ? bounds : null;
}

function inBounds(bounds: Bounds, lng: number, lat: number): boolean {
  return lng >= bounds[0] && lng <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
}

/** The latest ISO date among the indicator rows (the data date), or null. */
export function latestDataDate(indicators: IndicatorValue[]): string | null {
  const dates = indicators.map((row) => row.date ?? '').filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date));
  return dates.length > 0 ? dates.sort().at(-1)! : null;
}

export interface LegendInput {
  layer: LayerName;
  zoom: number;
  /** What the page's map frame shows. */
  bounds: Bounds;
  hamlets: Hamlet[];
  report: CoverageReport;
  fibrePoints: { lng: number; lat: number }[];
  fibreRoutes?: { coordinates: Position[] }[];
  hasFadedOutside: boolean;
  /** How many uncovered hamlets carry a number on the map (0 = none). */
  keyCount: number;
  /** False when hexagons are drawn in place of the hamlet fills (the H3 view): no hamlet classes then. */
  hasHamletFills?: boolean;
}

const CSS_PIXEL_MM = 25.4 / 96;

/**
 * Legend entries of exactly what the page's map draws: the coverage classes present, each with its rule
 * for the threshold in force on the layer, boundaries, and the symbols present in the frame.
 */
export function buildPrintLegend(input: LegendInput, t: Translate, locale: Locale): LegendEntry[] {
  const results = new Map(input.report.hamlets.map((result) => [result.id, result]));
  const statuses = new Set<string>();
  let hasApproximate = false;
  for (const hamlet of input.hamlets) {
    const hamletBox = hamletsBounds([hamlet]);
    if (!hamletBox || hamletBox[2] < input.bounds[0] || hamletBox[0] > input.bounds[2] || hamletBox[3] < input.bounds[1] || hamletBox[1] > input.bounds[3]) continue;
    const result = results.get(hamlet.id);
    statuses.add(result ? coverageStatusOf(result, input.layer) : 'noData');
    if (hamlet.approximate === true) hasApproximate = true;
  }
  const entries: LegendEntry[] = [];
  const classes = coverageClassLabels(coveredThresholdOf(input.report.coveredThreshold, input.layer), t, locale);
  const statusEntries = [
    ['covered', classes.covered],
    ['partial', classes.partial],
    ['none', classes.none],
    ['noData', t('legend.noData')],
  ] as const;
  for (const [status, label] of statusEntries) if (input.hasHamletFills !== false && statuses.has(status)) entries.push({ symbol: { kind: 'fill', color: COVERAGE_COLORS[status] }, label });
  if (hasApproximate) entries.push({ symbol: { kind: 'line', color: APPROXIMATE_STYLE.color, widthMm: APPROXIMATE_EDGE.widthMm, dashMm: [...APPROXIMATE_EDGE.dashMm] }, label: t('approx.legend') });
  if (input.hasFadedOutside) entries.push({ symbol: { kind: 'fill', color: '#F2F2F2', outline: '#999999' }, label: t('print.outsideUnit') });
  entries.push({ symbol: { kind: 'line', color: OUTLINE_COLORS.province, widthMm: 2.5 * CSS_PIXEL_MM, dashMm: null }, label: t('print.provinceBoundary') });
  entries.push({ symbol: { kind: 'line', color: OUTLINE_COLORS.district, widthMm: 1.6 * CSS_PIXEL_MM, dashMm: null }, label: t('print.districtBoundary') });
  if (input.zoom >= PRINT_ZOOMS.communeOutline) entries.push({ symbol: { kind: 'line', color: OUTLINE_COLORS.commune, widthMm: CSS_PIXEL_MM, dashMm: [3 * CSS_PIXEL_MM, 2 * CSS_PIXEL_MM] }, label: t('print.communeBoundary') });
  if (input.keyCount > 0) entries.push({ symbol: { kind: 'key', label: '1' }, label: t('print.keyLegend', { count: input.keyCount }) });
  // Each map draws only its own symbols (see `buildMapFrameItems`): fibre on FTTH maps, sites on mobile maps.
  if (input.layer !== 'ftth') {
    const sitesInFrame = input.report.sites.filter((site) => inBounds(input.bounds, site.lng, site.lat));
    if (sitesInFrame.some((site) => site.shared)) {
      entries.push({ symbol: { kind: 'point', color: SITE_COLORS.shared, radiusMm: siteRadiusMm(input.zoom, true), stroke: SITE_COLORS.halo }, label: t('legend.sharedSite') });
    }
    if (sitesInFrame.some((site) => !site.shared)) {
      entries.push({ symbol: { kind: 'point', color: SITE_COLORS.single, radiusMm: siteRadiusMm(input.zoom, false), stroke: SITE_COLORS.halo }, label: t('legend.singleSite') });
    }
  } else {
    if (input.fibrePoints.some((point) => inBounds(input.bounds, point.lng, point.lat))) {
      entries.push({ symbol: { kind: 'point', color: FIBRE_COLOR, radiusMm: fibreRadiusMm(input.zoom), stroke: input.zoom >= 11 ? '#FFFFFF' : FIBRE_COLOR }, label: t('legend.fibre') });
    }
    if ((input.fibreRoutes ?? []).some((route) => route.coordinates.some(([lng, lat]) => inBounds(input.bounds, lng, lat)))) {
      entries.push({ symbol: { kind: 'line', color: FIBRE_COLOR, widthMm: 2 * CSS_PIXEL_MM, dashMm: null }, label: t('legend.fibreRoute') });
    }
  }
  return entries;
}

function targetRow(target: TargetResult, t: Translate, locale: Locale, operatorShareOf: string[] | null): KpiRow {
  const status = target.met === null ? 'missing' : target.met ? 'met' : 'not-met';
  return {
    // With an operator filter the shared-site figure is that operator's own: the label says so.
    label: operatorShareOf ? t('kpi.sharedSitesOfOperators', { operators: operatorShareOf.join(', ') }) : target.label,
    value: formatTargetValue(target.value, target.unit, locale),
    target: `${target.comparator === '>' ? '>' : '≥'} ${formatTargetValue(target.target, target.unit, locale)}`,
    status,
    statusText: status === 'met' ? t('targets.met') : status === 'not-met' ? t('targets.notMet') : '—',
  };
}

const LAYER_SHARE: Record<LayerName, keyof KpiSet> = { mobile: 'coveredMobileShare', '4g': 'covered4gShare', '5g': 'covered5gShare', ftth: 'coveredFtthShare' };

/**
 * KPI box rows: the layer's covered share for 4G and 5G (no plan target of their own), then the plan
 * targets of the layer. For a unit (`group`), only targets computed from geodata are evaluated on the
 * unit's own KPIs; the indicator targets are province-wide and stay off unit pages.
 */
export function buildKpiRows(layer: LayerName, report: CoverageReport, config: Pick<CoverageConfig, 'targets'>, t: Translate, locale: Locale, group: KpiSet | null): KpiRow[] {
  const ids = LAYER_TARGETS[layer];
  const targets = group ? evaluateTargets(group, [], config.targets.filter((target) => target.computedFrom)) : report.targets;
  const rows: KpiRow[] = [];
  if (layer === '4g' || layer === '5g') {
    const kpis = group ?? report.kpis;
    rows.push({ label: t('print.layerShare', { layer: t(`layer.inSentence.${layer}`) }), value: formatPercent(kpis[LAYER_SHARE[layer]] as number, locale), target: '—', status: 'info', statusText: '' });
  }
  for (const id of ids) {
    const target = targets.find((item) => item.id === id);
    const isSharedSiteTarget = config.targets.some((item) => item.id === id && item.computedFrom === 'sharedSiteShare');
    if (target) rows.push(targetRow(target, t, locale, isSharedSiteTarget ? report.operatorFilter : null));
  }
  return rows;
}

/** List lines of a unit's uncovered hamlets, most households first: `Ấp X, Xã Y — 12,5 % · 640 hộ`. */
export function buildUncoveredLines(results: HamletResult[], layer: LayerName, t: Translate, locale: Locale): string[] {
  return results
    .filter((result) => !result.covered[layer])
    .sort((a, b) => (b.households ?? 0) - (a.households ?? 0) || a.id.localeCompare(b.id))
    .map((result) => {
      const households = result.households === undefined ? '' : ` · ${t('print.householdsShort', { count: formatNumber(result.households, locale) })}`;
      return `${result.name}, ${result.commune} — ${formatPercent(result.fraction[layer], locale)}${households}`;
    });
}

/**
 * The uncovered hamlets of a unit with their keys: numbered 1, 2, … most households first, the number
 * the map carries on the hamlet and the list line starts with (`3. Ấp X, Xã Y — 12,5 % · 640 hộ`).
 */
export function buildKeyedUncovered(results: HamletResult[], layer: LayerName, t: Translate, locale: Locale): { keys: Map<string, number>; lines: string[] } {
  const ordered = results.filter((result) => !result.covered[layer]).sort((a, b) => (b.households ?? 0) - (a.households ?? 0) || a.id.localeCompare(b.id));
  const keys = new Map(ordered.map((result, i) => [result.id, i + 1]));
  const lines = buildUncoveredLines(ordered, layer, t, locale).map((line, i) => `${i + 1}. ${line}`);
  return { keys, lines };
}

/** Subtitle: extent, layer, operator filter and data date. */
export function buildSubtitle(parts: { extentLabel: string; layer: LayerName; operators: string[] | null; dataDate: string | null }, t: Translate, locale: Locale): string {
  return [
    parts.extentLabel,
    t('print.layer', { layer: t(`layer.${parts.layer}`) }),
    t('print.operators', { list: parts.operators === null ? t('print.allOperators') : parts.operators.join(', ') || '∅' }),
    t('print.dataDateLine', { date: parts.dataDate ? formatIsoDate(parts.dataDate, locale) : '—' }),
  ].join(' · ');
}
