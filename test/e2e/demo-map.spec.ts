import { describe, expect, it } from 'vitest';
import { en, vi } from '../../src/i18n/dictionary';
import { formatPercent } from '../../src/i18n/format';
import { recordMeasurement, openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';

describe('demo data on first load', () => {
  const app = openAppForSuite();
  const expected = computeExpectedReport();

  it('draws the analysed map (canvas not blank) and says the data is demo data', async () => {
    const stats = await app.mapPixelStats();
    expect(stats.paintedShare).toBeGreaterThan(0.2);
    expect(stats.colours).toBeGreaterThan(8);
    // Once: what in the demo is real and what is generated.
    await expect(app.page.getByTestId('demo-banner').innerText()).resolves.toBe(`Dữ liệu minh họa: ${vi['demo.notice']}`);
    await app.screenshot('01-demo-map-kpi');
    recordMeasurement('demo-first-load', { ...(await app.timings()), mapPaintedShare: stats.paintedShare });
  });

  it('draws the district boundaries and names after the first frame, which has the coloured hamlets and the sites', async () => {
    const view = app.page.getByTestId('map');
    // The first frame is measured against a bare MapLibre page (bench:first-map); the rest follows it.
    await app.page.waitForFunction(() => performance.getEntriesByName('map-complete-draw').length > 0, null, { timeout: 60_000 });
    await expect.poll(async () => Number(await view.getAttribute('data-boundaries-drawn')), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(Number(await view.getAttribute('data-unit-names-drawn'))).toBeGreaterThan(0);
    const marks = await app.page.evaluate(() => Object.fromEntries(['first-map-draw', 'map-complete', 'map-complete-draw'].map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? -1])));
    expect(marks['map-complete']).toBeGreaterThanOrEqual(marks['first-map-draw']);
    expect(marks['map-complete-draw']).toBeGreaterThan(marks['map-complete']);
  });

  it('shows the engine’s KPIs for the same data, in Vietnamese number format', async () => {
    expect(await app.readKpis()).toEqual({
      hamlets: expected.kpis.hamlets,
      sites: expected.kpis.sites,
      coveredMobileShare: expected.kpis.coveredMobileShare,
      covered4gShare: expected.kpis.covered4gShare,
      covered5gShare: expected.kpis.covered5gShare,
      coveredFtthShare: expected.kpis.coveredFtthShare,
      sharedSiteShare: expected.kpis.sharedSiteShare,
    });
    expect(await app.readKpiText('kpi-coverage-mobile')).toContain(formatPercent(expected.kpis.coveredMobileShare, 'vi'));
  });

  it('shows every plan target with the engine’s value and met / not met', async () => {
    const shown = await app.readTargets();
    const wanted = Object.fromEntries(expected.targets.map((target) => [target.id, { value: target.value, state: target.met === null ? 'missing' : target.met ? 'met' : 'not-met' }]));
    expect(shown).toEqual(wanted);
  });

  it('groups by post-July-2025 commune through the real merger table', async () => {
    await app.page.getByTestId('group-by').selectOption('new_commune');
    const rows = await app.page.locator('[data-testid="group-table"] tbody tr').count();
    expect(rows).toBe(expected.groups.new_commune.length);
    await app.screenshot('02-groups-new-commune');
  });

  it('switches to English number format and back', async () => {
    await app.switchLanguage('en');
    expect(await app.readKpiText('kpi-coverage-mobile')).toContain(formatPercent(expected.kpis.coveredMobileShare, 'en'));
    await expect(app.page.getByTestId('demo-banner').innerText()).resolves.toBe(`Demo data: ${en['demo.notice']}`);
    await app.screenshot('08-english');
    await app.switchLanguage('vi');
    expect(await app.readKpiText('kpi-coverage-mobile')).toContain(formatPercent(expected.kpis.coveredMobileShare, 'vi'));
  });

  it('makes no request off the page’s origin', () => {
    expect(app.offOriginRequests()).toEqual([]);
    expect(app.errors()).toEqual([]);
  });
});
