/**
 * Synthetic fibre access points (splitters, ODPs, cabinets) clustered on settlements: around a
 * hamlet's centre and a second settlement, and strung along a road or canal crossing it. A share
 * of remote, sparsely settled hamlets gets none.
 */
import { booleanPointInPolygon, centerOfMass } from '@turf/turf';
import type { Position } from '../../src/core';
import { allocateIntegers } from './allocate-integers';
import type { HamletUnit } from './build-admin-units';
import { isInRemoteArea } from './build-bts-sites';
import { offsetMeters, randomPointInPolygon } from './geometry-utils';
import type { Random } from './prng';
import { REMOTE_AREAS } from './province-layout';

/** Fixed-network operators of the demo fibre layer. */
export const FIBRE_OPERATORS = ['Viettel', 'VNPT', 'FPT'] as const;
const FIBRE_ID_PREFIX: Record<string, string> = { Viettel: 'VTL', VNPT: 'VNPT', FPT: 'FPT' };
/** Remote areas grown by 30 %: hamlets there are the first left without fibre. */
const FIBRE_REMOTE_AREAS = REMOTE_AREAS.map((remote) => ({
  ...remote,
  radiusEastMeters: remote.radiusEastMeters * 1.3,
  radiusNorthMeters: remote.radiusNorthMeters * 1.3,
}));

/** Sizes and shares of the fibre layer. */
export interface FibreOptions {
  /** Access points in total. */
  pointCount: number;
  /** Share of hamlets that get no access point at all. */
  unservedHamletShare: number;
}

/** One generated fibre access point. */
export interface FibrePointOutput {
  id: string;
  operator: string;
  kind: 'splitter' | 'ODP' | 'cabinet';
  position: Position;
}

/** Rural hamlets, remote and sparse ones first, to be left without fibre. */
function pickUnservedHamlets(hamlets: HamletUnit[], share: number, random: Random): Set<number> {
  const wanted = Math.round(share * hamlets.length);
  const candidates = hamlets
    .map((hamlet, index) => {
      const centre = centerOfMass(hamlet.geometry).geometry.coordinates as Position;
      const householdsPerKm2 = hamlet.households / (hamlet.areaM2 / 1e6);
      const remoteBonus = isInRemoteArea(centre, FIBRE_REMOTE_AREAS) ? 8 : 1;
      return { index, weight: (remoteBonus * hamlet.areaM2) / 1e6 / Math.max(20, householdsPerKm2), isUrban: hamlet.commune.isUrban };
    })
    .filter((candidate) => !candidate.isUrban);
  const unserved = new Set<number>();
  while (unserved.size < Math.min(wanted, candidates.length)) {
    const weights = candidates.map((candidate) => (unserved.has(candidate.index) ? 0 : candidate.weight));
    unserved.add(candidates[random.weightedIndex(weights)].index);
  }
  return unserved;
}

function pickOperator(isUrban: boolean, random: Random): string {
  return FIBRE_OPERATORS[random.weightedIndex(isUrban ? [0.42, 0.33, 0.25] : [0.5, 0.42, 0.08])];
}

function pickKind(isUrban: boolean, random: Random): FibrePointOutput['kind'] {
  const draw = random.next();
  if (draw < (isUrban ? 0.06 : 0.02)) return 'cabinet';
  return draw < 0.45 ? 'ODP' : 'splitter';
}

/** `count` points inside a hamlet: along a road, around two settlements, a few scattered. */
function placeInHamlet(hamlet: HamletUnit, count: number, random: Random): Position[] {
  if (count === 0) return [];
  const polygon = hamlet.geometry;
  let centre = centerOfMass(polygon).geometry.coordinates as Position;
  if (!booleanPointInPolygon(centre, polygon)) centre = randomPointInPolygon(polygon, random);
  const settlements = [centre, randomPointInPolygon(polygon, random)];
  const roadBearing = random.range(0, Math.PI);
  const roadHalfLengthMeters = 0.6 * Math.sqrt(hamlet.areaM2);
  const positions: Position[] = [];
  while (positions.length < count) {
    const style = random.next();
    let candidate: Position;
    if (style < 0.45) {
      const along = random.range(-roadHalfLengthMeters, roadHalfLengthMeters);
      const across = 40 * random.normal();
      candidate = offsetMeters(
        centre,
        along * Math.sin(roadBearing) + across * Math.cos(roadBearing),
        along * Math.cos(roadBearing) - across * Math.sin(roadBearing),
      );
    } else if (style < 0.88) {
      const settlement = style < 0.7 ? settlements[0] : settlements[1];
      candidate = offsetMeters(settlement, 180 * random.normal(), 180 * random.normal());
    } else {
      candidate = randomPointInPolygon(polygon, random);
    }
    // Points stay inside their own hamlet; a road leaving it just ends at the border.
    if (booleanPointInPolygon(candidate, polygon)) positions.push(candidate);
  }
  return positions;
}

/**
 * Generates fibre access points, allocated to hamlets by households (exactly `pointCount`).
 * @param hamlets the generated hamlets (with households)
 * @param options counts and shares
 * @param random seeded random source
 * @returns points ordered by hamlet; ids are per operator (`VNPT-F-00001`)
 * @example buildFibrePoints(admin.hamlets, { pointCount: 7500, unservedHamletShare: 0.12 }, random)
 */
export function buildFibrePoints(hamlets: HamletUnit[], options: FibreOptions, random: Random): FibrePointOutput[] {
  const unserved = pickUnservedHamlets(hamlets, options.unservedHamletShare, random);
  // +60 so even the smallest served hamlet gets a couple of points.
  const weights = hamlets.map((hamlet, index) => (unserved.has(index) ? 0 : hamlet.households + 60));
  const counts = allocateIntegers(options.pointCount, weights);
  const counters = new Map<string, number>();
  const points: FibrePointOutput[] = [];
  hamlets.forEach((hamlet, index) => {
    for (const position of placeInHamlet(hamlet, counts[index], random)) {
      const operator = pickOperator(hamlet.commune.isUrban, random);
      const number = (counters.get(operator) ?? 0) + 1;
      counters.set(operator, number);
      points.push({ id: `${FIBRE_ID_PREFIX[operator]}-F-${String(number).padStart(5, '0')}`, operator, kind: pickKind(hamlet.commune.isUrban, random), position });
    }
  });
  return points;
}
