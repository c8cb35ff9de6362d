import type { PlanTarget } from '../types';
import { MEASUREMENT_TECHNOLOGIES, serviceOfTechnology, type MeasurementService, type MeasurementSet, type MeasurementTechnology } from './measurement-set';
import type { MeasurementPeriod } from './measurement-period';
import { summarizeSpeeds, type SpeedSummary } from './summarize-speeds';

/** The speed figures of one unit. */
export interface SpeedRow extends SpeedSummary {
  /** The unit's key in the report's grouping (its code where the hamlets carry one). */
  key: string;
  /** The unit's name and its parent's, from the report's grouping (set by `analyzeMeasurements`). */
  label?: string;
  parentLabel?: string | null;
}

/** The speed figures of one operator in one unit. */
export interface OperatorSpeedRow extends SpeedRow {
  operator: string;
}

/** The speed figures of one technology in one unit. */
export interface TechnologySpeedRow extends SpeedRow {
  technology: MeasurementTechnology;
}

/** The units of one grouping of the report, and each test's unit. */
export interface TestUnits {
  keys: readonly string[];
  /** Per test, an index into `keys`, or -1 (outside every hamlet, or a hamlet with no unit). */
  unitOfTest: ArrayLike<number>;
}

/** The plan's speed targets, Mbit/s, per service. */
export type SpeedTargets = Record<MeasurementService, number>;

/**
 * The download targets of the plan's `mobile-speed-mbps` and `fixed-speed-mbps` rows (40 and 100
 * Mbit/s in the Sóc Trăng plan), from the config's targets.
 * @param targets the config's plan targets
 * @returns the targets per service (40 / 100 when a row is missing)
 * @throws never
 * @example speedTargetsOf(DEFAULT_CONFIG.targets) // { mobile: 40, fixed: 100 }
 */
export function speedTargetsOf(targets: readonly PlanTarget[]): SpeedTargets {
  return {
    mobile: targets.find((target) => target.id === 'mobile-speed-mbps')?.target ?? 40,
    fixed: targets.find((target) => target.id === 'fixed-speed-mbps')?.target ?? 100,
  };
}

function isOfService(set: MeasurementSet, service: MeasurementService): (i: number) => boolean {
  const matches = MEASUREMENT_TECHNOLOGIES.map((technology) => serviceOfTechnology(technology) === service);
  return (i) => matches[set.technology[i]];
}

/**
 * The plan's speed figures for one grouping of units (district, commune, post-2025 commune…):
 * per unit, the mobile-broadband tests' figures (`units`) and the fixed-broadband (Wi-Fi, fixed
 * line) tests' figures (`fixed`), each against its target; per unit and operator (mobile); per unit
 * and technology (each against its service's target). See `summarizeSpeeds` for the figures and
 * the 300-tests-a-month publication rule. Units without a speed test have no row ("not measured").
 * @param set the measurements
 * @param units the grouping's units and each test's unit
 * @param targets download targets per service, Mbit/s
 * @param period the measurement period
 * @param minSamplesPerMonth the publication rule's minimum
 * @returns the rows, in unit order (then operator or technology order)
 * @throws never
 * @example computeSpeedStats(set, units, { mobile: 40, fixed: 100 }, period, 300).units[0].medianDownMbps
 */
export function computeSpeedStats(
  set: MeasurementSet,
  units: TestUnits,
  targets: SpeedTargets,
  period: MeasurementPeriod,
  minSamplesPerMonth: number,
): { units: SpeedRow[]; fixed: SpeedRow[]; byOperator: OperatorSpeedRow[]; byTechnology: TechnologySpeedRow[] } {
  const unitCount = units.keys.length;
  const { unitOfTest } = units;
  const rowsOf = <Row>(summaries: (SpeedSummary | null)[], make: (group: number, summary: SpeedSummary) => Row): Row[] =>
    summaries.flatMap((summary, group) => (summary === null ? [] : [make(group, summary)]));
  const mobile = summarizeSpeeds(set, unitOfTest, unitCount, () => targets.mobile, period, minSamplesPerMonth, isOfService(set, 'mobile'));
  const fixed = summarizeSpeeds(set, unitOfTest, unitCount, () => targets.fixed, period, minSamplesPerMonth, isOfService(set, 'fixed'));

  const operatorCount = set.operators.length;
  const operatorGroups = new Int32Array(set.count);
  for (let i = 0; i < set.count; i++) operatorGroups[i] = unitOfTest[i] < 0 || set.operator[i] < 0 ? -1 : unitOfTest[i] * operatorCount + set.operator[i];
  const byOperator = summarizeSpeeds(set, operatorGroups, unitCount * operatorCount, () => targets.mobile, period, minSamplesPerMonth, isOfService(set, 'mobile'));
  const operatorOrder = set.operators.map((name, index) => ({ name, index })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const technologyCount = MEASUREMENT_TECHNOLOGIES.length;
  const technologyGroups = new Int32Array(set.count);
  for (let i = 0; i < set.count; i++) technologyGroups[i] = unitOfTest[i] < 0 ? -1 : unitOfTest[i] * technologyCount + set.technology[i];
  const byTechnology = summarizeSpeeds(set, technologyGroups, unitCount * technologyCount, (group) => targets[serviceOfTechnology(MEASUREMENT_TECHNOLOGIES[group % technologyCount])], period, minSamplesPerMonth);

  const operatorRows: OperatorSpeedRow[] = [];
  for (let unit = 0; unit < unitCount; unit++) {
    for (const { name, index } of operatorOrder) {
      const summary = byOperator[unit * operatorCount + index];
      if (summary !== null) operatorRows.push({ key: units.keys[unit], operator: name, ...summary });
    }
  }
  return {
    units: rowsOf(mobile, (unit, summary) => ({ key: units.keys[unit], ...summary })),
    fixed: rowsOf(fixed, (unit, summary) => ({ key: units.keys[unit], ...summary })),
    byOperator: operatorRows,
    byTechnology: rowsOf(byTechnology, (group, summary) => ({ key: units.keys[Math.floor(group / technologyCount)], technology: MEASUREMENT_TECHNOLOGIES[group % technologyCount], ...summary })),
  };
}
