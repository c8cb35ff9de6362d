import { beforeEach, describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, DEFAULT_CONFIG, derivePlanProfile, snapshotResultsOf, SOC_TRANG_2025_PROFILE, type CoverageInput, type Hamlet } from '../core';
import { DEFAULT_SETTINGS } from './settings-store';
import { buildProjectFile, parseProjectFile } from './project-file';
import { selectChange, snapshotIdFor, usePlanStore, type StoredSnapshot } from './plan-store';

const square = (id: string, lng: number): Hamlet => ({
  id,
  name: `Ấp ${id}`,
  commune: 'Xã A',
  district: 'Huyện X',
  households: 100,
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[lng, 9.6], [lng + 0.01, 9.6], [lng + 0.01, 9.61], [lng, 9.61], [lng, 9.6]]] },
});
const input = (sites: [string, number][]): CoverageInput => ({
  hamlets: [square('H1', 105.9), square('H2', 106.0)],
  btsRecords: sites.map(([siteId, lng]) => ({ siteId, operator: 'Viettel', lng, lat: 9.605, technologies: ['4G'] })),
  fibrePoints: [],
  fibreRoutes: [],
  indicators: [],
});
const reportOf = (sites: [string, number][]) => buildCoverageReport(createCoverageAnalysis(input(sites), DEFAULT_CONFIG));
const snapshot = (id: string, asOf: string, sites: [string, number][]): StoredSnapshot => ({ id, asOf, label: `Số liệu đến ${asOf}`, savedAt: `${asOf}T10:00:00.000Z`, planId: 'soc-trang-2025', results: snapshotResultsOf(reportOf(sites)) });
const settings = { coveredThreshold: { mobile: 0.5, ftth: 0.1 }, matchMeters: 30 };

beforeEach(() => usePlanStore.getState().actions.reset());

describe('plan store', () => {
  it('keeps snapshots in date order and compares with the latest by default, against the current data', () => {
    const { actions } = usePlanStore.getState();
    actions.addSnapshot(snapshot('2024-12-31', '2024-12-31', [['A', 105.905]]));
    actions.addSnapshot(snapshot('2023-12-31', '2023-12-31', []));
    const state = usePlanStore.getState();
    expect(state.snapshots.map((item) => item.id)).toEqual(['2023-12-31', '2024-12-31']);
    // The first snapshot saved is compared with until another is chosen.
    expect(state.comparison).toEqual({ beforeId: '2024-12-31', afterId: null });
    actions.setComparison({ beforeId: '2023-12-31' });
    const change = selectChange(usePlanStore.getState(), reportOf([['A', 105.905], ['B', 106.005]]), settings);
    expect(change?.hamlets.newlyCovered.mobile.map((hamlet) => hamlet.id)).toEqual(['H1', 'H2']);
    actions.setComparison({ beforeId: '2024-12-31' });
    const later = selectChange(usePlanStore.getState(), reportOf([['B', 106.005]]), settings);
    expect([later?.hamlets.newlyCovered.mobile.map((hamlet) => hamlet.id), later?.hamlets.lost.mobile.map((hamlet) => hamlet.id)]).toEqual([['H2'], ['H1']]);
    actions.removeSnapshot('2024-12-31');
    expect(usePlanStore.getState().comparison.beforeId).toBe('2023-12-31');
    actions.removeSnapshot('2023-12-31');
    expect(usePlanStore.getState().comparison.beforeId).toBe(null);
  });

  it('gives a second snapshot of the same date its own id', () => {
    expect(snapshotIdFor('2024-12-31', [{ id: '2024-12-31' }, { id: '2024-12-31-2' }])).toBe('2024-12-31-3');
  });

  it('travels in the project file: the plan and every snapshot, refused item by item when broken', () => {
    const plan = derivePlanProfile(SOC_TRANG_2025_PROFILE, { id: 'can-tho-2030', startYear: 2026, horizonYear: 2030, grouping: ['new_commune'] });
    const layers = { hamlets: input([]).hamlets, btsRecords: [], fibrePoints: [], fibreRoutes: [], indicators: [], enteredIndicators: [], merger: [] };
    const origin = { hamlets: 'imported', btsRecords: 'empty', fibrePoints: 'empty', fibreRoutes: 'empty', indicators: 'empty', enteredIndicators: 'empty', merger: 'empty' } as const;
    const kept = { ...snapshot('2025-12-31', '2025-12-31', [['A', 105.905]]), layers };
    const written = buildProjectFile({ layers, origin, settings: DEFAULT_SETTINGS, plan, snapshots: [kept] }, '2026-01-05T08:00:00.000Z');
    const read = parseProjectFile(JSON.stringify(written));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.project.plan).toEqual(plan);
    const [readBack] = read.project.snapshots ?? [];
    expect(readBack.layers).toEqual(layers);
    expect([readBack.id, readBack.asOf, readBack.label]).toEqual([kept.id, kept.asOf, kept.label]);
    expect(readBack.results.hamlets.map((hamlet) => [hamlet.id, hamlet.covered])).toEqual(kept.results.hamlets.map((hamlet) => [hamlet.id, hamlet.covered]));
    expect(readBack.results.targets).toEqual(kept.results.targets);
    expect(readBack.results.kpis).toEqual(kept.results.kpis);
    const broken = JSON.parse(JSON.stringify(written));
    broken.plan.horizonYear = 2020;
    broken.snapshots[0].results.hamlets[1].covered.mobile = 'yes';
    broken.snapshots[0].layers.hamlets[0].geometry = null;
    const refused = parseProjectFile(JSON.stringify(broken));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((problem) => problem.path)).toEqual(['plan.horizonYear', 'snapshots[0].results.hamlets[1].covered.mobile']);
    delete broken.snapshots[0].results.hamlets[1].covered;
    broken.snapshots[0].results.hamlets[1].covered = { mobile: true, '4g': true, '5g': false, ftth: false };
    broken.plan.horizonYear = 2030;
    const layerProblem = parseProjectFile(JSON.stringify(broken));
    expect(layerProblem.ok === false && layerProblem.problems.map((problem) => problem.path)).toEqual(['snapshots[0].layers.hamlets[0].geometry']);
  });
});
