import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/state/settings-store';
import { openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';

describe('settings', () => {
  const app = openAppForSuite();

  it('re-runs the analysis with a smaller 4G radius, as the engine says', async () => {
    await app.changeSetting('setting-radius-4G', '1500');
    const expected = computeExpectedReport({ settings: { radiiMeters: { ...DEFAULT_SETTINGS.radiiMeters, '4G': 1500 } } });
    const shown = await app.readKpis();
    expect(shown.covered4gShare).toBe(expected.kpis.covered4gShare);
    expect(shown.coveredMobileShare).toBe(expected.kpis.coveredMobileShare);
    await app.openPanel('settings');
    await app.screenshot('07-settings');
  });

  it('keeps an indicator entered in the dashboard form across a reload', async () => {
    await app.enterIndicator('cloud-use', '80 %');
    expect((await app.readTargets())['cloud-use']).toEqual({ value: 0.8, state: 'met' });
    await app.reload();
    expect((await app.readTargets())['cloud-use']).toEqual({ value: 0.8, state: 'met' });
    expect((await app.readKpis()).covered4gShare).toBe(computeExpectedReport({ settings: { radiiMeters: { ...DEFAULT_SETTINGS.radiiMeters, '4G': 1500 } } }).kpis.covered4gShare);
  });

  it('reaches off the origin only when the user switches the online basemap on', async () => {
    expect(app.offOriginRequests()).toEqual([]);
    await app.switchOnOnlineBasemap();
    const off = app.offOriginRequests();
    expect(off.length).toBeGreaterThan(0);
    expect(off.every((url) => url.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
  });
});
