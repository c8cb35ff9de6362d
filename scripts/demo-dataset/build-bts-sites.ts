/**
 * Synthetic BTS records: sites spread over the hamlets (denser where people live), none in the
 * remote areas, about a fifth of the sites shared by two or three operators.
 */
import { TECHNOLOGIES, type Position, type Technology } from '../../src/core';
import type { HamletUnit } from './build-admin-units';
import { localDistanceMeters, offsetMeters, randomPointInPolygon, toLocalMeters } from './geometry-utils';
import type { Random } from './prng';
import { REMOTE_AREAS, type RemoteArea } from './province-layout';

/** Mobile operators, in the order of their share of sites. */
export const MOBILE_OPERATORS = ['Viettel', 'VinaPhone', 'MobiFone', 'Vietnamobile'] as const;
const OPERATOR_WEIGHTS = [0.4, 0.28, 0.21, 0.11];
const SITE_ID_PREFIX: Record<string, string> = { Viettel: 'VTL', VinaPhone: 'VNP', MobiFone: 'MBF', Vietnamobile: 'VNM' };
/** Chance that an operator's record at an urban site also carries 5G. */
const FIVE_G_CHANCE: Record<string, number> = { Viettel: 0.6, VinaPhone: 0.45, MobiFone: 0.4, Vietnamobile: 0 };

const URBAN_TECHNOLOGIES: [Technology[], number][] = [[['2G', '3G', '4G'], 0.5], [['4G'], 0.2], [['3G', '4G'], 0.15], [['2G', '4G'], 0.15]];
const RURAL_TECHNOLOGIES: [Technology[], number][] = [
  [['2G', '3G', '4G'], 0.4], [['2G', '4G'], 0.22], [['4G'], 0.2], [['3G', '4G'], 0.12], [['2G', '3G'], 0.04], [['2G'], 0.02],
];

/** Sizes and shares of the BTS layer. */
export interface BtsOptions {
  /** Distinct sites (a shared site counts once). */
  siteCount: number;
  /** Share of sites with two or more operators. */
  sharedSiteShare: number;
  /** Smallest distance between two sites' centres; shared records sit within 5 m of theirs. */
  minSiteSpacingMeters: number;
}

/** One generated BTS record: one operator at one site. */
export interface BtsRecordOutput {
  siteId: string;
  operator: string;
  position: Position;
  technologies: Technology[];
  radiusMeters?: number;
  azimuthDegrees?: number;
  beamwidthDegrees?: number;
}

/**
 * Whether a point lies in one of the remote areas kept free of BTS.
 * @param position `[lng, lat]`
 * @param areas remote areas (default: {@link REMOTE_AREAS})
 * @returns true inside any ellipse
 * @example isInRemoteArea([105.62, 9.455]) // true
 */
export function isInRemoteArea(position: Position, areas: readonly RemoteArea[] = REMOTE_AREAS): boolean {
  const [x, y] = toLocalMeters(position);
  return areas.some((remote) => {
    const [centreX, centreY] = toLocalMeters(remote.center);
    return ((x - centreX) / remote.radiusEastMeters) ** 2 + ((y - centreY) / remote.radiusNorthMeters) ** 2 <= 1;
  });
}

/** A grid hash so the spacing check stays cheap for a thousand sites. */
class SpacingGrid {
  private readonly cells = new Map<string, Position[]>();
  constructor(private readonly spacingMeters: number) {}
  private keyOf(position: Position, dx = 0, dy = 0): string {
    const [x, y] = toLocalMeters(position);
    return `${Math.floor(x / this.spacingMeters) + dx},${Math.floor(y / this.spacingMeters) + dy}`;
  }
  isFree(position: Position): boolean {
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const others = this.cells.get(this.keyOf(position, dx, dy)) ?? [];
        if (others.some((other) => localDistanceMeters(other, position) < this.spacingMeters)) return false;
      }
    }
    return true;
  }
  add(position: Position): void {
    const key = this.keyOf(position);
    this.cells.set(key, [...(this.cells.get(key) ?? []), position]);
  }
}

function pickWeighted<T>(entries: [T, number][], random: Random): T {
  return entries[random.weightedIndex(entries.map((entry) => entry[1]))][0];
}

function pickOperators(isShared: boolean, random: Random): string[] {
  const operators = [MOBILE_OPERATORS[random.weightedIndex(OPERATOR_WEIGHTS)]] as string[];
  const extra = isShared ? (random.next() < 0.8 ? 1 : 2) : 0;
  while (operators.length < 1 + extra) {
    const weights = MOBILE_OPERATORS.map((operator, index) => (operators.includes(operator) ? 0 : OPERATOR_WEIGHTS[index]));
    operators.push(MOBILE_OPERATORS[random.weightedIndex(weights)]);
  }
  return operators;
}

function buildRecord(operator: string, position: Position, isUrban: boolean, random: Random): Omit<BtsRecordOutput, 'siteId'> {
  let technologies = pickWeighted(isUrban ? URBAN_TECHNOLOGIES : RURAL_TECHNOLOGIES, random);
  // 5G only in towns (the city, district seats, thị xã phường), as in the plan's first rollout.
  if (isUrban && random.next() < FIVE_G_CHANCE[operator]) {
    const carried = new Set<Technology>(random.next() < 0.3 ? ['4G', '5G'] : [...technologies, '4G', '5G']);
    technologies = TECHNOLOGIES.filter((technology) => carried.has(technology));
  }
  const record: Omit<BtsRecordOutput, 'siteId'> = { operator, position, technologies };
  if (isUrban && random.next() < 0.1) record.radiusMeters = random.pick([1500, 2000, 2500]);
  // A few urban records are single sectors; rural ones stay omnidirectional so the
  // remote-area holes are the only gaps.
  if (isUrban && random.next() < 0.08) {
    record.azimuthDegrees = (random.pick([0, 120, 240]) + random.int(0, 59)) % 360;
    record.beamwidthDegrees = random.pick([65, 90, 120]);
  }
  return record;
}

/**
 * Generates BTS records. Site positions are drawn hamlet by hamlet, with a weight mixing area
 * (so 4G reaches almost everywhere) and households (so towns are denser).
 * @param hamlets the generated hamlets (with households)
 * @param options counts and shares
 * @param random seeded random source
 * @returns records ordered by site, then operator; `siteId` is per operator (`VTL-ST-0001`)
 * @throws when the sites do not fit with the requested spacing
 * @example buildBtsSites(admin.hamlets, { siteCount: 1200, sharedSiteShare: 0.22, minSiteSpacingMeters: 160 }, random)
 */
export function buildBtsSites(hamlets: HamletUnit[], options: BtsOptions, random: Random): BtsRecordOutput[] {
  const totalAreaM2 = hamlets.reduce((sum, hamlet) => sum + hamlet.areaM2, 0);
  const totalHouseholds = hamlets.reduce((sum, hamlet) => sum + hamlet.households, 0);
  const weights = hamlets.map((hamlet) => 0.45 * (hamlet.areaM2 / totalAreaM2) + 0.55 * (hamlet.households / totalHouseholds));
  const grid = new SpacingGrid(options.minSiteSpacingMeters);
  const sites: { position: Position; isUrban: boolean }[] = [];
  let failures = 0;
  while (sites.length < options.siteCount) {
    const hamlet = hamlets[random.weightedIndex(weights)];
    const position = randomPointInPolygon(hamlet.geometry, random);
    if (isInRemoteArea(position) || !grid.isFree(position)) {
      if (++failures > 100_000) throw new Error(`buildBtsSites: only ${sites.length} sites fit`);
      continue;
    }
    grid.add(position);
    sites.push({ position, isUrban: hamlet.commune.isUrban });
  }
  const sharedCount = Math.round(options.sharedSiteShare * options.siteCount);
  const sharedIndexes = new Set(random.shuffle(sites.map((_, index) => index)).slice(0, sharedCount));
  const counters = new Map<string, number>();
  const records: BtsRecordOutput[] = [];
  sites.forEach((site, index) => {
    const isShared = sharedIndexes.has(index);
    for (const operator of pickOperators(isShared, random)) {
      // Records of one shared site stand within 5 m of its centre, so within 10 m of each other.
      const angle = random.range(0, 2 * Math.PI);
      const distanceMeters = isShared ? random.range(0, 5) : 0;
      const position = offsetMeters(site.position, distanceMeters * Math.sin(angle), distanceMeters * Math.cos(angle));
      const number = (counters.get(operator) ?? 0) + 1;
      counters.set(operator, number);
      records.push({ siteId: `${SITE_ID_PREFIX[operator]}-ST-${String(number).padStart(4, '0')}`, ...buildRecord(operator, position, site.isUrban, random) });
    }
  });
  return records;
}
