// File-system side of the CLIs: reads the files named on the command line (or the demo dataset)
// and hands their text to the core parsers. Node only.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInputSize, combineInputFiles, CoverageInputError, parseInputBytes, resolvePlanConfig, DEFAULT_CONFIG, SOC_TRANG_2025_PROFILE } from '../../src/core/index';
import type { CoverageConfig, CoverageInput, CrsReport, ImportSummary, InputKind, ParsedInputBytes, ParseInputOptions, PlanProfile, Warning } from '../../src/core/index';
import type { MessageKey } from '../../src/i18n/dictionary';
import { detectGisFormat } from '../../src/formats/gis-format';
import { parseGisPath } from './read-gis-input';

export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'geodata');

export const DEMO_FILES: Record<Exclude<InputKind, 'indicators'> | 'indicators', string[]> = {
  hamlets: ['hamlets.geojson'],
  sites: ['sites.geojson'],
  fibre: ['fibre.geojson'],
  indicators: ['indicators.json'],
};

export interface InputPaths {
  hamlets: string[];
  sites: string[];
  fibre: string[];
  indicators: string[];
  config?: string;
}

export interface LoadedInputs {
  input: CoverageInput;
  config: CoverageConfig;
  /** The plan the configuration's `plan` member describes (the Sóc Trăng plan to 2025 without one). */
  profile: PlanProfile;
  warnings: Warning[];
  summaries: ImportSummary[];
}

/** Reads a UTF-8 text file; a missing or unreadable file is a user error naming it, not a crash. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw fileError(path, error);
  }
}

/** A file the system cannot give us, as an input problem naming it (`file-not-found`, `file-read-failed`). */
export function fileError(path: string, error: unknown): CoverageInputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CoverageInputError({ code: 'file-not-found', file: path, cause: error });
  return new CoverageInputError({ code: 'file-read-failed', file: path, params: { value: code ?? 'error' }, cause: error });
}

/** A user error of the command line (a bad flag): a dictionary text, shown in the run's language. */
export class CliError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${key} ${JSON.stringify(values)}`);
    this.name = 'CliError';
  }
}

/** Paths of the demo dataset, used when no input flag is given. */
export function demoPaths(): InputPaths {
  const paths = (names: string[]) => names.map((name) => join(DEMO_DIR, name));
  return { hamlets: paths(DEMO_FILES.hamlets), sites: paths(DEMO_FILES.sites), fibre: paths(DEMO_FILES.fibre), indicators: paths(DEMO_FILES.indicators) };
}

/** Reads a file's bytes, refusing a too-big one before reading it. */
export function readBytes(path: string, kind: InputKind): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw fileError(path, error);
  }
  const check = checkInputSize(size, kind, basename(path));
  if (!check.ok) throw new CoverageInputError({ code: 'file-too-large', file: basename(path), params: check.reason?.params ?? {} });
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw fileError(path, error);
  }
}

/** One file's coordinate-system report, for stderr. */
export interface FileCrsReport {
  file: string;
  crs: CrsReport;
}

/**
 * Reads and parses every input file from its bytes (any format `parseInputBytes` reads). Every file was
 * named by the user, so one that cannot be used, or yields no usable row, stops the run with its name
 * and the reason (a CoverageInputError: exit 1), whatever went wrong inside: a library's exception or
 * running out of memory on a huge file is reported as `file-unreadable` for that file, not as an
 * internal error.
 */
export async function loadInputFiles(paths: InputPaths, options: ParseInputOptions = {}, hamletsElsewhere = false): Promise<LoadedInputs & { crsReports: FileCrsReport[] }> {
  const { config, profile } = paths.config ? resolvePlanConfig(readText(paths.config), basename(paths.config)) : { config: DEFAULT_CONFIG, profile: SOC_TRANG_2025_PROFILE };
  if (paths.hamlets.length === 0 && !hamletsElsewhere) throw new CliError('cli.noHamlets');
  const parsed: ParsedInputBytes[] = [];
  for (const kind of Object.keys(DEMO_FILES) as InputKind[]) {
    for (const path of paths[kind]) {
      const file = basename(path);
      const bytes = readBytes(path, kind);
      try {
        parsed.push(detectGisFormat(file, bytes) === null ? await parseInputBytes(kind, file, bytes, config, options) : await parseGisPath(kind, path, bytes, config, options));
      } catch (error) {
        if (error instanceof CoverageInputError) throw error;
        throw new CoverageInputError({ code: 'file-unreadable', file, cause: error });
      }
    }
  }
  const combined = combineInputFiles(parsed);
  const crsReports = parsed.flatMap((file) => (file.crs === undefined ? [] : [{ file: file.summaries[0]?.file ?? '', crs: file.crs }]));
  return { input: combined.input, config, profile, warnings: combined.warnings, summaries: combined.summaries, crsReports };
}
