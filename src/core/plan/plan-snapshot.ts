/**
 * A dated snapshot of the plan's results ("Số liệu đến 31/12/2024"): what the engine said about every
 * hamlet, site, unit and target on that date, kept so a later year can be compared with it.
 */
import type { CoverageFlags, CoverageFractions, CoverageReport, GroupKpis, KpiSet, TargetResult, Technology } from '../types';

/** A hamlet's results in a snapshot. */
export interface SnapshotHamlet {
  id: string;
  name: string;
  commune: string;
  district: string;
  households?: number;
  fraction: CoverageFractions;
  covered: CoverageFlags;
  /** Mobile-layer fractions per operator; a null-prototype object (operator names are data). */
  operatorFraction: Record<string, Record<'mobile' | '4g' | '5g', number>>;
  /** The hamlet's unit key per grouping (`{ district: '941' }`), when the report gave them; null-prototype. */
  groupKeys?: Record<string, string>;
}

/** A merged site in a snapshot. */
export interface SnapshotSite {
  id: string;
  lng: number;
  lat: number;
  operators: string[];
  technologies: Technology[];
  shared: boolean;
  /** The record `site_id`s merged into it. */
  recordSiteIds: string[];
  /** The hamlet it stands in, null outside every hamlet, absent when unknown. */
  hamletId?: string | null;
}

/** The engine's KPI row of one unit, with its code, name and parent when the report gives them. */
export type SnapshotGroup = GroupKpis & { code?: string | null; label?: string; parentKey?: string | null; parentLabel?: string | null };

/** Everything a comparison needs from one analysis. */
export interface SnapshotResults {
  demo: boolean;
  /** The covered thresholds the results were computed with (operator layers are judged by them). */
  coveredThreshold: { mobile: number; ftth: number };
  kpis: KpiSet;
  hamlets: SnapshotHamlet[];
  sites: SnapshotSite[];
  /** KPI rows per grouping, as the engine computed them; a null-prototype object. */
  groups: Record<string, SnapshotGroup[]>;
  targets: TargetResult[];
}

/** A dated snapshot: its date, its label, the plan it was taken under, and the results. */
export interface PlanSnapshot {
  /** Unique within a project. */
  id: string;
  /** The date the figures stand for, ISO (`2024-12-31`). */
  asOf: string;
  /** The user's name for it (`Số liệu đến 31/12/2024`). */
  label: string;
  /** ISO time it was taken. */
  savedAt: string;
  /** The id of the plan profile in force when it was taken. */
  planId: string;
  results: SnapshotResults;
}

/** The thresholds the engine uses when a report does not say. */
const DEFAULT_THRESHOLD = { mobile: 0.5, ftth: 0.1 };

/**
 * The part of a coverage report a snapshot keeps.
 * @param report the engine's report
 * @param coveredThreshold the thresholds the report was computed with (the report's own when it has them)
 * @returns the snapshot results (shares the report's arrays; treat as read-only)
 * @example snapshotResultsOf(buildCoverageReport(analysis)).hamlets.length
 */
export function snapshotResultsOf(report: CoverageReport, coveredThreshold?: { mobile: number; ftth: number }): SnapshotResults {
  const reported = (report as CoverageReport & { coveredThreshold?: { mobile: number; ftth: number } }).coveredThreshold;
  return {
    demo: report.demo,
    coveredThreshold: { ...(coveredThreshold ?? reported ?? DEFAULT_THRESHOLD) },
    kpis: report.kpis,
    hamlets: report.hamlets,
    sites: report.sites,
    groups: report.groups,
    targets: report.targets,
  };
}

