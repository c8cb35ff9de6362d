import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { DEFAULT_CONFIG } from '../config/default-config';
import { decodePlanProfile } from './decode-plan-profile';
import { derivePlanProfile, planAuthorityOn, SOC_TRANG_2025_PROFILE } from './plan-profile';
import { PlanConfigError, resolvePlanConfig } from './resolve-plan-config';

describeGolden('resolvePlanConfig', (goldenCase) => {
  try {
    const { config, profile } = resolvePlanConfig(goldenCase.text, goldenCase.fileName);
    return { profile, colocationMeters: config.colocationMeters };
  } catch (error) {
    if (error instanceof PlanConfigError) return { problems: error.problems };
    throw error;
  }
});

describe('plan profiles', () => {
  it('names the planning area by date: Tỉnh Sóc Trăng until 30 June 2025, Thành phố Cần Thơ from 1 July', () => {
    expect(planAuthorityOn(SOC_TRANG_2025_PROFILE, '2024-12-31').areaName).toBe('Tỉnh Sóc Trăng');
    expect(planAuthorityOn(SOC_TRANG_2025_PROFILE, '2025-06-30').areaName).toBe('Tỉnh Sóc Trăng');
    expect(planAuthorityOn(SOC_TRANG_2025_PROFILE, '2025-07-01').areaName).toBe('Thành phố Cần Thơ');
    expect(planAuthorityOn(SOC_TRANG_2025_PROFILE, '2024-12-31').issuerCode).toBe('STTTT');
    expect(planAuthorityOn(SOC_TRANG_2025_PROFILE, '1990-01-01').areaName).toBe('Tỉnh Sóc Trăng');
  });

  it('derives a later plan whose authorities start with the one in force on its first day', () => {
    const derived = derivePlanProfile(SOC_TRANG_2025_PROFILE, { id: 'can-tho-2030', startYear: 2026, horizonYear: 2030 });
    expect(derived.authorities.map((authority) => [authority.from, authority.areaName])).toEqual([[null, 'Thành phố Cần Thơ']]);
    expect(derived.targets).toEqual(SOC_TRANG_2025_PROFILE.targets);
    expect(derived.targets[0]).not.toBe(SOC_TRANG_2025_PROFILE.targets[0]);
    expect(SOC_TRANG_2025_PROFILE.authorities).toHaveLength(3);
  });

  it('ships a default profile that decodes as it is, with the engine defaults as its targets', () => {
    const decoded = decodePlanProfile(JSON.parse(JSON.stringify(SOC_TRANG_2025_PROFILE)));
    expect(decoded).toEqual({ ok: true, value: SOC_TRANG_2025_PROFILE });
    expect(SOC_TRANG_2025_PROFILE.targets).toEqual(DEFAULT_CONFIG.targets);
  });

  it('gives the engine the targets of the plan, adjusted by a top-level targets list', () => {
    const { config, profile } = resolvePlanConfig({ plan: { targets: [SOC_TRANG_2025_PROFILE.targets[2]] }, targets: [{ id: 'shared-sites', target: 0.45 }] }, 'c.json');
    expect(config.targets).toEqual([{ ...SOC_TRANG_2025_PROFILE.targets[2], target: 0.45 }]);
    expect(profile.targets).toEqual(config.targets);
  });

  it('decodes any JSON without throwing, and every problem has a path inside the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = decodePlanProfile(value, 'plan');
        if (!result.ok) for (const problem of result.problems) expect(problem.path.startsWith('plan')).toBe(true);
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('finds a broken field anywhere in an otherwise valid profile', () => {
    const valid = JSON.parse(JSON.stringify(SOC_TRANG_2025_PROFILE)) as Record<string, unknown>;
    const breakers: [string, (profile: Record<string, unknown>) => void][] = [
      ['targets[4].target', (p) => ((p.targets as Record<string, unknown>[])[4].target = 2)],
      ['targets[0].unit', (p) => ((p.targets as Record<string, unknown>[])[0].unit = '%')],
      ['authorities[1].from', (p) => ((p.authorities as Record<string, unknown>[])[1].from = '2025-13-01')],
      ['startYear', (p) => (p.startYear = '2021')],
      ['horizonYear', (p) => (p.horizonYear = 2020)],
      ['title', (p) => (p.title = '   ')],
      ['__proto__', (p) => Object.defineProperty(p, '__proto__', { value: {}, enumerable: true })],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...breakers), ([path, breakIt]) => {
        const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
        breakIt(copy);
        const result = decodePlanProfile(copy);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain(path);
      }),
      { seed: 14, numRuns: 30 },
    );
  });
});
