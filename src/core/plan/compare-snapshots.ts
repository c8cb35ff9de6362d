import { LAYER_NAMES, MOBILE_LAYER_NAMES, type KpiSet, type LayerName, type TargetResult } from '../types';
import { matchSites, type SiteMatchKind } from './match-sites';
import type { SnapshotHamlet, SnapshotResults, SnapshotSite } from './plan-snapshot';
import { hamletUnitKey } from './report-units';

type MobileLayer = 'mobile' | '4g' | '5g';
const MOBILE_LAYERS = MOBILE_LAYER_NAMES as readonly MobileLayer[];

/** A hamlet as a change lists it. */
export interface ChangedHamlet {
  id: string;
  name: string;
  commune: string;
  district: string;
  households: number | null;
}

/** A site as a change lists it (its later state, or its earlier one when it was removed). */
export interface ChangedSite {
  id: string;
  lng: number;
  lat: number;
  operators: string[];
  shared: boolean;
  hamletId: string | null;
}

/** A site found in both results under another id, or moved: how it was matched and how far it moved. */
export interface RematchedSite {
  beforeId: string;
  afterId: string;
  by: Exclude<SiteMatchKind, 'id'>;
  distanceMeters: number;
}

/** What one operator's own network changed. */
export interface OperatorChange {
  operator: string;
  sites: { then: number; now: number };
  sharedSites: { then: number; now: number };
  /** Sites where it stands now and did not then (new sites, or joined an existing one). */
  sitesJoined: number;
  /** Sites where it stood then and does not now. */
  sitesLeft: number;
  /** Hamlets its own network covers, per mobile layer, then and now (matched hamlets only). */
  hamletsCovered: Record<MobileLayer, { then: number; now: number }>;
  /** Hamlets its own network newly covers, per mobile layer, and their households (mobile broadband). */
  newlyCovered: Record<MobileLayer, number>;
  lost: Record<MobileLayer, number>;
  householdsNewlyCovered: number;
}

/** One target's value then and now. */
export interface TargetChange {
  id: string;
  label: string;
  unit: TargetResult['unit'];
  comparator: TargetResult['comparator'];
  target: number;
  then: Pick<TargetResult, 'value' | 'met' | 'source'> | null;
  now: Pick<TargetResult, 'value' | 'met' | 'source'> | null;
}

/** One unit of a grouping: the engine's KPIs then and now, and the hamlets and sites that changed in it. */
export interface UnitChange {
  key: string;
  /** The unit's code where the results carry one. */
  code: string | null;
  label: string;
  parentLabel: string | null;
  then: KpiSet | null;
  now: KpiSet | null;
  newlyCovered: Record<LayerName, number>;
  lost: Record<LayerName, number>;
  sitesAdded: number;
  sitesRemoved: number;
  newlyShared: number;
}

/** Everything that changed between two results. */
export interface SnapshotChange {
  hamlets: {
    matched: number;
    newlyCovered: Record<LayerName, ChangedHamlet[]>;
    lost: Record<LayerName, ChangedHamlet[]>;
    /** Hamlets in only one of the results (not compared). */
    onlyBefore: ChangedHamlet[];
    onlyAfter: ChangedHamlet[];
  };
  sites: {
    matched: number;
    added: ChangedSite[];
    removed: ChangedSite[];
    newlyShared: ChangedSite[];
    noLongerShared: ChangedSite[];
    rematched: RematchedSite[];
  };
  operators: OperatorChange[];
  targets: TargetChange[];
  /** Per grouping (in the order asked), the units of both results. */
  units: Record<string, UnitChange[]>;
  kpis: { then: KpiSet; now: KpiSet };
}

/** Options of {@link compareSnapshots}. */
export interface CompareOptions {
  /** A site with a new id within this distance of an unmatched earlier site is the same site; default 30 m. */
  matchMeters?: number;
  /** Groupings to compare unit by unit (the plan's); default `['district']`. */
  groupings?: string[];
}

const changedHamlet = (hamlet: SnapshotHamlet): ChangedHamlet => ({ id: hamlet.id, name: hamlet.name, commune: hamlet.commune, district: hamlet.district, households: hamlet.households ?? null });
const changedSite = (site: SnapshotSite): ChangedSite => ({ id: site.id, lng: site.lng, lat: site.lat, operators: [...site.operators], shared: site.shared, hamletId: site.hamletId ?? null });
const perLayer = <T>(make: () => T): Record<LayerName, T> => ({ mobile: make(), '4g': make(), '5g': make(), ftth: make() });
const perMobileLayer = <T>(make: () => T): Record<MobileLayer, T> => ({ mobile: make(), '4g': make(), '5g': make() });

function isOperatorCovering(hamlet: SnapshotHamlet, operator: string, layer: MobileLayer, threshold: number): boolean {
  const fractions = Object.hasOwn(hamlet.operatorFraction, operator) ? hamlet.operatorFraction[operator] : undefined;
  return (fractions?.[layer] ?? 0) >= threshold - 1e-12;
}

function compareTargets(before: TargetResult[], after: TargetResult[]): TargetChange[] {
  const pick = (target: TargetResult | undefined) => (target ? { value: target.value, met: target.met, source: target.source } : null);
  const beforeById = new Map(before.map((target) => [target.id, target]));
  const afterIds = new Set(after.map((target) => target.id));
  const rows = [...after, ...before.filter((target) => !afterIds.has(target.id))];
  return rows.map((target) => ({
    id: target.id,
    label: target.label,
    unit: target.unit,
    comparator: target.comparator,
    target: target.target,
    then: pick(beforeById.get(target.id)),
    now: afterIds.has(target.id) ? pick(target) : null,
  }));
}

/**
 * Compares two results (two snapshots, or a snapshot and the current analysis): hamlets newly covered
 * and lost per layer (matched by hamlet id), sites added, removed and newly shared (matched by id, then
 * by a record `site_id` in common, then by position within `matchMeters`), each operator's own network
 * then and now, every target then and now, and per unit of each grouping the engine's KPIs then and
 * now with the counts of what changed in it. Hamlets and sites found in one result only are listed.
 * @param before the earlier results
 * @param after the later results
 * @param options match distance, groupings
 * @returns the change (lists in the later results' order, removed items in the earlier's)
 * @example compareSnapshots(snapshot.results, snapshotResultsOf(report)).hamlets.newlyCovered.mobile.length
 */
export function compareSnapshots(before: SnapshotResults, after: SnapshotResults, options: CompareOptions = {}): SnapshotChange {
  const matchMeters = options.matchMeters ?? 30;
  const groupings = options.groupings ?? ['district'];
  const threshold = { then: before.coveredThreshold.mobile, now: after.coveredThreshold.mobile };

  const beforeHamlets = new Map<string, SnapshotHamlet>();
  for (const hamlet of before.hamlets) if (!beforeHamlets.has(hamlet.id)) beforeHamlets.set(hamlet.id, hamlet);
  const afterIds = new Set(after.hamlets.map((hamlet) => hamlet.id));
  const newlyCovered = perLayer<ChangedHamlet[]>(() => []);
  const lost = perLayer<ChangedHamlet[]>(() => []);
  const pairs: { then: SnapshotHamlet; now: SnapshotHamlet }[] = [];
  const onlyAfter: ChangedHamlet[] = [];
  const seen = new Set<string>();
  for (const hamlet of after.hamlets) {
    const earlier = beforeHamlets.get(hamlet.id);
    if (!earlier || seen.has(hamlet.id)) {
      if (!earlier) onlyAfter.push(changedHamlet(hamlet));
      continue;
    }
    seen.add(hamlet.id);
    pairs.push({ then: earlier, now: hamlet });
    for (const layer of LAYER_NAMES) {
      if (!earlier.covered[layer] && hamlet.covered[layer]) newlyCovered[layer].push(changedHamlet(hamlet));
      else if (earlier.covered[layer] && !hamlet.covered[layer]) lost[layer].push(changedHamlet(hamlet));
    }
  }
  const onlyBefore = before.hamlets.filter((hamlet) => !afterIds.has(hamlet.id)).map(changedHamlet);

  const matching = matchSites(before.sites, after.sites, matchMeters);
  const added = matching.onlyAfter.map((j) => changedSite(after.sites[j]));
  const removed = matching.onlyBefore.map((i) => changedSite(before.sites[i]));
  const newlyShared: ChangedSite[] = [];
  const noLongerShared: ChangedSite[] = [];
  const rematched: RematchedSite[] = [];
  for (const match of matching.matches) {
    const then = before.sites[match.before];
    const now = after.sites[match.after];
    if (!then.shared && now.shared) newlyShared.push(changedSite(now));
    if (then.shared && !now.shared) noLongerShared.push(changedSite(now));
    if (match.by !== 'id') rematched.push({ beforeId: then.id, afterId: now.id, by: match.by, distanceMeters: match.distanceMeters });
  }

  const operatorSet = new Set<string>();
  for (const site of [...before.sites, ...after.sites]) for (const operator of site.operators) operatorSet.add(operator);
  for (const { then, now } of pairs) for (const operator of [...Object.keys(then.operatorFraction), ...Object.keys(now.operatorFraction)]) operatorSet.add(operator);
  const operatorNames = [...operatorSet].sort(compareText);
  const operators = operatorNames.map((operator): OperatorChange => {
    const hosts = (site: SnapshotSite) => site.operators.includes(operator);
    let sitesJoined = matching.onlyAfter.filter((j) => hosts(after.sites[j])).length;
    let sitesLeft = matching.onlyBefore.filter((i) => hosts(before.sites[i])).length;
    for (const match of matching.matches) {
      const wasThere = hosts(before.sites[match.before]);
      const isThere = hosts(after.sites[match.after]);
      if (isThere && !wasThere) sitesJoined++;
      if (wasThere && !isThere) sitesLeft++;
    }
    const hamletsCovered = perMobileLayer(() => ({ then: 0, now: 0 }));
    const operatorNewly = perMobileLayer(() => 0);
    const operatorLost = perMobileLayer(() => 0);
    let householdsNewlyCovered = 0;
    for (const { then, now } of pairs) {
      for (const layer of MOBILE_LAYERS) {
        const wasCovering = isOperatorCovering(then, operator, layer, threshold.then);
        const isCovering = isOperatorCovering(now, operator, layer, threshold.now);
        if (wasCovering) hamletsCovered[layer].then++;
        if (isCovering) hamletsCovered[layer].now++;
        if (isCovering && !wasCovering) {
          operatorNewly[layer]++;
          if (layer === 'mobile') householdsNewlyCovered += now.households ?? 0;
        }
        if (wasCovering && !isCovering) operatorLost[layer]++;
      }
    }
    return {
      operator,
      sites: { then: before.sites.filter(hosts).length, now: after.sites.filter(hosts).length },
      sharedSites: { then: before.sites.filter((site) => site.shared && hosts(site)).length, now: after.sites.filter((site) => site.shared && hosts(site)).length },
      sitesJoined,
      sitesLeft,
      hamletsCovered,
      newlyCovered: operatorNewly,
      lost: operatorLost,
      householdsNewlyCovered,
    };
  });

  const units: Record<string, UnitChange[]> = Object.create(null);
  for (const grouping of groupings) {
    units[grouping] = compareUnits(grouping, before, after, { newlyCovered, lost, added, removed, newlyShared });
  }

  return {
    hamlets: { matched: pairs.length, newlyCovered, lost, onlyBefore, onlyAfter },
    sites: { matched: matching.matches.length, added, removed, newlyShared, noLongerShared, rematched },
    operators,
    targets: compareTargets(before.targets, after.targets),
    units,
    kpis: { then: before.kpis, now: after.kpis },
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface ChangeLists {
  newlyCovered: Record<LayerName, ChangedHamlet[]>;
  lost: Record<LayerName, ChangedHamlet[]>;
  added: ChangedSite[];
  removed: ChangedSite[];
  newlyShared: ChangedSite[];
}

/** Per unit: the engine's group rows of both results (matched by key) and the counts of changed items in it. */
function compareUnits(grouping: string, before: SnapshotResults, after: SnapshotResults, lists: ChangeLists): UnitChange[] {
  const thenRows = before.groups[grouping] ?? [];
  const nowRows = after.groups[grouping] ?? [];
  const thenByKey = new Map(thenRows.map((row) => [row.key, row]));
  const nowKeys = new Set(nowRows.map((row) => row.key));
  const rows = [...nowRows, ...thenRows.filter((row) => !nowKeys.has(row.key))];
  const nowHamlets = new Map(after.hamlets.map((hamlet) => [hamlet.id, hamlet]));
  const thenHamlets = new Map(before.hamlets.map((hamlet) => [hamlet.id, hamlet]));
  const unitOfHamlet = (id: string | null, hamlets: Map<string, SnapshotHamlet>) => {
    const hamlet = id === null ? undefined : hamlets.get(id);
    return hamlet ? hamletUnitKey(hamlet, grouping) : null;
  };
  const tally = new Map<string, UnitChange>();
  const entry = (key: string | null) => (key === null ? undefined : tally.get(key));
  for (const row of rows) {
    const { key, code, label, parentLabel, ...kpis } = row;
    const thenRow = thenByKey.get(key);
    tally.set(key, {
      key,
      code: code ?? null,
      label: label ?? key,
      parentLabel: parentLabel ?? null,
      then: thenRow ? kpiPart(thenRow) : null,
      now: nowKeys.has(key) ? kpiPart(kpis as KpiSet) : null,
      newlyCovered: perLayer(() => 0),
      lost: perLayer(() => 0),
      sitesAdded: 0,
      sitesRemoved: 0,
      newlyShared: 0,
    });
  }
  for (const layer of LAYER_NAMES) {
    for (const hamlet of lists.newlyCovered[layer]) {
      const unit = entry(unitOfHamlet(hamlet.id, nowHamlets));
      if (unit) unit.newlyCovered[layer]++;
    }
    for (const hamlet of lists.lost[layer]) {
      const unit = entry(unitOfHamlet(hamlet.id, nowHamlets));
      if (unit) unit.lost[layer]++;
    }
  }
  for (const site of lists.added) {
    const unit = entry(unitOfHamlet(site.hamletId, nowHamlets));
    if (unit) unit.sitesAdded++;
  }
  for (const site of lists.removed) {
    const unit = entry(unitOfHamlet(site.hamletId, thenHamlets));
    if (unit) unit.sitesRemoved++;
  }
  for (const site of lists.newlyShared) {
    const unit = entry(unitOfHamlet(site.hamletId, nowHamlets));
    if (unit) unit.newlyShared++;
  }
  return [...tally.values()];
}

const KPI_KEYS: Exclude<keyof KpiSet, 'pointRule'>[] = [
  'hamlets', 'coveredMobile', 'covered4g', 'covered5g', 'coveredFtth', 'coveredMobileShare', 'covered4gShare', 'covered5gShare', 'coveredFtthShare', 'households',
  'coveredMobileHouseholdShare', 'covered4gHouseholdShare', 'covered5gHouseholdShare', 'ftthHouseholdCeiling', 'sites', 'sharedSites', 'sharedSiteShare',
];

function kpiPart(row: KpiSet): KpiSet {
  const kpis = {} as Record<(typeof KPI_KEYS)[number], number | null>;
  for (const key of KPI_KEYS) kpis[key] = row[key];
  return kpis as unknown as KpiSet;
}
