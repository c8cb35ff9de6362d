import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser } from './browser';
import { AppDriver } from './driver';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'measurements');

describe('field tests against the coverage map', () => {
  let app: AppDriver;
  beforeAll(async () => {
    app = await AppDriver.open();
  });
  afterAll(async () => {
    await closeBrowser();
  });

  it('imports a G-NetTrack drive log and draws the challenged hexagon on the map', async () => {
    const report = await app.importMeasurements('gnettrack-demo.txt', { path: join(FIXTURES, 'gnettrack-demo.txt') });
    expect(report).toMatch(/200/);
    // The log's dead spot east of site VTL-ST-0001: Viettel 4G predicted, −118 to −124 dBm on two passes three hours apart.
    const challenges = await app.readChallenges();
    expect(challenges.length).toBeGreaterThan(0);
    expect(challenges[0].text).toMatch(/Viettel/);
    expect(challenges[0].text).toMatch(/4G/);
    expect(await app.showChallengeOnMap(0)).toBeGreaterThan(0);
    const agreement = await app.readAgreement();
    expect(agreement['Viettel|4G']).toBeDefined();
    const exported = await app.downloadText('evidence-export-csv');
    expect(exported.text.split('\n')[0].replace(/^\uFEFF/, '')).toBe('h3,operator,technology,kind,tests,contradicting,hours_spanned,first_test,last_test');
    expect(exported.text).toContain(challenges[0].h3);
  });
});
