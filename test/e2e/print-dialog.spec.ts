import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser } from './browser';
import { AppDriver } from './driver';

describe('the print dialog on a laptop and a desktop screen', () => {
  afterAll(async () => {
    await closeBrowser();
  });

  it('fits its fields at 1366 px, shows the data date as dd/mm/yyyy (the latest indicator date), refuses a day that does not exist, and leaves the map drawn', async () => {
    const app = await AppDriver.open('', { width: 1366, height: 768 });
    const fit = await app.readPrintDialogFit();
    expect(fit.overflowing).toEqual([]);
    expect(fit.dataDate).toBe('31/12/2024');
    expect(await app.countCoveredPixelsBesideDialog()).toBeGreaterThan(5000);
    const wrong = await app.typePrintDataDate('31/02/2024');
    expect(wrong.canExport).toBe(false);
    expect(wrong.hint).toContain('Không phải một ngày có thật');
    const right = await app.typePrintDataDate('30/06/2025');
    expect(right.canExport).toBe(true);
    // The same dialog on a 1920 px screen (the page resized, not reloaded: software WebGL is slow at that size).
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    expect((await app.readPrintDialogFit()).overflowing).toEqual([]);
    await app.close();
  });
});
