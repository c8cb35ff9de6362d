// `npm run bench [-- --country] [-- --only=demo|province|country]`: the engine against a naive
// Turf baseline on the same data.
// Prints progress lines, then one JSON object per scale as the last lines:
// {"scale","engineMs","naiveMs","speedup","mae","peakMB", ...}
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildCoverageReport, createCoverageAnalysis, withExtraBtsRecords, DEFAULT_CONFIG } from '../src/core/index';
import type { BtsRecord, CoverageAnalysis, CoverageInput, CoverageReport, LayerName } from '../src/core/index';
import { errorAgainstExact, referenceShapesForLayer, shapesNear } from '../test/helpers/exact-coverage';
import { generateSyntheticInput, mulberry32 } from './synthetic-data';
import { demoPaths, loadInputFiles } from '../scripts/cli/read-inputs';
import { CoveragePool, createCoverageAnalysisInPool } from '../scripts/cli/coverage-pool';

const LAYERS: LayerName[] = ['mobile', '4g', '5g', 'ftth'];
/** Issue #9 §2: every hamlet-layer within this of exact clipping, and this on average. */
const ERROR_BOUND = 0.003;
const MEAN_ERROR_BOUND = 0.0005;

/** The naive way: a 64-step Turf circle per hamlet–site pair, intersect, union, area. */
function naiveFraction(hamlet: Feature<Polygon | MultiPolygon>, shapes: ReturnType<typeof shapesNear>): number {
  const pieces: Feature<Polygon | MultiPolygon>[] = [];
  for (const shape of shapes) {
    if (shape.kind === 'route') continue;
    const circle =
      shape.kind === 'disc'
        ? turf.circle(shape.center, shape.radiusMeters, { steps: 64, units: 'meters' })
        : turf.sector(shape.center, shape.radiusMeters, shape.azimuthDegrees - shape.beamwidthDegrees / 2, shape.azimuthDegrees + shape.beamwidthDegrees / 2, { steps: 64, units: 'meters' });
    const piece = turf.intersect(turf.featureCollection([hamlet, circle]));
    if (piece) pieces.push(piece as Feature<Polygon | MultiPolygon>);
  }
  if (pieces.length === 0) return 0;
  const union = pieces.length === 1 ? pieces[0] : turf.union(turf.featureCollection(pieces));
  return union ? turf.area(union) / turf.area(hamlet) : 0;
}

function peakMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function runScale(scale: string, input: CoverageInput, sampleSize: number, repeats: number): Promise<Record<string, number | string>> {
  const log = (text: string) => process.stderr.write(`[${scale}] ${text}\n`);
  log(`${input.hamlets.length} hamlets, ${input.btsRecords.length} BTS records, ${input.fibrePoints.length} fibre points`);
  // The full analysis, from parsed input to report, on one thread and across the pool's threads
  // (started beforehand, as the CLI and the app keep theirs).
  const sequentialTimes: number[] = [];
  const times: number[] = [];
  // Warm-up runs of both ways (JIT here and in each of the pool's threads) at small scales; at
  // country scale they would only double the memory held. Each way is then timed in its own
  // series, so one way's garbage is not collected during the other's timing.
  if (repeats > 1) {
    for (let run = 0; run < 2; run++) {
      buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG));
      buildCoverageReport(await createCoverageAnalysisInPool(pool, input, DEFAULT_CONFIG));
    }
  }
  let analysis!: CoverageAnalysis;
  let report!: CoverageReport;
  for (let run = 0; run < repeats; run++) {
    const started = performance.now();
    buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG));
    sequentialTimes.push(performance.now() - started);
  }
  for (let run = 0; run < repeats; run++) {
    const started = performance.now();
    analysis = await createCoverageAnalysisInPool(pool, input, DEFAULT_CONFIG);
    report = buildCoverageReport(analysis);
    times.push(performance.now() - started);
  }
  const engineMs = median(times);
  const engineSequentialMs = median(sequentialTimes);
  log(`engine on one thread: ${engineSequentialMs.toFixed(1)} ms (median of ${repeats})`);
  log(`engine on ${pool.size} threads: ${engineMs.toFixed(1)} ms (median of ${repeats}); mobile ${(report.kpis.coveredMobileShare * 100).toFixed(1)} %, ftth ${(report.kpis.coveredFtthShare * 100).toFixed(1)} %, shared sites ${(report.kpis.sharedSiteShare * 100).toFixed(1)} %`);

  // Re-analysis after adding one site: swap in one extra record, rebuild the report.
  const random = mulberry32(99);
  const reanalysis: number[] = [];
  const reanalysisRuns = input.hamlets.length > 10_000 ? 5 : 30;
  for (let run = 0; run < reanalysisRuns; run++) {
    const hamlet = input.hamlets[Math.floor(random() * input.hamlets.length)];
    const [lng, lat] = hamlet.geometry.coordinates[0][0] as unknown as [number, number];
    const added: BtsRecord = { siteId: `NEW${run}`, operator: 'Viettel', lng, lat, technologies: ['4G'] };
    const started = performance.now();
    buildCoverageReport(withExtraBtsRecords(analysis, [added]));
    reanalysis.push(performance.now() - started);
  }
  const reanalysisMs = median(reanalysis);
  log(`re-analysis after adding one site: ${reanalysisMs.toFixed(2)} ms (median of ${reanalysisRuns})`);
  // Peak resident memory of the process so far: input, engine and report (the naive baseline's
  // own data, built next, is not counted).
  const enginePeakMB = peakMB();
  log(`peak memory: ${enginePeakMB} MB`);

  // Naive baseline and exact reference on a sample of hamlets; the naive time is extrapolated.
  const step = Math.max(1, Math.floor(input.hamlets.length / sampleSize));
  const sample = input.hamlets.map((_, i) => i).filter((i) => i % step === 0).slice(0, sampleSize);
  const layerShapes = new Map(LAYERS.map((layer) => [layer, referenceShapesForLayer(input, layer, DEFAULT_CONFIG)]));
  let naiveTotal = 0;
  let naiveFailures = 0;
  for (const h of sample) {
    const feature = turf.feature(input.hamlets[h].geometry) as Feature<Polygon | MultiPolygon>;
    const bbox = turf.bbox(feature);
    const started = performance.now();
    for (const layer of LAYERS) {
      // polygon clipping sometimes fails on near-degenerate rings ("Unable to complete output ring").
      try {
        naiveFraction(feature, shapesNear(layerShapes.get(layer)!, bbox));
      } catch {
        naiveFailures++;
      }
    }
    naiveTotal += performance.now() - started;
  }
  const { mae, max: errorMax, count: errorCount, failures: exactFailures, worst } = errorAgainstExact(input, report, DEFAULT_CONFIG, sample);
  const naiveMs = (naiveTotal / sample.length) * input.hamlets.length;
  log(`naive Turf: ${naiveMs.toFixed(0)} ms (extrapolated from ${sample.length} hamlets, ${naiveFailures} clipping failures); MAE ${mae.toExponential(2)} (bound ${MEAN_ERROR_BOUND}), max error ${errorMax.toFixed(4)} (bound ${ERROR_BOUND}${errorMax <= ERROR_BOUND && mae <= MEAN_ERROR_BOUND ? ', met' : ', NOT MET'}) over ${errorCount} hamlet-layers (${exactFailures} reference failures); worst ${worst}`);
  return {
    scale,
    engineMs: Number(engineMs.toFixed(1)),
    engineSequentialMs: Number(engineSequentialMs.toFixed(1)),
    threads: pool.size,
    naiveMs: Math.round(naiveMs),
    speedup: Math.round(naiveMs / engineMs),
    mae: Number(mae.toExponential(2)),
    maxError: Number(errorMax.toFixed(4)),
    reanalysisMs: Number(reanalysisMs.toFixed(2)),
    peakMB: enginePeakMB,
    hamlets: input.hamlets.length,
    btsRecords: input.btsRecords.length,
    fibrePoints: input.fibrePoints.length,
    naiveSample: sample.length,
    naiveFailures,
  };
}

const results: Record<string, number | string>[] = [];
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
// The demo dataset as the app loads it (852 hamlets, 1,516 BTS records, 7,500 fibre points).
const pool = await CoveragePool.start();
if (!only || only === 'demo') results.push(await runScale('demo', (await loadInputFiles(demoPaths())).input, 40, 15));
if (!only || only === 'province') results.push(
  await runScale(
    'province',
    generateSyntheticInput({ seed: 1, bbox: [105.55, 9.25, 106.3, 9.95], hamlets: 1000, btsRecords: 1500, fibrePoints: 20000, edgeVertices: 12 }),
    40,
    15,
  ),
);
if (process.argv.includes('--country') || only === 'country') {
  results.push(
    await runScale(
      'country',
      // A box of Vietnam's land area (≈331,000 km²), so hamlets have the country's mean size (≈4 km²).
      generateSyntheticInput({ seed: 2, bbox: [103, 10, 109, 15.2], hamlets: 80000, btsRecords: 100000, fibrePoints: 1000000, edgeVertices: 12 }),
      20,
      1,
    ),
  );
}
await pool.close();
for (const result of results) console.log(JSON.stringify(result));

// Siting (issue 4): the demo province's minimum set, exact vs greedy, and one edit's re-analysis.
if (!only || only === 'siting') console.log(JSON.stringify(await (await import('./siting-bench')).runSitingBench()));
