// npm run analyze -- --hamlets F --sites F [--sites F ...] [--fibre F ...] [--indicators F]
//                    [--config F] [--group-by FIELD ...] [--merger F] [--operator NAME ...]
//                    [--sheet NAME] [--crs SYSTEM] --out DIR
// With no input flag it analyses the demo dataset in public/geodata.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import {
  applyMergerTable,
  buildCoverageReport,
  createCoverageAnalysis,
  decodeText,
  filterCoverageInput,
  formatGroupsCsv,
  formatHamletsCsv,
  formatHamletsGeoJson,
  formatSitesGeoJson,
  groupHamlets,
  joinHouseholdTable,
  NEW_COMMUNE_FIELD,
  normalizeOperator,
  parseMergerCsv,
  roundNumbers,
  UNASSIGNED_GROUP_KEY,
} from '../src/core/index';
import { analyzeMeasurements, resolveCrs, computeH3View, createSeededRandom, DEFAULT_CONFIG, formatChallengesCsv, formatChallengesGeoJson, formatH3ViewGeoJson, LAYER_NAMES } from '../src/core/index';
import type { LayerName } from '../src/core/index';
import { MEASUREMENT_FLAGS, MEASUREMENT_USAGE, measurementOptionsFrom, readMeasurementFiles, seedFrom } from './cli/measurement-evidence';
import { CliError, readBytes } from './cli/read-inputs';
import { demoNoteOf, formatPercent, INPUT_OPTIONS, INPUT_USAGE, log, readInputs, runMain } from './cli/cli-common';
import { CoveragePool, createCoverageAnalysisInPool } from './cli/coverage-pool';
import { parseExportFormats, writeExports } from './cli/write-exports';

const USAGE = `usage: npm run analyze -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F]
                          [--group-by FIELD ...] [--merger TABLE.csv] [--operator NAME ...]
                          [--join TABLE.csv --join-key COLUMN]
                          [--sheet NAME|N] [--crs EPSG:3405|vn2000-tm:105.5|…] [--export gpkg,shp,tab,kml,xlsx [--export-crs vn2000-tm:105.5]] --out DIR
${INPUT_USAGE};
  --export also writes the hamlet results as hamlets.gpkg, hamlets-shp.zip, hamlets.tab (+ .dat/.map/.id),
  hamlets.kml and ket-qua.xlsx (Vietnamese headers in the workbook); WGS84, or --export-crs (e.g. VN-2000 /
  the province's TM-3 zone vn2000-tm:105.5, or EPSG:3405) for the GeoPackage, Shapefile and TAB;
  groups are keyed by code (commune_code, district_code; the merger table's new_code for new_commune);
  --merger applies an old_code,old_name,new_code,new_name table (the post-July-2025 communes);
  --operator keeps these operators' sites and fibre for coverage, while shared sites are found on every
  operator's sites (the shared-site KPI becomes the share of their sites another operator also uses);
  --join takes households/population per hamlet from a table (e.g. a census by GSO code);
  --threads N spreads the scan over N worker threads (default: all cores from 5,000 hamlets on);
${MEASUREMENT_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_OPTIONS,
      'group-by': { type: 'string', multiple: true },
      merger: { type: 'string' },
      operator: { type: 'string', multiple: true },
      join: { type: 'string' },
      threads: { type: 'string' },
      'join-key': { type: 'string' },
      export: { type: 'string' },
      'export-crs': { type: 'string' },
      ...MEASUREMENT_FLAGS,
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) throw new CliError(`--out DIR is required\n${USAGE}`);
  const exportFormats = parseExportFormats(values.export);
  const exportProj4 = values['export-crs'] === undefined ? undefined : resolveCrs(values['export-crs'], '--export-crs').proj4;
  // Bad measurement flags fail before any file is read.
  measurementOptionsFrom(values, DEFAULT_CONFIG);
  seedFrom(values.seed);
  const h3Layer = parseH3ViewLayer(values['h3-view']);
  const started = performance.now();
  const { input, config, warnings, summaries, crsReports } = await readInputs(values);
  if (values.join) {
    const joined = joinHouseholdTable(input.hamlets, decodeText(readBytes(values.join, 'indicators'), basename(values.join)).text, basename(values.join), values['join-key'] ?? 'code');
    input.hamlets = joined.hamlets;
    for (const warning of joined.warnings) warnings.push(warning);
    for (const warning of joined.warnings) log(`${warning.code}: ${warning.message}`);
  }
  if (values.merger) {
    const merger = parseMergerCsv(decodeText(readBytes(values.merger, 'indicators'), basename(values.merger)).text, basename(values.merger));
    if (merger.items.length === 0) throw new CliError(`${values.merger}: no usable merger row (columns old_code or old_name, and new_code or new_name)`);
    for (const item of merger.skipped) log(`${item.where}: skipped: ${item.reason}`);
    input.hamlets = applyMergerTable(input.hamlets, merger.items);
  }
  if (config.siteReach?.isEnabled) {
    const reached = input.btsRecords.filter((record) => record.heightMeters !== undefined && record.frequencyMhz !== undefined && record.radiusMeters === undefined).length;
    log(`reach model: ${reached} of ${input.btsRecords.length} BTS records get their radius from their height and band`);
  }
  const operators = values.operator ? [...new Set(values.operator.map((name) => normalizeOperator(name).name))] : null;
  if (operators) {
    const known = new Set(input.btsRecords.map((record) => record.operator));
    for (const operator of operators) if (!known.has(operator)) log(`--operator ${operator}: no site of this operator in the input`);
  }
  const analysed = operators ? filterCoverageInput(input, { operators, technologies: null }) : input;
  const measurementOptions = measurementOptionsFrom(values, config);
  let lastProgress = 0;
  const onProgress = (done: number, total: number) => {
    // About twenty lines for a long run, none for a short one.
    if (total >= 2000 && (done - lastProgress >= total / 20 || done === total)) {
      lastProgress = done;
      log(`analysing hamlets: ${done}/${total}`);
    }
  };
  const threads = values.threads ? Number(values.threads) : input.hamlets.length >= 5000 ? availableParallelism() : 1;
  if (!Number.isInteger(threads) || threads < 1) throw new CliError(`--threads must be a whole number ≥ 1, not "${values.threads}"`);
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
  mkdirSync(values.out, { recursive: true });
  const { sites, ...reportBody } = report;
  const imports: object[] = summaries.map(({ warnings: _w, ...rest }) => rest);
  let measurements = null;
  if (values.measurements !== undefined && values.measurements.length > 0) {
    const loaded = await readMeasurementFiles(values.measurements, { ...(values.sheet === undefined ? {} : { sheet: values.sheet }), ...(values.crs === undefined ? {} : { crs: values.crs }) }, log);
    const evidence = analyzeMeasurements({ analysis, report, groupBy, set: loaded.set, options: measurementOptions, random: createSeededRandom(seedFrom(values.seed)), skipped: loaded.skipped });
    measurements = evidence.measurements;
    reportBody.targets = evidence.targets;
    for (const warning of loaded.warnings) allWarnings.push(warning);
    for (const summary of loaded.summaries) imports.push(summary);
    writeFileSync(join(values.out, 'challenges.geojson'), JSON.stringify({ ...formatChallengesGeoJson(measurements.challenges, input.demo === true), ...demoNoteOf(input.demo) }));
    writeFileSync(join(values.out, 'challenges.csv'), `\uFEFF${formatChallengesCsv(measurements.challenges)}\n`);
    const mobile = measurements.overall.mobile;
    log(`${measurements.tests} tests (${measurements.rows} rows): mobile ${mobile === null ? 'no speed test' : `mean ${mobile.meanDownMbps?.toFixed(1)} Mbit/s, median ${mobile.medianDownMbps?.toFixed(1)} Mbit/s${mobile.enoughSamples ? '' : ', not enough samples'}`}; ${measurements.challenges.length} challenged hexagons`);
  }
  if (h3Layer !== null) {
    const view = computeH3View(analysis, measurementOptions.h3Resolution);
    writeFileSync(join(values.out, 'hexagons.geojson'), JSON.stringify({ ...formatH3ViewGeoJson(view, h3Layer, input.demo === true), ...demoNoteOf(input.demo) }));
  }
  const reportJson = roundNumbers({ ...reportBody, ...demoNoteOf(input.demo), warnings: allWarnings, imports, coordinateSystems: crsReports, ...(measurements === null ? {} : { measurements }) });
  writeFileSync(join(values.out, 'report.json'), `${JSON.stringify(reportJson, null, 2)}\n`);
  writeFileSync(join(values.out, 'hamlets.csv'), `\uFEFF${formatHamletsCsv(report.hamlets)}\n`);
  writeFileSync(join(values.out, 'groups.csv'), `\uFEFF${formatGroupsCsv(report.groups)}\n`);
  writeFileSync(join(values.out, 'hamlets.geojson'), JSON.stringify({ ...formatHamletsGeoJson(input, report.hamlets), ...demoNoteOf(input.demo) }));
  writeFileSync(join(values.out, 'sites.geojson'), JSON.stringify({ ...formatSitesGeoJson({ ...report, sites }, input.demo === true), ...demoNoteOf(input.demo) }));
  if (exportFormats.length > 0) log(`wrote ${(await writeExports(values.out, exportFormats, input.hamlets, report.hamlets, exportProj4)).join(', ')}`);
  const k = report.kpis;
  log(`${k.hamlets} hamlets: mobile broadband ${formatPercent(k.coveredMobileShare)}, 4G ${formatPercent(k.covered4gShare)}, 5G ${formatPercent(k.covered5gShare)}, FTTH ${formatPercent(k.coveredFtthShare)}`);
  if (operators) log(`${k.sites} sites of ${operators.join(', ')}, ${k.sharedSites} of them also used by another operator (${formatPercent(k.sharedSiteShare)}); ${allWarnings.length} warnings`);
  else log(`${k.sites} sites, ${k.sharedSites} shared (${formatPercent(k.sharedSiteShare)}); ${allWarnings.length} warnings`);
  log(`wrote ${values.out}/report.json, hamlets.csv, groups.csv, hamlets.geojson, sites.geojson in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return 0;
}

/** `--h3-view mobile` or `--h3-view 4g:Viettel`: the layer drawn on hexagons, or null without the flag. */
function parseH3ViewLayer(text: string | undefined): { layer: LayerName; operator: string | null } | null {
  if (text === undefined) return null;
  const [layer, ...operator] = text.split(':');
  if (!LAYER_NAMES.includes(layer as LayerName)) throw new CliError(`--h3-view must be one of ${LAYER_NAMES.join(', ')} (optionally :OPERATOR), not "${text}"`);
  return { layer: layer as LayerName, operator: operator.length > 0 ? operator.join(':') : null };
}

await runMain(main);
