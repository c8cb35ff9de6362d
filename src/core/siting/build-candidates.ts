import type { CoverageAnalysis } from '../analyze-coverage';
import { SHARED_TOWER_OPERATOR, type BtsRecord, type Technology } from '../types';
import { ellipsoidMetersPerDegree, metersToDegrees } from '../units';
import { distanceToHamletMeters, pointOnHamlet } from '../coverage/hamlet-geometry';
import { optionValue, SitingError, type CandidateKind, type CandidateOptions, type CandidateSource, type SitingCandidate } from './siting-types';
import { findTargetLayers, findUncoveredHamlets } from './target-layers';

/** Defaults of {@link CandidateOptions}. */
export const DEFAULT_CANDIDATE_OPTIONS = {
  technology: '4G' as Technology,
  gridSpacingMeters: 500,
  weights: { upgrade: 1, new: 3 },
};

/** Settings every candidate builder and the proposer share, with defaults filled in. */
export interface ResolvedCandidateOptions {
  /** Chosen operators (empty = mobile broadband overall). */
  operators: string[];
  /** Operators new towers are proposed for (`SHARED_TOWER_OPERATOR` when none is chosen). */
  newSiteOperators: string[];
  /** Operators upgrades may add. */
  upgradeOperators: string[];
  technology: Technology;
  radiusMeters: number;
  gridSpacingMeters: number;
  includeHamletPoints: boolean;
  includeUpgrades: boolean;
  weights: { upgrade: number; new: number };
}

function operatorsByRecordCount(records: BtsRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.operator, (counts.get(record.operator) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([operator]) => operator);
}

/**
 * Fills in the defaults of the candidate options and checks them.
 * @param analysis the coverage analysis (operators in the data, config radii)
 * @param options the options as given
 * @returns the resolved options
 * @throws {SitingError} `invalid-option` for a technology that is not mobile broadband, a radius,
 *   spacing or weight that is not a positive number
 * @example resolveCandidateOptions(analysis, {}).weights // { upgrade: 1, new: 3 }
 */
export function resolveCandidateOptions(analysis: CoverageAnalysis, options: CandidateOptions = {}): ResolvedCandidateOptions {
  const technology = options.technology ?? DEFAULT_CANDIDATE_OPTIONS.technology;
  if (!analysis.config.mobileBroadband.includes(technology)) {
    throw new SitingError('invalid-option', 'technology', { technology, mobile: analysis.config.mobileBroadband.join(', ') }, 'technology');
  }
  const radiusMeters = options.radiusMeters ?? analysis.config.radiiMeters[technology];
  if (!(radiusMeters > 0)) throw new SitingError('invalid-option', 'radius', { value: optionValue(radiusMeters) }, 'radiusMeters');
  const gridSpacingMeters = options.gridSpacingMeters ?? DEFAULT_CANDIDATE_OPTIONS.gridSpacingMeters;
  if (!(gridSpacingMeters >= 0) || (gridSpacingMeters > 0 && gridSpacingMeters < 10)) {
    throw new SitingError('invalid-option', 'grid-spacing', { value: optionValue(gridSpacingMeters) }, 'gridSpacingMeters');
  }
  const weights = options.weights ?? DEFAULT_CANDIDATE_OPTIONS.weights;
  for (const kind of ['upgrade', 'new'] as const) {
    if (!(weights[kind] > 0) || !Number.isFinite(weights[kind])) throw new SitingError('invalid-option', kind === 'upgrade' ? 'weight-upgrade' : 'weight-new', { value: optionValue(weights[kind]) }, `weights.${kind}`);
  }
  const operators = [...new Set(options.operators ?? [])];
  if (operators.includes(SHARED_TOWER_OPERATOR)) {
    throw new SitingError('invalid-option', 'shared-operator', { operator: SHARED_TOWER_OPERATOR }, 'operators');
  }
  const inData = operatorsByRecordCount([...analysis.input.btsRecords, ...analysis.extraRecords]).filter((operator) => operator !== SHARED_TOWER_OPERATOR);
  return {
    operators,
    newSiteOperators: operators.length > 0 ? operators : [SHARED_TOWER_OPERATOR],
    upgradeOperators: operators.length > 0 ? operators : [...inData].sort(),
    technology,
    radiusMeters,
    gridSpacingMeters,
    includeHamletPoints: options.includeHamletPoints ?? true,
    includeUpgrades: options.includeUpgrades ?? true,
    weights: { upgrade: weights.upgrade, new: weights.new },
  };
}

/**
 * Builds the siting candidates: (a) co-location upgrades, one per existing site and chosen operator
 * it lacks (every operator in the data when none is chosen), at the position of the site's first
 * record (so the new record joins that site); new towers — for each chosen operator, or when none is
 * chosen one operator-neutral shared tower (`SHARED_TOWER_OPERATOR`) per point — (b) on a grid (`gridSpacingMeters`) at every grid point inside or within the radius
 * of a hamlet the target leaves uncovered; (c) a point inside each such hamlet; (d) user points.
 * Candidates that would cover nothing are kept here and dropped by the coverage-gain step.
 * @param analysis the coverage analysis (sites, prepared hamlets, current fractions)
 * @param options operators, technology, radius (metres), grid spacing (metres), weights, user points
 * @returns candidates in a stable order: upgrades (by site id), grid (south to north, west to east),
 *   hamlet points, user points; ids `upgrade:<site>:<operator>`, `grid:<i>:<j>[:<operator>]`,
 *   `hamlet:<id>[:<operator>]`, `user:<n>[:<operator>]` (no operator for a shared tower)
 * @throws {SitingError} `invalid-option` (see {@link resolveCandidateOptions})
 * @example buildCandidates(analysis, { operators: ['Viettel'], gridSpacingMeters: 500 }).length
 */
export function buildCandidates(analysis: CoverageAnalysis, options: CandidateOptions = {}): SitingCandidate[] {
  const resolved = resolveCandidateOptions(analysis, options);
  const { technology, radiusMeters, weights } = resolved;
  const candidates: SitingCandidate[] = [];
  const add = (kind: CandidateKind, source: CandidateSource, base: string, operator: string, lng: number, lat: number, host?: { siteId: string; operators: string[] }) => {
    const id = operator === SHARED_TOWER_OPERATOR ? base : `${base}:${operator}`;
    const record: BtsRecord = { siteId: id, operator, lng, lat, technologies: [technology], radiusMeters, source: `proposal:${id}` };
    candidates.push({
      id,
      kind,
      source,
      ...(host ? { hostSiteId: host.siteId, hostOperators: host.operators } : {}),
      weight: kind === 'upgrade' ? weights.upgrade : weights.new,
      record,
    });
  };

  if (resolved.includeUpgrades) {
    const recordsById = new Map<string, BtsRecord>();
    for (const record of [...analysis.input.btsRecords, ...analysis.extraRecords]) if (!recordsById.has(record.siteId)) recordsById.set(record.siteId, record);
    for (const site of analysis.sites) {
      const anchor = recordsById.get(site.recordSiteIds[0]) ?? { lng: site.lng, lat: site.lat };
      for (const operator of resolved.upgradeOperators) {
        if (site.operators.includes(operator)) continue;
        add('upgrade', 'colocation', `upgrade:${site.id}`, operator, anchor.lng, anchor.lat, { siteId: site.id, operators: site.operators });
      }
    }
  }

  const uncovered = findUncoveredHamlets(analysis, findTargetLayers(analysis, resolved.operators));
  if (resolved.gridSpacingMeters > 0 && uncovered.length > 0) {
    for (const [i, j, lng, lat] of gridPoints(analysis, uncovered, resolved.gridSpacingMeters, radiusMeters)) {
      for (const operator of resolved.newSiteOperators) add('new', 'grid', `grid:${i}:${j}`, operator, lng, lat);
    }
  }
  if (resolved.includeHamletPoints) {
    for (const h of uncovered) {
      const [lng, lat] = pointOnHamlet(analysis.prepared[h]);
      for (const operator of resolved.newSiteOperators) add('new', 'hamlet', `hamlet:${analysis.input.hamlets[h].id}`, operator, lng, lat);
    }
  }
  (options.userPoints ?? []).forEach((point, n) => {
    if (!Number.isFinite(point.lng) || !Number.isFinite(point.lat) || Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) {
      throw new SitingError('invalid-option', 'user-point', { number: n + 1, lng: optionValue(point.lng), lat: optionValue(point.lat) }, `userPoints[${n}]`);
    }
    for (const operator of point.operator ? [point.operator] : resolved.newSiteOperators) add('new', 'user', `user:${n + 1}`, operator, point.lng, point.lat);
  });
  return candidates;
}

/**
 * Grid points (`[i, j, lng, lat]`) within `radiusMeters` of any of the hamlets. The grid is laid in
 * one metric frame at the mean latitude of those hamlets, anchored at their south-west corner.
 */
function gridPoints(analysis: CoverageAnalysis, hamlets: number[], spacingMeters: number, radiusMeters: number): [number, number, number, number][] {
  let minLng = Infinity;
  let minLat = Infinity;
  let latSum = 0;
  for (const h of hamlets) {
    const [west, south, , north] = analysis.prepared[h].bbox;
    minLng = Math.min(minLng, west);
    minLat = Math.min(minLat, south);
    latSum += (south + north) / 2;
  }
  const [kx, ky] = ellipsoidMetersPerDegree(latSum / hamlets.length);
  const stepLng = spacingMeters / kx;
  const stepLat = spacingMeters / ky;
  const [padLng, padLat] = metersToDegrees(radiusMeters * 1.01, latSum / hamlets.length);
  const originLng = minLng - padLng;
  const originLat = minLat - padLat;
  const found = new Map<string, [number, number, number, number]>();
  for (const h of hamlets) {
    const hamlet = analysis.prepared[h];
    const [west, south, east, north] = hamlet.bbox;
    const [dLng, dLat] = metersToDegrees(radiusMeters * 1.01, (south + north) / 2);
    const iFrom = Math.ceil((west - dLng - originLng) / stepLng);
    const iTo = Math.floor((east + dLng - originLng) / stepLng);
    const jFrom = Math.ceil((south - dLat - originLat) / stepLat);
    const jTo = Math.floor((north + dLat - originLat) / stepLat);
    for (let j = jFrom; j <= jTo; j++) {
      for (let i = iFrom; i <= iTo; i++) {
        const key = `${i}:${j}`;
        if (found.has(key)) continue;
        const lng = originLng + i * stepLng;
        const lat = originLat + j * stepLat;
        if (distanceToHamletMeters(hamlet, lng, lat) <= radiusMeters) found.set(key, [i, j, lng, lat]);
      }
    }
  }
  return [...found.values()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}
