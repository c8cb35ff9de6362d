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
    expect(after[0].id).toBe(before[0].id);
    expect(after[0].kind).toBe('new');
    expect([after[0].lng, after[0].lat]).not.toEqual([before[0].lng, before[0].lat]);
    expect(after.slice(1)).toEqual(before.slice(1));
    const kpis = await app.readProposalKpis();
    const engine = engineAfter(after);
    expect(kpis['coverage-mobile'].after).toBe(engine.coveredMobileShare);
    expect(kpis['coverage-mobile'].after).not.toBe(previous['coverage-mobile'].after);
    const reanalysisMs = await app.proposalReanalysisMs();
    expect(reanalysisMs).toBeGreaterThan(0);
    // Picked before the drag, so the other proposals were folded into the worker's base.
    expect(await app.proposalEditWasPinned()).toBe(true);
    recordMeasurement('proposal-edit', { reanalysisMs, isPinned: true });
    await app.screenshot('11-proposal-dragged');
  });

  it('adds a site where the map is clicked and deletes one, with the engine’s KPIs each time', async () => {
    const before = await app.readProposals();
    await app.addProposalOnMap(-60, 0);
    const editMs = [await app.proposalReanalysisMs()];
    const added = await app.readProposals();
    expect(added).toHaveLength(before.length + 1);
    expect(added.at(-1)).toMatchObject({ kind: 'new', technology: '4G', radiusMeters: DEFAULT_SETTINGS.radiiMeters['4G'] });
    expect((await app.readProposalKpis())['coverage-mobile'].after).toBe(engineAfter(added).coveredMobileShare);
    await app.deleteProposal(2);
    editMs.push(await app.proposalReanalysisMs());
    const left = await app.readProposals();
    expect(left.map((proposal) => proposal.id)).toEqual(added.filter((_, index) => index !== 1).map((proposal) => proposal.id));
    const kpis = await app.readProposalKpis();
    expect(kpis['coverage-mobile'].after).toBe(engineAfter(left).coveredMobileShare);
    expect(kpis.sites.after).toBe(engineAfter(left).sites);
    await app.addProposalByKeyboard(105.972, 9.603);
    const typed = await app.readProposals();
    expect(typed.at(-1)).toMatchObject({ lng: 105.972, lat: 9.603, kind: 'new' });
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
