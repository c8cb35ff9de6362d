/**
 * Decides which synthetic cell each real commune is drawn in, so that the picture agrees with the
 * real frame: every commune in a cell of its own district, the towns at their seats, the urban
 * units of a thị xã near its seat, and the communes of each unit formed on 1 July 2025 side by
 * side (one connected piece, across a district border where the real merger crosses one).
 */
import type { Position } from '../../src/core';
import { localDistanceMeters } from './geometry-utils';
import type { Random } from './prng';

/** One cell to place a commune in. */
export interface PlacementCell {
  districtCode: string;
  centre: Position;
}

/** One commune to place. */
export interface PlacementCommune {
  code: string;
  districtCode: string;
  newCode: string;
  isUrban: boolean;
}

/** What the search needs besides cells and communes. */
export interface PlacementInput {
  cells: PlacementCell[];
  /** Cell indexes sharing a border with each cell. */
  neighbours: Set<number>[];
  communes: PlacementCommune[];
  /** Commune code → the cell it must take (a town at its seat). */
  pinned: Map<string, number>;
  /** District code → its seat, to keep a district's other urban units near it. */
  seats: Map<string, Position>;
}

interface Group {
  members: PlacementCommune[];
  /** District code → members in it. */
  need: Map<string, number>;
  isCrossDistrict: boolean;
}

/** Search steps before giving up (the caller then tries other cells). */
const STEP_LIMIT = 200_000;

function buildGroups(communes: PlacementCommune[]): Group[] {
  const byNewCode = new Map<string, PlacementCommune[]>();
  for (const commune of communes) byNewCode.set(commune.newCode, [...(byNewCode.get(commune.newCode) ?? []), commune]);
  return [...byNewCode.values()].map((members) => {
    const need = new Map<string, number>();
    for (const member of members) need.set(member.districtCode, (need.get(member.districtCode) ?? 0) + 1);
    return { members, need, isCrossDistrict: need.size > 1 };
  });
}

/** Every connected set of `size` free cells that holds `start`, as sorted index lists. */
function connectedSets(start: number, size: number, isFree: (cell: number) => boolean, neighbours: Set<number>[]): number[][] {
  const found = new Map<string, number[]>();
  const grow = (members: number[]): void => {
    if (members.length === size) {
      const sorted = members.slice().sort((a, b) => a - b);
      found.set(sorted.join(','), sorted);
      return;
    }
    const frontier = new Set<number>();
    for (const member of members) for (const next of neighbours[member]) if (isFree(next) && !members.includes(next)) frontier.add(next);
    for (const next of [...frontier].sort((a, b) => a - b)) grow([...members, next]);
  };
  grow([start]);
  return [...found.values()];
}

/** Whether each district's free cells can still hold its remaining groups (component sizes are subset sums). */
function canStillFit(district: string, sizes: number[], isFree: (cell: number) => boolean, input: PlacementInput): boolean {
  const sums = new Set([0]);
  for (const size of sizes) for (const sum of [...sums]) sums.add(sum + size);
  const seen = new Set<number>();
  for (let cell = 0; cell < input.cells.length; cell++) {
    if (seen.has(cell) || !isFree(cell) || input.cells[cell].districtCode !== district) continue;
    let componentSize = 0;
    const queue = [cell];
    seen.add(cell);
    while (queue.length > 0) {
      const current = queue.pop() as number;
      componentSize++;
      for (const next of input.neighbours[current]) {
        if (!seen.has(next) && isFree(next) && input.cells[next].districtCode === district) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    if (!sums.has(componentSize)) return false;
  }
  return true;
}

/**
 * Assigns every commune to a cell. Cross-district merger groups are placed first, then each
 * district's groups by backtracking; candidates that keep urban units near the seat come first.
 * @param input cells, their neighbours, communes, pinned towns and seats
 * @param random seeded random source (breaks ties, so another seed draws another map)
 * @returns commune code → cell index, or null when no placement was found
 * @example placeCommunes({ cells, neighbours, communes, pinned, seats }, random)?.get('31522')
 */
export function placeCommunes(input: PlacementInput, random: Random): Map<string, number> | null {
  const owner = new Int32Array(input.cells.length).fill(-1);
  const isFree = (cell: number): boolean => owner[cell] < 0;
  const groups = buildGroups(input.communes);
  const result = new Map<string, number>();
  let steps = 0;
  const tieBreak = new Map(input.cells.map((_, cell) => [cell, random.next()]));

  const candidates = (group: Group): number[][] => {
    const required = group.members.flatMap((member) => (input.pinned.has(member.code) ? [input.pinned.get(member.code) as number] : []));
    if (required.some((cell) => !isFree(cell))) return [];
    const startDistrict = [...group.need.keys()][0];
    const starts =
      required.length > 0
        ? required.slice(0, 1)
        : input.cells.flatMap((cell, index) => (cell.districtCode === startDistrict && isFree(index) ? [index] : []));
    const sets = new Map<string, number[]>();
    for (const start of starts) {
      for (const set of connectedSets(start, group.members.length, isFree, input.neighbours)) {
        const counts = new Map<string, number>();
        for (const cell of set) counts.set(input.cells[cell].districtCode, (counts.get(input.cells[cell].districtCode) ?? 0) + 1);
        const fits = [...group.need].every(([district, count]) => counts.get(district) === count) && counts.size === group.need.size;
        if (fits && required.every((cell) => set.includes(cell))) sets.set(set.join(','), set);
      }
    }
    const urbanDistricts = new Set(group.members.filter((member) => member.isUrban && !input.pinned.has(member.code)).map((member) => member.districtCode));
    const cost = (set: number[]): number => {
      let total = 0;
      for (const district of urbanDistricts) {
        const seat = input.seats.get(district);
        if (!seat) continue;
        total += set
          .filter((cell) => input.cells[cell].districtCode === district)
          .reduce((nearest, cell) => Math.min(nearest, localDistanceMeters(input.cells[cell].centre, seat)), Infinity);
      }
      return total;
    };
    return [...sets.values()]
      .map((set) => ({ set, cost: cost(set), tie: set.reduce((sum, cell) => sum + (tieBreak.get(cell) as number), 0) }))
      .sort((a, b) => a.cost - b.cost || a.tie - b.tie)
      .map((entry) => entry.set);
  };

  const take = (group: Group, set: number[], groupIndex: number): void => {
    for (const cell of set) owner[cell] = groupIndex;
  };
  const release = (set: number[]): void => {
    for (const cell of set) owner[cell] = -1;
  };

  const solveDistrict = (district: string, pending: number[]): boolean => {
    if (pending.length === 0) return true;
    const [groupIndex, ...rest] = pending;
    for (const set of candidates(groups[groupIndex])) {
      if (++steps > STEP_LIMIT) return false;
      take(groups[groupIndex], set, groupIndex);
      if (canStillFit(district, rest.map((index) => groups[index].members.length), isFree, input) && solveDistrict(district, rest)) return true;
      release(set);
    }
    return false;
  };

  const districtOrder = [...new Set(input.communes.map((commune) => commune.districtCode))];
  // Groups with a pinned town first (least freedom), then larger groups.
  const pendingOf = (district: string): number[] =>
    groups
      .map((group, index) => ({ group, index }))
      .filter(({ group }) => !group.isCrossDistrict && group.need.has(district))
      .sort(
        (a, b) =>
          Number(b.group.members.some((member) => input.pinned.has(member.code))) - Number(a.group.members.some((member) => input.pinned.has(member.code))) ||
          b.group.members.length - a.group.members.length ||
          a.index - b.index,
      )
      .map(({ index }) => index);

  const cross = groups.map((group, index) => ({ group, index })).filter(({ group }) => group.isCrossDistrict).map(({ index }) => index);
  const solveCross = (remaining: number[]): boolean => {
    if (remaining.length === 0) return districtOrder.every((district) => solveDistrict(district, pendingOf(district)));
    const [groupIndex, ...rest] = remaining;
    for (const set of candidates(groups[groupIndex])) {
      if (++steps > STEP_LIMIT) return false;
      take(groups[groupIndex], set, groupIndex);
      if (solveCross(rest)) return true;
      // A district that failed leaves its own placements behind: clear everything but the cross groups placed so far.
      for (let cell = 0; cell < owner.length; cell++) if (owner[cell] >= 0 && !groups[owner[cell]].isCrossDistrict) owner[cell] = -1;
      release(set);
    }
    return false;
  };
  if (!solveCross(cross)) return null;

  groups.forEach((group, groupIndex) => {
    const cells = owner.reduce<number[]>((list, value, cell) => (value === groupIndex ? [...list, cell] : list), []);
    const free = new Set(cells);
    const assign = (member: PlacementCommune, cell: number): void => {
      result.set(member.code, cell);
      free.delete(cell);
    };
    for (const member of group.members) if (input.pinned.has(member.code)) assign(member, input.pinned.get(member.code) as number);
    // Urban units first, each to its district's free cell nearest the seat.
    const rest = group.members.filter((member) => !result.has(member.code)).sort((a, b) => Number(b.isUrban) - Number(a.isUrban));
    for (const member of rest) {
      const seat = input.seats.get(member.districtCode);
      const own = [...free].filter((cell) => input.cells[cell].districtCode === member.districtCode);
      own.sort((a, b) => (seat ? localDistanceMeters(input.cells[a].centre, seat) - localDistanceMeters(input.cells[b].centre, seat) : 0) || a - b);
      assign(member, own[0]);
    }
  });
  return result;
}
