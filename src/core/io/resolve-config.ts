import { DEFAULT_CONFIG } from '../config/default-config';
import { TECHNOLOGIES, type CoverageConfig, type FieldMapping, type PlanTarget, type Technology } from '../types';
import { listOf, message, quotedValue, type Message } from '../messages';
import { CoverageInputError } from './input-error';
import { isRecord, readJsonInput } from './read-feature-collection';
import { EVIDENCE_CONFIG_KEYS, readEvidenceConfig } from '../measurements/read-evidence-config';

const RADIUS_KEYS: readonly (Technology | 'ftth')[] = [...TECHNOLOGIES, 'ftth'];
const THRESHOLD_KEYS = ['mobile', 'ftth'] as const;
const FIELD_KEYS: readonly (keyof FieldMapping)[] = ['id', 'name', 'commune', 'district', 'households', 'population'];
const TARGET_KEYS = ['id', 'label', 'comparator', 'target', 'unit', 'computedFrom'] as const;
const COMPARATORS: readonly PlanTarget['comparator'][] = ['>=', '>'];
const UNITS: readonly PlanTarget['unit'][] = ['share', 'per100', 'mbps'];
const COMPUTED_FROM: readonly NonNullable<PlanTarget['computedFrom']>[] = ['coveredMobileShare', 'coveredFtthShare', 'sharedSiteShare', 'ftthHouseholdCeiling'];

/** Largest coverage radius a configuration may set, in metres: beyond it the value is a typo or in the wrong unit. */
export const MAX_CONFIG_RADIUS_METERS = 100_000;

/** Throws a `config-invalid` error (the key, the value and what was expected) at one key of the configuration. */
type Fail = (where: string, value: unknown, expected: Message) => never;

/**
 * Merges a user configuration over the defaults and validates it. Merging is per key: `radiiMeters`,
 * `coveredThreshold` and `fields` replace only the keys given (a `fields` entry replaces that field's
 * list of names; a single string is accepted as a one-name list); `mobileBroadband` is replaced as a
 * whole; `targets` entries replace the default target with the same `id` key by key (so
 * `{ "id": "shared-sites", "target": 0.4 }` is enough) or, with a new id, are added and must be complete.
 * `computedFrom: null` turns a computed target into an indicator target.
 *
 * Checks: radii > 0 (metres), thresholds in (0, 1], `colocationMeters` ≥ 0, `defaultBeamwidthDegrees` in
 * (0, 360], `mobileBroadband` a non-empty subset of 2G/3G/4G/5G, share targets in [0, 1], other targets ≥ 0.
 * Numbers must be JSON numbers, not text.
 * @param partial the user configuration: an object, JSON text, or `undefined` / `null` for the defaults
 * @param file label of the configuration, used in messages
 * @param defaults the configuration merged over; `DEFAULT_CONFIG` unless given
 * @returns a new, complete configuration (the inputs are not changed)
 * @throws {CoverageInputError} `config-invalid` (`where` = the key; the value and what was expected),
 *   `config-unknown-key` listing the allowed keys, `config-not-object`, `config-target-twice`,
 *   `config-target-incomplete`, and the JSON errors of `readJsonInput` for bad JSON text
 * @example resolveConfig({ radiiMeters: { '4G': 2500 } }, 'config.json').radiiMeters // { 2G: 5000, 3G: 3000, 4G: 2500, 5G: 1000, ftth: 300 }
 * @example resolveConfig({ colocationMeters: -1 }, 'config.json') // throws config-invalid at colocationMeters, value -1
 */
export function resolveConfig(partial: unknown, file: string, defaults: CoverageConfig = DEFAULT_CONFIG): CoverageConfig {
  const fail: Fail = (where, value, expected) => {
    throw new CoverageInputError({ code: 'config-invalid', file, where, params: { key: where, value: quotedValue(value), expected } });
  };
  const user = partial === undefined || partial === null ? {} : readJsonInput(partial, file);
  if (!isRecord(user)) throw new CoverageInputError({ code: 'config-not-object', file, params: { value: quotedValue(user) } });
  checkKeys(user, [...new Set([...Object.keys(defaults), ...EVIDENCE_CONFIG_KEYS])], '', file);

  const config: CoverageConfig = {
    radiiMeters: { ...defaults.radiiMeters },
    coveredThreshold: { ...defaults.coveredThreshold },
    colocationMeters: defaults.colocationMeters,
    mobileBroadband: [...defaults.mobileBroadband],
    defaultBeamwidthDegrees: defaults.defaultBeamwidthDegrees,
    fields: Object.fromEntries(FIELD_KEYS.map((key) => [key, [...defaults.fields[key]]])) as unknown as FieldMapping,
    targets: defaults.targets.map((target) => ({ ...target })),
  };
  // Measurement rules, radius overrides and the reach model: kept from the defaults unless given.
  for (const key of EVIDENCE_CONFIG_KEYS) if (defaults[key] !== undefined) Object.assign(config, { [key]: defaults[key] });
  Object.assign(config, readEvidenceConfig(user, fail, file));

  if (user.radiiMeters !== undefined) {
    const radii = requireObject(user.radiiMeters, 'radiiMeters', fail);
    checkKeys(radii, RADIUS_KEYS, 'radiiMeters.', file);
    for (const key of RADIUS_KEYS) {
      if (Object.hasOwn(radii, key)) {
        config.radiiMeters[key] = requireNumber(radii[key], `radiiMeters.${key}`, (value) => value > 0 && value <= MAX_CONFIG_RADIUS_METERS, message('expect-radius', { limit: MAX_CONFIG_RADIUS_METERS }), fail);
      }
    }
  }
  if (user.coveredThreshold !== undefined) {
    const thresholds = requireObject(user.coveredThreshold, 'coveredThreshold', fail);
    checkKeys(thresholds, THRESHOLD_KEYS, 'coveredThreshold.', file);
    for (const key of THRESHOLD_KEYS) {
      if (Object.hasOwn(thresholds, key)) {
        config.coveredThreshold[key] = requireNumber(thresholds[key], `coveredThreshold.${key}`, (value) => value > 0 && value <= 1, message('expect-threshold'), fail);
      }
    }
  }
  if (user.colocationMeters !== undefined) {
    config.colocationMeters = requireNumber(user.colocationMeters, 'colocationMeters', (value) => value >= 0 && value <= MAX_CONFIG_RADIUS_METERS, message('expect-distance', { limit: MAX_CONFIG_RADIUS_METERS }), fail);
  }
  if (user.defaultBeamwidthDegrees !== undefined) {
    config.defaultBeamwidthDegrees = requireNumber(user.defaultBeamwidthDegrees, 'defaultBeamwidthDegrees', (value) => value > 0 && value <= 360, message('expect-beamwidth'), fail);
  }
  if (user.mobileBroadband !== undefined) config.mobileBroadband = readTechnologies(user.mobileBroadband, fail);
  if (user.fields !== undefined) {
    const fields = requireObject(user.fields, 'fields', fail);
    checkKeys(fields, FIELD_KEYS, 'fields.', file);
    for (const key of FIELD_KEYS) {
      if (Object.hasOwn(fields, key)) config.fields[key] = readNames(fields[key], `fields.${key}`, fail);
    }
  }
  if (user.targets !== undefined) config.targets = mergeTargets(config.targets, user.targets, fail, file);
  return config;
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], prefix: string, file: string): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new CoverageInputError({ code: 'config-unknown-key', file, where: `${prefix}${unknown[0]}`, params: { key: unknown[0], allowed: listOf(allowed, { quoted: false, max: 12 }) } });
  }
}

function requireObject(value: unknown, where: string, fail: Fail): Record<string, unknown> {
  if (!isRecord(value)) fail(where, value, message('expect-object'));
  return value;
}

function requireNumber(value: unknown, where: string, isInRange: (value: number) => boolean, expected: Message, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !isInRange(value)) fail(where, value, expected);
  return value;
}

function requireString(value: unknown, where: string, fail: Fail): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, value, message('expect-text'));
  return value;
}

function readTechnologies(value: unknown, fail: Fail): Technology[] {
  const expected = message('expect-one-of', { allowed: listOf(TECHNOLOGIES, { quoted: false }) });
  if (!Array.isArray(value) || value.length === 0) fail('mobileBroadband', value, expected);
  const found = new Set<Technology>();
  value.forEach((entry: unknown, index: number) => {
    const technology = TECHNOLOGIES.find((candidate) => typeof entry === 'string' && candidate === entry.trim().toUpperCase());
    if (technology === undefined) fail(`mobileBroadband[${index}]`, entry, expected);
    found.add(technology);
  });
  return TECHNOLOGIES.filter((technology) => found.has(technology));
}

function readNames(value: unknown, where: string, fail: Fail): string[] {
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names) || names.length === 0) fail(where, value, message('expect-names'));
  return names.map((name: unknown, index: number) => requireString(name, `${where}[${index}]`, fail).trim());
}

function mergeTargets(defaults: PlanTarget[], value: unknown, fail: Fail, file: string): PlanTarget[] {
  if (!Array.isArray(value)) fail('targets', value, message('expect-list'));
  const merged = [...defaults];
  const seen = new Set<string>();
  value.forEach((entry: unknown, index: number) => {
    const where = `targets[${index}]`;
    const target = requireObject(entry, where, fail);
    checkKeys(target, TARGET_KEYS, `${where}.`, file);
    const id = requireString(target.id, `${where}.id`, fail).trim();
    if (seen.has(id)) throw new CoverageInputError({ code: 'config-target-twice', file, where: `${where}.id`, params: { value: quotedValue(id) } });
    seen.add(id);
    const position = merged.findIndex((candidate) => candidate.id === id);
    const base: Partial<PlanTarget> = position >= 0 ? merged[position] : {};
    const result = readTarget(id, target, base, where, fail, file);
    if (position >= 0) merged[position] = result;
    else merged.push(result);
  });
  return merged;
}

function readTarget(id: string, entry: Record<string, unknown>, base: Partial<PlanTarget>, where: string, fail: Fail, file: string): PlanTarget {
  const pick = <Key extends keyof PlanTarget>(key: Key): unknown => (Object.hasOwn(entry, key) && entry[key] !== undefined ? entry[key] : base[key]);
  const missing = (['label', 'comparator', 'target', 'unit'] as const).filter((key) => pick(key) === undefined);
  if (missing.length > 0) throw new CoverageInputError({ code: 'config-target-incomplete', file, where, params: { value: quotedValue(id), missing: listOf(missing, { quoted: false }) } });

  const label = requireString(pick('label'), `${where}.label`, fail);
  const comparator = pick('comparator');
  if (!COMPARATORS.includes(comparator as PlanTarget['comparator'])) fail(`${where}.comparator`, comparator, message('expect-one-of', { allowed: listOf(COMPARATORS, { quoted: false }) }));
  const unit = pick('unit');
  if (!UNITS.includes(unit as PlanTarget['unit'])) fail(`${where}.unit`, unit, message('expect-one-of', { allowed: listOf(UNITS, { quoted: false }) }));
  const targetValue = unit === 'share'
    ? requireNumber(pick('target'), `${where}.target`, (value) => value >= 0 && value <= 1, message('expect-share'), fail)
    : requireNumber(pick('target'), `${where}.target`, (value) => value >= 0 && value <= 1e9, message('expect-non-negative'), fail);

  const result: PlanTarget = { id, label, comparator: comparator as PlanTarget['comparator'], target: targetValue, unit: unit as PlanTarget['unit'] };
  const computedFrom = entry.computedFrom === null ? undefined : pick('computedFrom');
  if (computedFrom !== undefined) {
    if (!COMPUTED_FROM.includes(computedFrom as NonNullable<PlanTarget['computedFrom']>)) {
      fail(`${where}.computedFrom`, computedFrom, message('expect-one-of', { allowed: listOf([...COMPUTED_FROM, 'null'], { quoted: false }) }));
    }
    result.computedFrom = computedFrom as PlanTarget['computedFrom'];
  }
  return result;
}
