import { cellToBoundary, polygonToCells } from 'h3-js';
import type { CoverageAnalysis } from '../analyze-coverage';
import { buildScanPasses, computeCoverage } from '../coverage/compute-coverage';
import type { LayerKey } from '../coverage/coverage-shapes';
import { pointOnHamlet } from '../coverage/hamlet-geometry';
import { prepareHamlets } from '../coverage/prepare-hamlets';
import type { PolygonGeometry, Position } from '../types';
import type { MeasurementClassification } from './classify-measurements';
import { createH3Locator } from './h3-locator';
import type { MeasurementSet } from './measurement-set';

/** Any layer of an analysis on H3 hexagons, with households and field tests where there are some. */
export interface H3View {
  resolution: number;
  /** The hexagons: every one a hamlet's area touches (and every one a test lies in). */
  cells: string[];
  layerKeys: LayerKey[];
  /** Row-major `cells × layerKeys`: share of the hexagon's ground area the layer's shapes cover. */
  fractions: Float64Array;
  /** Households per hexagon (a hamlet's households spread evenly over the hexagons whose centre it holds); NaN where no hamlet gives households. */
  households: Float64Array;
  /** Judged tests per hexagon (all operators and technologies), and how they split. */
  tests: Float64Array;
  agree: Float64Array;
  falseCovered: Float64Array;
  falseUncovered: Float64Array;
}

/** A hexagon's boundary as a closed GeoJSON ring, `[lng, lat]`. */
function ringOf(cell: string): Position[] {
  const ring = cellToBoundary(cell, true) as Position[];
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  return ring;
}

/**
 * The H3 view of an analysis: every hexagon a hamlet's area touches gets, for every layer, the
 * share of its ground area covered (the engine's own kernel and shapes, the hexagon taking a
 * hamlet's place), its households (each hamlet's spread evenly over the hexagons whose centre lies
 * in it, or all in the hexagon of its inner point when it holds none), and, with measurements, its
 * judged tests and how they agree with the prediction. A hexagon without a test is "not measured"
 * (`tests` 0), never "measured, no coverage".
 * @param analysis the coverage analysis
 * @param resolution the H3 resolution (8 or 9 in the app)
 * @param measurements the tests and their classification, if any
 * @returns the view, hexagons in the order first met
 * @throws never
 * @example computeH3View(analysis, 8).cells.length // about 4,500 for Sóc Trăng
 */
export function computeH3View(analysis: Pick<CoverageAnalysis, 'input' | 'prepared' | 'base' | 'extra' | 'layerKeys' | 'config'>, resolution: number, measurements?: { set: MeasurementSet; classification: MeasurementClassification }): H3View {
  const cells: string[] = [];
  const index = new Map<string, number>();
  const add = (cell: string): number => {
    let found = index.get(cell);
    if (found === undefined) {
      found = cells.length;
      cells.push(cell);
      index.set(cell, found);
    }
    return found;
  };
  const locator = createH3Locator(resolution);
  const householdShares: { cell: number; households: number }[] = [];
  analysis.input.hamlets.forEach((hamlet, h) => {
    const polygons = hamlet.geometry.type === 'Polygon' ? [hamlet.geometry.coordinates] : hamlet.geometry.coordinates;
    const inside: number[] = [];
    for (const polygon of polygons) {
      for (const cell of polygonToCells(polygon as number[][][], resolution, true)) inside.push(add(cell));
      // The hexagons along the boundary, whose centres may lie outside.
      for (const ring of polygon) for (const [lng, lat] of ring) add(locator.cells[locator.cellOf(lng, lat)]);
    }
    const [lng, lat] = pointOnHamlet(analysis.prepared[h]);
    const own = add(locator.cells[locator.cellOf(lng, lat)]);
    if (hamlet.households === undefined) return;
    const targets = inside.length > 0 ? inside : [own];
    for (const cell of targets) householdShares.push({ cell, households: hamlet.households / targets.length });
  });
  const judged = measurements === undefined ? null : locator.cellsOf(measurements.set.lng, measurements.set.lat, measurements.set.count);
  if (judged !== null) for (let i = 0; i < judged.length; i++) add(locator.cells[judged[i]]);

  const layerCount = analysis.layerKeys.length;
  const geometries: PolygonGeometry[] = cells.map((cell) => ({ type: 'Polygon', coordinates: [ringOf(cell)] }));
  const { hamlets: prepared } = prepareHamlets(geometries);
  const shapeSets = analysis.extra ? [analysis.base, analysis.extra] : [analysis.base];
  const fractions = computeCoverage(prepared, shapeSets, layerCount, buildScanPasses(analysis.layerKeys));

  const households = new Float64Array(cells.length).fill(Number.NaN);
  for (const { cell, households: share } of householdShares) households[cell] = (Number.isNaN(households[cell]) ? 0 : households[cell]) + share;
  const tests = new Float64Array(cells.length);
  const agree = new Float64Array(cells.length);
  const falseCovered = new Float64Array(cells.length);
  const falseUncovered = new Float64Array(cells.length);
  if (measurements !== undefined && judged !== null) {
    const { set, classification } = measurements;
    for (let i = 0; i < set.count; i++) {
      const predicted = classification.predicted[i];
      const observed = classification.observed[i];
      if (predicted < 0 || observed < 0 || set.operator[i] < 0) continue;
      const cell = index.get(locator.cells[judged[i]])!;
      const weight = set.weight[i];
      tests[cell] += weight;
      if (predicted === observed) agree[cell] += weight;
      else if (predicted === 1) falseCovered[cell] += weight;
      else falseUncovered[cell] += weight;
    }
  }
  return { resolution, cells, layerKeys: analysis.layerKeys, fractions, households, tests, agree, falseCovered, falseUncovered };
}
