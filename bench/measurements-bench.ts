// `npm run bench:measurements [-- --points=1000000] [-- --repeats=5]`: what `npm run analyze --
// --measurements` does after reading the files, on the demo dataset (865 hamlets, 1,519 BTS
// records): a million tests classified (hamlet, predicted coverage by the engine's shapes, observed
// service, H3 cell) and aggregated by commune (speed figures, agreement) and by hexagon (the
// challenge view). Tests are drawn uniformly over the hamlets' extent (the worst case for the
// caches) and along drive routes. Also: h3-js's own latLngToCell against the locator, and the
// parse of a 100,000-row CSV. Prints progress lines and one JSON object per case.
import { latLngToCell } from 'h3-js';
import { buildCoverageReport, createCoverageAnalysis, parseMeasurementBytes, DEFAULT_CONFIG, DEFAULT_MEASUREMENT_OPTIONS } from '../src/core/index';
import { classifyMeasurements } from '../src/core/measurements/classify-measurements';
import { computeSpeedStats } from '../src/core/measurements/compute-speed-stats';
import { computeUnitAgreement } from '../src/core/measurements/compute-agreement';
import { findChallengeHexes } from '../src/core/measurements/find-challenge-hexes';
import { computeMeasurementPeriod } from '../src/core/measurements/measurement-period';
import { MeasurementSetBuilder, STATUS_UNKNOWN, type MeasurementSet, type MeasurementTechnology } from '../src/core/measurements/measurement-set';
import { demoPaths, loadInputFiles } from '../scripts/cli/read-inputs';
import { mulberry32 } from './synthetic-data';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const POINTS = Number(args.get('points') ?? 1_000_000);
const REPEATS = Number(args.get('repeats') ?? 5);
const log = (text: string) => process.stderr.write(`${text}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const OPERATORS = ['Viettel', 'VinaPhone', 'MobiFone', 'Vietnamobile'];
const TECHNOLOGIES: MeasurementTechnology[] = ['4G', '4G', '4G', '5G', '3G', 'wifi'];
const START = Date.UTC(2025, 0, 1);

function syntheticTests(count: number, bbox: [number, number, number, number], kind: 'uniform' | 'routes', seed: number): MeasurementSet {
  const random = mulberry32(seed);
  const builder = new MeasurementSetBuilder();
  let lng = 0;
  let lat = 0;
  for (let i = 0; i < count; i++) {
    if (kind === 'uniform' || i % 2000 === 0) {
      lng = bbox[0] + random() * (bbox[2] - bbox[0]);
      lat = bbox[1] + random() * (bbox[3] - bbox[1]);
    } else {
      // A drive: a sample every 20 m or so, turning now and then.
      const angle = random() * 2 * Math.PI;
      lng = Math.min(bbox[2], Math.max(bbox[0], lng + 0.0002 * Math.cos(angle)));
      lat = Math.min(bbox[3], Math.max(bbox[1], lat + 0.0002 * Math.sin(angle)));
    }
    const hasSignal = random() < 0.4;
    builder.push({
      lng,
      lat,
      timeMs: START + Math.floor(random() * 90 * 86400000),
      operator: OPERATORS[Math.floor(random() * OPERATORS.length)],
      technology: TECHNOLOGIES[Math.floor(random() * TECHNOLOGIES.length)],
      downMbps: hasSignal ? Number.NaN : random() * 120,
      upMbps: hasSignal ? Number.NaN : random() * 40,
      latencyMs: Number.NaN,
      rsrpDbm: hasSignal ? -130 + random() * 60 : Number.NaN,
      status: STATUS_UNKNOWN,
      weight: 1,
      file: 'bench.csv',
      row: i + 1,
    });
  }
  return builder.build();
}

const { input } = await loadInputFiles(demoPaths());
const analysis = createCoverageAnalysis(input, DEFAULT_CONFIG);
const report = buildCoverageReport(analysis, ['district', 'commune']);
const communeKeys = report.hamlets.map((result) => result.groupKeys.commune);
const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
for (const hamlet of analysis.prepared) {
  bbox[0] = Math.min(bbox[0], hamlet.bbox[0]);
  bbox[1] = Math.min(bbox[1], hamlet.bbox[1]);
  bbox[2] = Math.max(bbox[2], hamlet.bbox[2]);
  bbox[3] = Math.max(bbox[3], hamlet.bbox[3]);
}
log(`demo dataset: ${input.hamlets.length} hamlets, ${input.btsRecords.length} BTS records; ${POINTS} tests, ${REPEATS} timed runs after one warm-up; load ${(await import('node:os')).loadavg().map((value) => value.toFixed(1)).join(' ')}`);

for (const kind of ['uniform', 'routes'] as const) {
  const set = syntheticTests(POINTS, bbox, kind, kind === 'uniform' ? 1 : 2);
  const keys = [...new Set(communeKeys)];
  const hamletUnit = communeKeys.map((key) => keys.indexOf(key));
  const times = { classifyMs: [] as number[], communesMs: [] as number[], hexagonsMs: [] as number[], totalMs: [] as number[] };
  let challenges = 0;
  let cells = 0;
  for (let run = 0; run <= REPEATS; run++) {
    const t0 = performance.now();
    const classification = classifyMeasurements(set, analysis, DEFAULT_MEASUREMENT_OPTIONS);
    const t1 = performance.now();
    const unitOfTest = new Int32Array(set.count);
    for (let i = 0; i < set.count; i++) unitOfTest[i] = classification.hamlet[i] < 0 ? -1 : hamletUnit[classification.hamlet[i]];
    const period = computeMeasurementPeriod(set, 3);
    computeSpeedStats(set, { keys, unitOfTest }, { mobile: 40, fixed: 100 }, period, 300);
    computeUnitAgreement(set, classification, keys, unitOfTest);
    const t2 = performance.now();
    const hexes = findChallengeHexes(set, classification, DEFAULT_MEASUREMENT_OPTIONS);
    const t3 = performance.now();
    challenges = hexes.challenges.length;
    cells = classification.cells.length;
    if (run === 0) continue;
    times.classifyMs.push(t1 - t0);
    times.communesMs.push(t2 - t1);
    times.hexagonsMs.push(t3 - t2);
    times.totalMs.push(t3 - t0);
    log(`[${kind}] run ${run}: classify ${(t1 - t0).toFixed(0)} ms, communes ${(t2 - t1).toFixed(0)} ms, hexagons ${(t3 - t2).toFixed(0)} ms`);
  }
  // The alternative the locator replaces: h3-js's latLngToCell for every test (one run, a tenth of the tests, scaled).
  const sample = Math.floor(set.count / 10);
  const h0 = performance.now();
  for (let i = 0; i < sample; i++) latLngToCell(set.lat[i], set.lng[i], 8);
  const latLngToCellMs = ((performance.now() - h0) * set.count) / sample;
  console.log(JSON.stringify({ case: `${kind} ${set.count} tests`, medianTotalMs: Math.round(median(times.totalMs)), classifyMs: Math.round(median(times.classifyMs)), communesMs: Math.round(median(times.communesMs)), hexagonsMs: Math.round(median(times.hexagonsMs)), h3Cells: cells, challenges, latLngToCellEveryTestMs: Math.round(latLngToCellMs), peakMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

// Reading: a 100,000-row speed-test CSV through the measurement parser.
const lines = ['time,lat,lon,operator,technology,download_mbps,upload_mbps,latency_ms'];
const random = mulberry32(3);
for (let i = 0; i < 100_000; i++) {
  lines.push(`2025-02-${String(1 + (i % 28)).padStart(2, '0')} 08:${String(i % 60).padStart(2, '0')}:00,${(bbox[1] + random() * (bbox[3] - bbox[1])).toFixed(6)},${(bbox[0] + random() * (bbox[2] - bbox[0])).toFixed(6)},${OPERATORS[i % 4]},4G,${(random() * 100).toFixed(2)},${(random() * 30).toFixed(2)},${Math.round(10 + random() * 40)}`);
}
const bytes = new TextEncoder().encode(lines.join('\n'));
const parseTimes: number[] = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  await parseMeasurementBytes('bench.csv', bytes);
  parseTimes.push(performance.now() - t0);
}
console.log(JSON.stringify({ case: 'parse 100000-row CSV', medianMs: Math.round(median(parseTimes)), megabytes: Math.round(bytes.length / 1048576) }));
