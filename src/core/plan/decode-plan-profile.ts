import * as v from 'valibot';
import type { PlanTarget } from '../types';
import { boundedText, decodeWithSchema, finiteNumber, isoDateText, lazySchemas, type DecodeProblem, type DecodeResult } from './decode-problems';
import { derivePlanProfile, PLAN_GROUPINGS, type PlanAuthority, type PlanProfile } from './plan-profile';

const COMPUTED_FROM = ['coveredMobileShare', 'coveredFtthShare', 'sharedSiteShare', 'ftthHouseholdCeiling'] as const satisfies readonly NonNullable<PlanTarget['computedFrom']>[];

function buildProfileSchemas() {
  /** Ids are written into file names, URLs and messages: letters, digits, `-`, `_`, `.`. */
  const idText = v.pipe(v.string(), v.regex(/^[\p{L}\p{N}_.-]{1,80}$/u));

  const targetSchema = v.strictObject({
    id: idText,
    label: boundedText(300),
    comparator: v.picklist(['>=', '>']),
    target: v.pipe(finiteNumber(), v.minValue(0)),
    unit: v.picklist(['share', 'per100', 'mbps']),
    computedFrom: v.optional(v.picklist(COMPUTED_FROM)),
  });

  const authoritySchema = v.strictObject({
    from: v.nullable(isoDateText()),
    areaName: boundedText(200),
    governingBody: boundedText(200),
    issuingBody: boundedText(200),
    issuerCode: boundedText(40),
    place: boundedText(100),
    recipient: boundedText(300),
  });

  const yearNumber = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2200));

  const profileEntries = {
    id: idText,
    title: boundedText(500),
    shortTitle: boundedText(120),
    shortTitleEn: v.optional(boundedText(120)),
    startYear: yearNumber,
    horizonYear: yearNumber,
    grouping: v.pipe(v.array(v.picklist(PLAN_GROUPINGS)), v.minLength(1), v.maxLength(PLAN_GROUPINGS.length)),
    targets: v.pipe(v.array(targetSchema), v.maxLength(200)),
    authorities: v.pipe(v.array(authoritySchema), v.minLength(1), v.maxLength(20)),
  };

  const profileSchema = v.strictObject(profileEntries);
  const partialProfileSchema = v.strictObject(Object.fromEntries(Object.entries(profileEntries).map(([key, schema]) => [key, v.optional(schema)])) as { [Key in keyof typeof profileEntries]: v.OptionalSchema<(typeof profileEntries)[Key], undefined> });
  return { profile: profileSchema, partialProfile: partialProfileSchema };
}

const schemas = /* @__PURE__ */ lazySchemas(buildProfileSchemas);
type DecodedProfile = v.InferOutput<ReturnType<typeof buildProfileSchemas>['profile']>;

/** Checks a decoded profile's parts against each other: years in order, unique ids, authorities in date order. */
function crossCheck(profile: PlanProfile, prefix: string): DecodeProblem[] {
  const at = (path: string) => (prefix === '' ? path : `${prefix}.${path}`);
  const problems: DecodeProblem[] = [];
  if (profile.horizonYear < profile.startYear) problems.push({ code: 'invalid', path: at('horizonYear'), expected: `>=${profile.startYear}`, received: String(profile.horizonYear) });
  const seenGroupings = new Set<string>();
  profile.grouping.forEach((grouping, index) => {
    if (seenGroupings.has(grouping)) problems.push({ code: 'duplicate', path: at(`grouping[${index}]`), received: `"${grouping}"` });
    seenGroupings.add(grouping);
  });
  const seenTargets = new Set<string>();
  profile.targets.forEach((target, index) => {
    if (target.unit === 'share' && target.target > 1) problems.push({ code: 'invalid', path: at(`targets[${index}].target`), expected: '<=1', received: String(target.target) });
    if (seenTargets.has(target.id)) problems.push({ code: 'duplicate', path: at(`targets[${index}].id`), received: `"${target.id}"` });
    seenTargets.add(target.id);
  });
  profile.authorities.forEach((authority, index) => {
    const previous = profile.authorities[index - 1]?.from ?? null;
    const isInOrder = index === 0 ? authority.from === null : authority.from !== null && (previous === null || authority.from > previous);
    if (!isInOrder) problems.push({ code: 'invalid', path: at(`authorities[${index}].from`), expected: index === 0 ? 'null' : `>${previous ?? 'null'}`, received: String(authority.from) });
  });
  return problems;
}

/** Builds the typed profile from the decoded value, keys in their documented order, absent optionals left out. */
function toProfile(value: DecodedProfile): PlanProfile {
  return {
    id: value.id,
    title: value.title,
    shortTitle: value.shortTitle,
    ...(value.shortTitleEn === undefined ? {} : { shortTitleEn: value.shortTitleEn }),
    startYear: value.startYear,
    horizonYear: value.horizonYear,
    grouping: [...value.grouping],
    targets: value.targets.map((target) => ({
      id: target.id,
      label: target.label,
      comparator: target.comparator,
      target: target.target,
      unit: target.unit,
      ...(target.computedFrom === undefined ? {} : { computedFrom: target.computedFrom }),
    })),
    authorities: value.authorities.map((authority): PlanAuthority => ({ ...authority })),
  };
}

/**
 * Decodes a whole plan profile from untrusted JSON (a project file, IndexedDB, a configuration).
 * Unknown keys are refused, texts are bounded, a share target lies in [0, 1], target ids are unique,
 * the horizon is not before the start, and the authorities start with `from: null` in date order.
 * @param value parsed JSON
 * @param prefix the value's JSON path inside its file, for the problems (`plan`)
 * @returns the profile (a new object), or the problems by JSON path
 * @example decodePlanProfile(SOC_TRANG_2025_PROFILE).ok // true
 */
export function decodePlanProfile(value: unknown, prefix = ''): DecodeResult<PlanProfile> {
  const decoded = decodeWithSchema(schemas().profile, value, prefix);
  if (!decoded.ok) return decoded;
  const profile = toProfile(decoded.value);
  const problems = crossCheck(profile, prefix);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: profile };
}

/**
 * Reads the `plan` member of a configuration: any profile fields, over a base plan. Given fields replace
 * the base's (`targets`, `grouping` and `authorities` as whole lists, each target complete); with a new
 * `startYear` and no `authorities`, the authorities start with the one in force on that year's first day
 * (see `derivePlanProfile`). The result is checked as a whole profile.
 * @param value parsed JSON (an object), or undefined for the base itself
 * @param base the plan the fields apply to
 * @param prefix the value's JSON path, for the problems
 * @returns the resulting profile, or the problems by JSON path
 * @example resolvePlanProfile({ id: 'can-tho-2030', startYear: 2026, horizonYear: 2030, grouping: ['new_commune'] }, SOC_TRANG_2025_PROFILE, 'plan')
 */
export function resolvePlanProfile(value: unknown, base: PlanProfile, prefix = 'plan'): DecodeResult<PlanProfile> {
  if (value === undefined) return { ok: true, value: base };
  const partial = decodeWithSchema(schemas().partialProfile, value, prefix);
  if (!partial.ok) return partial;
  const { authorities, ...fields } = partial.value;
  const derived = derivePlanProfile(base, { ...fields, id: fields.id ?? base.id } as Parameters<typeof derivePlanProfile>[1]);
  const merged = fields.startYear === undefined ? { ...derived, authorities: base.authorities } : derived;
  return decodePlanProfile(authorities === undefined ? merged : { ...merged, authorities }, prefix);
}
