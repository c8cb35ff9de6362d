// The measurement side of `npm run analyze`: the flags, reading the measurement files (any format the
// core measurement parser reads) and turning flags and config into the rules. Node only.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { concatMeasurementSets, CoverageInputError, DEFAULT_MEASUREMENT_OPTIONS, isInputProblem, MAX_MEASUREMENT_BYTES, parseMeasurementBytes } from '../../src/core/index';
import type { CoverageConfig, MeasurementOptions, MeasurementSet, ParseInputOptions, Warning } from '../../src/core/index';
import { formatSkipped, formatWarning } from '../../src/i18n/format-message';
import { formatCount, locale, say } from './cli-common';
import { CliError, fileError } from './read-inputs';

/** `parseArgs` options of the measurements. */
export const MEASUREMENT_FLAGS = {
  measurements: { type: 'string', multiple: true },
  'rsrp-threshold': { type: 'string' },
  'h3-resolution': { type: 'string' },
  seed: { type: 'string' },
  'h3-view': { type: 'string' },
} as const;

/** The measurement flags' part of the usage text, in the run's language. */
export function measurementUsage(): string {
  return say('cli.usage.measurements');
}

/** The measurement files read, as one set, with one import summary per file. */
export interface LoadedMeasurements {
  set: MeasurementSet;
  summaries: { file: string; kind: 'measurements'; format: string; rowsRead: number; rowsUsed: number; skipped: number }[];
  warnings: Warning[];
  skipped: number;
}

/**
 * Reads every measurement file. Each was named by the user, so one that cannot be used stops the run
 * with its name and the reason (exit 1), as the other inputs do.
 */
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
      throw fileError(path, error);
    }
    if (size > MAX_MEASUREMENT_BYTES) {
      throw new CoverageInputError({ code: 'measurements-too-large', file, params: { sizeMb: Math.round(size / 1048576), limitMb: Math.round(MAX_MEASUREMENT_BYTES / 1048576) } });
    }
    try {
      const parsed = await parseMeasurementBytes(file, new Uint8Array(readFileSync(path)), {
        ...options,
        onProgress: (done, total) => {
          if (total >= 200000 && done % 200000 === 0) log(say('cli.measurements.progress', { file, done: formatCount(done), total: formatCount(total) }));
        },
      });
      sets.push(parsed.set);
      summaries.push({ file: parsed.file, kind: 'measurements', format: parsed.format, rowsRead: parsed.rowsRead, rowsUsed: parsed.rowsUsed, skipped: parsed.skipped.length });
      for (const warning of parsed.warnings) warnings.push(warning);
      for (const item of parsed.skipped) warnings.push({ code: 'row-skipped', params: { reason: [item, ...(item.also ?? [])] }, where: item.where });
      skipped += parsed.skipped.length;
      log(say('cli.measurements.summary', { file: parsed.file, format: parsed.format, read: formatCount(parsed.rowsRead), used: formatCount(parsed.rowsUsed), skipped: formatCount(parsed.skipped.length) }));
      for (const warning of parsed.warnings.slice(0, 8)) log(say('cli.warning', { text: formatWarning(locale, warning) }));
      for (const item of parsed.skipped.slice(0, 5)) log(say('cli.skipped', { where: item.where, reason: formatSkipped(locale, item) }));
    } catch (error) {
      if (isInputProblem(error)) throw error;
      // Anything unexpected inside a named file is that file unreadable, not an internal error.
      throw new CoverageInputError({ code: 'file-unreadable', file, cause: error });
    }
  }
  return { set: concatMeasurementSets(sets), summaries, warnings, skipped };
}

/** The rules: the flags over the config's `measurements` over the defaults. */
export function measurementOptionsFrom(values: { 'rsrp-threshold'?: string; 'h3-resolution'?: string }, config: CoverageConfig): MeasurementOptions {
  const options = { ...DEFAULT_MEASUREMENT_OPTIONS, ...config.measurements };
  if (values['rsrp-threshold'] !== undefined) {
    const value = Number(values['rsrp-threshold']);
    if (!(value >= -156 && value <= -31)) throw new CliError('cli.flagRsrp', { value: values['rsrp-threshold'] });
    options.rsrpThresholdDbm = value;
  }
  if (values['h3-resolution'] !== undefined) {
    const value = Number(values['h3-resolution']);
    if (value !== 8 && value !== 9) throw new CliError('cli.flagOneOf', { flag: '--h3-resolution', allowed: '8, 9', value: values['h3-resolution'] });
    options.h3Resolution = value;
  }
  return options;
}

/** A seed from `--seed`, default 1. */
export function seedFrom(text: string | undefined): number {
  if (text === undefined) return 1;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new CliError('cli.flagInteger', { flag: '--seed', value: text });
  return value;
}
