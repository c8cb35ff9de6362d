// What every command-line tool shares: the analyze inputs' flags, the language (Vietnamese unless
// --lang en), reading the inputs (demo data when none is given), the per-file import summary on
// stderr, and turning errors into messages and exit codes.
import { appendAll, checkHamletLayer, isInputProblem, PlanConfigError, SitingError } from '../../src/core/index';
import type { DecodeProblem, Hamlet, ImportSummary } from '../../src/core/index';
import { readApproximateHamlets } from './read-approximate-hamlets';
import { DEMO_FILE_NOTE } from '../../src/i18n/messages-demo';
import type { MessageKey } from '../../src/i18n/dictionary';
import { formatNumber, formatPercent as formatLocalePercent, type Locale } from '../../src/i18n/format';
import { nameCrs } from '../../src/i18n/crs-name';
import { formatInputProblem, formatMessages, formatSkipped, formatWarning } from '../../src/i18n/format-message';
import { formatDecodeExpectation } from '../../src/i18n/decode-text';
import { formatSitingMessage } from '../../src/i18n/siting-text';
import { translate } from '../../src/i18n/translate';
import { CliError, demoPaths, loadInputFiles, type FileCrsReport, type InputPaths, type LoadedInputs } from './read-inputs';

/** `parseArgs` options of the analysis inputs, shared by analyze, propose, print and report. */
export const INPUT_OPTIONS = {
  hamlets: { type: 'string', multiple: true },
  sites: { type: 'string', multiple: true },
  fibre: { type: 'string', multiple: true },
  indicators: { type: 'string', multiple: true },
  config: { type: 'string' },
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  crs: { type: 'string' },
  communes: { type: 'string' },
  'accept-hamlet-layer': { type: 'boolean' },
} as const;

/** The inputs' part of every tool's usage text, in the run's language. */
export function inputUsage(): string {
  return `${say('cli.usage.inputs')};\n${say('approx.cliUsage')}`;
}

export interface InputValues {
  hamlets?: string[];
  sites?: string[];
  fibre?: string[];
  indicators?: string[];
  config?: string;
  sheet?: string;
  'header-row'?: string;
  crs?: string;
  lang?: string;
  /** Commune polygons: `--hamlets` is then a hamlet list (points or a table) and hamlets are approximate. */
  communes?: string;
  /** Analyse a hamlet layer that looks like communes or districts anyway. */
  'accept-hamlet-layer'?: boolean;
}

/**
 * The language of the run: `--lang en` (or `--lang=en`) for English, Vietnamese otherwise. Read from
 * the raw arguments so even an error in parsing the other flags is reported in the right language.
 */
export function cliLocale(argv: readonly string[] = process.argv.slice(2)): Locale {
  for (let index = 0; index < argv.length; index += 1) {
    const value = argv[index] === '--lang' ? argv[index + 1] : argv[index].startsWith('--lang=') ? argv[index].slice(7) : undefined;
    if (value !== undefined) return value.trim().toLowerCase() === 'en' ? 'en' : 'vi';
  }
  return 'vi';
}

/** The flags every tool takes besides its own: where to write, the language and help. */
export const COMMAND_OPTIONS = {
  out: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The start every tool shares: `--help` prints the usage (the answer is then null and the tool
 * exits 0), a `--lang` other than vi or en is refused, and so is a run without `--out`; otherwise
 * the answer is the `--out` path. `required` names the flags in the refusal ("--out DIR").
 */
export function outputOf(values: { out?: string; lang?: string; help?: boolean }, usage: string, required: string): string | null {
  if (values.help) {
    console.log(usage);
    return null;
  }
  checkLanguage(values.lang);
  if (!values.out) throw new CliError('cli.flagRequired', { flag: required, usage });
  return values.out;
}

/** `--match-meters N`: how far apart a site may move between two results and still be the same one (30 m unless given). */
export function matchMetersOf(text: string | undefined): number {
  const value = text === undefined ? 30 : Number(text);
  if (!Number.isFinite(value) || value < 0) throw new CliError('cli.flagNonNegative', { flag: '--match-meters', value: text ?? '' });
  return value;
}

/** Refuses a `--lang` other than vi or en (the run's language is read from the raw arguments). */
export function checkLanguage(value: string | undefined): void {
  if (value !== undefined && value !== 'vi' && value !== 'en') throw new CliError('cli.flagOneOf', { flag: '--lang', allowed: 'vi, en', value });
}

/** The run's language, fixed at start-up. */
export const locale: Locale = cliLocale();

/** A CLI text in the run's language. */
export function say(key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  return translate(locale, key, values);
}

export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** A share as a percentage in the run's language (`93,8 %`, `93.8%`); `—` when missing. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : formatLocalePercent(value, locale);
}

/** A count in the run's language (`1.234`, `1,234`). */
export function formatCount(value: number): string {
  return formatNumber(value, locale);
}

/** Seconds with one or two decimals in the run's language. */
export function formatSeconds(seconds: number, digits = 1): string {
  return formatNumber(Number(seconds.toFixed(digits)), locale, digits);
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
  const options = { ...(values.sheet === undefined ? {} : { sheet: values.sheet }), ...(values.crs === undefined ? {} : { crs: values.crs }), ...headerRowOption(values['header-row']) };
  const approximate = values.communes !== undefined;
  if (approximate && paths.hamlets.length === 0) throw new CliError('approx.cliNeedsCommunes');
  const loaded = await loadInputFiles(approximate ? { ...paths, hamlets: [] } : paths, options, approximate);
  if (approximate) {
    const built = await readApproximateHamlets(paths.hamlets, values.communes!, loaded.config, options);
    loaded.input.hamlets = built.hamlets;
    const listSummary = built.summaries[built.summaries.length - 1];
    built.summaries[built.summaries.length - 1] = { ...listSummary, warnings: [...listSummary.warnings, ...built.warnings] };
    loaded.summaries = [...built.summaries, ...loaded.summaries];
    appendAll(loaded.warnings, built.warnings);
  }
  logImportSummaries(loaded.summaries, loaded.crsReports);
  if (approximate) {
    const { voronoi, commune } = countApproximations(loaded.input.hamlets);
    log(say('approx.built', { count: formatCount(loaded.input.hamlets.length), communes: formatCount(new Set(loaded.input.hamlets.map((hamlet) => String(hamlet.properties.commune_code ?? hamlet.commune))).size), voronoi: formatCount(voronoi), commune: formatCount(commune) }));
  } else if (values.hamlets !== undefined && values.hamlets.length > 0) {
    // A layer of communes or districts given as hamlets is a question, not silence.
    const { findings } = checkHamletLayer(loaded.input.hamlets);
    for (const finding of findings) log(say('cli.warning', { text: formatWarning(locale, finding) }));
    if (findings.length > 0 && values['accept-hamlet-layer'] !== true) throw new CliError('approx.cliRefused');
    if (findings.length > 0) {
      log(say('approx.cliAccepted'));
      appendAll(loaded.warnings, findings);
    }
  }
  if (loaded.input.demo) log(demoLine());
  return loaded;
}

function countApproximations(hamlets: readonly Hamlet[]): { voronoi: number; commune: number } {
  let voronoi = 0;
  for (const hamlet of hamlets) if (hamlet.properties.approximation === 'voronoi') voronoi++;
  return { voronoi, commune: hamlets.length - voronoi };
}

/** `--header-row N`: the header row of every CSV (its line) and .xlsx sheet (its row), instead of the one found. */
function headerRowOption(value: string | undefined): { headerRow?: number } {
  if (value === undefined) return {};
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new CliError('cli.flagWholeNumber', { flag: '--header-row', value });
  return { headerRow: Number(value) };
}

function logImportSummaries(summaries: ImportSummary[], crsReports: FileCrsReport[]): void {
  for (const summary of summaries) {
    const kind = say(`cli.kind.${summary.kind}`);
    log(say('cli.summary', { file: summary.file, kind, read: formatCount(summary.rowsRead), used: formatCount(summary.rowsUsed), skipped: formatCount(summary.skipped.length) }));
    const crs = crsReports.find((report) => report.file === summary.file)?.crs;
    if (crs !== undefined && crs.crsId !== 'EPSG:4326') {
      log(say('cli.coordinates', {
        crs: nameCrs(crs.crsId, crs.crsLabel, locale),
        swapped: crs.isSwapped ? say('cli.swapped') : '',
        source: say(`import.crsSource.${crs.source}`),
        confidence: say(`import.confidence.${crs.confidence}`),
        description: formatMessages(locale, crs.description),
      }));
    }
    // The coordinates line above already tells the guess.
    const shown = summary.warnings.filter((warning) => warning.code !== 'crs-guessed');
    for (const warning of shown.slice(0, 8)) log(say('cli.warning', { text: formatWarning(locale, warning) }));
    if (shown.length > 8) log(say('cli.moreWarnings', { count: formatCount(shown.length - 8) }));
    for (const skipped of summary.skipped.slice(0, 5)) log(say('cli.skipped', { where: skipped.where, reason: formatSkipped(locale, skipped) }));
    if (summary.skipped.length > 5) log(say('cli.moreSkipped', { count: formatCount(summary.skipped.length - 5) }));
  }
}

/** A user error of another module (e.g. core's `SitingError`), shown with its own message. */
type UserErrorType = abstract new (...args: never[]) => Error;

/**
 * Runs a CLI's main: a user error (a named file that cannot be used, a bad flag) prints its message in
 * the run's language and exits 1; anything else is an internal error (exit 2), with its stack only
 * under DEBUG=1. Never a bare stack trace.
 */
export async function runMain(main: (argv: string[]) => Promise<number>, userErrors: UserErrorType[] = []): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    const text = userErrorText(error, userErrors);
    if (text !== null) {
      process.stderr.write(`${say('cli.error', { message: text })}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`${say('cli.internalError', { message: (error as Error).message ?? String(error) })}\n`);
      if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
      process.exitCode = 2;
    }
  }
}

/** One problem of a decoded file or record (a plan, a snapshot, an analyze output) by its JSON path, in the run's language. */
export function formatDecodeProblem(problem: DecodeProblem): string {
  const text = say(`cli.decode.${problem.code}`, { path: problem.path === '' ? '—' : problem.path });
  const expectation = formatDecodeExpectation(problem, locale);
  return expectation === '' ? text : `${text} ${expectation}`;
}

/** A configuration's `plan` member that cannot be used: each problem by its JSON path. */
function formatPlanConfigError(error: PlanConfigError): string {
  return `${error.file}: ${error.problems.map(formatDecodeProblem).join('; ')}`;
}

/** The line every tool prints for demo data: what in it is real and what is generated. */
export function demoLine(): string {
  return `${say('app.demoBanner').toLocaleUpperCase(locale)}: ${say('demo.notice')}`;
}

/** Megabits per second with one decimal in the run's language; `—` when missing. */
export function formatMbps(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatNumber(Number(value.toFixed(1)), locale, 1);
}

function userErrorText(error: unknown, userErrors: UserErrorType[]): string | null {
  if (isInputProblem(error)) return formatInputProblem(locale, error);
  if (error instanceof CliError) return say(error.key, error.values);
  if (error instanceof PlanConfigError) return formatPlanConfigError(error);
  // The siting engine says what is wrong as a code and parameters, like every other core module.
  if (error instanceof SitingError) return formatSitingMessage(error.detail, locale);
  if (userErrors.some((type) => error instanceof type)) return (error as Error).message;
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return say('cli.badOption', { detail: (error as Error).message });
  return null;
}
