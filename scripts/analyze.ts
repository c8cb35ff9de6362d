// npm run analyze -- --hamlets F --sites F [--sites F ...] [--fibre F ...] [--indicators F]
//                    [--config F] [--group-by FIELD ...] [--sheet NAME] [--crs SYSTEM] --out DIR
// With no input flag it analyses the demo dataset in public/geodata.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { decodeText, joinHouseholdTable, buildCoverageReport, createCoverageAnalysis, formatHamletsCsv, formatHamletsGeoJson, formatSitesGeoJson, roundNumbers, CoverageInputError } from '../src/core/index';
import { CliError, demoPaths, loadInputFiles, readBytes, type InputPaths } from './cli/read-inputs';
import { CoveragePool, createCoverageAnalysisInPool } from './cli/coverage-pool';

const USAGE = `usage: npm run analyze -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F]
                          [--group-by FIELD ...] [--join TABLE.csv --join-key COLUMN]
                          [--sheet NAME|N] [--crs EPSG:3405|vn2000-tm:105.5|…] --out DIR
  files: GeoJSON, TopoJSON, KML, KMZ, zipped Shapefile (.zip), CSV/TSV/TXT (UTF-8, UTF-16, cp1258), .xlsx;
  --sheet picks the Excel sheet (name or 1-based number) of every .xlsx given;
  --crs sets the coordinate system of the geodata files in metres (else .prj, GeoJSON "crs", or a guess);
  with no --hamlets, the demo dataset (public/geodata) is analysed;
  --join takes households/population per hamlet from a table (e.g. a census by GSO code);
  --threads N spreads the scan over N worker threads (default: all cores from 5,000 hamlets on)`;

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      hamlets: { type: 'string', multiple: true },
      sites: { type: 'string', multiple: true },
      fibre: { type: 'string', multiple: true },
      indicators: { type: 'string', multiple: true },
      config: { type: 'string' },
      'group-by': { type: 'string', multiple: true },
      join: { type: 'string' },
      threads: { type: 'string' },
      'join-key': { type: 'string' },
      sheet: { type: 'string' },
      crs: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) throw new CliError(`--out DIR is required\n${USAGE}`);
  const anyInput = values.hamlets || values.sites || values.fibre || values.indicators;
  const paths: InputPaths = anyInput
    ? { hamlets: values.hamlets ?? [], sites: values.sites ?? [], fibre: values.fibre ?? [], indicators: values.indicators ?? [], config: values.config }
    : { ...demoPaths(), config: values.config };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const options = { ...(values.sheet === undefined ? {} : { sheet: values.sheet }), ...(values.crs === undefined ? {} : { crs: values.crs }) };
  const { input, config, warnings, summaries, crsReports } = await loadInputFiles(paths, options);
  if (values.join) {
    const joined = joinHouseholdTable(input.hamlets, decodeText(readBytes(values.join, 'indicators'), basename(values.join)).text, basename(values.join), values['join-key'] ?? 'code');
    input.hamlets = joined.hamlets;
    warnings.push(...joined.warnings);
    for (const warning of joined.warnings) log(`${warning.code}: ${warning.message}`);
  }
  for (const warning of warnings.filter((item) => item.code === 'file-unusable')) log(`error: ${warning.message}`);
  for (const summary of summaries) {
    log(`${summary.file} (${summary.kind}): ${summary.rowsRead} read, ${summary.rowsUsed} used, ${summary.skipped.length} skipped`);
    const crs = crsReports.find((report) => report.file === summary.file)?.crs;
    if (crs !== undefined && crs.crsId !== 'EPSG:4326') log(`  coordinates: ${crs.crsLabel}${crs.isSwapped ? ', axes swapped' : ''} (${crs.source}, ${crs.confidence} confidence) — ${crs.description}`);
    // The coordinates line above already tells the guess.
    const shown = summary.warnings.filter((warning) => warning.code !== 'crs-guessed');
    for (const warning of shown.slice(0, 8)) log(`  warning ${warning.code}: ${warning.message}`);
    if (shown.length > 8) log(`  … ${shown.length - 8} more warnings in report.json`);
    for (const skipped of summary.skipped.slice(0, 5)) log(`  skipped ${skipped.where}: ${skipped.reason}`);
    if (summary.skipped.length > 5) log(`  … ${summary.skipped.length - 5} more skipped rows listed in report.json warnings`);
  }
  if (input.demo) log('DỮ LIỆU MINH HỌA / DEMO DATA: generated, not official');
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
  const reportJson = roundNumbers({ ...reportBody, warnings: allWarnings, imports: summaries.map(({ warnings: _w, ...rest }) => rest), coordinateSystems: crsReports });
  writeFileSync(join(values.out, 'report.json'), `${JSON.stringify(reportJson, null, 2)}\n`);
  writeFileSync(join(values.out, 'hamlets.csv'), `\uFEFF${formatHamletsCsv(report.hamlets)}\n`);
  writeFileSync(join(values.out, 'hamlets.geojson'), JSON.stringify(formatHamletsGeoJson(input, report.hamlets)));
  writeFileSync(join(values.out, 'sites.geojson'), JSON.stringify(formatSitesGeoJson({ ...report, sites }, input.demo === true)));
  const k = report.kpis;
  log(`${k.hamlets} hamlets: mobile broadband ${percent(k.coveredMobileShare)}, 4G ${percent(k.covered4gShare)}, 5G ${percent(k.covered5gShare)}, FTTH ${percent(k.coveredFtthShare)}`);
  log(`${k.sites} sites, ${k.sharedSites} shared (${percent(k.sharedSiteShare)}); ${allWarnings.length} warnings`);
  log(`wrote ${values.out}/report.json, hamlets.csv, hamlets.geojson, sites.geojson in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CoverageInputError || error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`internal error: ${(error as Error).message ?? String(error)}\n(please report it with the input files; run with DEBUG=1 for details)\n`);
    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 2;
  }
}
