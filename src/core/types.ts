/**
 * Shared data types of the coverage engine. Coordinates are always `[lng, lat]` in WGS84 degrees.
 */
import type { Meters, Degrees } from './units';
import type { Message } from './messages';
import type { MeasurementOptions } from './measurements/measurement-options';
import type { RadiusOverride, SiteReachSettings } from './propagation/resolve-record-radii';

/** A radio technology a BTS record can carry. */
export type Technology = '2G' | '3G' | '4G' | '5G';
export const TECHNOLOGIES: readonly Technology[] = ['2G', '3G', '4G', '5G'];

/** Coverage layers computed for every hamlet. `mobile` = any technology in `config.mobileBroadband`. */
export type LayerName = 'mobile' | '4g' | '5g' | 'ftth';
export const LAYER_NAMES: readonly LayerName[] = ['mobile', '4g', '5g', 'ftth'];
/** Layers that are also computed per operator. */
export const MOBILE_LAYER_NAMES: readonly LayerName[] = ['mobile', '4g', '5g'];

export type Position = [number, number];
export type PolygonCoordinates = Position[][];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: PolygonCoordinates;
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: PolygonCoordinates[];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** One hamlet (ấp / khóm): the unit every coverage target counts. */
export interface Hamlet {
  id: string;
  name: string;
  commune: string;
  district: string;
  households?: number;
  population?: number;
  /** All source properties, untouched, so users can group by any of them. */
  properties: Record<string, unknown>;
  geometry: AreaGeometry;
  /** True when the area is not the hamlet's boundary but built from its point or commune (`buildApproximateHamlets`). */
  approximate?: boolean;
  /** The hamlet's point (cultural house, centre), `[lng, lat]`: the report then gives the point rule too. */
  point?: Position;
}

/**
 * The operator name of a new shared tower that no operator has been named for yet (a proposal
 * "operator-neutral"; in files the `operator` column reads `Dùng chung`). Such a record counts for
 * the overall layers and for no operator's own layer, and the site it stands on counts as shared:
 * it is built to be shared, as the plan's shared-infrastructure indicator counts it.
 */
export const SHARED_TOWER_OPERATOR = 'Dùng chung';

/** One row of an operator's site list: one operator at one point (a site or a cell). */
export interface BtsRecord {
  siteId: string;
  /** Normalised operator name (see `normalizeOperator`). */
  operator: string;
  lng: number;
  lat: number;
  technologies: Technology[];
  radiusMeters?: Meters;
  /** Clockwise from north. Absent = omnidirectional. */
  azimuthDegrees?: Degrees;
  beamwidthDegrees?: Degrees;
  heightMeters?: Meters;
  /** Carrier frequency (from a band or frequency column), MHz: with `heightMeters`, gives a reach by link budget. */
  frequencyMhz?: number;
  /** Where the record came from, for messages: `file:row`. */
  source?: string;
}

/** A fibre access point (splitter / ODP / cabinet) serving a disc around it. */
export interface FibrePoint {
  id: string;
  operator?: string;
  kind?: string;
  lng: number;
  lat: number;
  radiusMeters?: Meters;
  source?: string;
}

/** A fibre route serving a strip of `radiusMeters` on both sides along its length. */
export interface FibreRoute {
  id: string;
  operator?: string;
  coordinates: Position[];
  radiusMeters?: Meters;
  source?: string;
}

/** A plan indicator that geodata cannot compute (subscriptions, i-Speed, cloud…). */
export interface IndicatorValue {
  indicator: string;
  value: number;
  date?: string;
  source?: string;
}

/** Thresholds and targets of the plan; see `DEFAULT_CONFIG` for the documented defaults. */
export interface PlanTarget {
  id: string;
  label: string;
  /** `>=` met when value ≥ target; `>` met when value > target. */
  comparator: '>=' | '>';
  target: number;
  /** `share` = number in [0,1]; `per100` = per 100 people; `mbps` = Mbit/s. */
  unit: 'share' | 'per100' | 'mbps';
  /** Computed by the engine from geodata, or entered as an indicator. */
  computedFrom?: 'coveredMobileShare' | 'coveredFtthShare' | 'sharedSiteShare' | 'ftthHouseholdCeiling';
}

export interface FieldMapping {
  id: string[];
  name: string[];
  commune: string[];
  district: string[];
  households: string[];
  population: string[];
}

export interface CoverageConfig {
  radiiMeters: Record<Technology | 'ftth', Meters>;
  coveredThreshold: { mobile: number; ftth: number };
  colocationMeters: Meters;
  mobileBroadband: Technology[];
  defaultBeamwidthDegrees: Degrees;
  fields: FieldMapping;
  targets: PlanTarget[];
  /** Rules of the measurements (README, "Measurements"); `DEFAULT_MEASUREMENT_OPTIONS` when absent. */
  measurements?: MeasurementOptions;
  /** Radii per operator and technology (an applied calibration), before the reach model and `radiiMeters`. */
  radiusOverrides?: RadiusOverride[];
  /** The reach-from-height-and-band model; off when absent. */
  siteReach?: SiteReachSettings;
}

export type CoverageFractions = Record<LayerName, number>;
export type CoverageFlags = Record<LayerName, boolean>;

export interface HamletResult {
  id: string;
  name: string;
  commune: string;
  district: string;
  households?: number;
  population?: number;
  areaKm2: number;
  fraction: CoverageFractions;
  covered: CoverageFlags;
  /**
   * Fractions of the mobile layers per operator: `{ Viettel: { mobile, 4g, 5g } }`. A null-prototype
   * object: operator names are data (`__proto__`, `toString` are operators like any other); read it with
   * `Object.hasOwn` or `operatorFractionOf`.
   */
  operatorFraction: Record<string, Record<'mobile' | '4g' | '5g', number>>;
  /** The hamlet's unit key per grouping of the report (`{ district: '941', commune: '31522' }`); null-prototype. */
  groupKeys: Record<string, string>;
  /** Present (true) when the hamlet's area is approximate (built from its point or its commune). */
  approximate?: true;
  /**
   * The point rule, present when the hamlet has a point: per layer, whether its point is covered (the
   * rule the FCC 5G Fund map uses for hexagon centroids), beside the area share of `covered`.
   */
  pointCovered?: CoverageFlags;
}

/** A merged site: records within `colocationMeters` of each other (single linkage). */
export interface Site {
  id: string;
  lng: number;
  lat: number;
  operators: string[];
  technologies: Technology[];
  recordSiteIds: string[];
  shared: boolean;
}

export interface KpiSet {
  hamlets: number;
  coveredMobile: number;
  covered4g: number;
  covered5g: number;
  coveredFtth: number;
  coveredMobileShare: number;
  covered4gShare: number;
  covered5gShare: number;
  coveredFtthShare: number;
  households: number;
  coveredMobileHouseholdShare: number | null;
  covered4gHouseholdShare: number | null;
  covered5gHouseholdShare: number | null;
  /** Households in FTTH-covered hamlets / all households (an upper bound of FTTH take-up). */
  ftthHouseholdCeiling: number | null;
  sites: number;
  sharedSites: number;
  sharedSiteShare: number;
  /** The point rule's counts, present when some hamlet has a point (hamlets with a point only). */
  pointRule?: PointRuleKpis;
}

/**
 * Hamlets covered by the point rule (the hamlet's point inside the layer's coverage), per layer; its
 * `hamlets` counts the hamlets with a point (and an area), the denominator of the shares.
 */
export type PointRuleKpis = Pick<KpiSet, 'hamlets' | 'coveredMobile' | 'covered4g' | 'covered5g' | 'coveredFtth' | 'coveredMobileShare' | 'covered4gShare' | 'covered5gShare' | 'coveredFtthShare'>;

/** One unit of a grouping (district, commune, post-2025 commune, or any hamlet property's value). */
export interface GroupUnit {
  /**
   * The unit's code where the hamlet layer carries one (GSO code, the merger table's `new_code`); else its
   * name, after its parent's key when it has a parent (`941 / Phường 1`); `—` for hamlets with no value.
   */
  key: string;
  /** The unit's code, or null when the hamlets carry none. */
  code: string | null;
  /** The unit's name, for display. */
  label: string;
  /** Key of the parent unit (a commune's district), or null. */
  parentKey: string | null;
  /** The parent's name, for display ("Phường 1 — Thị xã Vĩnh Châu"), or null. */
  parentLabel: string | null;
}

/** The KPIs of one unit: its hamlets, and the sites standing in them. */
export interface GroupKpis extends GroupUnit, KpiSet {}

export interface TargetResult {
  id: string;
  label: string;
  comparator: '>=' | '>';
  target: number;
  unit: PlanTarget['unit'];
  value: number | null;
  met: boolean | null;
  /** `engine` (computed from geodata), `indicator: <source>, <date>`, or `missing`. */
  source: string;
}

/** Where a warning applies when it stands for many places: how many, and the first few. */
export interface WarningPlaces {
  count: number;
  /** The first places (`file:row`, `file#feature`, ids), at most a few. */
  first: readonly string[];
  /** What one place is, for the sentence: rows of a table, features of a layer, or items. */
  noun: 'rows' | 'features' | 'items';
}

/** A warning: a message (code + parameters, translated at the edge) and where it applies. */
export interface Warning extends Message {
  /** `file:row`, `file#feature` or the file, when the warning is about one place (the first of many). */
  where?: string;
  /** Set when one warning stands for many places. */
  places?: WarningPlaces;
}

/** A merged site as the report gives it: with the hamlet it stands in. */
export interface ReportSite extends Site {
  /** Id of the hamlet the site stands in, or null when it stands outside every hamlet. */
  hamletId: string | null;
}

export interface CoverageReport {
  demo: boolean;
  /**
   * Overall KPIs. With an operator filter, sites and shared sites count the chosen operators' sites, and
   * `sharedSiteShare` is the share of them that another operator also uses.
   */
  kpis: KpiSet;
  hamlets: HamletResult[];
  /** KPI rows per grouping (`district`, `commune`, …), each row keyed by code; a null-prototype object. */
  groups: Record<string, GroupKpis[]>;
  targets: TargetResult[];
  /** The sites the KPIs count (with an operator filter: those hosting a chosen operator). */
  sites: ReportSite[];
  warnings: Warning[];
  /** The covered thresholds the classes and KPIs were computed with. */
  coveredThreshold: CoverageConfig['coveredThreshold'];
  /** The operators chosen by the analysis' operator filter, or null for all operators. */
  operatorFilter: string[] | null;
}

/** One input row or feature that could not be used, and why (the message; `also` for further reasons). */
export interface SkippedItem extends Message {
  /** `file:row` (1-based data row, header excluded) or `file#featureIndex`. */
  where: string;
  /** Further reasons the same row cannot be used. */
  also?: readonly Message[];
}

/** What every parser returns: the usable items plus a full account of what was not used. */
export interface ImportResult<T> {
  items: T[];
  rowsRead: number;
  rowsUsed: number;
  skipped: SkippedItem[];
  warnings: Warning[];
}

/** Everything one analysis needs. */
export interface CoverageInput {
  hamlets: Hamlet[];
  btsRecords: BtsRecord[];
  fibrePoints: FibrePoint[];
  fibreRoutes: FibreRoute[];
  indicators: IndicatorValue[];
  /** True when any layer is generated demo data: every output says so. */
  demo?: boolean;
  /**
   * Set when `btsRecords` were restricted to some operators (see `filterCoverageInput`): coverage counts
   * `btsRecords` only, while sites and their co-location are found on `btsRecords` together with the
   * other operators' records kept here, so a chosen operator's site that another operator also uses
   * stays shared; the report then counts the chosen operators' sites.
   */
  operatorFilter?: { operators: string[]; otherBtsRecords: BtsRecord[] };
}
