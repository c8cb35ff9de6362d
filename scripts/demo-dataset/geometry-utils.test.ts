import { describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../src/core';
import { cleanRing, isCleanPolygon, localDistanceMeters, offsetMeters, roundCoordinate, sharedBoundaryMeters } from './geometry-utils';

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

describe('sharedBoundaryMeters', () => {
  // Two 0.01° squares side by side (west one from 105.90 to 105.91); the east one's common side
  // is cut by an extra vertex the west one lacks, as a district border cut by commune edges is.
  const west: PolygonGeometry = { type: 'Polygon', coordinates: [[[105.9, 9.6], [105.91, 9.6], [105.91, 9.61], [105.9, 9.61], [105.9, 9.6]]] };
  const east: PolygonGeometry = { type: 'Polygon', coordinates: [[[105.91, 9.6], [105.92, 9.6], [105.92, 9.61], [105.91, 9.61], [105.91, 9.604], [105.91, 9.6]]] };
  const northEast: PolygonGeometry = { type: 'Polygon', coordinates: [[[105.91, 9.61], [105.92, 9.61], [105.92, 9.62], [105.91, 9.62], [105.91, 9.61]]] };

  it('measures the common side, whatever vertices each side has', () => {
    // 0.01° of latitude, by the local frame of toLocalMeters.
    const sideMeters = localDistanceMeters([105.91, 9.6], [105.91, 9.61]);
    expect(sharedBoundaryMeters(west, east)).toBeCloseTo(sideMeters, 3);
    expect(sharedBoundaryMeters(east, west)).toBeCloseTo(sideMeters, 3);
  });

  it('is 0 for polygons that touch at a corner only', () => {
    expect(sharedBoundaryMeters(west, northEast)).toBe(0);
  });
});
