import type { BtsRecord, Technology } from '../types';
import type { Meters } from '../units';
import { computeSiteReach } from './compute-site-reach';
import { DEFAULT_LINK_BUDGETS, type LinkBudget } from './link-budget';
import type { PathLossModel, PropagationEnvironment } from './path-loss-types';

/** A radius for one operator's technology, e.g. from a calibration the user applied. */
export interface RadiusOverride {
  operator: string;
  technology: Technology;
  radiusMeters: Meters;
}

/** A link-budget margin for one operator's technology (the calibration of the reach model). */
export interface MarginOverride {
  operator: string;
  technology: Technology;
  marginDb: number;
}

/** The second coverage model: a reach from each site's height and band by a link budget. */
export interface SiteReachSettings {
  isEnabled: boolean;
  /** The land around sites where no district rule applies. */
  environment: PropagationEnvironment;
  /** The land per district (by the hamlets' district code or name). */
  districtEnvironments: { district: string; environment: PropagationEnvironment }[];
  budgets: Record<'4G' | '5G', LinkBudget>;
  margins: MarginOverride[];
}

/** Defaults: off; suburban land (villages along roads and canals) unless a district says otherwise. */
export const DEFAULT_SITE_REACH: SiteReachSettings = {
  isEnabled: false,
  environment: 'suburban',
  districtEnvironments: [],
  budgets: { '4G': DEFAULT_LINK_BUDGETS['4G'], '5G': DEFAULT_LINK_BUDGETS['5G'] },
  margins: [],
};

/** How one record's technology got its radius. */
export interface RecordReach {
  source: string;
  siteId: string;
  operator: string;
  technology: Technology;
  radiusMeters: Meters;
  model: PathLossModel;
  environment: PropagationEnvironment;
  maxPathLossDb: number;
  isExtrapolated: boolean;
}

/**
 * Gives each BTS record's technologies the radius the rules say, before the analysis builds its
 * shapes. Precedence: the record's own `radius_m`; then a radius override for its operator and
 * technology (an applied calibration); then, when the reach model is on and the record has a
 * height and a frequency, the reach from the link budget (3G and 4G with the 4G budget, 5G with the
 * 5G budget, minus the operator's calibrated margin); otherwise the config's radius for the
 * technology. A record whose technologies end up with different radii is split into one record per
 * radius (same site id and position, so it still makes one site).
 * @param records the records
 * @param rules overrides and reach settings
 * @param districtOf the district of a record (for district environments), or null
 * @returns the records to analyse, and how each reach was computed
 * @throws never
 * @example resolveRecordRadii(records, { radiusOverrides: [{ operator: 'Viettel', technology: '4G', radiusMeters: 2500 }], siteReach: DEFAULT_SITE_REACH }).records
 */
export function resolveRecordRadii(
  records: readonly BtsRecord[],
  rules: { radiusOverrides: readonly RadiusOverride[]; siteReach: SiteReachSettings },
  districtOf: (record: BtsRecord) => string | null = () => null,
): { records: BtsRecord[]; reaches: RecordReach[] } {
  const overrides = new Map<string, number>();
  for (const override of rules.radiusOverrides) if (override.radiusMeters > 0) overrides.set(`${override.technology}\u0000${override.operator}`, override.radiusMeters);
  const margins = new Map<string, number>();
  for (const margin of rules.siteReach.margins) margins.set(`${margin.technology}\u0000${margin.operator}`, margin.marginDb);
  const environments = new Map<string, PropagationEnvironment>();
  for (const rule of rules.siteReach.districtEnvironments) environments.set(rule.district, rule.environment);
  const reaches: RecordReach[] = [];
  const out: BtsRecord[] = [];
  for (const record of records) {
    if (record.radiusMeters !== undefined) {
      out.push(record);
      continue;
    }
    const radii = new Map<Technology, number | undefined>();
    let changed = false;
    for (const technology of record.technologies) {
      const key = `${technology}\u0000${record.operator}`;
      let radius = overrides.get(key);
      if (radius === undefined && rules.siteReach.isEnabled && technology !== '2G' && record.heightMeters !== undefined && record.heightMeters > 0 && record.frequencyMhz !== undefined) {
        const district = districtOf(record);
        const environment = (district === null ? undefined : environments.get(district)) ?? rules.siteReach.environment;
        const base = rules.siteReach.budgets[technology === '5G' ? '5G' : '4G'];
        const budget = { ...base, marginDb: base.marginDb + (margins.get(key) ?? 0) };
        const reach = computeSiteReach({ heightMeters: record.heightMeters, frequencyMhz: record.frequencyMhz, environment }, budget);
        radius = reach.radiusMeters;
        reaches.push({ source: record.source ?? record.siteId, siteId: record.siteId, operator: record.operator, technology, radiusMeters: radius, model: reach.model, environment, maxPathLossDb: reach.maxPathLossDb, isExtrapolated: reach.isExtrapolated });
      }
      if (radius !== undefined) changed = true;
      radii.set(technology, radius);
    }
    if (!changed) {
      out.push(record);
      continue;
    }
    // One record per distinct radius, technologies in their original order.
    const groups = new Map<number | undefined, Technology[]>();
    for (const technology of record.technologies) {
      const radius = radii.get(technology);
      const list = groups.get(radius);
      if (list === undefined) groups.set(radius, [technology]);
      else list.push(technology);
    }
    for (const [radius, technologies] of groups) {
      const split: BtsRecord = { ...record, technologies };
      if (radius !== undefined) split.radiusMeters = radius;
      out.push(split);
    }
  }
  return { records: out, reaches };
}
