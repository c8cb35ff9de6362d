import fc from 'fast-check';
import { cellToBoundary, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { createH3Locator } from './h3-locator';

// Sóc Trăng and around it, where the app's tests lie.
const point = fc.record({ lng: fc.double({ min: 105.4, max: 106.4, noNaN: true }), lat: fc.double({ min: 9.1, max: 10.0, noNaN: true }) });

describe('createH3Locator', () => {
  for (const resolution of [8, 9]) {
    it(`gives h3-js's own cell for every point (resolution ${resolution})`, () => {
      const locator = createH3Locator(resolution);
      fc.assert(
        fc.property(fc.array(point, { minLength: 1, maxLength: 200 }), (points) => {
          const lng = Float64Array.from(points, (p) => p.lng);
          const lat = Float64Array.from(points, (p) => p.lat);
          const cells = locator.cellsOf(lng, lat, points.length);
          points.forEach((p, i) => {
            expect(locator.cells[cells[i]]).toBe(latLngToCell(p.lat, p.lng, resolution));
            expect(locator.cells[locator.cellOf(p.lng, p.lat)]).toBe(latLngToCell(p.lat, p.lng, resolution));
          });
        }),
        { seed: 1301 + resolution, numRuns: 20 },
      );
    });
  }

  it('gives h3-js\'s cell for points on and a hair beside cell edges and vertices', () => {
    const locator = createH3Locator(8);
    const centre = latLngToCell(9.6, 105.97, 8);
    // Warm the locator so the neighbouring cells are known and the fast path answers.
    for (const [lat, lng] of cellToBoundary(centre)) locator.cellOf(lng + 0.001, lat + 0.001);
    const boundary = cellToBoundary(centre);
    const offsets = [0, 1e-12, -1e-12, 1e-9, -1e-9, 2e-7, -2e-7, 1e-6, -1e-6];
    for (let k = 0; k < boundary.length; k++) {
      const [latA, lngA] = boundary[k];
      const [latB, lngB] = boundary[(k + 1) % boundary.length];
      for (const t of [0, 0.25, 0.5, 0.999]) {
        for (const dx of offsets) {
          for (const dy of offsets) {
            const lat = latA + (latB - latA) * t + dy;
            const lng = lngA + (lngB - lngA) * t + dx;
            expect(locator.cells[locator.cellOf(lng, lat)]).toBe(latLngToCell(lat, lng, 8));
          }
        }
      }
    }
  });

  it('asks h3-js about once per cell, not once per point', () => {
    const locator = createH3Locator(8);
    const lng = new Float64Array(20000);
    const lat = new Float64Array(20000);
    for (let i = 0; i < lng.length; i++) {
      lng[i] = 105.9 + ((i * 7919) % 1000) / 10000;
      lat[i] = 9.55 + ((i * 104729) % 1000) / 10000;
    }
    locator.cellsOf(lng, lat, lng.length);
    // 0.1° × 0.1° at resolution 8 is about 170 cells; the locator keeps each once.
    expect(locator.cells.length).toBeGreaterThan(100);
    expect(locator.cells.length).toBeLessThan(260);
    expect(new Set(locator.cells).size).toBe(locator.cells.length);
  });
});
