import type { KpiSet, LayerName } from '../types';
import type { AnnualReport, ReportBlock, ReportCell, ReportRow, ReportSection, ReportTable, ReportText } from './annual-report-model';
import type { SnapshotChange } from './compare-snapshots';
import { buildChangeSection, buildChangeAnnex } from './build-change-section';
import { planAuthorityOn, type PlanGrouping, type PlanProfile } from './plan-profile';
import { CODE_ORDER, coveredHouseholds, hamletUnitKey, sortUnitsByCode, unitDisplayName } from './report-units';
import type { SnapshotGroup, SnapshotHamlet, SnapshotResults } from './plan-snapshot';

/** What the annual report is built from. */
export interface AnnualReportInput {
  profile: PlanProfile;
  /** The engine's results the report is about. */
  results: SnapshotResults;
  /** ISO date the figures stand for (`2024-12-31`). */
  asOf: string;
  /** ISO date of the report. */
  reportDate: string;
  /** The document number; absent or null leaves a blank. */
  number?: string | null;
  /** The earlier snapshot compared with, and the change since it. */
  earlier?: { label: string; asOf: string | null; change: SnapshotChange };
  /** The map pictures at hand: `province` and unit keys. */
  mapKeys?: string[];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

const text = (value: string): ReportCell => ({ kind: 'text', text: value });
const label = (code: string, params?: ReportText['params']): ReportCell => ({ kind: 'label', text: params ? { code, params } : { code } });
const count = (value: number | null): ReportCell => ({ kind: 'count', value });
const share = (value: number | null): ReportCell => ({ kind: 'share', value });
const heading = (code: string, params?: ReportText['params']): ReportText => (params ? { code, params } : { code });

function unitCells(kpis: KpiSet): ReportCell[] {
  return [
    count(kpis.hamlets),
    share(kpis.coveredMobileShare),
    share(kpis.covered4gShare),
    share(kpis.covered5gShare),
    share(kpis.coveredFtthShare),
    count(kpis.households),
    count(coveredHouseholds(kpis)),
    count(kpis.sites),
    count(kpis.sharedSites),
    share(kpis.sharedSiteShare),
  ];
}

const UNIT_COLUMNS = ['annual.col.hamlets', 'annual.col.mobile', 'annual.col.4g', 'annual.col.5g', 'annual.col.ftth', 'annual.col.households', 'annual.col.householdsCovered', 'annual.col.sites', 'annual.col.sharedSites', 'annual.col.sharedShare'];

function targetsSection(input: AnnualReportInput, number: string): ReportSection {
  const targets = input.results.targets;
  const met = targets.filter((target) => target.met === true).length;
  const missing = targets.filter((target) => target.met === null).length;
  const table: ReportTable = {
    kind: 'table',
    id: 'targets',
    columns: ['annual.col.number', 'annual.col.indicator', 'annual.col.target', 'annual.col.value', 'annual.col.status', 'annual.col.source'].map((code) => heading(code)),
    rows: targets.map((target, index) => ({
      key: target.id,
      cells: [count(index + 1), text(target.label), { kind: 'target', comparator: target.comparator, value: target.target, unit: target.unit }, { kind: 'value', value: target.value, unit: target.unit }, { kind: 'met', met: target.met }, { kind: 'source', source: target.source, asOf: input.asOf }],
    })),
  };
  return {
    number,
    title: heading('annual.section.targets'),
    blocks: [{ kind: 'paragraph', text: heading('annual.targets.summary', { total: targets.length, met, notMet: targets.length - met - missing, missing }) }, table],
    subsections: [],
  };
}

function unitTable(input: AnnualReportInput, grouping: PlanGrouping): { table: ReportTable; units: SnapshotGroup[] } {
  const units = sortUnitsByCode(input.results.groups[grouping] ?? []);
  const hasParent = units.some((unit) => unit.parentLabel);
  const rows: ReportRow[] = units.map((unit, index) => ({
    key: unit.key,
    cells: [count(index + 1), text(unit.label ?? unit.key), ...(hasParent ? [text(unit.parentLabel ?? '')] : []), ...unitCells(unit)],
  }));
  rows.push({ key: 'total', isTotal: true, cells: [text(''), label('annual.total'), ...(hasParent ? [text('')] : []), ...unitCells(input.results.kpis)] });
  const columns = ['annual.col.number', `annual.col.unit.${grouping}`, ...(hasParent ? ['annual.col.parent'] : []), ...UNIT_COLUMNS].map((code) => heading(code));
  return { table: { kind: 'table', id: `units-${grouping}`, columns, rows }, units };
}

function unitsSection(input: AnnualReportInput, number: string): ReportSection {
  const maps = new Set(input.mapKeys ?? []);
  const subsections = input.profile.grouping.map((grouping, index): ReportSection => {
    const { table, units } = unitTable(input, grouping);
    const blocks: ReportBlock[] = [table];
    const sitesInUnits = units.reduce((sum, unit) => sum + unit.sites, 0);
    if (sitesInUnits < input.results.kpis.sites) blocks.push({ kind: 'paragraph', text: heading('annual.units.sitesOutside', { count: input.results.kpis.sites - sitesInUnits }) });
    for (const unit of units) if (maps.has(unit.key)) blocks.push({ kind: 'map', key: unit.key, caption: heading('annual.map.unit', { unit: unitDisplayName(unit) }) });
    return { number: String(index + 1), title: heading(`annual.units.title.${grouping}`), blocks, subsections: [] };
  });
  const blocks: ReportBlock[] = maps.has('province') ? [{ kind: 'map', key: 'province', caption: heading('annual.map.province', { area: planAuthorityOn(input.profile, input.asOf).areaName }) }] : [];
  blocks.unshift({ kind: 'paragraph', text: heading('annual.units.intro', { hamlets: input.results.kpis.hamlets, households: input.results.kpis.households }) });
  return { number, title: heading('annual.section.units'), blocks, subsections };
}

function uncoveredAnnex(input: AnnualReportInput, layer: LayerName, number: string): ReportSection {
  const grouping = input.profile.grouping[0];
  const units = sortUnitsByCode(input.results.groups[grouping] ?? []);
  const byUnit = new Map<string, SnapshotHamlet[]>();
  for (const hamlet of input.results.hamlets) {
    if (hamlet.covered[layer]) continue;
    const key = hamletUnitKey(hamlet, grouping);
    const list = byUnit.get(key);
    if (list) list.push(hamlet);
    else byUnit.set(key, [hamlet]);
  }
  const rows: ReportRow[] = [];
  let index = 0;
  let households = 0;
  const known = new Set(units.map((unit) => unit.key));
  const order = [...units.map((unit) => ({ key: unit.key, label: unitDisplayName(unit) })), ...[...byUnit.keys()].filter((key) => !known.has(key)).map((key) => ({ key, label: key }))];
  for (const unit of order) {
    const hamlets = byUnit.get(unit.key);
    if (!hamlets) continue;
    const unitHouseholds = hamlets.reduce((sum, hamlet) => sum + (hamlet.households ?? 0), 0);
    households += unitHouseholds;
    rows.push({ key: unit.key, isGroupHeading: true, cells: [text(''), label('annual.annex.unitHeading', { unit: unit.label, count: hamlets.length }), text(''), count(unitHouseholds)] });
    for (const hamlet of [...hamlets].sort((a, b) => CODE_ORDER.compare(a.id, b.id))) {
      rows.push({ key: hamlet.id, cells: [count(++index), text(hamlet.name), text(hamlet.commune), count(hamlet.households ?? null)] });
    }
  }
  rows.push({ key: 'total', isTotal: true, cells: [text(''), label('annual.totalHamlets', { count: index }), text(''), count(households)] });
  const table: ReportTable = { kind: 'table', id: `annex-uncovered-${layer}`, columns: ['annual.col.number', 'annual.col.hamlet', 'annual.col.commune', 'annual.col.households'].map((code) => heading(code)), rows };
  return { number, title: heading(`annual.annex.uncovered.${layer}`), blocks: index === 0 ? [{ kind: 'paragraph', text: heading('annual.annex.none') }] : [table], subsections: [] };
}

/**
 * Builds the annual report's content from the engine's results: I. the targets (value, target, met,
 * source and date); II. coverage per unit of each of the plan's groupings (the engine's group rows, in
 * code order, with the overall row as total); III. when an earlier snapshot is given, the change since
 * it (overall, per unit, per operator, per target); annexes: the uncovered hamlets per unit with their
 * households (mobile broadband, FTTH), and the hamlets whose coverage changed.
 * @param input plan, results, dates, the earlier snapshot's change, the map pictures at hand
 * @returns the report content (texts by code, numbers as computed)
 * @example buildAnnualReport({ profile: SOC_TRANG_2025_PROFILE, results, asOf: '2024-12-31', reportDate: '2025-01-15' }).sections[0].title.code // 'annual.section.targets'
 */
export function buildAnnualReport(input: AnnualReportInput): AnnualReport {
  const authority = planAuthorityOn(input.profile, input.reportDate);
  const sections = [targetsSection(input, ROMAN[0]), unitsSection(input, ROMAN[1])];
  if (input.earlier) sections.push(buildChangeSection(input.earlier, input.results, input.profile.grouping, ROMAN[2]));
  const annexes = [uncoveredAnnex(input, 'mobile', '1'), uncoveredAnnex(input, 'ftth', '2')];
  if (input.earlier) annexes.push(buildChangeAnnex(input.earlier.change, '3'));
  return {
    demo: input.results.demo,
    header: { governingBody: authority.governingBody, issuingBody: authority.issuingBody, number: input.number ?? null, issuerCode: authority.issuerCode, place: authority.place, date: input.reportDate },
    planTitle: input.profile.title,
    areaName: planAuthorityOn(input.profile, input.asOf).areaName,
    asOf: input.asOf,
    recipient: authority.recipient,
    sections,
    annexes,
  };
}
