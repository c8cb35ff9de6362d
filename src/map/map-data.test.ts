import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHexViewCollection, thinZoomOf } from './map-data';

/** The cell of a point at `zoom` for `cellPixels` px cells, from the Web Mercator formulas (512 px tiles). */
function cellAt(lng: number, lat: number, zoom: number, cellPixels: number): string {
  const worldPixels = 512 * 2 ** zoom;
  const x = ((lng + 180) / 360) * worldPixels;
  const y = (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * worldPixels;
  return `${Math.floor(x / cellPixels)}:${Math.floor(y / cellPixels)}`;
}

const points = fc.array(fc.record({ lng: fc.double({ min: 105.3, max: 106.3, noNaN: true }), lat: fc.double({ min: 9.2, max: 10, noNaN: true }) }), { maxLength: 300 });

describe('thinZoomOf', () => {
  it('keeps at most one point per cell below the full zoom, fills every occupied cell, and never hides a point once shown', () => {
    fc.assert(
      fc.property(points, (input) => {
        const zooms = thinZoomOf(input, 10, 20, 6);
        for (let zoom = 6; zoom < 10; zoom++) {
          const shown = new Map<string, number>();
          input.forEach((point, i) => {
            if (zooms[i] > zoom) return;
            const cell = cellAt(point.lng, point.lat, zoom, 20);
            expect(shown.has(cell), `two points in cell ${cell} at zoom ${zoom}`).toBe(false);
            shown.set(cell, i);
          });
          // A hidden point lies in a cell that a shown point already fills.
          input.forEach((point, i) => {
            if (zooms[i] > zoom) expect(shown.has(cellAt(point.lng, point.lat, zoom, 20))).toBe(true);
          });
        }
        expect(zooms.every((zoom) => zoom >= 6 && zoom <= 10)).toBe(true);
      }),
      { seed: 1102, numRuns: 60 },
    );
  });
  it('gives the cell to the point listed first (shared sites are listed first)', () => {
    const twins = [{ lng: 105.9, lat: 9.6 }, { lng: 105.9001, lat: 9.6001 }];
    expect(thinZoomOf(twins, 10, 20, 6)).toEqual([6, 10]);
  });
});

describe('buildHexViewCollection', () => {
  const hexagon = (share: unknown) => ({ type: 'Feature' as const, properties: { h3: '8865a296e3fffff', covered_share: share }, geometry: { type: 'Polygon' as const, coordinates: [[[105.9, 9.6], [105.91, 9.6], [105.91, 9.61], [105.9, 9.6]]] } });
  const statuses = (threshold: number) => buildHexViewCollection({ type: 'FeatureCollection', features: [0.6, 0.2, 0.05, 0, 1.5, 'x'].map(hexagon) }, threshold).features.map((feature) => feature.properties.status);

  it("classes each hexagon by the shown layer's threshold, as the hamlets are", () => {
    // Mobile (50 %): a fifth covered is partial; FTTH (10 %): it is covered.
    expect(statuses(0.5)).toEqual(['covered', 'partial', 'partial', 'none', undefined, undefined]);
    expect(statuses(0.1)).toEqual(['covered', 'covered', 'partial', 'none', undefined, undefined]);
  });
});
