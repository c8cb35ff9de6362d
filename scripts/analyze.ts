// npm run analyze -- --hamlets F --sites F [--sites F ...] [--fibre F ...] [--indicators F]
//                    [--config F] [--group-by FIELD ...] [--sheet NAME] [--crs SYSTEM] --out DIR
// With no input flag it analyses the demo dataset in public/geodata.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { decodeText, joinHouseholdTable, buildCoverageReport, createCoverageAnalysis, formatHamletsCsv, formatHamletsGeoJson, formatSitesGeoJson, roundNumbers } from '../src/core/index';
import { CliError, readBytes } from './cli/read-inputs';
import { demoNoteOf, formatPercent, INPUT_OPTIONS, INPUT_USAGE, log, readInputs, runMain } from './cli/cli-common';
import { CoveragePool, createCoverageAnalysisInPool } from './cli/coverage-pool';

const USAGE = `usage: npm run analyze -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F]
                          [--group-by FIELD ...] [--join TABLE.csv --join-key COLUMN]
                          [--sheet NAME|N] [--crs EPSG:3405|vn2000-tm:105.5|…] --out DIR
${INPUT_USAGE};
  --join takes households/population per hamlet from a table (e.g. a census by GSO code);
  --threads N spreads the scan over N worker threads (default: all cores from 5,000 hamlets on)`;

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
  if (!values.out) throw new CliError(`--out DIR is required\n${USAGE}`);
  const started = performance.now();
  const { input, config, warnings, summaries, crsReports } = await readInputs(values);
  if (values.join) {
    const joined = joinHouseholdTable(input.hamlets, decodeText(readBytes(values.join, 'indicators'), basename(values.join)).text, basename(values.join), values['join-key'] ?? 'code');
    input.hamlets = joined.hamlets;
    for (const warning of joined.warnings) warnings.push(warning);
    for (const warning of joined.warnings) log(`${warning.code}: ${warning.message}`);
  }
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
  const reportJson = roundNumbers({ ...reportBody, ...demoNoteOf(input.demo), warnings: allWarnings, imports: summaries.map(({ warnings: _w, ...rest }) => rest), coordinateSystems: crsReports });
  writeFileSync(join(values.out, 'report.json'), `${JSON.stringify(reportJson, null, 2)}\n`);
  writeFileSync(join(values.out, 'hamlets.csv'), `\uFEFF${formatHamletsCsv(report.hamlets)}\n`);
  writeFileSync(join(values.out, 'hamlets.geojson'), JSON.stringify({ ...formatHamletsGeoJson(input, report.hamlets), ...demoNoteOf(input.demo) }));
  writeFileSync(join(values.out, 'sites.geojson'), JSON.stringify({ ...formatSitesGeoJson({ ...report, sites }, input.demo === true), ...demoNoteOf(input.demo) }));
  const k = report.kpis;
  log(`${k.hamlets} hamlets: mobile broadband ${formatPercent(k.coveredMobileShare)}, 4G ${formatPercent(k.covered4gShare)}, 5G ${formatPercent(k.covered5gShare)}, FTTH ${formatPercent(k.coveredFtthShare)}`);
  log(`${k.sites} sites, ${k.sharedSites} shared (${formatPercent(k.sharedSiteShare)}); ${allWarnings.length} warnings`);
  log(`wrote ${values.out}/report.json, hamlets.csv, hamlets.geojson, sites.geojson in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return 0;
}

await runMain(main);
