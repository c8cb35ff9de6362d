/**
 * Demo values of the plan indicators that geodata cannot compute (subscriptions, i-Speed,
 * cloud use…). Plausible, fixed values: some targets met, some not.
 */
import { SOC_TRANG_PLAN_TARGETS, type IndicatorValue } from '../../src/core';

/** Source label of every demo indicator row. */
export const DEMO_INDICATOR_SOURCE = 'Dữ liệu minh họa';
const DEMO_INDICATOR_DATE = '2024-12-31';

/** Demo value per indicator id; shares are numbers in [0, 1]. Comments: target and outcome. */
const DEMO_VALUES: Record<string, number> = {
  'mobile-subscriptions-per-100': 86.4, // > 80: met
  'smartphone-subscription-share': 0.82, // > 0.85: not met
  'adults-with-smartphone': 0.78, // > 0.85: not met
  'mobile-speed-mbps': 52.3, // ≥ 40: met
  'ftth-households': 0.64, // > 0.8: not met
  'fixed-speed-mbps': 118.6, // ≥ 100: met
  'cloud-use': 0.58, // > 0.75: not met
  'agencies-on-platforms': 1, // ≥ 1: met
  'enterprises-on-platforms': 0.55, // ≥ 0.7: not met
  'anti-malware': 0.93, // ≥ 0.9: met
};

/**
 * One demo row per plan target that is not computed from geodata, in the plan's order.
 * @returns indicator rows with `source` {@link DEMO_INDICATOR_SOURCE}
 * @throws when a plan target has no demo value (the plan table grew)
 * @example buildIndicators().find((row) => row.indicator === 'cloud-use')?.value // 0.58
 */
export function buildIndicators(): IndicatorValue[] {
  return SOC_TRANG_PLAN_TARGETS.filter((target) => target.computedFrom === undefined).map((target) => {
    const value = DEMO_VALUES[target.id];
    if (value === undefined) throw new Error(`buildIndicators: no demo value for "${target.id}"`);
    return { indicator: target.id, value, date: DEMO_INDICATOR_DATE, source: DEMO_INDICATOR_SOURCE };
  });
}
