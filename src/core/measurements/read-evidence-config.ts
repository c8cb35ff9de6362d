import { PROPAGATION_ENVIRONMENTS, type PropagationEnvironment } from '../propagation/path-loss-types';
import { DEFAULT_SITE_REACH, type MarginOverride, type RadiusOverride, type SiteReachSettings } from '../propagation/resolve-record-radii';
import type { LinkBudget } from '../propagation/link-budget';
import { describeValue } from '../io/read-cell';
import { isRecord } from '../io/read-feature-collection';
import { TECHNOLOGIES, type Technology } from '../types';
import { DEFAULT_MEASUREMENT_OPTIONS, type MeasurementOptions } from './measurement-options';

/** The configuration keys of the measurements and the reach model (all optional). */
export const EVIDENCE_CONFIG_KEYS = ['measurements', 'radiusOverrides', 'siteReach'] as const;

/** What {@link readEvidenceConfig} reads. */
export interface EvidenceConfig {
  measurements?: MeasurementOptions;
  radiusOverrides?: RadiusOverride[];
  siteReach?: SiteReachSettings;
}

/** Stops at one key of the configuration: where, and what is wrong. */
export type ConfigFailure = (where: string, detail: string, code?: 'invalid-config' | 'unknown-config-key') => never;

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], where: string, fail: ConfigFailure): void {
  const unknown = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknown !== undefined) fail(`${where}.${unknown}`, `unknown key ${describeValue(unknown)}; allowed keys in ${where}: ${allowed.join(', ')}`, 'unknown-config-key');
}

function object(value: unknown, where: string, fail: ConfigFailure): Record<string, unknown> {
  if (!isRecord(value)) fail(where, `must be an object, got ${describeValue(value)}`);
  return value;
}

function number(value: unknown, where: string, isInRange: (value: number) => boolean, expected: string, fail: ConfigFailure): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !isInRange(value)) fail(where, `must be ${expected}, got ${describeValue(value)}`);
  return value;
}

function text(value: unknown, where: string, fail: ConfigFailure): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, `must be a non-empty string, got ${describeValue(value)}`);
  return value.trim();
}

function technology(value: unknown, where: string, fail: ConfigFailure): Technology {
  const found = TECHNOLOGIES.find((candidate) => typeof value === 'string' && candidate === value.trim().toUpperCase());
  if (found === undefined) fail(where, `must be one of ${TECHNOLOGIES.join(', ')}, got ${describeValue(value)}`);
  return found;
}

function environment(value: unknown, where: string, fail: ConfigFailure): PropagationEnvironment {
  if (!PROPAGATION_ENVIRONMENTS.includes(value as PropagationEnvironment)) fail(where, `must be one of ${PROPAGATION_ENVIRONMENTS.join(', ')}, got ${describeValue(value)}`);
  return value as PropagationEnvironment;
}

function list<T>(value: unknown, where: string, fail: ConfigFailure, read: (entry: Record<string, unknown>, where: string) => T): T[] {
  if (!Array.isArray(value)) fail(where, `must be a list, got ${describeValue(value)}`);
  return value.map((entry: unknown, index: number) => read(object(entry, `${where}[${index}]`, fail), `${where}[${index}]`));
}

const OPTION_RULES: Record<keyof MeasurementOptions, [(value: number) => boolean, string]> = {
  rsrpThresholdDbm: [(value) => value >= -156 && value <= -31, 'a level in [−156, −31] dBm'],
  h3Resolution: [(value) => value === 8 || value === 9, '8 or 9'],
  minSamplesPerMonth: [(value) => Number.isInteger(value) && value >= 0, 'a whole number ≥ 0'],
  undatedPeriodMonths: [(value) => Number.isInteger(value) && value >= 1 && value <= 120, 'a whole number of months in [1, 120]'],
  challengeMinTests: [(value) => Number.isInteger(value) && value >= 1, 'a whole number ≥ 1'],
  challengeMinHoursApart: [(value) => value >= 0 && value <= 24 * 365, 'a number of hours ≥ 0'],
  calibrationMinTests: [(value) => Number.isInteger(value) && value >= 1, 'a whole number ≥ 1'],
  bootstrapRounds: [(value) => Number.isInteger(value) && value >= 0 && value <= 10000, 'a whole number in [0, 10000]'],
  confidenceLevel: [(value) => value > 0 && value < 1, 'a share in (0, 1)'],
};

const BUDGET_RULES: Record<keyof LinkBudget, [(value: number) => boolean, string]> = {
  eirpDbm: [(value) => value >= 0 && value <= 100, 'a power in [0, 100] dBm'],
  subcarriers: [(value) => Number.isInteger(value) && value >= 1 && value <= 100000, 'a whole number of subcarriers ≥ 1'],
  receiverGainDbi: [(value) => value >= -20 && value <= 30, 'a gain in [−20, 30] dBi'],
  receiverHeightMeters: [(value) => value >= 0.5 && value <= 30, 'a height in [0.5, 30] metres'],
  edgeRsrpDbm: [(value) => value >= -156 && value <= -31, 'a level in [−156, −31] dBm'],
  marginDb: [(value) => value >= -50 && value <= 50, 'a margin in [−50, 50] dB'],
};

function readRecord<T extends object>(value: unknown, defaults: T, rules: Record<keyof T, [(value: number) => boolean, string]>, where: string, fail: ConfigFailure): T {
  const given = object(value, where, fail);
  const keys = Object.keys(rules) as (keyof T & string)[];
  checkKeys(given, keys, where, fail);
  const result = { ...defaults };
  for (const key of keys) {
    if (given[key] !== undefined) (result as Record<string, number>)[key] = number(given[key], `${where}.${key}`, rules[key][0], rules[key][1], fail);
  }
  return result;
}

/**
 * Reads and checks the configuration keys of the measurements and the reach model:
 * `measurements` (the rules, see `DEFAULT_MEASUREMENT_OPTIONS`), `radiusOverrides` (radii per
 * operator and technology, e.g. an applied calibration: `[{ "operator": "Viettel", "technology":
 * "4G", "radiusMeters": 2600 }]`) and `siteReach` (the link-budget model: `isEnabled`,
 * `environment`, `districtEnvironments`, `budgets` for 4G and 5G, `margins` per operator and
 * technology). Each given key is merged over its defaults.
 * @param user the user's configuration object
 * @param fail stops at a bad key (as `resolveConfig` does)
 * @returns the keys given, complete
 * @throws whatever `fail` throws (`invalid-config`, `unknown-config-key`)
 * @example readEvidenceConfig({ measurements: { rsrpThresholdDbm: -105 } }, fail).measurements?.rsrpThresholdDbm // -105
 */
export function readEvidenceConfig(user: Record<string, unknown>, fail: ConfigFailure): EvidenceConfig {
  const config: EvidenceConfig = {};
  if (user.measurements !== undefined) config.measurements = readRecord(user.measurements, DEFAULT_MEASUREMENT_OPTIONS, OPTION_RULES, 'measurements', fail);
  if (user.radiusOverrides !== undefined) {
    config.radiusOverrides = list(user.radiusOverrides, 'radiusOverrides', fail, (entry, where) => {
      checkKeys(entry, ['operator', 'technology', 'radiusMeters'], where, fail);
      return {
        operator: text(entry.operator, `${where}.operator`, fail),
        technology: technology(entry.technology, `${where}.technology`, fail),
        radiusMeters: number(entry.radiusMeters, `${where}.radiusMeters`, (value) => value > 0 && value <= 100000, 'a number in (0, 100000] (metres)', fail),
      };
    });
  }
  if (user.siteReach !== undefined) {
    const given = object(user.siteReach, 'siteReach', fail);
    checkKeys(given, ['isEnabled', 'environment', 'districtEnvironments', 'budgets', 'margins'], 'siteReach', fail);
    const reach: SiteReachSettings = { ...DEFAULT_SITE_REACH, budgets: { ...DEFAULT_SITE_REACH.budgets } };
    if (given.isEnabled !== undefined) {
      if (typeof given.isEnabled !== 'boolean') fail('siteReach.isEnabled', `must be true or false, got ${describeValue(given.isEnabled)}`);
      reach.isEnabled = given.isEnabled;
    }
    if (given.environment !== undefined) reach.environment = environment(given.environment, 'siteReach.environment', fail);
    if (given.districtEnvironments !== undefined) {
      reach.districtEnvironments = list(given.districtEnvironments, 'siteReach.districtEnvironments', fail, (entry, where) => {
        checkKeys(entry, ['district', 'environment'], where, fail);
        return { district: text(entry.district, `${where}.district`, fail), environment: environment(entry.environment, `${where}.environment`, fail) };
      });
    }
    if (given.budgets !== undefined) {
      const budgets = object(given.budgets, 'siteReach.budgets', fail);
      checkKeys(budgets, ['4G', '5G'], 'siteReach.budgets', fail);
      for (const key of ['4G', '5G'] as const) {
        if (budgets[key] !== undefined) reach.budgets[key] = readRecord(budgets[key], DEFAULT_SITE_REACH.budgets[key], BUDGET_RULES, `siteReach.budgets.${key}`, fail);
      }
    }
    if (given.margins !== undefined) {
      reach.margins = list(given.margins, 'siteReach.margins', fail, (entry, where): MarginOverride => {
        checkKeys(entry, ['operator', 'technology', 'marginDb'], where, fail);
        return {
          operator: text(entry.operator, `${where}.operator`, fail),
          technology: technology(entry.technology, `${where}.technology`, fail),
          marginDb: number(entry.marginDb, `${where}.marginDb`, (value) => value >= -50 && value <= 50, 'a margin in [−50, 50] dB', fail),
        };
      });
    }
    config.siteReach = reach;
  }
  return config;
}
