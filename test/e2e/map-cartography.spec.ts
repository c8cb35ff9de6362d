import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser } from './browser';
import { AppDriver } from './driver';

describe('the map reads on a laptop screen', () => {
  let app: AppDriver;

  beforeAll(async () => {
    app = await AppDriver.open('', { width: 1366, height: 768 });
    await app.waitForLegendPlaced();
  });
  afterAll(async () => {
    await app.close();
    await closeBrowser();
  });

  it('places the legend where it hides no uncovered hamlet at the first view (1366 × 768)', async () => {
    // A free corner exists, so the legend stays open (it folds only when every corner would hide some).
    expect(await app.page.getByTestId('legend').getAttribute('data-collapsed')).toBe('false');
    const { underLegend, onMap } = await app.readUncoveredUnderLegend();
    // The first view shows the uncovered hamlets of the south-west; none of them lies under the legend.
    expect(onMap).toBeGreaterThan(2000);
    expect(underLegend).toBe(0);
  });

  it('lists what the map draws: the classes present, sites on the mobile map, fibre points (and no sites) on the FTTH map', async () => {
    const mobile = await app.readLegendEntries();
    expect(mobile).toEqual(expect.arrayContaining(['legend-class-covered', 'legend-class-partial', 'legend-class-none', 'legend-shared-site', 'legend-single-site']));
    expect(mobile).not.toContain('legend-fibre');
    // Every hamlet has a result: the "no result" class is not listed.
    expect(mobile).not.toContain('legend-class-noData');
    await app.chooseLayer('ftth');
    await app.waitForLegendPlaced();
    const ftth = await app.readLegendEntries();
    expect(ftth).toContain('legend-fibre');
    expect(ftth.filter((entry) => entry.endsWith('-site'))).toEqual([]);
    expect((await app.readUncoveredUnderLegend()).underLegend).toBe(0);
    await app.chooseLayer('mobile');
  });

  it('folds the legend to its title and opens it again', async () => {
    await app.toggleLegend();
    expect(await app.page.getByTestId('legend-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await app.readLegendEntries()).toEqual([]);
    await app.toggleLegend();
    expect(await app.readLegendEntries()).toContain('legend-class-none');
  });

  it('shows the map after the proposals as a fill when asked: fewer uncovered hamlets than before', async () => {
    await app.runProposals();
    await app.showProposalsMap('before');
    const before = (await app.readUncoveredUnderLegend()).onMap;
    await app.showProposalsMap('after');
    const after = (await app.readUncoveredUnderLegend()).onMap;
    expect(after).toBeLessThan(before * 0.9);
    await app.showProposalsMap('before');
    expect((await app.readUncoveredUnderLegend()).onMap).toBeGreaterThan(before * 0.95);
  });
});
