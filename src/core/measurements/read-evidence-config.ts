import { PROPAGATION_ENVIRONMENTS, type PropagationEnvironment } from '../propagation/path-loss-types';
import { DEFAULT_SITE_REACH, type MarginOverride, type RadiusOverride, type SiteReachSettings } from '../propagation/resolve-record-radii';
import type { LinkBudget } from '../propagation/link-budget';
import { CoverageInputError } from '../io/input-error';
import { listOf, message, type Message } from '../messages';
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

/** Stops at one key of the configuration (`config-invalid`): where, the value, and what was expected. */
export type ConfigFailure = (where: string, value: unknown, expected: Message) => never;

/** Throws `config-unknown-key` at the first key of `value` that is not allowed. */
function keyChecker(file: string) {
  return (value: Record<string, unknown>, allowed: readonly string[], where: string): void => {
    const unknown = Object.keys(value).find((key) => !allowed.includes(key));
    if (unknown !== undefined) {
      throw new CoverageInputError({ code: 'config-unknown-key', file, where: `${where}.${unknown}`, params: { key: unknown, allowed: listOf(allowed, { quoted: false, max: 12 }) } });
    }
  };
}

function object(value: unknown, where: string, fail: ConfigFailure): Record<string, unknown> {
  if (!isRecord(value)) fail(where, value, message('expect-object'));
  return value;
}

function number(value: unknown, where: string, isInRange: (value: number) => boolean, expected: Message, fail: ConfigFailure): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !isInRange(value)) fail(where, value, expected);
  return value;
}

function text(value: unknown, where: string, fail: ConfigFailure): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, value, message('expect-text'));
  return value.trim();
}

function technology(value: unknown, where: string, fail: ConfigFailure): Technology {
  const found = TECHNOLOGIES.find((candidate) => typeof value === 'string' && candidate === value.trim().toUpperCase());
  if (found === undefined) fail(where, value, message('expect-one-of', { allowed: listOf(TECHNOLOGIES, { quoted: false }) }));
  return found;
}

function environment(value: unknown, where: string, fail: ConfigFailure): PropagationEnvironment {
  if (!PROPAGATION_ENVIRONMENTS.includes(value as PropagationEnvironment)) fail(where, value, message('expect-one-of', { allowed: listOf(PROPAGATION_ENVIRONMENTS, { quoted: false }) }));
  return value as PropagationEnvironment;
}

function list<T>(value: unknown, where: string, fail: ConfigFailure, read: (entry: Record<string, unknown>, where: string) => T): T[] {
  if (!Array.isArray(value)) fail(where, value, message('expect-list'));
  return value.map((entry: unknown, index: number) => read(object(entry, `${where}[${index}]`, fail), `${where}[${index}]`));
}

const wholeFrom = (min: number, max?: number): Message => (max === undefined ? message('expect-whole-number-from', { min }) : message('expect-whole-number-in', { min, max }));

const OPTION_RULES: Record<keyof MeasurementOptions, [(value: number) => boolean, Message]> = {
  rsrpThresholdDbm: [(value) => value >= -156 && value <= -31, message('expect-level-dbm', { min: -156, max: -31 })],
  h3Resolution: [(value) => value === 8 || value === 9, message('expect-one-of', { allowed: listOf([8, 9], { quoted: false }) })],
  minSamplesPerMonth: [(value) => Number.isInteger(value) && value >= 0, wholeFrom(0)],
  undatedPeriodMonths: [(value) => Number.isInteger(value) && value >= 1 && value <= 120, message('expect-months', { min: 1, max: 120 })],
  challengeMinTests: [(value) => Number.isInteger(value) && value >= 1, wholeFrom(1)],
  challengeMinHoursApart: [(value) => value >= 0 && value <= 24 * 365, message('expect-hours', { max: 24 * 365 })],
  calibrationMinTests: [(value) => Number.isInteger(value) && value >= 1, wholeFrom(1)],
  bootstrapRounds: [(value) => Number.isInteger(value) && value >= 0 && value <= 10000, wholeFrom(0, 10000)],
  confidenceLevel: [(value) => value > 0 && value < 1, message('expect-share-open')],
};

const BUDGET_RULES: Record<keyof LinkBudget, [(value: number) => boolean, Message]> = {
  eirpDbm: [(value) => value >= 0 && value <= 100, message('expect-level-dbm', { min: 0, max: 100 })],
  subcarriers: [(value) => Number.isInteger(value) && value >= 1 && value <= 100000, wholeFrom(1, 100000)],
  receiverGainDbi: [(value) => value >= -20 && value <= 30, message('expect-gain-dbi', { min: -20, max: 30 })],
  receiverHeightMeters: [(value) => value >= 0.5 && value <= 30, message('expect-height', { min: 0.5, max: 30 })],
  edgeRsrpDbm: [(value) => value >= -156 && value <= -31, message('expect-level-dbm', { min: -156, max: -31 })],
  marginDb: [(value) => value >= -50 && value <= 50, message('expect-margin-db', { min: -50, max: 50 })],
};

type CheckKeys = ReturnType<typeof keyChecker>;

function readRecord<T extends object>(value: unknown, defaults: T, rules: Record<keyof T, [(value: number) => boolean, Message]>, where: string, fail: ConfigFailure, checkKeys: CheckKeys): T {
  const given = object(value, where, fail);
  const keys = Object.keys(rules) as (keyof T & string)[];
  checkKeys(given, keys, where);
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
 * @param fail stops at a bad value (as `resolveConfig` does)
 * @param file label of the configuration, for an unknown key
 * @returns the keys given, complete
 * @throws whatever `fail` throws (`config-invalid`), and {@link CoverageInputError} `config-unknown-key`
 * @example readEvidenceConfig({ measurements: { rsrpThresholdDbm: -105 } }, fail, 'config.json').measurements?.rsrpThresholdDbm // -105
 */
export function readEvidenceConfig(user: Record<string, unknown>, fail: ConfigFailure, file: string): EvidenceConfig {
  const checkKeys = keyChecker(file);
  const config: EvidenceConfig = {};
  if (user.measurements !== undefined) config.measurements = readRecord(user.measurements, DEFAULT_MEASUREMENT_OPTIONS, OPTION_RULES, 'measurements', fail, checkKeys);
  if (user.radiusOverrides !== undefined) {
    config.radiusOverrides = list(user.radiusOverrides, 'radiusOverrides', fail, (entry, where) => {
      checkKeys(entry, ['operator', 'technology', 'radiusMeters'], where);
      return {
        operator: text(entry.operator, `${where}.operator`, fail),
        technology: technology(entry.technology, `${where}.technology`, fail),
        radiusMeters: number(entry.radiusMeters, `${where}.radiusMeters`, (value) => value > 0 && value <= 100000, message('expect-radius', { limit: 100000 }), fail),
      };
    });
  }
  if (user.siteReach !== undefined) {
    const given = object(user.siteReach, 'siteReach', fail);
    checkKeys(given, ['isEnabled', 'environment', 'districtEnvironments', 'budgets', 'margins'], 'siteReach');
    const reach: SiteReachSettings = { ...DEFAULT_SITE_REACH, budgets: { ...DEFAULT_SITE_REACH.budgets } };
    if (given.isEnabled !== undefined) {
      if (typeof given.isEnabled !== 'boolean') fail('siteReach.isEnabled', given.isEnabled, message('expect-boolean'));
      reach.isEnabled = given.isEnabled;
    }
    if (given.environment !== undefined) reach.environment = environment(given.environment, 'siteReach.environment', fail);
    if (given.districtEnvironments !== undefined) {
      reach.districtEnvironments = list(given.districtEnvironments, 'siteReach.districtEnvironments', fail, (entry, where) => {
        checkKeys(entry, ['district', 'environment'], where);
        return { district: text(entry.district, `${where}.district`, fail), environment: environment(entry.environment, `${where}.environment`, fail) };
      });
    }
    if (given.budgets !== undefined) {
      const budgets = object(given.budgets, 'siteReach.budgets', fail);
      checkKeys(budgets, ['4G', '5G'], 'siteReach.budgets');
      for (const key of ['4G', '5G'] as const) {
        if (budgets[key] !== undefined) reach.budgets[key] = readRecord(budgets[key], DEFAULT_SITE_REACH.budgets[key], BUDGET_RULES, `siteReach.budgets.${key}`, fail, checkKeys);
      }
    }
    if (given.margins !== undefined) {
      reach.margins = list(given.margins, 'siteReach.margins', fail, (entry, where): MarginOverride => {
        checkKeys(entry, ['operator', 'technology', 'marginDb'], where);
        return {
          operator: text(entry.operator, `${where}.operator`, fail),
          technology: technology(entry.technology, `${where}.technology`, fail),
          marginDb: number(entry.marginDb, `${where}.marginDb`, (value) => value >= -50 && value <= 50, message('expect-margin-db', { min: -50, max: 50 }), fail),
        };
      });
    }
    config.siteReach = reach;
  }
  return config;
}
