// Issue #9 §2: every hamlet-layer within 0.003 of exact polygon clipping, and 0.0005 on average,
// on random cases of the shapes where a scanline kernel errs: discs at every offset from a
// hamlet's edge, radii of a record's own (50 m–10 km), narrow and wide sectors, fibre routes, and
// unions with exact duplicates, sectors sharing edge rays, holes and MultiPolygons. One `it` per
// family, so a failure says which. Each family runs all its cases, so that its message gives its
// worst case, not the first one out of bound, and the mean is over the whole run.
import * as turf from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config';
import { buildCoverageReport, createCoverageAnalysis } from '../analyze-coverage';
import type { AreaGeometry, CoverageInput, LayerName, PolygonGeometry } from '../types';
import { ellipsoidMetersPerDegree, metersToDegrees } from '../units';
import { exactFraction, referenceAreaM2, referenceFrame, referenceShapesForLayer, shapesNear, type ReferenceShape } from '../../../test/helpers/exact-coverage';
import { edgeDiscCase, fibreRouteCase, radiusOverrideCase, sectorCase, unionCase, CENTER, type HamletCase } from '../../../test/helpers/random-geometry';

/** Family k runs with seed SEED + k: the families share no hamlets. */
const SEED = 9200;
const ERROR_BOUND = 0.003;
const MEAN_ERROR_BOUND = 0.0005;
const LAYERS: LayerName[] = ['mobile', '4g', '5g', 'ftth'];
const RADII = DEFAULT_CONFIG.radiiMeters;

function inputOf(c: HamletCase): CoverageInput {
  const hamlet = { id: 'H1', name: 'Ấp 1', commune: 'Xã A', district: 'Huyện B', households: 100, properties: {}, geometry: c.hamlet };
  return { hamlets: [hamlet], btsRecords: c.records, fibrePoints: c.fibrePoints, fibreRoutes: c.fibreRoutes, indicators: [] };
}

/** The engine's fraction and the exact one for every layer; `measured` = some shape of the layer is near the hamlet. */
function layerErrors(c: HamletCase) {
  const input = inputOf(c);
  const fraction = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG)).hamlets[0].fraction;
  const bbox = turf.bbox(turf.feature(c.hamlet));
  return LAYERS.map((layer) => {
    const shapes = shapesNear(referenceShapesForLayer(input, layer, DEFAULT_CONFIG), bbox);
    const exact = shapes.length > 0 ? exactFraction(c.hamlet, shapes) : 0;
    return { layer, engine: fraction[layer], exact, error: Math.abs(fraction[layer] - exact), measured: shapes.length > 0 };
  });
}

/** Errors of every measured hamlet-layer of the whole run, all families. */
const run = { sum: 0, count: 0 };

/**
 * Runs a family to the end (a case out of bound does not stop it), then checks its worst case:
 * the message gives the worst error, the case (seed and path replay it: `fc.assert(…, { seed,
 * path, numRuns: 1 })`), how many cases are out of bound, and the family's mean.
 */
function checkFamily(family: string, cases: fc.Arbitrary<HamletCase>, seed: number, numRuns: number): void {
  const stats = { runs: 0, worst: 0, worstCase: '', casesOut: 0, sum: 0, count: 0 };
  fc.assert(
    fc.property(cases, (c) => {
      const index = stats.runs++;
      let isOut = false;
      for (const { layer, engine, exact, error, measured } of layerErrors(c)) {
        if (measured) {
          stats.sum += error;
          stats.count++;
        }
        isOut ||= error > ERROR_BOUND;
        if (error > stats.worst) Object.assign(stats, { worst: error, worstCase: `path "${index}", ${layer}: engine ${engine.toFixed(4)}, exact ${exact.toFixed(4)}` });
      }
      if (isOut) stats.casesOut++;
    }),
    { seed, numRuns, endOnFailure: true },
  );
  run.sum += stats.sum;
  run.count += stats.count;
  const mean = stats.sum / Math.max(1, stats.count);
  const summary = `${family}: worst error ${stats.worst.toFixed(4)} (seed ${seed}, ${stats.worstCase}); ${stats.casesOut} of ${numRuns} cases out of ${ERROR_BOUND}; mean ${mean.toExponential(2)} over ${stats.count} hamlet-layers`;
  expect(stats.worst, summary).toBeLessThanOrEqual(ERROR_BOUND);
}

describe('coverage against exact polygon clipping, issue #9 §2 (0.003 per hamlet-layer, 0.0005 mean)', () => {
  it('holds for single discs at every offset from a hamlet edge (inside, on it, up to a radius outside)', () => {
    checkFamily('discs at edge offsets', edgeDiscCase(RADII), SEED + 1, 100);
  });

  it('holds for radii of a record, point or route of its own, 50 m to 10 km, beside the config radii', () => {
    checkFamily('radius overrides', radiusOverrideCase(RADII), SEED + 2, 70);
  });

  it('holds for narrow sectors (10°–30°), ordinary ones and sectors wider than 180°', () => {
    checkFamily('sectors', sectorCase(RADII), SEED + 3, 100);
  });

  it('holds for fibre routes (polylines with a radius)', () => {
    checkFamily('fibre routes', fibreRouteCase(RADII), SEED + 4, 40);
  });

  it('holds for unions with exact duplicates, sectors sharing edge rays, holes and MultiPolygons', () => {
    checkFamily('unions', unionCase(RADII), SEED + 5, 40);
  });

  // Needs the families above to have run (vitest runs a file's tests in order).
  it('keeps the mean error over every measured hamlet-layer of the run within 0.0005', () => {
    expect(run.count, 'run the whole file: the mean is over the families above').toBeGreaterThan(0);
    const mean = run.sum / run.count;
    expect(mean, `mean error ${mean.toExponential(2)} over ${run.count} hamlet-layers`).toBeLessThanOrEqual(MEAN_ERROR_BOUND);
  });

  it('issue #9: a 1,000 m 5G disc 260 m outside a 2.15 km² hamlet (0.434 against an exact 0.446 before)', () => {
    // The figures, reconstructed: a long hamlet, 656 m × 3,277 m turned 35°, in metres of
    // its own frame (where the fraction is defined); the disc's centre 260 m out from a long side,
    // 890 m from its middle, so the circle's top and bottom cut strips of the kernel's lines.
    const [metersPerLng, metersPerLat] = ellipsoidMetersPerDegree(CENTER[1]);
    const turn = (35 * Math.PI) / 180;
    const at = (x: number, y: number): [number, number] => [CENTER[0] + (x * Math.cos(turn) - y * Math.sin(turn)) / metersPerLng, CENTER[1] + (x * Math.sin(turn) + y * Math.cos(turn)) / metersPerLat];
    const [halfWidth, halfLength] = [328, 1638.5];
    const hamlet: PolygonGeometry = { type: 'Polygon', coordinates: [[at(-halfWidth, -halfLength), at(halfWidth, -halfLength), at(halfWidth, halfLength), at(-halfWidth, halfLength), at(-halfWidth, -halfLength)]] };
    const [lng, lat] = at(-halfWidth - 260, -890);
    const c: HamletCase = { hamlet, records: [{ siteId: 'S1', operator: 'Viettel', lng, lat, technologies: ['5G'] }], fibrePoints: [], fibreRoutes: [] };
    expect(referenceAreaM2(hamlet) / 1e6).toBeCloseTo(2.15, 2);
    const fiveG = layerErrors(c).find((e) => e.layer === '5g')!;
    expect(fiveG.exact).toBeCloseTo(0.446, 3);
    expect(fiveG.error, `engine ${fiveG.engine.toFixed(4)}, exact ${fiveG.exact.toFixed(4)}`).toBeLessThanOrEqual(ERROR_BOUND);
  });

  it('counts every uncovered stretch of a circle that 300 small discs cut into 300 pieces', () => {
    // A 600 m fibre disc with 300 discs of 4 m on its circle: the circle's uncovered arcs are 300.
    const [dLng, dLat] = metersToDegrees(1, CENTER[1]);
    const at = (x: number, y: number): [number, number] => [CENTER[0] + x * dLng, CENTER[1] + y * dLat];
    const hamlet: PolygonGeometry = { type: 'Polygon', coordinates: [[at(-900, -900), at(900, -900), at(900, 900), at(-900, 900), at(-900, -900)]] };
    const fibrePoints = [{ id: 'F0', lng: CENTER[0], lat: CENTER[1], radiusMeters: 600 }];
    for (let k = 0; k < 300; k++) {
      const angle = (2 * Math.PI * k) / 300;
      const [lng, lat] = at(600 * Math.cos(angle), 600 * Math.sin(angle));
      fibrePoints.push({ id: `F${k + 1}`, lng, lat, radiusMeters: 4 });
    }
    const ftth = layerErrors({ hamlet, records: [], fibrePoints, fibreRoutes: [] }).find((e) => e.layer === 'ftth')!;
    expect(ftth.error, `engine ${ftth.engine.toFixed(5)}, exact ${ftth.exact.toFixed(5)}`).toBeLessThanOrEqual(1e-4);
  });

  it('follows a circle across a hamlet edge that doubles back on itself (a zero-width spike) and through vertices', () => {
    // Crossing the spike's two coincident edges leaves the circle where it was: the kernel must
    // not take the two crossings for one. The spike adds no area, so the exact figure is the
    // square's. Fibre discs at the spike and at a corner (the circle through two vertices).
    const [dLng, dLat] = metersToDegrees(1, CENTER[1]);
    const at = (x: number, y: number): [number, number] => [CENTER[0] + x * dLng, CENTER[1] + y * dLat];
    const corners = [at(-900, -900), at(900, -900), at(900, 900), at(-900, 900), at(-900, -900)];
    const square: PolygonGeometry = { type: 'Polygon', coordinates: [corners] };
    const spiked: PolygonGeometry = { type: 'Polygon', coordinates: [[corners[0], at(0, -900), at(0, -300), at(0, -900), ...corners.slice(1)]] };
    for (const [x, y, radiusMeters] of [[0, -500, 300], [0, -300, 250], [-900, 0, 900], [0, -900, 200]]) {
      const [lng, lat] = at(x, y);
      const input = inputOf({ hamlet: spiked, records: [], fibrePoints: [{ id: 'F1', lng, lat, radiusMeters }], fibreRoutes: [] });
      const engine = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG)).hamlets[0].fraction.ftth;
      const exact = exactFraction(square, referenceShapesForLayer(input, 'ftth', DEFAULT_CONFIG));
      expect(Math.abs(engine - exact), `disc of ${radiusMeters} m at (${x}, ${y}): engine ${engine.toFixed(5)}, exact ${exact.toFixed(5)}`).toBeLessThanOrEqual(1e-4);
    }
  });
});

describe('the exact reference', () => {
  const [dLng, dLat] = metersToDegrees(1, CENTER[1]);
  const at = (x: number, y: number): [number, number] => [CENTER[0] + x * dLng, CENTER[1] + y * dLat];
  const square = (half: number): PolygonGeometry => ({ type: 'Polygon', coordinates: [[at(-half, -half), at(half, -half), at(half, half), at(-half, half), at(-half, -half)]] });
  const coveredM2 = (hamlet: AreaGeometry, shapes: ReferenceShape[]) => exactFraction(hamlet, shapes) * referenceAreaM2(hamlet);

  it('gives discs of 50 m and 10 km, a 15° sector and a route their areas within 1e-4', () => {
    for (const radiusMeters of [50, 10000]) {
      const area = coveredM2(square(1.2 * radiusMeters), [{ kind: 'disc', center: CENTER, radiusMeters }]);
      expect(Math.abs(area / (Math.PI * radiusMeters ** 2) - 1), `${radiusMeters} m disc`).toBeLessThan(1e-4);
    }
    const sector = coveredM2(square(1200), [{ kind: 'sector', center: CENTER, radiusMeters: 1000, azimuthDegrees: 40, beamwidthDegrees: 15 }]);
    expect(Math.abs(sector / ((Math.PI * 1000 ** 2 * 15) / 360) - 1), '15° sector').toBeLessThan(1e-4);
    // A route's length in the hamlet's frame: the frame's metre is not quite the sphere's.
    const hamlet = square(1500);
    const frame = referenceFrame(hamlet);
    const [from, to] = [at(-800, -300), at(700, 500)];
    const lengthMeters = Math.hypot((to[0] - from[0]) * frame.kx, (to[1] - from[1]) * frame.ky);
    const route = coveredM2(hamlet, [{ kind: 'route', coordinates: [from, to], radiusMeters: 50 }]);
    expect(Math.abs(route / (2 * 50 * lengthMeters + Math.PI * 50 ** 2) - 1), '50 m route').toBeLessThan(1e-4);
  });

  it('cuts a disc by a hamlet edge to the circular segment within 1e-4', () => {
    // The geometry: a 1,000 m disc whose centre is 260 m (in the frame) below a hamlet's edge.
    const hamlet = square(1500);
    const [r, d] = [1000, 260];
    const center: [number, number] = [CENTER[0], hamlet.coordinates[0][0][1] - d / referenceFrame(hamlet).ky];
    const segment = r * r * Math.acos(d / r) - d * Math.sqrt(r * r - d * d);
    const area = coveredM2(hamlet, [{ kind: 'disc', center, radiusMeters: r }]);
    expect(Math.abs(area / segment - 1)).toBeLessThan(1e-4);
  });
});
