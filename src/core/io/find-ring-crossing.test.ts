import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '../types';
import { hasRingCrossing } from './find-ring-crossing';

/** The obvious check: every pair of non-adjacent edges, a proper crossing inside both. */
function bruteForceCrossing(rings: Position[][]): boolean {
  const edges: { a: Position; b: Position; ring: number; index: number; length: number }[] = [];
  rings.forEach((ring, number) => {
    for (let index = 0; index + 1 < ring.length; index += 1) edges.push({ a: ring[index], b: ring[index + 1], ring: number, index, length: ring.length - 1 });
  });
  const orient = (p: Position, q: Position, r: Position) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  for (let i = 0; i < edges.length; i += 1) {
    for (let j = i + 1; j < edges.length; j += 1) {
      const [e, f] = [edges[i], edges[j]];
      if (e.ring === f.ring) {
        const gap = Math.abs(e.index - f.index);
        if (gap <= 1 || gap === e.length - 1) continue;
      }
      if (orient(e.a, e.b, f.a) * orient(e.a, e.b, f.b) < 0 && orient(f.a, f.b, e.a) * orient(f.a, f.b, e.b) < 0) return true;
    }
  }
  return false;
}

const close = (vertices: Position[]): Position[] => [...vertices, vertices[0]];

describe('hasRingCrossing', () => {
  it('finds a bow-tie and leaves a square and a comb alone', () => {
    expect(hasRingCrossing([close([[0, 0], [1, 1], [1, 0], [0, 1]])])).toBe(true);
    expect(hasRingCrossing([close([[0, 0], [1, 0], [1, 1], [0, 1]])])).toBe(false);
    const comb: Position[] = [[0, 0], [10, 0], [10, 1]];
    for (let tooth = 9; tooth >= 0; tooth -= 1) comb.push([tooth + 0.5, 5], [tooth, 1]);
    expect(hasRingCrossing([close(comb)])).toBe(false);
  });

  it('finds a hole that crosses its shell, and vertical edges crossing', () => {
    const shell = close([[0, 0], [4, 0], [4, 4], [0, 4]]);
    expect(hasRingCrossing([shell, close([[1, 1], [2, 1], [2, 2], [1, 2]])])).toBe(false);
    expect(hasRingCrossing([shell, close([[3, 1], [5, 1], [5, 2], [3, 2]])])).toBe(true);
    expect(hasRingCrossing([close([[0, 0], [2, 2], [2, 0], [1, -1], [1, 3], [0, 3]])])).toBe(true);
  });

  it('agrees with the all-pairs check on random rings, also on a coarse grid full of touching and collinear edges (property)', () => {
    const smooth = fc.tuple(fc.double({ min: 105, max: 106, noNaN: true }), fc.double({ min: 9, max: 10, noNaN: true }));
    const grid = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
    const rings = (vertex: fc.Arbitrary<[number, number]>) => fc.array(fc.array(vertex, { minLength: 3, maxLength: 12 }).map(close), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.oneof(rings(smooth), rings(grid)), (generated) => {
        expect(hasRingCrossing(generated)).toBe(bruteForceCrossing(generated));
      }),
      { seed: 20251, numRuns: 3000 },
    );
  });

  it('reads a 200,000-vertex zig-zag whose every edge spans the whole width: valid, and one tooth bent across is found', () => {
    const ring = zigZag(200_000);
    expect(hasRingCrossing([ring])).toBe(false);
    const bent = ring.map((position, index): Position => (index === 100_001 ? [position[0], position[1] + 3e-5] : position));
    expect(hasRingCrossing([bent])).toBe(true);
  });
});

/**
 * A ring zig-zagging `count` times across [0, 1] while climbing, closed by a detour around x = -1: every
 * edge's x-range overlaps every other's (the case the pairwise check could not finish).
 */
export function zigZag(count: number): Position[] {
  const vertices: Position[] = [];
  for (let index = 0; index < count; index += 1) vertices.push([index % 2 === 0 ? 0 : 1, index * 1e-5]);
  const top = vertices[vertices.length - 1][1];
  return close([...vertices, [-1, top], [-1, 0]]);
}
