import { LAYER_NAMES, type KpiSet } from '../types';
import type { ReportCell, ReportRow, ReportSection, ReportTable, ReportText } from './annual-report-model';
import type { ChangedHamlet, SnapshotChange, UnitChange } from './compare-snapshots';
import { sortUnitsByCode, unitDisplayName } from './report-units';
import type { PlanGrouping } from './plan-profile';
import type { SnapshotResults } from './plan-snapshot';

const text = (value: string): ReportCell => ({ kind: 'text', text: value });
const label = (code: string, params?: ReportText['params']): ReportCell => ({ kind: 'label', text: params ? { code, params } : { code } });
const count = (value: number | null): ReportCell => ({ kind: 'count', value });
const delta = (value: number, unit: 'count' | 'share'): ReportCell => ({ kind: 'delta', value, unit });
const change = (then: number | null, now: number | null, unit: 'count' | 'share'): ReportCell => ({ kind: 'change', then, now, unit });
const heading = (code: string, params?: ReportText['params']): ReportText => (params ? { code, params } : { code });
const columns = (...codes: string[]) => codes.map((code) => heading(code));

/** Then → now of the overall KPIs a reader of the plan follows. */
function kpiTable(then: KpiSet, now: KpiSet): ReportTable {
  const rows: [string, keyof KpiSet, 'count' | 'share'][] = [
    ['annual.kpi.coveredMobile', 'coveredMobile', 'count'],
    ['annual.kpi.coveredMobileShare', 'coveredMobileShare', 'share'],
    ['annual.kpi.covered4g', 'covered4g', 'count'],
    ['annual.kpi.covered5g', 'covered5g', 'count'],
    ['annual.kpi.coveredFtth', 'coveredFtth', 'count'],
    ['annual.kpi.coveredFtthShare', 'coveredFtthShare', 'share'],
    ['annual.kpi.sites', 'sites', 'count'],
    ['annual.kpi.sharedSites', 'sharedSites', 'count'],
    ['annual.kpi.sharedSiteShare', 'sharedSiteShare', 'share'],
  ];
  return {
    kind: 'table',
    id: 'change-kpis',
    columns: columns('annual.col.indicator', 'annual.col.then', 'annual.col.now', 'annual.col.delta'),
    rows: rows.map(([code, key, unit]) => {
      const before = then[key] as number;
      const after = now[key] as number;
      return { key, cells: [label(code), unit === 'share' ? { kind: 'share', value: before } : count(before), unit === 'share' ? { kind: 'share', value: after } : count(after), delta(after - before, unit)] };
    }),
  };
}

function unitChangeCells(unit: Pick<UnitChange, 'newlyCovered' | 'lost' | 'sitesAdded' | 'sitesRemoved' | 'newlyShared'>, then: number | null, now: number | null): ReportCell[] {
  return [count(unit.newlyCovered.mobile), count(unit.lost.mobile), change(then, now, 'share'), count(unit.newlyCovered.ftth), count(unit.lost.ftth), count(unit.sitesAdded), count(unit.sitesRemoved), count(unit.newlyShared)];
}

function unitsTable(grouping: PlanGrouping, change: SnapshotChange): ReportTable {
  const units = sortUnitsByCode(change.units[grouping] ?? []);
  const rows: ReportRow[] = units.map((unit, index) => ({
    key: unit.key,
    cells: [count(index + 1), text(unitDisplayName(unit)), ...unitChangeCells(unit, unit.then?.coveredMobileShare ?? null, unit.now?.coveredMobileShare ?? null)],
  }));
  const total = {
    newlyCovered: { mobile: change.hamlets.newlyCovered.mobile.length, ftth: change.hamlets.newlyCovered.ftth.length },
    lost: { mobile: change.hamlets.lost.mobile.length, ftth: change.hamlets.lost.ftth.length },
    sitesAdded: change.sites.added.length,
    sitesRemoved: change.sites.removed.length,
    newlyShared: change.sites.newlyShared.length,
  } as unknown as UnitChange;
  rows.push({ key: 'total', isTotal: true, cells: [text(''), label('annual.totalAll'), ...unitChangeCells(total, change.kpis.then.coveredMobileShare, change.kpis.now.coveredMobileShare)] });
  return {
    kind: 'table',
    id: `change-units-${grouping}`,
    columns: columns('annual.col.number', `annual.col.unit.${grouping}`, 'annual.col.newlyMobile', 'annual.col.lostMobile', 'annual.col.mobileThenNow', 'annual.col.newlyFtth', 'annual.col.lostFtth', 'annual.col.sitesAdded', 'annual.col.sitesRemoved', 'annual.col.newlyShared'),
    rows,
  };
}

function operatorsTable(change: SnapshotChange): ReportTable {
  return {
    kind: 'table',
    id: 'change-operators',
    columns: columns('annual.col.operator', 'annual.col.sitesThenNow', 'annual.col.sharedThenNow', 'annual.col.sitesJoined', 'annual.col.sitesLeft', 'annual.col.ownMobileThenNow', 'annual.col.ownNewlyMobile', 'annual.col.ownHouseholdsNewly'),
    rows: change.operators.map((operator) => ({
      key: operator.operator,
      cells: [
        text(operator.operator),
        change_(operator.sites),
        change_(operator.sharedSites),
        count(operator.sitesJoined),
        count(operator.sitesLeft),
        change_(operator.hamletsCovered.mobile),
        count(operator.newlyCovered.mobile),
        count(operator.householdsNewlyCovered),
      ],
    })),
  };
}

const change_ = (pair: { then: number; now: number }) => change(pair.then, pair.now, 'count');

function targetsTable(change: SnapshotChange): ReportTable {
  return {
    kind: 'table',
    id: 'change-targets',
    columns: columns('annual.col.number', 'annual.col.indicator', 'annual.col.target', 'annual.col.then', 'annual.col.statusThen', 'annual.col.now', 'annual.col.statusNow'),
    rows: change.targets.map((target, index) => ({
      key: target.id,
      cells: [
        count(index + 1),
        text(target.label),
        { kind: 'target', comparator: target.comparator, value: target.target, unit: target.unit },
        { kind: 'value', value: target.then?.value ?? null, unit: target.unit },
        { kind: 'met', met: target.then?.met ?? null },
        { kind: 'value', value: target.now?.value ?? null, unit: target.unit },
        { kind: 'met', met: target.now?.met ?? null },
      ],
    })),
  };
}

/**
 * Section III of the annual report: what changed since an earlier snapshot — the overall KPIs then and
 * now, per unit of each grouping, per operator, and every target then and now.
 * @param earlier the snapshot's label and date, and the change since it
 * @param results the results the report is about
 * @param groupings the plan's groupings
 * @param number the section's number
 * @returns the section
 * @example buildChangeSection({ label: 'Số liệu đến 31/12/2024', asOf: '2024-12-31', change }, results, ['district'], 'III').subsections.length // 4
 */
export function buildChangeSection(earlier: { label: string; asOf: string | null; change: SnapshotChange }, results: SnapshotResults, groupings: readonly PlanGrouping[], number: string): ReportSection {
  const { change } = earlier;
  const subsections: ReportSection[] = [
    { number: '1', title: heading('annual.change.overall'), blocks: [kpiTable(change.kpis.then, results.kpis)], subsections: [] },
    ...groupings.map((grouping, index): ReportSection => ({ number: String(index + 2), title: heading(`annual.change.units.${grouping}`), blocks: [unitsTable(grouping, change)], subsections: [] })),
    { number: String(groupings.length + 2), title: heading('annual.change.operators'), blocks: [operatorsTable(change)], subsections: [] },
    { number: String(groupings.length + 3), title: heading('annual.change.targets'), blocks: [targetsTable(change)], subsections: [] },
  ];
  const unmatched = change.hamlets.onlyBefore.length + change.hamlets.onlyAfter.length;
  return {
    number,
    title: heading('annual.section.change'),
    blocks: [
      { kind: 'paragraph', text: earlier.asOf ? heading('annual.change.intro', { label: earlier.label, asOf: earlier.asOf }) : heading('annual.change.introNoDate', { label: earlier.label }) },
      ...(unmatched > 0 || change.sites.rematched.length > 0
        ? [{ kind: 'paragraph' as const, text: heading('annual.change.matching', { onlyBefore: change.hamlets.onlyBefore.length, onlyAfter: change.hamlets.onlyAfter.length, rematched: change.sites.rematched.length }) }]
        : []),
    ],
    subsections,
  };
}

/**
 * The annex of hamlets whose coverage changed since the earlier snapshot, per layer: newly covered,
 * then no longer covered.
 * @param change the change
 * @param number the annex's number
 * @returns the annex
 * @example buildChangeAnnex(change, '3').blocks[0].kind // 'table'
 */
export function buildChangeAnnex(change: SnapshotChange, number: string): ReportSection {
  const rows: ReportRow[] = [];
  let index = 0;
  const add = (hamlets: ChangedHamlet[], code: string) => {
    if (hamlets.length === 0) return;
    rows.push({ key: code, isGroupHeading: true, cells: [text(''), label(code, { count: hamlets.length }), text(''), count(hamlets.reduce((sum, hamlet) => sum + (hamlet.households ?? 0), 0))] });
    for (const hamlet of hamlets) rows.push({ key: hamlet.id, cells: [count(++index), text(hamlet.name), text(`${hamlet.commune} — ${hamlet.district}`), count(hamlet.households)] });
  };
  for (const layer of LAYER_NAMES) {
    add(change.hamlets.newlyCovered[layer], `annual.annex.newly.${layer}`);
    add(change.hamlets.lost[layer], `annual.annex.lost.${layer}`);
  }
  const table: ReportTable = { kind: 'table', id: 'annex-change-hamlets', columns: columns('annual.col.number', 'annual.col.hamlet', 'annual.col.communeDistrict', 'annual.col.households'), rows };
  return { number, title: heading('annual.annex.change'), blocks: rows.length === 0 ? [{ kind: 'paragraph', text: heading('annual.annex.noChange') }] : [table], subsections: [] };
}
