// `npm run bench:first-map [-- --runs=7]`: the app's time to its first coloured coverage map against a
// bare MapLibre page that draws the same data with no application code, in one browser run (issue
// #12 §4: at most 1.25× the bare page). Software WebGL makes absolute times machine-bound; the ratio
// of medians over alternating loads is what compares.
//
// The app: dist/ served by `vite preview` (built first when older than its sources), opened fresh
// (its own context, so no stored layers), timed to its `first-map-draw` mark (the first idle frame
// with the analysed hamlets and the sites: what the bare page draws); its `map-complete-draw` (the
// boundary lines, unit names and fibre added after that frame, drawn) is reported beside it.
// The bare page: a plain HTML page with maplibre-gl's own bundle, the demo hamlets with their
// coverage class precomputed here by the engine (so the page does no analysis), the demo's sites
// and fibre points, hamlet fills, outlines and point circles, timed to its first idle frame after
// the data is drawn. Both measured from the navigation's start. Prints progress on
// stderr and one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildCoverageReport, coverageStatus, createCoverageAnalysis, DEFAULT_CONFIG } from '../src/core/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/cli/chromium-launch';
import { ensureBuild, startPreviewServer } from '../scripts/cli/print-server';
import { demoPaths, loadInputFiles } from '../scripts/cli/read-inputs';

const ROOT = path.resolve(import.meta.dirname, '..');
// The bare page's colours, written out (benchmarks may not import the map's code): the app's palette.
const COVERAGE_COLORS = { covered: '#0072B2', partial: '#F0E442', none: '#D55E00' };
const SITE_COLORS = { single: '#000000', halo: '#FFFFFF' };
const FIBRE_COLOR = '#009E73';
const BACKGROUND_COLOR = '#EEF2F0';
const { values } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = Math.max(1, Number(values.runs ?? 7));
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The bare page's data: the demo hamlets with their mobile-broadband class, as the app's first view shows them. */
async function bareData(): Promise<{ hamlets: string; sites: string; fibre: string }> {
  const files = demoPaths();
  const { input } = await loadInputFiles(files);
  const report = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG));
  const classOf = new Map(report.hamlets.map((hamlet) => [hamlet.id, coverageStatus(hamlet.fraction.mobile, DEFAULT_CONFIG.coveredThreshold.mobile)]));
  const hamlets = JSON.parse(readFileSync(files.hamlets[0], 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  for (const feature of hamlets.features) {
    const id = String(feature.properties.id);
    feature.properties = { id, coverage: classOf.get(id) ?? 'none' };
  }
  return { hamlets: JSON.stringify(hamlets), sites: readFileSync(files.sites[0], 'utf8'), fibre: readFileSync(files.fibre[0], 'utf8') };
}

function barePage(): string {
  const style = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }],
  };
  return `<!doctype html><html><head><meta charset="utf-8"><title>bare</title>
<link rel="stylesheet" href="/maplibre-gl.css"><style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div><script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: ${JSON.stringify(style)}, center: [105.95, 9.6], zoom: 8.6, attributionControl: false });
map.on('load', async () => {
  const [hamlets, sites, fibre] = await Promise.all(['hamlets', 'sites', 'fibre'].map((name) => fetch('/' + name + '.geojson').then((r) => r.json())));
  map.addSource('hamlets', { type: 'geojson', data: hamlets });
  map.addSource('sites', { type: 'geojson', data: sites });
  map.addSource('fibre', { type: 'geojson', data: fibre });
  map.addLayer({ id: 'hamlet-fill', type: 'fill', source: 'hamlets', paint: { 'fill-color': ['match', ['get', 'coverage'], 'covered', '${COVERAGE_COLORS.covered}', 'partial', '${COVERAGE_COLORS.partial}', '${COVERAGE_COLORS.none}'], 'fill-opacity': 0.72 } });
  map.addLayer({ id: 'hamlet-line', type: 'line', source: 'hamlets', paint: { 'line-color': '#FFFFFF', 'line-width': 0.5 } });
  map.addLayer({ id: 'fibre', type: 'circle', source: 'fibre', paint: { 'circle-color': '${FIBRE_COLOR}', 'circle-radius': 1.5 } });
  map.addLayer({ id: 'sites', type: 'circle', source: 'sites', paint: { 'circle-color': '${SITE_COLORS.single}', 'circle-radius': 2.5, 'circle-stroke-color': '${SITE_COLORS.halo}', 'circle-stroke-width': 1 } });
  map.once('idle', () => performance.mark('bare-first-map'));
});
</script></body></html>`;
}

async function startBareServer(data: { hamlets: string; sites: string; fibre: string }): Promise<{ server: Server; url: string }> {
  const maplibre = path.join(ROOT, 'node_modules/maplibre-gl/dist');
  const files = new Map<string, { type: string; body: string | Buffer }>([
    ['/', { type: 'text/html; charset=utf-8', body: barePage() }],
    ['/maplibre-gl.mjs', { type: 'text/javascript', body: readFileSync(path.join(maplibre, 'maplibre-gl.mjs')) }],
    ['/maplibre-gl-worker.mjs', { type: 'text/javascript', body: readFileSync(path.join(maplibre, 'maplibre-gl-worker.mjs')) }],
    ['/maplibre-gl.css', { type: 'text/css', body: readFileSync(path.join(maplibre, 'maplibre-gl.css')) }],
    ['/hamlets.geojson', { type: 'application/geo+json', body: data.hamlets }],
    ['/sites.geojson', { type: 'application/geo+json', body: data.sites }],
    ['/fibre.geojson', { type: 'application/geo+json', body: data.fibre }],
  ]);
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port for the bare page');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

ensureBuild(ROOT, log);
const bare = await startBareServer(await bareData());
const preview = await startPreviewServer(ROOT);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }).catch((error: unknown) => {
  preview.stop();
  bare.server.close();
  throw error;
});
try {
  /** The app's own marks on each timed load (app-start, the map's style loaded, hamlets given to the map, dataset-ready, hamlets coloured, analysis-done, first-map-draw). */
  const stages: Record<string, number>[] = [];
  /** One fresh load of `url`, timed to `mark` from the navigation's start. */
  const load = async (url: string, mark: string): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 120_000 });
      // The app's complete map too (boundary lines, unit names, fibre: drawn after the first frame).
      if (mark === 'first-map-draw') await page.waitForFunction(() => performance.getEntriesByName('map-complete-draw').length > 0, undefined, { timeout: 120_000 });
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((entry) => [entry.name, Math.round(entry.startTime)])));
      if (mark === 'first-map-draw') stages.push(marks);
      return marks[mark];
    } finally {
      await context.close();
    }
  };
  // One load of each first, not counted (the browser's caches, the server's first answers).
  await load(preview.baseUrl, 'first-map-draw');
  await load(bare.url, 'bare-first-map');
  const appTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternating, so a load spike falls on both sides alike.
    appTimes.push(Math.round(await load(preview.baseUrl, 'first-map-draw')));
    bareTimes.push(Math.round(await load(bare.url, 'bare-first-map')));
    log(`run ${run + 1}/${runs}: app ${appTimes.at(-1)} ms, bare ${bareTimes.at(-1)} ms`);
  }
  const ratio = median(appTimes) / median(bareTimes);
  // Where the app's time goes: each of its marks, median over the timed loads.
  const names = ['app-start', 'map-created', 'map-style-loaded', 'map-hamlets-given', 'dataset-ready', 'map-coloured', 'analysis-done', 'first-map-draw', 'map-complete-draw'];
  const appStagesMs = Object.fromEntries(names.map((name) => [name, median(stages.slice(1).map((marks) => marks[name] ?? -1))]));
  const completeMs = stages.slice(1).map((marks) => marks['map-complete-draw'] ?? -1);
  console.log(JSON.stringify({ case: 'first-map', appMedianMs: median(appTimes), bareMedianMs: median(bareTimes), ratio: Math.round(ratio * 100) / 100, limit: 1.25, completeMedianMs: median(completeMs), completeRatio: Math.round((median(completeMs) / median(bareTimes)) * 100) / 100, appStagesMs, appMs: appTimes, bareMs: bareTimes }));
} finally {
  await browser.close();
  bare.server.close();
  preview.stop();
}
