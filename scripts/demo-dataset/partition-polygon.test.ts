import { area, booleanValid, feature, featureCollection, intersect } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../src/core';
import { partitionBySeedGroups, partitionPolygon } from './partition-polygon';
import { createRandom } from './prng';

// An L-shaped, non-convex parent (≈ 8 km across) so clipped Voronoi cells can come out multipart.
const parent: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [[[105.9, 9.6], [105.97, 9.6], [105.97, 9.63], [105.93, 9.63], [105.93, 9.67], [105.9, 9.67], [105.9, 9.6]]],
};

function overlapAreaM2(a: PolygonGeometry, b: PolygonGeometry): number {
  const common = intersect(featureCollection([feature(a), feature(b)]));
  return common ? area(common) : 0;
}

function expectPartition(cells: PolygonGeometry[]): void {
  for (const cell of cells) {
    expect(cell.type).toBe('Polygon');
    expect(booleanValid(cell)).toBe(true);
  }
  const total = cells.reduce((sum, cell) => sum + area(cell), 0);
  expect(Math.abs(total - area(parent)) / area(parent)).toBeLessThan(1e-5);
  for (let first = 0; first < cells.length; first++) {
    for (let second = first + 1; second < cells.length; second++) {
      expect(overlapAreaM2(cells[first], cells[second])).toBeLessThan(50);
    }
  }
}

describe('partitionPolygon', () => {
  it('splits a non-convex polygon into valid, non-overlapping cells that cover it', () => {
    const cells = partitionPolygon(parent, 12, createRandom(11));
    expect(cells.length).toBeGreaterThanOrEqual(9);
    expect(cells.length).toBeLessThanOrEqual(12);
    expectPartition(cells);
  });

  it('is deterministic for a seed', () => {
    expect(partitionPolygon(parent, 6, createRandom(5))).toEqual(partitionPolygon(parent, 6, createRandom(5)));
  });

  it('returns the parent itself for one cell', () => {
    expect(partitionPolygon(parent, 1, createRandom(1))).toEqual([parent]);
  });
});

describe('partitionBySeedGroups', () => {
  it('gives one polygon per seed group, covering the parent', () => {
    const cells = partitionBySeedGroups(parent, [
      [[105.91, 9.61], [105.91, 9.65]],
      [[105.95, 9.61]],
      [[105.965, 9.625], [105.915, 9.665]],
    ]);
    expect(cells).toHaveLength(3);
    expectPartition(cells);
  });
});
