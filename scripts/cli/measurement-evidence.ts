// The measurement side of `npm run analyze`: the flags, reading the measurement files (any format the
// core measurement parser reads) and turning flags and config into the rules. Node only.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { concatMeasurementSets, CoverageInputError, DEFAULT_MEASUREMENT_OPTIONS, MAX_MEASUREMENT_BYTES, parseMeasurementBytes } from '../../src/core/index';
import type { CoverageConfig, MeasurementOptions, MeasurementSet, ParseInputOptions, Warning } from '../../src/core/index';
import { CliError } from './read-inputs';

/** `parseArgs` options of the measurements. */
export const MEASUREMENT_FLAGS = {
  measurements: { type: 'string', multiple: true },
  'rsrp-threshold': { type: 'string' },
  'h3-resolution': { type: 'string' },
  seed: { type: 'string' },
  'h3-view': { type: 'string' },
} as const;

export const MEASUREMENT_USAGE = `  --measurements F (repeatable): speed tests or drive tests (i-Speed/speedtest tables, G-NetTrack,
    RTR/NetMetr, Ookla tiles, lat,lon,operator,technology,download_mbps) in CSV/TSV, .xlsx, GeoJSON or a
    zipped Shapefile: adds report.json "measurements", the measured speed targets, challenges.geojson/.csv;
  --rsrp-threshold DBM (default -110), --h3-resolution 8|9 (default 8), --seed N for the calibration's
    bootstrap (default 1); --h3-view LAYER[:OPERATOR] writes hexagons.geojson (mobile, 4g, 5g, ftth)`;

/** The measurement files read, as one set, with one import summary per file. */
export interface LoadedMeasurements {
  set: MeasurementSet;
  summaries: { file: string; kind: 'measurements'; format: string; rowsRead: number; rowsUsed: number; skipped: number }[];
  warnings: Warning[];
  skipped: number;
}

/** Reads every measurement file; a file that cannot be used is reported and the others are read. */
export async function readMeasurementFiles(paths: readonly string[], options: ParseInputOptions, log: (line: string) => void): Promise<LoadedMeasurements> {
  const sets: MeasurementSet[] = [];
  const summaries: LoadedMeasurements['summaries'] = [];
  const warnings: Warning[] = [];
  let skipped = 0;
  for (const path of paths) {
    const file = basename(path);
    let size: number;
    try {
      size = statSync(path).size;
    } catch (error) {
      throw new CliError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'error'})`);
    }
    if (size > MAX_MEASUREMENT_BYTES) throw new CliError(`${file} is ${(size / 1048576).toFixed(0)} MB, more than the ${MAX_MEASUREMENT_BYTES / 1048576} MB read for measurements; split it by month`);
    try {
      const parsed = await parseMeasurementBytes(file, new Uint8Array(readFileSync(path)), {
        ...options,
        onProgress: (done, total) => {
          if (total >= 200000 && done % 200000 === 0) log(`reading ${file}: ${done}/${total} rows`);
        },
      });
      sets.push(parsed.set);
      summaries.push({ file: parsed.file, kind: 'measurements', format: parsed.format, rowsRead: parsed.rowsRead, rowsUsed: parsed.rowsUsed, skipped: parsed.skipped.length });
      for (const warning of parsed.warnings) warnings.push(warning);
      for (const item of parsed.skipped) warnings.push({ code: 'row-skipped', message: item.reason, where: item.where });
      skipped += parsed.skipped.length;
      log(`${parsed.file} (measurements, ${parsed.format}): ${parsed.rowsRead} read, ${parsed.rowsUsed} used, ${parsed.skipped.length} skipped`);
      for (const warning of parsed.warnings.slice(0, 8)) log(`  warning ${warning.code}: ${warning.message}`);
      for (const item of parsed.skipped.slice(0, 5)) log(`  skipped ${item.where}: ${item.reason}`);
    } catch (error) {
      if (!(error instanceof CoverageInputError)) throw error;
      log(`error: ${error.message}; the file is not used`);
      warnings.push({ code: 'file-unusable', message: `${error.message}; the file is not used`, where: file });
      summaries.push({ file, kind: 'measurements', format: 'unreadable', rowsRead: 0, rowsUsed: 0, skipped: 0 });
    }
  }
  return { set: concatMeasurementSets(sets), summaries, warnings, skipped };
}

/** The rules: the flags over the config's `measurements` over the defaults. */
export function measurementOptionsFrom(values: { 'rsrp-threshold'?: string; 'h3-resolution'?: string }, config: CoverageConfig): MeasurementOptions {
  const options = { ...DEFAULT_MEASUREMENT_OPTIONS, ...config.measurements };
  if (values['rsrp-threshold'] !== undefined) {
    const value = Number(values['rsrp-threshold']);
    if (!(value >= -156 && value <= -31)) throw new CliError(`--rsrp-threshold must be a level in dBm between -156 and -31, not "${values['rsrp-threshold']}"`);
    options.rsrpThresholdDbm = value;
  }
  if (values['h3-resolution'] !== undefined) {
    const value = Number(values['h3-resolution']);
    if (value !== 8 && value !== 9) throw new CliError(`--h3-resolution must be 8 or 9, not "${values['h3-resolution']}"`);
    options.h3Resolution = value;
  }
  return options;
}

/** A seed from `--seed`, default 1. */
export function seedFrom(text: string | undefined): number {
  if (text === undefined) return 1;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new CliError(`--seed must be a whole number, not "${text}"`);
  return value;
}
