import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { DEMO_FILE_NOTE } from '../../src/i18n/messages-demo';
import {
  buildCoverageReport,
  createCoverageAnalysis,
  proposeSites,
  withExtraBtsRecords,
  type BtsRecord,
  type CoverageAnalysis,
  type HighsLike,
  type KpiSet,
  type ProposalResult,
  type Technology,
} from '../../src/core';
import { applyMergerTable } from '../../src/core';
import { buildCoverageConfig, DEFAULT_SETTINGS } from '../../src/state/settings-store';
import { closeBrowser } from './browser';
import { AppDriver, recordMeasurement, type ProposalReading } from './driver';
import { loadDemoInput } from './expected-report';

/** The demo input exactly as the app analyses it (merger table applied, no filters, default settings). */
function demoAnalysis(): CoverageAnalysis {
  const { merger, ...demo } = loadDemoInput();
  return createCoverageAnalysis({ ...demo, hamlets: applyMergerTable(demo.hamlets, merger) }, buildCoverageConfig(DEFAULT_SETTINGS));
}

function recordsOf(proposals: ProposalReading[]): BtsRecord[] {
  return proposals.map((proposal) => ({ siteId: proposal.id, operator: proposal.operator, lng: proposal.lng, lat: proposal.lat, technologies: [proposal.technology as Technology], radiusMeters: proposal.radiusMeters }));
}

/** Hamlet ids the engine finds covered (mobile broadband) in a report. */
function coveredIds(kpisOf: ReturnType<typeof buildCoverageReport>): Set<string> {
  return new Set(kpisOf.hamlets.filter((hamlet) => hamlet.covered.mobile).map((hamlet) => hamlet.id));
}

// The demo hamlets read straight from the file, to name the places independently of the app.
type HamletFeature = FeatureCollection<Polygon | MultiPolygon, { id: string; name: string; commune: string; district: string }>['features'][number];
const HAMLETS: HamletFeature[] = JSON.parse(readFileSync(new URL('../../public/geodata/hamlets.geojson', import.meta.url), 'utf8')).features;
const districtsByCommune = new Map<string, Set<string>>();
for (const { properties } of HAMLETS) districtsByCommune.set(properties.commune, (districtsByCommune.get(properties.commune) ?? new Set()).add(properties.district));

/** A commune as people tell it apart: with its town (TX, TP) when its name repeats ("Phường 1, TX Ngã Năm"). */
function communeText(commune: string, district: string): string {
  if ((districtsByCommune.get(commune)?.size ?? 0) < 2) return commune;
  return `${commune}, ${district.replace(/^Thị xã /, 'TX ').replace(/^Thành phố /, 'TP ')}`;
}

function hamletAt(lng: number, lat: number): HamletFeature | undefined {
  return HAMLETS.find((hamlet) => booleanPointInPolygon(point([lng, lat]), hamlet));
}

/** The number of each new tower: 1, 2, 3 … down the list, upgrades skipped. */
function towerNumbers(proposals: ProposalReading[]): Map<string, number> {
  return new Map(proposals.filter((proposal) => proposal.kind === 'new').map((proposal, k) => [proposal.id, k + 1]));
}

describe('site proposals', () => {
  let app: AppDriver;
  let base: CoverageAnalysis;
  let expected: ProposalResult;
  /** The engine's KPIs with the proposals the app lists added to the demo sites. */
  const engineAfter = (proposals: ProposalReading[]): KpiSet => buildCoverageReport(withExtraBtsRecords(base, recordsOf(proposals)), []).kpis;

  beforeAll(async () => {
    base = demoAnalysis();
    const highs = (await highsLoader()) as unknown as HighsLike;
    expected = proposeSites(base, { targetShare: 1, method: 'exact', gridSpacingMeters: 500, technology: '4G', timeLimitSeconds: 10 }, highs);
    app = await AppDriver.open();
  });
  afterAll(async () => {
    await app.close();
    await closeBrowser();
  });

  it('cancels a run without freezing the page, then proposes the engine’s minimum set', async () => {
    await app.startAndCancelProposals();
    // The limit bounds the whole run's wall clock: generous, so a machine busy with other suites
    // still proves the optimum the engine finds without a clock.
    await app.setProposalTimeLimit(120);
    await app.runProposals();
    const summary = await app.readProposalSummary();
    expect(summary.method).toBe('exact');
    expect(summary.isOptimal).toBe(expected.optimal);
    expect(summary.solverCount).toBe(expected.proposals.length);
    expect(summary.greedyCount).toBe(expected.greedy.count);
    const proposals = await app.readProposals();
    expect(proposals).toHaveLength(expected.proposals.length);
    const kpis = await app.readProposalKpis();
    const after = engineAfter(proposals);
    expect(kpis['coverage-mobile'].before).toBe(expected.before.coveredMobileShare);
    expect(kpis['coverage-mobile'].after).toBe(after.coveredMobileShare);
    expect(kpis['coverage-mobile'].after).toBe(expected.after.coveredMobileShare);
    expect(kpis['shared-sites'].after).toBe(after.sharedSiteShare);
    expect(kpis.sites.after).toBe(after.sites);
    expect(kpis['target-all'].after).toBe(expected.target.layers[0].after);
    expect(kpis['target-all'].state).toBe(expected.target.isReduced ? 'not-met' : 'met');
    // Named for people: new towers numbered down the list, with the commune they stand in (by
    // turf, from the hamlet file) and its town where the name repeats; coordinates to 6 decimals.
    const numbers = towerNumbers(proposals);
    let placed = 0;
    for (const proposal of proposals) {
      expect(proposal.name).toMatch(new RegExp(`^Trạm mới số ${numbers.get(proposal.id)} — (Xã|Phường|Thị trấn) .+$`));
      expect(proposal.location).toBe(`${proposal.lat.toFixed(6).replace('.', ',')}° B, ${proposal.lng.toFixed(6).replace('.', ',')}° Đ`);
      const hamlet = hamletAt(proposal.lng, proposal.lat);
      if (!hamlet) continue;
      placed += 1;
      const { name, commune, district } = hamlet.properties;
      expect(proposal.name).toBe(`Trạm mới số ${numbers.get(proposal.id)} — ${communeText(commune, district)}`);
      // The place line names the district once.
      expect(proposal.place).toBe(`${name}, ${commune}, ${district}`);
      const helped = proposal.helped.slice(0, 12).map((id) => HAMLETS.find((item) => item.properties.id === id)!.properties);
      expect(proposal.helpedText.startsWith(helped.map((item) => `${item.name} (${communeText(item.commune, item.district)})`).join(', '))).toBe(true);
    }
    expect(placed).toBeGreaterThan(proposals.length / 2);
    expect(new Set(proposals.map((proposal) => proposal.name)).size).toBe(proposals.length);
    // The demo's best tower stands in one of the three "Phường 1": named with its town, once.
    expect(proposals.some((proposal) => /— Phường \d+, (TX|TP) /.test(proposal.name))).toBe(true);
    for (const proposal of proposals) expect(proposal.name).not.toMatch(/grid:|hamlet:|user:|upgrade:/);
    await app.screenshot('10-proposals');
    recordMeasurement('proposals', { solveMs: summary.solveMs, proposals: proposals.length, greedy: summary.greedyCount, optimal: summary.isOptimal });
  });

  it('re-analyses in the worker when a proposal is dragged on the map', async () => {
    const before = await app.readProposals();
    const previous = await app.readProposalKpis();
    await app.showProposalOnMap(1);
    await app.dragProposalAtMapCentre(220, 140);
    const after = await app.readProposals();
    expect(after).toHaveLength(before.length);
    const dragged = after.find((proposal) => proposal.id === before[0].id)!;
    expect(dragged.kind).toBe('new');
    expect([dragged.lng, dragged.lat]).not.toEqual([before[0].lng, before[0].lat]);
    // The others stay where they were (their ranks may change: the list re-ranks).
    const where = (list: ProposalReading[]) => list.filter((proposal) => proposal.id !== dragged.id).map(({ id, kind, lng, lat }) => ({ id, kind, lng, lat })).sort((a, b) => a.id.localeCompare(b.id));
    expect(where(after)).toEqual(where(before));
    expect(after.map((proposal) => proposal.rank)).toEqual(after.map((_, index) => index + 1));
    const kpis = await app.readProposalKpis();
    const engine = engineAfter(after);
    expect(kpis['coverage-mobile'].after).toBe(engine.coveredMobileShare);
    expect(kpis['coverage-mobile'].after).not.toBe(previous['coverage-mobile'].after);
    const reanalysisMs = await app.proposalReanalysisMs();
    expect(reanalysisMs).toBeGreaterThan(0);
    // A planner's words: seconds in the language's notation, not a developer's milliseconds.
    expect((await app.page.getByTestId('proposals-reanalysis').innerText()).trim()).toMatch(/^Đã tính lại sau chỉnh sửa \(\d+(,\d{1,2})? giây\)$/);
    // Picked before the drag, so the other proposals were folded into the worker's base.
    expect(await app.proposalEditWasPinned()).toBe(true);
    recordMeasurement('proposal-edit', { reanalysisMs, isPinned: true });
    await app.screenshot('11-proposal-dragged');
  });

  it('re-ranks after an edit: the first proposal moved out to sea, where it covers nothing, goes to the end', async () => {
    const before = await app.readProposals();
    const first = before[0];
    await app.moveProposalByKeyboard(first.id, 106.75, 9.2);
    const after = await app.readProposals();
    expect(after.map((proposal) => proposal.rank)).toEqual(after.map((_, index) => index + 1));
    const moved = after.at(-1)!;
    expect(moved.id).toBe(first.id);
    expect(moved.helped).toEqual([]);
    // By the engine alone: 40 km off the coast it brings no hamlet to covered.
    const baseCovered = coveredIds(buildCoverageReport(base, []));
    expect(coveredIds(buildCoverageReport(withExtraBtsRecords(base, recordsOf([moved])), [])).size).toBe(baseCovered.size);
    // Every hamlet the set newly covers is credited to one proposal, and only those.
    const afterCovered = coveredIds(buildCoverageReport(withExtraBtsRecords(base, recordsOf(after)), []));
    const newlyCovered = [...afterCovered].filter((id) => !baseCovered.has(id)).sort();
    const credited = after.flatMap((proposal) => proposal.helped);
    expect([...credited].sort()).toEqual(newlyCovered);
    // The names follow the new ranks: the moved tower, last, takes the last number and no commune
    // (no hamlet is near); every other tower moves up a number and keeps its commune.
    const numbers = towerNumbers(after);
    expect(moved.name).toBe(`Trạm mới số ${numbers.get(moved.id)}`);
    const placeOf = (name: string) => name.replace(/^Trạm mới số \d+/, '');
    for (const proposal of after.slice(0, -1)) {
      expect(proposal.name).toBe(`Trạm mới số ${numbers.get(proposal.id)}${placeOf(before.find((known) => known.id === proposal.id)!.name)}`);
    }
    expect(after[0].name.startsWith('Trạm mới số 1 — ')).toBe(true);
    expect(after[0].id).not.toBe(first.id);
    expect(moved.location).toBe('9,200000° B, 106,750000° Đ');
  });

  it('adds a site where the map is clicked and deletes one, with the engine’s KPIs each time', async () => {
    const before = await app.readProposals();
    await app.addProposalOnMap(-60, 0);
    const editMs = [await app.proposalReanalysisMs()];
    const added = await app.readProposals();
    expect(added).toHaveLength(before.length + 1);
    const newcomer = added.find((proposal) => !before.some((known) => known.id === proposal.id))!;
    // No operator is chosen: the site the planner adds is a shared tower.
    expect(newcomer).toMatchObject({ kind: 'new', technology: '4G', radiusMeters: DEFAULT_SETTINGS.radiiMeters['4G'], operator: 'Dùng chung', makesShared: true });
    expect((await app.readProposalKpis())['coverage-mobile'].after).toBe(engineAfter(added).coveredMobileShare);
    await app.deleteProposal(2);
    editMs.push(await app.proposalReanalysisMs());
    const left = await app.readProposals();
    expect(left.map((proposal) => proposal.id).sort()).toEqual(added.filter((_, index) => index !== 1).map((proposal) => proposal.id).sort());
    expect(left.map((proposal) => proposal.rank)).toEqual(left.map((_, index) => index + 1));
    const kpis = await app.readProposalKpis();
    expect(kpis['coverage-mobile'].after).toBe(engineAfter(left).coveredMobileShare);
    expect(kpis.sites.after).toBe(engineAfter(left).sites);
    expect(kpis['shared-sites'].after).toBe(engineAfter(left).sharedSiteShare);
    await app.addProposalByKeyboard(105.972, 9.603);
    const typed = await app.readProposals();
    expect(typed.find((proposal) => !left.some((known) => known.id === proposal.id))).toMatchObject({ lng: 105.972, lat: 9.603, kind: 'new' });
    expect((await app.readProposalKpis()).sites.after).toBe(engineAfter(typed).sites);
    editMs.push(await app.proposalReanalysisMs());
    recordMeasurement('proposal-edits', { addMs: editMs[0], deleteMs: editMs[1], typedAddMs: editMs[2] });
  });

  it('keeps the edited proposal set after a reload', async () => {
    const before = await app.readProposals();
    const kpis = await app.readProposalKpis();
    await app.reload();
    await app.waitForProposalsEvaluated();
    expect(await app.readProposals()).toEqual(before);
    expect((await app.readProposalKpis())['coverage-mobile'].after).toBe(kpis['coverage-mobile'].after);
  });

  it('proposes the fewest upgrades that bring the shared-site ratio over the plan’s 30 %', async () => {
    const baseKpis = buildCoverageReport(base, []).kpis;
    // Over 30 %: the smallest whole number of shared sites above 0.3 · sites, each one upgrade.
    const needed = Math.floor(0.3 * baseKpis.sites + 1e-9) + 1 - baseKpis.sharedSites;
    expect(needed).toBeGreaterThan(0);
    await app.setProposalAim('shared', 30);
    await app.runProposals();
    const proposals = await app.readProposals();
    expect(proposals).toHaveLength(needed);
    for (const proposal of proposals) expect(proposal).toMatchObject({ kind: 'upgrade', makesShared: true });
    // Named after the host site, with the operator it adds and the commune.
    for (const proposal of proposals) expect(proposal.name).toMatch(new RegExp(`^Nâng cấp trạm ${proposal.id.split(':')[1]} \\(thêm ${proposal.operator}\\) — (Xã|Phường|Thị trấn) .+$`));
    const kpis = await app.readProposalKpis();
    const engine = engineAfter(proposals);
    expect(kpis['shared-sites'].before).toBe(baseKpis.sharedSiteShare);
    expect(kpis['shared-sites'].after).toBe(engine.sharedSiteShare);
    expect(engine.sharedSiteShare).toBe((baseKpis.sharedSites + needed) / baseKpis.sites);
    expect(engine.sharedSiteShare).toBeGreaterThan(0.3);
    expect(kpis['shared-sites'].state).toBe('met');
    expect(kpis['target-all']).toBeUndefined();
    const status = await app.readProposalStatus();
    expect(['optimal', 'time-limit']).toContain(status.status);
    expect(status.text).not.toMatch(/HiGHS|greedy|worker|tham lam/i);
    const summary = await app.readProposalSummary();
    recordMeasurement('proposals-shared', { solveMs: summary.solveMs, proposals: proposals.length, status: status.status });
    await app.screenshot('12-proposals-shared');
  });

  it('exports CSV and GeoJSON that the site import reads back to the same coverage', async () => {
    const proposals = await app.readProposals();
    const kpis = await app.readProposalKpis();
    const geojson = await app.exportProposals('geojson');
    expect(geojson.name).toBe('de-xuat-tram-minh-hoa.geojson');
    expect(JSON.parse(geojson.text).features).toHaveLength(proposals.length);
    expect(JSON.parse(geojson.text)).toMatchObject({ demo: true, note: DEMO_FILE_NOTE });
    const csv = await app.exportProposals('csv');
    expect(csv.name).toBe('de-xuat-tram-minh-hoa.csv');
    const report = await app.importFile('sites', csv.name, csv.text, 'add');
    expect(report).toContain(`Số dòng dùng: ${proposals.length}`);
    const shown = await app.readKpis();
    expect(shown.coveredMobileShare).toBe(kpis['coverage-mobile'].after);
    expect(shown.sites).toBe(kpis.sites.after);
    expect(shown.sharedSiteShare).toBe(kpis['shared-sites'].after);
  });

  it('speaks English when switched', async () => {
    await app.switchLanguage('en');
    await app.openPanel('proposals');
    await expect(app.page.getByTestId('tab-proposals').innerText()).resolves.toBe('Proposals');
    await expect(app.page.getByTestId('proposals-run').innerText()).resolves.toBe('Run');
    await expect(app.page.getByTestId('proposal-list').innerText()).resolves.toContain('Households gained');
    await app.switchLanguage('vi');
    await expect(app.page.getByTestId('proposals-run').innerText()).resolves.toBe('Chạy đề xuất');
  });

  it('forgets the proposals with everything else on "back to demo data"', async () => {
    await app.backToDemoData();
    expect(await app.readProposals()).toEqual([]);
    await app.reload();
    expect(await app.readProposals()).toEqual([]);
  });

  it('logs no page error', () => {
    expect(app.errors()).toEqual([]);
  });
});
