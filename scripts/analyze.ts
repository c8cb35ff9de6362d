// npm run analyze -- --hamlets F --sites F [--sites F ...] [--fibre F ...] [--indicators F]
//                    [--config F] [--group-by FIELD ...] [--sheet NAME] [--crs SYSTEM] [--lang vi|en] --out DIR
// With no input flag it analyses the demo dataset in public/geodata.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { decodeText, joinHouseholdTable, buildCoverageReport, createCoverageAnalysis, formatHamletsCsv, formatHamletsGeoJson, formatSitesGeoJson, roundNumbers } from '../src/core/index';
import { formatWarning } from '../src/i18n/format-message';
import { CliError, readBytes } from './cli/read-inputs';
import { checkLanguage, demoNoteOf, formatCount, formatPercent, formatSeconds, INPUT_OPTIONS, inputUsage, locale, log, readInputs, runMain, say } from './cli/cli-common';
import { CoveragePool, createCoverageAnalysisInPool } from './cli/coverage-pool';

const USAGE = `${say('cli.usage.word')}: npm run analyze -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F]
                          [--group-by FIELD ...] [--join TABLE.csv --join-key COLUMN]
                          [--sheet NAME|N] [--crs EPSG:3405|vn2000-tm:105.5|…] [--lang vi|en] --out DIR
${inputUsage()};
${say('cli.usage.analyze')}`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_OPTIONS,
      'group-by': { type: 'string', multiple: true },
      join: { type: 'string' },
      threads: { type: 'string' },
      'join-key': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  checkLanguage(values.lang);
  if (!values.out) throw new CliError('cli.flagRequired', { flag: '--out DIR', usage: USAGE });
  const started = performance.now();
  const { input, config, warnings, summaries, crsReports } = await readInputs(values);
  if (values.join) {
    const joined = joinHouseholdTable(input.hamlets, decodeText(readBytes(values.join, 'indicators'), basename(values.join)).text, basename(values.join), values['join-key'] ?? 'code');
    input.hamlets = joined.hamlets;
    for (const warning of joined.warnings) {
      warnings.push(warning);
      log(say('cli.warning', { text: formatWarning(locale, warning) }));
    }
  }
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
      analysis = await createCoverageAnalysisInPool(pool, input, config, { onProgress });
    } finally {
      await pool.close();
    }
  } else {
    analysis = createCoverageAnalysis(input, config, { onProgress });
  }
  const groupBy = [...new Set(['district', 'commune', ...(values['group-by'] ?? [])])];
  const report = buildCoverageReport(analysis, groupBy);
  const allWarnings = [...warnings, ...report.warnings];
  mkdirSync(values.out, { recursive: true });
  const { sites, ...reportBody } = report;
  // Each warning also in words, in the run's language, for a reader of report.json.
  const warningsWithText = allWarnings.map((warning) => ({ ...warning, text: formatWarning(locale, warning) }));
  const reportJson = roundNumbers({ ...reportBody, ...demoNoteOf(input.demo), warnings: warningsWithText, imports: summaries.map(({ warnings: _w, ...rest }) => rest), coordinateSystems: crsReports });
  writeFileSync(join(values.out, 'report.json'), `${JSON.stringify(reportJson, null, 2)}\n`);
  writeFileSync(join(values.out, 'hamlets.csv'), formatHamletsCsv(report.hamlets));
  writeFileSync(join(values.out, 'hamlets.geojson'), JSON.stringify({ ...formatHamletsGeoJson(input, report.hamlets), ...demoNoteOf(input.demo) }));
  writeFileSync(join(values.out, 'sites.geojson'), JSON.stringify({ ...formatSitesGeoJson({ ...report, sites }, input.demo === true), ...demoNoteOf(input.demo) }));
  const k = report.kpis;
  log(say('cli.analyze.kpis', { hamlets: formatCount(k.hamlets), mobile: formatPercent(k.coveredMobileShare), g4: formatPercent(k.covered4gShare), g5: formatPercent(k.covered5gShare), ftth: formatPercent(k.coveredFtthShare) }));
  log(say('cli.analyze.sites', { sites: formatCount(k.sites), shared: formatCount(k.sharedSites), share: formatPercent(k.sharedSiteShare), warnings: formatCount(allWarnings.length) }));
  log(say('cli.analyze.wrote', { out: values.out, seconds: formatSeconds((performance.now() - started) / 1000, 2) }));
  return 0;
}

await runMain(main);
