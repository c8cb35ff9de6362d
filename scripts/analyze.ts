// npm run analyze -- --hamlets F --sites F [--sites F ...] [--fibre F ...] [--indicators F]
//                    [--config F] [--group-by FIELD ...] [--merger F] [--operator NAME ...]
//                    [--sheet NAME] [--crs SYSTEM] [--communes F] [--accept-hamlet-layer] [--lang vi|en] --out DIR
// With no input flag it analyses the demo dataset in public/geodata.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildCoverageReport,
  createCoverageAnalysis,
  filterCoverageInput,
  formatGroupsCsv,
  formatHamletsCsv,
  formatHamletsGeoJson,
  formatSitesGeoJson,
  groupHamlets,
  NEW_COMMUNE_FIELD,
  normalizeOperator,
  roundNumbers,
  UNASSIGNED_GROUP_KEY,
} from '../src/core/index';
import { analyzeMeasurements, classifyMeasurements, computeH3View, createSeededRandom, DEFAULT_CONFIG, formatChallengesCsv, formatChallengesGeoJson, formatH3ViewGeoJson, LAYER_NAMES } from '../src/core/index';
import type { LayerName } from '../src/core/index';
import { formatWarning } from '../src/i18n/format-message';
import { MEASUREMENT_FLAGS, measurementUsage, measurementOptionsFrom, readMeasurementFiles, seedFrom } from './cli/measurement-evidence';
import { CliError } from './cli/read-inputs';
import { COMMAND_OPTIONS, demoNoteOf, formatCount, formatMbps, formatPercent, formatSeconds, INPUT_OPTIONS, inputUsage, locale, log, outputOf, readInputs, runMain, say } from './cli/cli-common';
import { CoveragePool, createCoverageAnalysisInPool } from './cli/coverage-pool';
import { EXPORT_OPTIONS, exportFlagsOf, writeExports } from './cli/write-exports';
import { applyHamletTables, HAMLET_TABLE_OPTIONS } from './cli/hamlet-tables';

const USAGE = `${say('cli.usage.word')}: npm run analyze -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F]
                          [--group-by FIELD ...] [--merger TABLE.csv] [--operator NAME ...]
                          [--join TABLE.csv --join-key COLUMN]
                          [--sheet NAME|N] [--crs EPSG:3405|vn2000-tm:105.5|…] [--export gpkg,shp,tab,kml,xlsx [--export-crs vn2000-tm:105.5]]
                          [--lang vi|en] --out DIR
${inputUsage()};
${say('cli.usage.export')};
${say('cli.usage.analyze')};
${measurementUsage()}`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_OPTIONS,
      'group-by': { type: 'string', multiple: true },
      ...HAMLET_TABLE_OPTIONS,
      operator: { type: 'string', multiple: true },
      threads: { type: 'string' },
      ...EXPORT_OPTIONS,
      ...MEASUREMENT_FLAGS,
      ...COMMAND_OPTIONS,
    },
  });
  const out = outputOf(values, USAGE, '--out DIR');
  if (out === null) return 0;
  const exports = exportFlagsOf(values);
  // Bad measurement flags fail before any file is read.
  measurementOptionsFrom(values, DEFAULT_CONFIG);
  seedFrom(values.seed);
  const h3Layer = parseH3ViewLayer(values['h3-view']);
  const started = performance.now();
  const { input, config, warnings, summaries, crsReports } = await readInputs(values);
  input.hamlets = applyHamletTables(values, input.hamlets, warnings);
  if (config.siteReach?.isEnabled) {
    const reached = input.btsRecords.filter((record) => record.heightMeters !== undefined && record.frequencyMhz !== undefined && record.radiusMeters === undefined).length;
    log(say('cli.analyze.reach', { reached: formatCount(reached), total: formatCount(input.btsRecords.length) }));
  }
  const operators = values.operator ? [...new Set(values.operator.map((name) => normalizeOperator(name).name))] : null;
  if (operators) {
    const known = new Set(input.btsRecords.map((record) => record.operator));
    for (const operator of operators) if (!known.has(operator)) log(say('cli.analyze.operatorAbsent', { operator }));
  }
  const analysed = operators ? filterCoverageInput(input, { operators, technologies: null }) : input;
  const measurementOptions = measurementOptionsFrom(values, config);
  let lastProgress = 0;
  const onProgress = (done: number, total: number) => {
    // About twenty lines for a long run, none for a short one.
    if (total >= 2000 && (done - lastProgress >= total / 20 || done === total)) {
      lastProgress = done;
      log(say('cli.analyze.progress', { done: formatCount(done), total: formatCount(total) }));
    }
  };
  const threads = values.threads ? Number(values.threads) : input.hamlets.length >= 5000 ? availableParallelism() : 1;
  if (!Number.isInteger(threads) || threads < 1) throw new CliError('cli.flagWholeNumber', { flag: '--threads', value: values.threads ?? '' });
  let analysis;
  if (threads > 1) {
    const pool = await CoveragePool.start(threads);
    try {
      analysis = await createCoverageAnalysisInPool(pool, analysed, config, { onProgress });
    } finally {
      await pool.close();
    }
  } else {
    analysis = createCoverageAnalysis(analysed, config, { onProgress });
  }
  // Post-2025 communes when the hamlets carry them (merger table, or the layer's own new_code / new_name).
  const hasNewCommunes = groupHamlets(input.hamlets, NEW_COMMUNE_FIELD).units.some((unit) => unit.key !== UNASSIGNED_GROUP_KEY);
  const groupBy = [...new Set(['district', 'commune', ...(hasNewCommunes ? [NEW_COMMUNE_FIELD] : []), ...(values['group-by'] ?? [])])];
  const report = buildCoverageReport(analysis, groupBy);
  const allWarnings = [...warnings, ...report.warnings];
  mkdirSync(out, { recursive: true });
  const { sites, ...reportBody } = report;
  const imports: object[] = summaries.map(({ warnings: _w, ...rest }) => rest);
  let measurements = null;
  let testSet = null;
  if (values.measurements !== undefined && values.measurements.length > 0) {
    const loaded = await readMeasurementFiles(values.measurements, { ...(values.sheet === undefined ? {} : { sheet: values.sheet }), ...(values.crs === undefined ? {} : { crs: values.crs }) }, log);
    const evidence = analyzeMeasurements({ analysis, report, groupBy, set: loaded.set, options: measurementOptions, random: createSeededRandom(seedFrom(values.seed)), skipped: loaded.skipped });
    measurements = evidence.measurements;
    testSet = loaded.set;
    reportBody.targets = evidence.targets;
    for (const warning of loaded.warnings) allWarnings.push(warning);
    for (const summary of loaded.summaries) imports.push(summary);
    writeFileSync(join(out, 'challenges.geojson'), JSON.stringify({ ...formatChallengesGeoJson(measurements.challenges, input.demo === true), ...demoNoteOf(input.demo) }));
    writeFileSync(join(out, 'challenges.csv'), formatChallengesCsv(measurements.challenges));
    const mobile = measurements.overall.mobile;
    const speeds = mobile === null
      ? say('cli.analyze.noSpeedTest')
      : say(mobile.enoughSamples ? 'cli.analyze.speeds' : 'cli.analyze.speedsFewSamples', { mean: formatMbps(mobile.meanDownMbps), median: formatMbps(mobile.medianDownMbps) });
    log(say('cli.analyze.measurements', { tests: formatCount(measurements.tests), rows: formatCount(measurements.rows), speeds, challenges: formatCount(measurements.challenges.length) }));
  }
  if (h3Layer !== null) {
    // With tests, each hexagon also says how many were judged there and how they agree.
    const judged = testSet === null ? undefined : { set: testSet, classification: classifyMeasurements(testSet, analysis, measurementOptions) };
    const view = computeH3View(analysis, measurementOptions.h3Resolution, judged);
    writeFileSync(join(out, 'hexagons.geojson'), JSON.stringify({ ...formatH3ViewGeoJson(view, h3Layer, input.demo === true), ...demoNoteOf(input.demo) }));
  }
  // Each warning also in words, in the run's language, for a reader of report.json.
  const warningsWithText = allWarnings.map((warning) => ({ ...warning, text: formatWarning(locale, warning) }));
  const reportJson = roundNumbers({ ...reportBody, ...demoNoteOf(input.demo), warnings: warningsWithText, imports, coordinateSystems: crsReports, ...(measurements === null ? {} : { measurements }) });
  writeFileSync(join(out, 'report.json'), `${JSON.stringify(reportJson, null, 2)}\n`);
  writeFileSync(join(out, 'hamlets.csv'), formatHamletsCsv(report.hamlets));
  writeFileSync(join(out, 'groups.csv'), formatGroupsCsv(report.groups));
  writeFileSync(join(out, 'hamlets.geojson'), JSON.stringify({ ...formatHamletsGeoJson(input, report.hamlets), ...demoNoteOf(input.demo) }));
  writeFileSync(join(out, 'sites.geojson'), JSON.stringify({ ...formatSitesGeoJson({ ...report, sites }, input.demo === true), ...demoNoteOf(input.demo) }));
  if (exports.formats.length > 0) log(say('cli.analyze.exported', { files: (await writeExports(out, exports.formats, { hamlets: input.hamlets, results: report.hamlets, sites: { records: analysed.btsRecords, sites } }, exports.proj4, locale)).join(', ') }));
  const k = report.kpis;
  log(say('cli.analyze.kpis', { hamlets: formatCount(k.hamlets), mobile: formatPercent(k.coveredMobileShare), g4: formatPercent(k.covered4gShare), g5: formatPercent(k.covered5gShare), ftth: formatPercent(k.coveredFtthShare) }));
  if (k.pointRule !== undefined) {
    const p = k.pointRule;
    log(say('approx.cliPointRule', { hamlets: formatCount(p.hamlets), mobile: formatPercent(p.coveredMobileShare), g4: formatPercent(p.covered4gShare), g5: formatPercent(p.covered5gShare), ftth: formatPercent(p.coveredFtthShare) }));
  }
  const siteCounts = { sites: formatCount(k.sites), shared: formatCount(k.sharedSites), share: formatPercent(k.sharedSiteShare), warnings: formatCount(allWarnings.length) };
  if (operators) log(say('cli.analyze.sitesOfOperators', { ...siteCounts, operators: operators.join(', ') }));
  else log(say('cli.analyze.sites', siteCounts));
  log(say('cli.analyze.wrote', { out: out, seconds: formatSeconds((performance.now() - started) / 1000, 2) }));
  return 0;
}

/** `--h3-view mobile` or `--h3-view 4g:Viettel`: the layer drawn on hexagons, or null without the flag. */
function parseH3ViewLayer(text: string | undefined): { layer: LayerName; operator: string | null } | null {
  if (text === undefined) return null;
  const [layer, ...operator] = text.split(':');
  if (!LAYER_NAMES.includes(layer as LayerName)) throw new CliError('cli.flagH3View', { allowed: LAYER_NAMES.join(', '), value: text });
  return { layer: layer as LayerName, operator: operator.length > 0 ? operator.join(':') : null };
}

await runMain(main);
