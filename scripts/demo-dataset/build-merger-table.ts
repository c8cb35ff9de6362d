/**
 * A demo table of the July 2025 commune mergers: every demo commune goes into a synthetic new
 * commune made of 2–4 neighbouring old ones, mostly within the same district.
 */
import { centerOfMass } from '@turf/turf';
import type { Position } from '../../src/core';
import type { CommuneUnit, HamletUnit } from './build-admin-units';
import { localDistanceMeters, vertexKeys } from './geometry-utils';
import type { Random } from './prng';
import { makeCommuneBaseName } from './vietnamese-names';

/** One row of the merger table. */
export interface MergerRow {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
}

const MAX_GROUP_SIZE = 4;

function findNeighbours(communes: CommuneUnit[]): Set<number>[] {
  const keys = communes.map((commune) => vertexKeys(commune.geometry));
  return communes.map((_, index) => {
    const neighbours = new Set<number>();
    communes.forEach((_other, other) => {
      if (other === index) return;
      let shared = 0;
      for (const key of keys[index]) if (keys[other].has(key) && ++shared >= 2) break;
      if (shared >= 2) neighbours.add(other);
    });
    return neighbours;
  });
}

/** Groups of neighbouring communes of one district, grown round-robin from spread-out seeds. */
function groupDistrict(members: number[], groupCount: number, neighbours: Set<number>[], centres: Position[], random: Random): number[][] {
  const seeds = [members[random.int(0, members.length - 1)]];
  while (seeds.length < groupCount) {
    // Farthest-point seeds keep the groups compact and about the same size.
    const next = members
      .filter((member) => !seeds.includes(member))
      .map((member) => ({ member, distance: seeds.reduce((nearest, seed) => Math.min(nearest, localDistanceMeters(centres[member], centres[seed])), Infinity) }))
      .sort((a, b) => b.distance - a.distance || a.member - b.member)[0];
    seeds.push(next.member);
  }
  const groups = seeds.map((seed) => [seed]);
  const assigned = new Set(seeds);
  let grew = true;
  while (grew && assigned.size < members.length) {
    grew = false;
    for (const group of groups) {
      if (group.length >= MAX_GROUP_SIZE) continue;
      const candidate = members
        .filter((member) => !assigned.has(member) && group.some((inGroup) => neighbours[inGroup].has(member)))
        .sort((a, b) => localDistanceMeters(centres[a], centres[group[0]]) - localDistanceMeters(centres[b], centres[group[0]]) || a - b)[0];
      if (candidate === undefined) continue;
      group.push(candidate);
      assigned.add(candidate);
      grew = true;
    }
  }
  // Communes left over (every neighbouring group full) start their own group; fixed up later.
  for (const member of members) if (!assigned.has(member)) groups.push([member]);
  return groups;
}

function isConnected(members: number[], neighbours: Set<number>[]): boolean {
  const reached = new Set([members[0]]);
  const queue = [members[0]];
  while (queue.length > 0) {
    const current = queue.pop() as number;
    for (const member of members) {
      if (!reached.has(member) && neighbours[current].has(member)) {
        reached.add(member);
        queue.push(member);
      }
    }
  }
  return reached.size === members.length;
}

/**
 * Gives each one-commune group to the smallest neighbouring group (across districts if need
 * be); when every neighbouring group is full, takes a member from one of them instead.
 */
function absorbSingletons(groups: number[][], neighbours: Set<number>[]): number[][] {
  const result = groups.map((group) => group.slice());
  for (const single of result.filter((group) => group.length === 1)) {
    if (single.length !== 1) continue;
    const [member] = single;
    const candidates = result
      .filter((group) => group !== single && group.length > 0 && group.some((other) => neighbours[member].has(other)))
      .sort((a, b) => a.length - b.length);
    if (candidates.length === 0) continue;
    if (candidates[0].length < MAX_GROUP_SIZE) {
      candidates[0].push(member);
      single.length = 0;
      continue;
    }
    const donor = candidates
      .flatMap((group) => group.filter((other) => neighbours[member].has(other)).map((other) => ({ group, other })))
      .find(({ group, other }) => isConnected(group.filter((kept) => kept !== other), neighbours));
    if (donor) {
      donor.group.splice(donor.group.indexOf(donor.other), 1);
      single.push(donor.other);
    } else {
      candidates[0].push(member);
      single.length = 0;
    }
  }
  return result.filter((group) => group.length > 0);
}

/**
 * Builds the demo merger table.
 * @param communes all demo communes
 * @param hamlets all demo hamlets (their population picks the name a new commune inherits)
 * @param newCommuneCount wanted number of new communes (≈; groups hold 2–4 old ones)
 * @param random seeded random source
 * @returns one row per old commune, ordered by old code
 * @example buildMergerTable(admin.communes, admin.hamlets, 40, random)
 */
export function buildMergerTable(communes: CommuneUnit[], hamlets: HamletUnit[], newCommuneCount: number, random: Random): MergerRow[] {
  const neighbours = findNeighbours(communes);
  const centres = communes.map((commune) => centerOfMass(commune.geometry).geometry.coordinates as Position);
  const population = new Map<CommuneUnit, number>();
  for (const hamlet of hamlets) population.set(hamlet.commune, (population.get(hamlet.commune) ?? 0) + hamlet.population);
  const meanGroupSize = communes.length / newCommuneCount;
  const districtCodes = [...new Set(communes.map((commune) => commune.district.code))];
  let groups: number[][] = [];
  for (const code of districtCodes) {
    const members = communes.map((commune, index) => (commune.district.code === code ? index : -1)).filter((index) => index >= 0);
    const groupCount = Math.max(1, Math.min(Math.floor(members.length / 2), Math.round(members.length / meanGroupSize)));
    for (const group of groupDistrict(members, groupCount, neighbours, centres, random)) groups.push(group);
  }
  groups = absorbSingletons(groups, neighbours);
  const usedNames = new Set(communes.map((commune) => commune.baseName));
  const rows: MergerRow[] = [];
  groups.forEach((group, groupIndex) => {
    const ranked = group.slice().sort((a, b) => (population.get(communes[b]) ?? 0) - (population.get(communes[a]) ?? 0) || a - b);
    const largest = communes[ranked[0]];
    // As in many real 2025 mergers the new unit takes the name of its largest member; numbered
    // phường get a new name instead.
    const baseName = /^\d+$/.test(largest.baseName) ? makeCommuneBaseName(random, usedNames) : largest.baseName;
    const isWard = group.some((member) => communes[member].type === 'Phường');
    const newName = `${isWard ? 'Phường' : 'Xã'} ${baseName}`;
    const newCode = `99${String(groupIndex + 1).padStart(3, '0')}`;
    for (const member of group) rows.push({ oldCode: communes[member].code, oldName: communes[member].name, newCode, newName });
  });
  return rows.sort((a, b) => a.oldCode.localeCompare(b.oldCode));
}
