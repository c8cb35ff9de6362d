// Field tests judged in the app give the plan's speed targets a measured value in the KPI panel; the
// snapshot kept, the targets then → now and the annual report must read the same value, not the
// typed indicator the analysis alone has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVietnameseNumber, readDocx } from '../helpers/read-docx';
import { closeBrowser } from './browser';
import { AppDriver } from './driver';
import { computeExpectedReport } from './expected-report';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'measurements');

describe('the yearly cycle with field tests', () => {
  let app: AppDriver;
  const typed = computeExpectedReport().targets.find((target) => target.id === 'mobile-speed-mbps');

  beforeAll(async () => {
    app = await AppDriver.open();
  });
  afterAll(async () => {
    await app.close();
    await closeBrowser();
  });

  it('keeps, compares and reports the measured mobile speed the KPI panel shows', async () => {
    await app.importMeasurements('speedtests-demo.csv', { path: join(FIXTURES, 'speedtests-demo.csv') });
    const shown = (await app.readTargets())['mobile-speed-mbps'];
    expect(shown.value).not.toBe(null);
    expect(shown.value).not.toBeCloseTo(typed?.value ?? NaN, 1);
    await app.saveSnapshot('2025-12-31', 'Số liệu đến 31/12/2025');
    await app.compareSnapshots('2025-12-31', null);
    expect((await app.readTargetChange())['mobile-speed-mbps']).toEqual({ then: shown.value, now: shown.value });
    const { tables } = readDocx(new Uint8Array(readFileSync(await app.downloadReport('2026-01-05'))));
    const targets = tables.find((table) => table[0][0] === 'STT' && table[0][1] === 'Chỉ tiêu' && table[0][3] === 'Kết quả') as string[][];
    const row = targets.find((cells) => cells[1] === typed?.label) as string[];
    expect(Math.abs((parseVietnameseNumber(row[3]) ?? NaN) - (shown.value ?? NaN))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(row[4]).toBe(shown.state === 'met' ? 'Đạt' : 'Chưa đạt');
    expect(row[5]).toMatch(/^Đo kiểm: [\d.]+ lượt, /);
    expect(app.errors()).toEqual([]);
  });
});
