import { DEFAULT_CONFIG } from '../config/default-config';
import { resolveConfig } from '../io/resolve-config';
import { isRecord, readJsonInput } from '../io/read-feature-collection';
import type { CoverageConfig } from '../types';
import type { DecodeProblem } from './decode-problems';
import { resolvePlanProfile } from './decode-plan-profile';
import { SOC_TRANG_2025_PROFILE, type PlanProfile } from './plan-profile';

/** A configuration whose `plan` member cannot be used; `problems` say where and why. */
export class PlanConfigError extends Error {
  readonly file: string;
  readonly problems: DecodeProblem[];

  /**
   * @param file the configuration's label
   * @param problems what is wrong, by JSON path
   * @throws never
   */
  constructor(file: string, problems: DecodeProblem[]) {
    const describe = (problem: DecodeProblem) =>
      `${problem.path}: ${problem.code}${problem.expected === undefined ? '' : ` (expected ${problem.expected}${problem.received === undefined ? '' : `, got ${problem.received}`})`}`;
    super(`${file}: ${problems.map(describe).join('; ')}`);
    this.name = 'PlanConfigError';
    this.file = file;
    this.problems = problems;
  }
}

/**
 * Reads a configuration that may carry the plan (`"plan": { …profile fields }`, over the Sóc Trăng
 * plan to 2025): the engine configuration takes the plan's targets, and a top-level `targets` list
 * still adjusts them by id (as in a configuration without a plan); the returned profile has the
 * targets the engine uses.
 * @param partial the configuration: an object, JSON text, or undefined / null for the defaults
 * @param file label of the configuration, used in messages
 * @param base the plan a `plan` member applies to
 * @returns the engine configuration and the plan profile
 * @throws {PlanConfigError} when the `plan` member is not a usable profile
 * @throws {CoverageInputError} for any other configuration problem (see `resolveConfig`)
 * @example resolvePlanConfig({ plan: { horizonYear: 2030 } }, 'cau-hinh.json').profile.horizonYear // 2030
 */
export function resolvePlanConfig(partial: unknown, file: string, base: PlanProfile = SOC_TRANG_2025_PROFILE): { config: CoverageConfig; profile: PlanProfile } {
  const user = partial === undefined || partial === null ? {} : readJsonInput(partial, file);
  const { plan, ...rest } = isRecord(user) ? user : { plan: undefined };
  const resolved = resolvePlanProfile(plan, base);
  if (!resolved.ok) throw new PlanConfigError(file, resolved.problems);
  const config = resolveConfig(isRecord(user) ? rest : user, file, { ...DEFAULT_CONFIG, targets: resolved.value.targets });
  return { config, profile: { ...resolved.value, targets: config.targets } };
}
