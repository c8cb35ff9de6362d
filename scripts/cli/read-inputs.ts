// File-system side of the CLIs: reads the files named on the command line (or the demo dataset)
// and hands their text to the core parsers. Node only.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInputSize, combineInputFiles, CoverageInputError, parseInputBytes, resolvePlanConfig, DEFAULT_CONFIG, SOC_TRANG_2025_PROFILE } from '../../src/core/index';
import type { CoverageConfig, CoverageInput, CrsReport, ImportSummary, InputKind, ParsedInputBytes, ParseInputOptions, PlanProfile, Warning } from '../../src/core/index';
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

/** Reads a UTF-8 text file; a missing or unreadable file is a user error, not a crash. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code ?? 'error'})`);
  }
}

/** An error whose message is for the user as it stands (no stack trace). */
export class CliError extends Error {}

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
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code ?? 'error'})`);
  }
  const check = checkInputSize(size, kind, basename(path));
  if (!check.ok) throw new CliError(check.message);
  return new Uint8Array(readFileSync(path));
}

/** One file's coordinate-system report, for stderr. */
export interface FileCrsReport {
  file: string;
  crs: CrsReport;
}

/**
 * Reads and parses every input file from its bytes (any format `parseInputBytes` reads). A hamlet file
 * that cannot be used stops the run; a sites, fibre or indicators file that cannot be used is reported
 * (warning `file-unusable`, a summary with 0 rows) and the run goes on with the others.
 */
export async function loadInputFiles(paths: InputPaths, options: ParseInputOptions = {}): Promise<LoadedInputs & { crsReports: FileCrsReport[] }> {
  const { config, profile } = paths.config ? resolvePlanConfig(readText(paths.config), basename(paths.config)) : { config: DEFAULT_CONFIG, profile: SOC_TRANG_2025_PROFILE };
  if (paths.hamlets.length === 0) throw new CliError('no hamlet layer: give --hamlets FILE (GeoJSON, TopoJSON, KML/KMZ or a zipped Shapefile)');
  const parsed: ParsedInputBytes[] = [];
  const unusable: Warning[] = [];
  const unusableSummaries: ImportSummary[] = [];
  for (const kind of Object.keys(DEMO_FILES) as InputKind[]) {
    for (const path of paths[kind]) {
      const file = basename(path);
      try {
        const bytes = readBytes(path, kind);
        parsed.push(detectGisFormat(file, bytes) === null ? await parseInputBytes(kind, file, bytes, config, options) : await parseGisPath(kind, path, bytes, config, options));
      } catch (error) {
        if (kind === 'hamlets' || !(error instanceof CoverageInputError)) throw error;
        unusable.push({ code: 'file-unusable', message: `${error.message}; the file is not used`, where: file });
        unusableSummaries.push({ file, kind, rowsRead: 0, rowsUsed: 0, skipped: [], warnings: [] });
      }
    }
  }
  const combined = combineInputFiles(parsed);
  if (combined.input.hamlets.length === 0) throw new CliError(`${paths.hamlets.map((p) => basename(p)).join(', ')}: no usable hamlet polygon`);
  const crsReports = parsed.flatMap((file) => (file.crs === undefined ? [] : [{ file: file.summaries[0]?.file ?? '', crs: file.crs }]));
  return { input: combined.input, config, profile, warnings: [...unusable, ...combined.warnings], summaries: [...combined.summaries, ...unusableSummaries], crsReports };
}
