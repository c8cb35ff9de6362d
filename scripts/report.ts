// npm run report -- [the analyze inputs, with --merger and --join] [--before DIR|PROJECT.json#SNAPSHOT] [--as-of YYYY-MM-DD]
//                   [--date YYYY-MM-DD] [--number TEXT] [--map KEY=FILE.png ...] [--lang vi|en] --out bao-cao.docx
// The plan's annual report as a Word document, from the engine's own figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeMeasurements, buildAnnualReport, buildCoverageReport, compareSnapshots, createCoverageAnalysis, createSeededRandom, DEFAULT_CONFIG, snapshotResultsOf } from '../src/core/index';
import { writeReportDocx, type ReportImage } from '../src/print/annual-report/write-report-docx';
import { COMMAND_OPTIONS, demoLine, formatCount, INPUT_OPTIONS, inputUsage, locale, log, matchMetersOf, outputOf, readInputs, runMain, say } from './cli/cli-common';
import { CoveragePool, createCoverageAnalysisInPool } from './cli/coverage-pool';
import { applyHamletTables, HAMLET_TABLE_OPTIONS } from './cli/hamlet-tables';
import { MEASUREMENT_FLAGS, measurementOptionsFrom, readMeasurementFiles, seedFrom } from './cli/measurement-evidence';

// The field tests that put measured speeds into the speed targets, as analyze takes them (no H3 view here).
const { 'h3-view': _h3View, ...MEASUREMENT_OPTIONS } = MEASUREMENT_FLAGS;
import { CliError } from './cli/read-inputs';
import { readResultsSource } from './cli/read-results';

const USAGE = `${say('cli.usage.word')}: npm run report -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F]
                         [--group-by FIELD ...] [--merger TABLE.csv] [--join TABLE.csv --join-key COLUMN] [--sheet NAME|N] [--crs SYSTEM]
                         [--measurements F ... [--rsrp-threshold DBM] [--h3-resolution 8|9] [--seed N]]
                         [--before DIR|PROJECT.json#SNAPSHOT [--before-as-of YYYY-MM-DD]] [--match-meters N]
                         [--as-of YYYY-MM-DD] [--date YYYY-MM-DD] [--number TEXT]
                         [--map province=FILE.png] [--map UNIT_KEY=FILE.png ...] [--lang vi|en] --out bao-cao.docx
${inputUsage()};
${say('cli.usage.report')}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(value: string | undefined, flag: string, today: string): string {
  if (value === undefined) return today;
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new CliError('cli.flagIsoDate', { flag, value });
  return value;
}

function readMaps(specs: string[]): ReportImage[] {
  return specs.map((spec) => {
    const equals = spec.indexOf('=');
    const path = equals > 0 ? spec.slice(equals + 1) : spec;
    const key = equals > 0 ? spec.slice(0, equals) : basename(path, extname(path));
    let png: Uint8Array;
    try {
      png = new Uint8Array(readFileSync(path));
    } catch {
      throw new CliError('cli.report.mapUnreadable', { spec, path });
    }
    if (png.length < 24 || png[0] !== 0x89 || png[1] !== 0x50 || png[2] !== 0x4e || png[3] !== 0x47) throw new CliError('cli.report.mapNotPng', { spec, path });
    return { key, png };
  });
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_OPTIONS,
      'group-by': { type: 'string', multiple: true },
      ...HAMLET_TABLE_OPTIONS,
      ...MEASUREMENT_OPTIONS,
      before: { type: 'string' },
      'before-as-of': { type: 'string' },
      'match-meters': { type: 'string' },
      'as-of': { type: 'string' },
      date: { type: 'string' },
      number: { type: 'string' },
      map: { type: 'string', multiple: true },
      ...COMMAND_OPTIONS,
    },
  });
  const out = outputOf(values, USAGE, '--out FILE.docx');
  if (out === null) return 0;
  const today = new Date().toISOString().slice(0, 10);
  const asOf = isoDate(values['as-of'], '--as-of', today);
  const reportDate = isoDate(values.date, '--date', today);
  const matchMeters = matchMetersOf(values['match-meters']);
  const images = readMaps(values.map ?? []);
  // Bad measurement flags fail before any file is read.
  measurementOptionsFrom(values, DEFAULT_CONFIG);
  const seed = seedFrom(values.seed);
  const before = values.before ? readResultsSource(values.before) : null;

  const { input, config, profile, warnings } = await readInputs(values);
  input.hamlets = applyHamletTables(values, input.hamlets, warnings);
  const threads = input.hamlets.length >= 5000 ? availableParallelism() : 1;
  let analysis;
  if (threads > 1) {
    const pool = await CoveragePool.start(threads);
    try {
      analysis = await createCoverageAnalysisInPool(pool, input, config, {});
    } finally {
      await pool.close();
    }
  } else {
    analysis = createCoverageAnalysis(input, config);
  }
  const groupBy = [...new Set(['district', 'commune', ...profile.grouping, ...(values['group-by'] ?? [])])];
  const coverage = buildCoverageReport(analysis, groupBy);
  if (values.measurements !== undefined && values.measurements.length > 0) {
    // The speed targets as analyze puts them into report.json: measured when the tests are enough.
    const loaded = await readMeasurementFiles(values.measurements, { ...(values.sheet === undefined ? {} : { sheet: values.sheet }), ...(values.crs === undefined ? {} : { crs: values.crs }) }, log);
    coverage.targets = analyzeMeasurements({ analysis, report: coverage, groupBy, set: loaded.set, options: measurementOptionsFrom(values, config), random: createSeededRandom(seed), skipped: loaded.skipped }).targets;
  }
  const results = snapshotResultsOf(coverage, config.coveredThreshold);
  const earlier = before
    ? { label: before.side.label, asOf: values['before-as-of'] ? isoDate(values['before-as-of'], '--before-as-of', today) : before.side.asOf, change: compareSnapshots(before.results, results, { matchMeters, groupings: profile.grouping }) }
    : undefined;
  const report = buildAnnualReport({ profile, results, asOf, reportDate, number: values.number ?? null, ...(earlier ? { earlier } : {}), mapKeys: images.map((image) => image.key) });
  const known = new Set(['province', ...profile.grouping.flatMap((grouping) => (results.groups[grouping] ?? []).map((unit) => unit.key))]);
  for (const image of images) if (!known.has(image.key)) log(say('cli.report.mapUnknown', { key: image.key, groupings: profile.grouping.join(', ') }));
  writeFileSync(out, await writeReportDocx(report, { locale, images }));
  if (results.demo) log(demoLine());
  const met = results.targets.filter((target) => target.met === true).length;
  log(say('cli.report.targets', { title: profile.title, met: formatCount(met), total: formatCount(results.targets.length), hamlets: formatCount(results.kpis.hamlets), sites: formatCount(results.kpis.sites) }));
  if (earlier) log(say('cli.report.compared', { label: earlier.label, covered: formatCount(earlier.change.hamlets.newlyCovered.mobile.length), lost: formatCount(earlier.change.hamlets.lost.mobile.length) }));
  log(say('cli.report.wrote', { out: out }));
  return 0;
}

await runMain(main);
