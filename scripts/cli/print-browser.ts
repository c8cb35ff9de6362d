// The print CLI's browser side: Debian's chromium through playwright-core, software WebGL, every host
// except 127.0.0.1 unresolvable. Loads the CLI's parsed layers into the app and saves the PDF the
// app's own export button produces.
import { chromium } from 'playwright-core';
import type { AutomationInput } from '../../src/features/print/print-automation';
import { formatSeconds, say } from './cli-common';
import { CliError } from './read-inputs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-launch';

export interface BrowserPrintResult {
  pages: number;
  analysisMs: number;
  printMs: number;
}

/** Opens the app, hands it `input`, waits for the analysis, clicks "Xuất PDF" and saves the download to `out`. */
export async function printInBrowser(baseUrl: string, input: AutomationInput, out: string, log: (line: string) => void): Promise<BrowserPrintResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}#print-automation`);
    // The app first loads its demo dataset; the CLI's layers replace it once that analysis is done.
    await page.locator('[data-testid="analysis-status"][data-state="done"]').waitFor({ timeout: 120_000 });
    const runs = await page.evaluate(() => performance.getEntriesByName('analysis-done').length);
    const analysisStarted = Date.now();
    await page.evaluate((payload) => window.printAutomation!.load(payload), input);
    await page.waitForFunction((count) => performance.getEntriesByName('analysis-done').length > count, runs, { timeout: 600_000 });
    await page.locator('[data-testid="analysis-status"][data-state="done"]').waitFor({ timeout: 600_000 });
    const analysisMs = Date.now() - analysisStarted;
    log(say('cli.print.analysed', { seconds: formatSeconds(analysisMs / 1000) }));
    const printStarted = Date.now();
    const download = page.waitForEvent('download', { timeout: 1_800_000 });
    await page.getByTestId('print-export-pdf').click();
    const outcome = await Promise.race([
      download.then((file) => ({ file })),
      page.locator('[data-testid="print-status"][data-state="error"]').waitFor({ timeout: 1_800_000 }).then(async () => ({ error: await page.getByTestId('print-status').innerText() })),
    ]);
    if ('error' in outcome) throw new CliError('cli.print.failed', { message: outcome.error });
    await outcome.file.saveAs(out);
    await page.locator('[data-testid="print-status"][data-state="done"]').waitFor({ timeout: 60_000 });
    const pages = await page.evaluate(() => ((performance.getEntriesByName('print-done').at(-1) as PerformanceMark | undefined)?.detail as { pages?: number } | undefined)?.pages ?? 0);
    if (errors.length > 0) log(say('cli.print.pageErrors', { errors: errors.join('; ') }));
    return { pages, analysisMs, printMs: Date.now() - printStarted };
  } finally {
    await browser.close();
  }
}
