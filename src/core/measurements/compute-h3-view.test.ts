import { cellToBoundary, cellToLatLng, greatCircleDistance } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { exactFraction } from '../../../test/helpers/exact-coverage';
import { analyzeField, gridHamlets, HAMLET_DEGREES, measurementSet, ORIGIN } from '../../../test/helpers/synthetic-field';
import type { PolygonGeometry } from '../types';
import { classifyMeasurements } from './classify-measurements';
import { computeH3View } from './compute-h3-view';
import { DEFAULT_MEASUREMENT_OPTIONS } from './measurement-options';
import { STATUS_FAILED, STATUS_OK } from './measurement-set';

describe('computeH3View', () => {
  const hamlets = gridHamlets(4, 4);
  const site = { lng: ORIGIN[0] + 2 * HAMLET_DEGREES, lat: ORIGIN[1] + 2 * HAMLET_DEGREES };
  const analysis = analyzeField(hamlets, [{ siteId: 'A', operator: 'Viettel', ...site, technologies: ['4G'], radiusMeters: 900 }]);
  const set = measurementSet([
    { ...site, operator: 'Viettel', status: STATUS_OK },
    { ...site, operator: 'Viettel', status: STATUS_FAILED },
    { lng: ORIGIN[0] + 0.035, lat: ORIGIN[1] + 0.035, operator: 'Viettel', status: STATUS_OK },
  ]);
  const view = computeH3View(analysis, 8, { set, classification: classifyMeasurements(set, analysis, DEFAULT_MEASUREMENT_OPTIONS) });
  const at4g = view.layerKeys.findIndex((key) => key.layer === '4g' && key.operator === null);

  it('covers the hamlets with hexagons and gives each the engine\'s covered share, as exact clipping does', () => {
    expect(view.cells.length).toBeGreaterThan(4);
    let partial = 0;
    view.cells.forEach((cell, c) => {
      const engine = view.fractions[c * view.layerKeys.length + at4g];
      // A hexagon (about 1 km across) whose centre is 1.9 km from the site lies wholly outside the disc.
      if (greatCircleDistance(cellToLatLng(cell), [site.lat, site.lng], 'm') > 1900) {
        expect(engine).toBe(0);
        return;
      }
      const geometry: PolygonGeometry = { type: 'Polygon', coordinates: [cellToBoundary(cell, true) as [number, number][]] };
      const exact = exactFraction(geometry, [{ kind: 'disc', center: [site.lng, site.lat], radiusMeters: 900 }]);
      // Turf measures on a sphere (0.4 % larger areas here); the engine's own error is below 0.01.
      expect(Math.abs(engine - exact), cell).toBeLessThan(0.012);
      if (exact > 0.05 && exact < 0.95) partial++;
    });
    expect(partial).toBeGreaterThan(2);
  });

  it('keeps every household, and counts judged tests where they lie', () => {
    const total = [...view.households].filter((value) => !Number.isNaN(value)).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(hamlets.length * 100, 6);
    expect(view.tests.reduce((sum, value) => sum + value, 0)).toBe(3);
    expect(view.agree.reduce((sum, value) => sum + value, 0)).toBe(1);
    expect(view.falseCovered.reduce((sum, value) => sum + value, 0)).toBe(1);
    expect(view.falseUncovered.reduce((sum, value) => sum + value, 0)).toBe(1);
    // Most hexagons were never measured: 0 tests, not a verdict.
    expect([...view.tests].filter((value) => value === 0).length).toBeGreaterThan(view.cells.length / 2);
  });
});
