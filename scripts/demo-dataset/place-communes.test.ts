import { describe, expect, it } from 'vitest';
import { placeCommunes, type PlacementCommune, type PlacementInput } from './place-communes';
import { createRandom } from './prng';

// A 4 × 2 grid of cells, 1 km apart: columns 0–1 are district A, columns 2–3 district B.
//   row 0:  0 1 | 2 3
//   row 1:  4 5 | 6 7
const cells = Array.from({ length: 8 }, (_, index) => ({
  districtCode: index % 4 < 2 ? 'A' : 'B',
  centre: [105.9 + 0.01 * (index % 4), 9.6 - 0.01 * Math.floor(index / 4)] as [number, number],
}));
const neighbours = cells.map((_, index) => {
  const [column, row] = [index % 4, Math.floor(index / 4)];
  const around = [[column - 1, row], [column + 1, row], [column, row - 1], [column, row + 1]].filter(([c, r]) => c >= 0 && c < 4 && r >= 0 && r < 2);
  return new Set(around.map(([c, r]) => r * 4 + c));
});
const commune = (code: string, districtCode: string, newCode: string, isUrban = false): PlacementCommune => ({ code, districtCode, newCode, isUrban });

function isConnected(members: number[]): boolean {
  const reached = new Set([members[0]]);
  const queue = [members[0]];
  while (queue.length > 0) {
    for (const next of neighbours[queue.pop() as number]) {
      if (!members.includes(next) || reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return reached.size === members.length;
}

describe('placeCommunes', () => {
  const communes = [
    commune('a1', 'A', 'X', true), commune('a2', 'A', 'Y'), commune('a3', 'A', 'Y'), commune('a4', 'A', 'Z'),
    commune('b1', 'B', 'Z'), commune('b2', 'B', 'W'), commune('b3', 'B', 'W'), commune('b4', 'B', 'W'),
  ];
  const input: PlacementInput = { cells, neighbours, communes, pinned: new Map([['a1', 0]]), seats: new Map([['A', cells[0].centre]]) };

  it('keeps each new unit in one piece, each commune in its district, a town on its pin', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const placement = placeCommunes(input, createRandom(seed));
      expect(placement, `seed ${seed}`).not.toBeNull();
      expect([...(placement?.values() ?? [])].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(placement?.get('a1')).toBe(0);
      for (const item of communes) expect(cells[placement?.get(item.code) as number].districtCode).toBe(item.districtCode);
      for (const newCode of ['X', 'Y', 'Z', 'W']) {
        const members = communes.filter((item) => item.newCode === newCode).map((item) => placement?.get(item.code) as number);
        expect(isConnected(members), `${newCode}, seed ${seed}`).toBe(true);
      }
      // Z crosses the border, so it takes column 1 and column 2 of one row.
      expect([placement?.get('a4') as number % 4, placement?.get('b1') as number % 4]).toEqual([1, 2]);
    }
  });

  it('says so when no placement exists', () => {
    // Y's two communes pinned to diagonal cells (0 and 5) cannot form one piece.
    const pinnedApart = { ...input, pinned: new Map([['a1', 1], ['a2', 0], ['a3', 5]]) };
    expect(placeCommunes(pinnedApart, createRandom(1))).toBeNull();
  });
});
