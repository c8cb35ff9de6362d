import { describe, expect, it } from 'vitest';
import { cleanRing, isCleanPolygon, localDistanceMeters, offsetMeters, roundCoordinate } from './geometry-utils';

describe('roundCoordinate', () => {
  it('keeps 6 decimals and never returns -0', () => {
    expect(roundCoordinate(105.1234567)).toBe(105.123457);
    expect(Object.is(roundCoordinate(-0.0000001), 0)).toBe(true);
  });
});

describe('cleanRing', () => {
  it('drops repeated vertices and closes the ring', () => {
    expect(cleanRing([[0, 0], [1, 0], [1, 0], [1, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
  });

  it('removes a back-and-forth spike', () => {
    expect(cleanRing([[0, 0], [1, 0], [2, 0.5], [1, 0], [1, 1], [0, 0]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
  });

  it('returns null when fewer than 3 vertices remain', () => {
    expect(cleanRing([[0, 0], [0.0000001, 0], [0, 0]])).toBeNull();
  });
});

describe('isCleanPolygon', () => {
  it('accepts a square and rejects a bow-tie', () => {
    expect(isCleanPolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] })).toBe(true);
    expect(isCleanPolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] })).toBe(false);
  });
});

describe('offsetMeters', () => {
  it('moves a point by the asked distance', () => {
    const start: [number, number] = [105.9, 9.6];
    expect(localDistanceMeters(start, offsetMeters(start, 300, -400))).toBeCloseTo(500, 6);
  });
});
