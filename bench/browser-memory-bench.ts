// `npm run bench:memory [-- --sites=1000000] [-- --files=2]`: the browser's memory with a large site
// list imported through the app's import panel, then after a reload restores it from IndexedDB.
// Needs `npm run build` first (serves dist/ with vite preview). The sites are generated: a file holds
// at most the page's 25 MB, so a million sites go in as several CSV files ("replace", then "add").
// Memory is read two ways: the page's main-thread JS heap (CDP Performance.getMetrics), and the
// proportional set size (PSS, from /proc) of the tab's renderer process, which holds the page and its
// workers, and of the whole browser (renderer, GPU, browser processes), sampled every 200 ms so the
// peak of each phase is seen. Prints progress on stderr and one JSON object on stdout.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/cli/chromium-launch';
import { mulberry32 } from './synthetic-data';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { sites: { type: 'string' }, files: { type: 'string' }, port: { type: 'string' } } });
const siteCount = Number(values.sites ?? 1_000_000);
const fileCount = Math.max(1, Number(values.files ?? Math.ceil(siteCount / 500_000)));
const port = Number(values.port ?? 4191);

const OPERATORS = ['Viettel', 'VinaPhone', 'MobiFone', 'Vietnamobile'];
const TECHNOLOGIES = ['2G;4G', '4G', '4G;5G', '2G;3G;4G'];

/** One CSV per file of sites spread over the province's box, ids and positions unique across files. */
function writeSiteFiles(dir: string): string[] {
  const random = mulberry32(12);
  const perFile = Math.ceil(siteCount / fileCount);
  const files: string[] = [];
  for (let file = 0; file < fileCount; file++) {
    const lines = ['site_id,operator,lng,lat,technologies'];
    for (let row = file * perFile; row < Math.min(siteCount, (file + 1) * perFile); row++) {
      // A jittered 1000-column grid (70 m apart, over the 30 m that merges records): no two records share a
      // position, so adding a file asks nothing about duplicates.
      const lng = 105.55 + (row % 1000) * 0.0007 + random() * 0.0002;
      const lat = 9.25 + Math.floor(row / 1000) * 0.0006 + random() * 0.0002;
      lines.push(`S${row},${OPERATORS[row % 4]},${lng.toFixed(5)},${lat.toFixed(5)},${TECHNOLOGIES[(row >> 2) % 4]}`);
    }
    const name = path.join(dir, `sites-${file + 1}.csv`);
    writeFileSync(name, lines.join('\n'));
    files.push(name);
  }
  return files;
}

/** PSS in MB of chromium processes under this process: the largest renderer, and all of them. */
function readProcessMemory(): { rendererMB: number; totalMB: number } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const queue = [process.pid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    for (const child of children.get(pid) ?? []) {
      tree.push(child);
      queue.push(child);
    }
  }
  let rendererKb = 0;
  let totalKb = 0;
  for (const pid of tree) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('chrom')) continue;
      const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      totalKb += pss;
      if (cmdline.includes('--type=renderer')) rendererKb = Math.max(rendererKb, pss);
    } catch {
      // gone meanwhile
    }
  }
  return { rendererMB: Math.round(rendererKb / 1024), totalMB: Math.round(totalKb / 1024) };
}

interface Phase {
  phase: string;
  seconds: number;
  peakRendererMB: number;
  peakTotalMB: number;
  settledRendererMB: number;
  settledTotalMB: number;
  mainHeapMB: number;
  isolateHeapsMB?: Record<string, number>;
  /** The largest used JS heap of each isolate seen while the phase ran (sampled every second, no GC). */
  peakIsolateHeapsMB?: Record<string, number>;
}

async function mainHeapMB(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  await session.send('HeapProfiler.collectGarbage');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return Math.round((metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576);
}

/**
 * The used JS heap of every isolate of the page (the page itself and each worker, MapLibre's included),
 * through a browser-level CDP session attached to each target in turn.
 */
async function isolateHeapsMB(browser: Browser, collectGarbage = true): Promise<Record<string, number>> {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const heaps: Record<string, number> = {};
  for (const target of targetInfos) {
    if (target.type !== 'page' && target.type !== 'worker') continue;
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const reply = new Promise<number>((resolve) => {
      const onMessage = (event: { sessionId?: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
        if (message.id !== 2) return;
        session.off('Target.receivedMessageFromTarget', onMessage);
        resolve(message.result?.usedSize ?? 0);
      };
      session.on('Target.receivedMessageFromTarget', onMessage);
    });
    if (collectGarbage) await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }) });
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 2, method: 'Runtime.getHeapUsage' }) });
    const used = await Promise.race([reply, new Promise<number>((resolve) => setTimeout(() => resolve(-1), collectGarbage ? 20_000 : 3000))]);
    await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    let name = target.type === 'page' ? 'page' : target.title || target.url.split('/').pop() || 'worker';
    while (name in heaps) name += "'";
    heaps[name] = Math.round(used / 1048576);
  }
  await session.detach();
  return heaps;
}

/** Runs `action` while sampling memory; then waits for the page to settle and reads it again. */
async function measure(page: Page, phase: string, action: () => Promise<void>): Promise<Phase> {
  let peak = readProcessMemory();
  const sampler = setInterval(() => {
    const now = readProcessMemory();
    peak = { rendererMB: Math.max(peak.rendererMB, now.rendererMB), totalMB: Math.max(peak.totalMB, now.totalMB) };
  }, 200);
  // Each isolate's heap while the phase runs, so the peak can be told apart by worker.
  const peakHeaps: Record<string, number> = {};
  let sampling = true;
  const heapSampler = (async () => {
    while (sampling) {
      const heaps = await isolateHeapsMB(browser, false).catch(() => ({}) as Record<string, number>);
      for (const [name, used] of Object.entries(heaps)) peakHeaps[name] = Math.max(peakHeaps[name] ?? 0, used);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  const started = Date.now();
  // What the page is doing while it works, every 30 s (a long analysis, or a step waiting for an answer).
  const watch = setInterval(() => {
    void page
      .evaluate(() => {
        const status = document.querySelector('[data-testid="analysis-status"]');
        const steps = [...document.querySelectorAll('[data-testid="import-review"], [data-testid="column-mapping"], [data-testid="import-report"] h3')].map((element) => element.textContent?.slice(0, 40));
        return `analysis ${status?.getAttribute('data-state')} (${performance.getEntriesByName('analysis-done').length} done); import: ${steps.join(' | ')}`;
      })
      .then((state) => console.error(`${new Date().toISOString().slice(11, 19)} ${state} ${JSON.stringify(readProcessMemory())}`), () => undefined);
  }, 30_000);
  try {
    await action();
  } catch (error) {
    await page.screenshot({ path: path.join(tmpdir(), 'memory-bench-failure.png') }).catch(() => undefined);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    phases.push({ phase: `${phase} (failed: ${message})`, seconds: Math.round((Date.now() - started) / 100) / 10, peakRendererMB: peak.rendererMB, peakTotalMB: peak.totalMB, settledRendererMB: 0, settledTotalMB: 0, mainHeapMB: 0 });
    throw error;
  } finally {
    clearInterval(sampler);
    clearInterval(watch);
    sampling = false;
    await heapSampler;
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  await page.waitForTimeout(3000);
  const heap = await mainHeapMB(page);
  await page.waitForTimeout(1000);
  const settled = readProcessMemory();
  const heaps = await isolateHeapsMB(browser);
  const result = { phase, seconds, peakRendererMB: peak.rendererMB, peakTotalMB: Math.max(peak.totalMB, settled.totalMB), settledRendererMB: settled.rendererMB, settledTotalMB: settled.totalMB, mainHeapMB: heap, isolateHeapsMB: heaps, peakIsolateHeapsMB: peakHeaps };
  console.error(JSON.stringify(result));
  return result;
}

async function waitForAnalysisCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((before) => performance.getEntriesByName('analysis-done').length > before, count, { timeout: 1_200_000, polling: 500 });
  await page.locator('[data-testid="analysis-status"][data-state="done"]').waitFor({ timeout: 1_200_000 });
}

const dir = mkdtempSync(path.join(tmpdir(), 'memory-bench-'));
console.error(`writing ${siteCount} sites in ${fileCount} file(s)`);
const files = writeSiteFiles(dir);
const server = spawn(path.join(ROOT, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const phases: Phase[] = [];
let failure: string | null = null;
try {
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      if (attempt > 150) throw new Error('vite preview did not answer');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('crash', () => console.error('page crashed'));
  page.on('pageerror', (error) => console.error(`page error: ${error.message.slice(0, 300)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console error: ${message.text().slice(0, 300)}`);
  });
  phases.push(
    await measure(page, 'demo', async () => {
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => performance.getEntriesByName('first-map-draw').length > 0, null, { timeout: 120_000 });
      await page.locator('[data-testid="analysis-status"][data-state="done"]').waitFor({ timeout: 120_000 });
    }),
  );
  phases.push(
    await measure(page, `import ${siteCount} sites`, async () => {
      for (const [index, file] of files.entries()) {
        const before = await page.evaluate(() => performance.getEntriesByName('analysis-done').length);
        await page.getByTestId('tab-import').click();
        await page.getByTestId('import-kind').selectOption('sites');
        await page.getByTestId(index === 0 ? 'import-mode-replace' : 'import-mode-add').check();
        await page.getByTestId('import-file').setInputFiles(file);
        // A large file may stop at the review step (coordinate system, or sites outside the province) first.
        const report = page.locator(`[data-testid="import-report"]:has(h3:has-text(${JSON.stringify(path.basename(file))}))`);
        const shown = report.or(page.getByTestId('import-review')).first();
        await shown.waitFor({ timeout: 900_000 });
        if ((await shown.getAttribute('data-testid')) === 'import-review') await page.getByTestId('import-confirm').click();
        await report.waitFor({ timeout: 900_000 });
        console.error((await report.innerText()).split('\n').slice(0, 12).join(' / '));
        await waitForAnalysisCount(page, before);
        console.error((await report.innerText()).split('\n').slice(0, 3).join(' / '));
        console.error(`file ${index + 1}/${files.length} imported`);
      }
      const count = await page.getByTestId('kpi-sites').getAttribute('data-value').catch(() => null);
      console.error(`sites shown: ${count}`);
    }),
  );
  // Let the layer reach IndexedDB before the reload.
  await page.waitForTimeout(5000);
  phases.push(
    await measure(page, 'reload (restore)', async () => {
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('first-map-draw').length > 0, null, { timeout: 900_000, polling: 500 });
      await page.locator('[data-testid="analysis-status"][data-state="done"]').waitFor({ timeout: 900_000 });
    }),
  );
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
  console.error(failure);
} finally {
  await browser.close();
  if (server.pid !== undefined) process.kill(server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ sites: siteCount, files: fileCount, failure, phases }));
