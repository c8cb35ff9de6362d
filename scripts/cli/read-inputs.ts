// File-system side of the CLIs: reads the files named on the command line (or the demo dataset)
// and hands their text to the core parsers. Node only.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { combineInputFiles, parseInputFile, resolveConfig, DEFAULT_CONFIG } from '../../src/core/index';
import type { CoverageConfig, CoverageInput, ImportSummary, InputKind, Warning } from '../../src/core/index';

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

/** Reads and parses every input file; messages name files by their base name as given. */
export function loadInputs(paths: InputPaths): LoadedInputs {
  const config = paths.config ? resolveConfig(readText(paths.config), basename(paths.config)) : DEFAULT_CONFIG;
  if (paths.hamlets.length === 0) throw new CliError('no hamlet layer: give --hamlets FILE (GeoJSON polygons)');
  const parsed = (Object.keys(DEMO_FILES) as InputKind[]).flatMap((kind) => paths[kind].map((path) => parseInputFile(kind, basename(path), readText(path), config)));
  const combined = combineInputFiles(parsed);
  if (combined.input.hamlets.length === 0) throw new CliError(`${paths.hamlets.map((p) => basename(p)).join(', ')}: no usable hamlet polygon`);
  return { input: combined.input, config, warnings: combined.warnings, summaries: combined.summaries };
}
