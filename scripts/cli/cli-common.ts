// What every command-line tool shares: the analyze inputs' flags, reading them (demo data when none
// is given), the per-file import summary on stderr, and turning errors into messages and exit codes.
import { CoverageInputError, PlanConfigError } from '../../src/core/index';
import type { ImportSummary } from '../../src/core/index';
import { vi } from '../../src/i18n/dictionary';
import { DEMO_FILE_NOTE } from '../../src/i18n/messages-demo';
import { CliError, demoPaths, loadInputFiles, type FileCrsReport, type InputPaths, type LoadedInputs } from './read-inputs';

/** `parseArgs` options of the analysis inputs, shared by analyze, propose and print. */
export const INPUT_OPTIONS = {
  hamlets: { type: 'string', multiple: true },
  sites: { type: 'string', multiple: true },
  fibre: { type: 'string', multiple: true },
  indicators: { type: 'string', multiple: true },
  config: { type: 'string' },
  sheet: { type: 'string' },
  crs: { type: 'string' },
} as const;

export const INPUT_USAGE = `  files: GeoJSON, TopoJSON, KML, KMZ, zipped Shapefile (.zip), CSV/TSV/TXT (UTF-8, UTF-16, cp1258), .xlsx;
  --sheet picks the Excel sheet (name or 1-based number) of every .xlsx given;
  --crs sets the coordinate system of the geodata files in metres (else .prj, GeoJSON "crs", or a guess);
  with no --hamlets, the demo dataset (public/geodata) is used`;

export interface InputValues {
  hamlets?: string[];
  sites?: string[];
  fibre?: string[];
  indicators?: string[];
  config?: string;
  sheet?: string;
  crs?: string;
}

export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

/** The `note` member every JSON or GeoJSON output made from demo data carries (what is real, what is generated). */
export function demoNoteOf(isDemo: boolean | undefined): { note?: string } {
  return isDemo ? { note: DEMO_FILE_NOTE } : {};
}

/** Reads the inputs the flags name (the demo dataset when none is named) and logs what each file gave. */
export async function readInputs(values: InputValues): Promise<LoadedInputs & { crsReports: FileCrsReport[] }> {
  const anyInput = values.hamlets || values.sites || values.fibre || values.indicators;
  const paths: InputPaths = anyInput
    ? { hamlets: values.hamlets ?? [], sites: values.sites ?? [], fibre: values.fibre ?? [], indicators: values.indicators ?? [], config: values.config }
    : { ...demoPaths(), config: values.config };
  const options = { ...(values.sheet === undefined ? {} : { sheet: values.sheet }), ...(values.crs === undefined ? {} : { crs: values.crs }) };
  const loaded = await loadInputFiles(paths, options);
  for (const warning of loaded.warnings.filter((item) => item.code === 'file-unusable')) log(`error: ${warning.message}`);
  logImportSummaries(loaded.summaries, loaded.crsReports);
  if (loaded.input.demo) log(`${vi['app.demoBanner'].toLocaleUpperCase('vi')}: ${vi['demo.notice']}`);
  return loaded;
}

function logImportSummaries(summaries: ImportSummary[], crsReports: FileCrsReport[]): void {
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
}

/**
 * Runs a CLI's main: a user error (bad input, bad flag) prints its message and exits 1; anything
 * else is an internal error (exit 2), with its stack only under DEBUG=1. Never a bare stack trace.
 */
export async function runMain(main: (argv: string[]) => Promise<number>, userErrors: (abstract new (...args: never[]) => Error)[] = []): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    const isUserError =
      error instanceof CoverageInputError || error instanceof PlanConfigError || error instanceof CliError || userErrors.some((type) => error instanceof type) || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (isUserError) {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`internal error: ${(error as Error).message ?? String(error)}\n(please report it with the input files; run with DEBUG=1 for details)\n`);
      if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
      process.exitCode = 2;
    }
  }
}
