import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSpatialOrder } from './spatial-order';

describe('computeSpatialOrder', () => {
  it('is a permutation that visits buckets row by row', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ lng: fc.double({ min: 105.5, max: 106.5, noNaN: true }), lat: fc.double({ min: 9.2, max: 10, noNaN: true }) }), { maxLength: 200 }), fc.constantFrom(0.005, 0.05), (points, size) => {
        const lng = points.map((p) => p.lng);
        const lat = points.map((p) => p.lat);
        const order = computeSpatialOrder(lng, lat, points.length, size);
        expect([...order].sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
        const minLat = Math.min(...lat);
        for (let k = 1; k < order.length; k++) expect(Math.floor((lat[order[k]] - minLat) / size)).toBeGreaterThanOrEqual(Math.floor((lat[order[k - 1]] - minLat) / size));
      }),
      { seed: 1305, numRuns: 60 },
    );
  });

  it('orders points by bucket, and keeps file order within one', () => {
    expect([...computeSpatialOrder([106, 105, 106.1, 105.1], [9, 9, 9, 9], 4, 0.5)]).toEqual([1, 3, 0, 2]);
    expect([...computeSpatialOrder([106, 105], [9, 9], 2, 0)]).toEqual([0, 1]);
  });
});
