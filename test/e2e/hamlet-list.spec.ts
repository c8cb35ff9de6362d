import { describe, expect, it } from 'vitest';
import { hamletBounds } from '../../src/map/map-data';
import { closeBrowser } from './browser';
import { AppDriver, openAppForSuite } from './driver';
import { computeExpectedReport, loadDemoInput } from './expected-report';

describe('uncovered hamlet list', () => {
  const app = openAppForSuite();
  const expected = computeExpectedReport();

  it('lists the hamlets the engine finds not covered, most households first', async () => {
    await app.openPanel('hamlets');
    const uncovered = expected.hamlets.filter((hamlet) => !hamlet.covered.mobile);
    await expect(app.page.getByTestId('list-count').getAttribute('data-value')).resolves.toBe(String(uncovered.length));
    const mostHouseholds = [...uncovered].sort((a, b) => (b.households ?? 0) - (a.households ?? 0) || a.id.localeCompare(b.id))[0];
    await expect(app.page.getByTestId('uncovered-hamlet').first().getAttribute('data-id')).resolves.toBe(mostHouseholds.id);
  });

  it('zooms to a hamlet clicked in the list and shows its details', async () => {
    const zoomBefore = app.urlState().view?.zoom ?? 0;
    const { id, name } = await app.zoomToFirstUncoveredHamlet();
    const view = app.urlState().view!;
    const hamlet = loadDemoInput().hamlets.find((item) => item.id === id)!;
    const [minLng, minLat, maxLng, maxLat] = hamletBounds(hamlet)!;
    expect(view.zoom).toBeGreaterThan(zoomBefore + 1.5);
    expect(view.center[0]).toBeGreaterThan(minLng);
    expect(view.center[0]).toBeLessThan(maxLng);
    expect(view.center[1]).toBeGreaterThan(minLat);
    expect(view.center[1]).toBeLessThan(maxLat);
    expect(await app.detailsTitle()).toContain(name);
    await app.screenshot('04-hamlet-zoom-details');
  });
});

describe('clicking a site on the map', () => {
  it('shows its operators, technologies and whether it is shared', async () => {
    const site = computeExpectedReport().sites.find((item) => item.shared)!;
    const app = await AppDriver.open(`#map=16/${site.lat}/${site.lng}`);
    try {
      await app.clickMapCentre();
      const text = await app.detailsText();
      expect(await app.detailsTitle()).toBe(`Trạm: ${site.id}`);
      expect(text).toContain(site.operators.join(', '));
      expect(text).toContain(site.technologies.join(', '));
      expect(text).toMatch(/Dùng chung\s+Có/);
      await app.screenshot('09-site-details');
    } finally {
      await app.close();
      await closeBrowser();
    }
  });
});
