import { ellipsoidMetersPerDegree, metersToDegrees } from '../units';
import { buildGridIndex } from '../spatial/grid-index';
import { shapeBounds, SHAPE_CAPSULE, SHAPE_DISC, type CoverageShapes } from './coverage-shapes';
import type { IndexedShapes } from './compute-coverage';

/** Tolerance of the sector side test, as the kernel's. */
const EPSILON = 1e-12;
/**
 * Shape boxes are drawn with the sphere's metres per degree, which is 0.5 % more than the
 * ellipsoid's along a meridian at these latitudes; the query box is padded by 1 % of the largest
 * radius so that no shape whose boundary passes near the point is missed.
 */
const BOX_PADDING_SHARE = 0.01;

/**
 * Whether shape `i` contains the point `(x, y)` given in metres from the shape's own apex frame:
 * the engine's shapes (disc, convex sector, capsule) with the kernel's conventions.
 */
function containsOffset(shapes: CoverageShapes, i: number, px: number, py: number, kx: number, ky: number): boolean {
  const r = shapes.radiusMeters[i];
  const kind = shapes.kind[i];
  if (kind === SHAPE_CAPSULE) {
    const row = 4 * shapes.detailRow[i];
    const dx = (shapes.detail[row] - shapes.lng[i]) * kx;
    const dy = (shapes.detail[row + 1] - shapes.lat[i]) * ky;
    const length2 = dx * dx + dy * dy;
    const t = length2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / length2)) : 0;
    const ex = px - t * dx;
    const ey = py - t * dy;
    return ex * ex + ey * ey <= r * r;
  }
  if (px * px + py * py > r * r) return false;
  if (kind === SHAPE_DISC) return true;
  const row = 4 * shapes.detailRow[i];
  // Counter-clockwise of the start ray and clockwise of the end ray (math angles).
  return shapes.detail[row] * px <= shapes.detail[row + 1] * py + EPSILON && shapes.detail[row + 2] * px >= shapes.detail[row + 3] * py - EPSILON;
}

/**
 * The layers covering a point: bit i set = layer i of the analysis' layer keys. With `wanted`, only
 * those bits are looked for and the query stops as soon as they are all found.
 */
export type PointLayerQuery = (lng: number, lat: number, wanted?: number) => number;

/** Grid cells of about 500 m: a point meets a few dozen shapes' boxes, not the province's thousands. */
const GRID_DEGREES = 0.005;

/**
 * A point query over indexed coverage shapes: which layers (by the shapes' masks) cover a point,
 * with the engine's own shapes (discs, sectors, fibre capsules) measured on the ground in the
 * WGS84 frame the kernel uses. Use it to ask "is this test inside the predicted coverage of
 * Viettel's 4G?" for millions of points without building a polygon: the shapes are gridded once
 * (each listed in the cells its padded box overlaps), and a query allocates nothing.
 * @param shapeSets indexed shape sets, e.g. `[analysis.base]` plus `analysis.extra` when present
 * @returns a function from `(lng, lat)` in degrees (and the bits wanted, default all) to the union
 *   of the masks of the shapes that contain the point (0 when none)
 * @throws never
 * @example
 * const layersAt = createPointLayerQuery([analysis.base]);
 * const bit = 1 << analysis.layerKeys.findIndex((key) => key.layer === '4g' && key.operator === 'Viettel');
 * const isCovered = (layersAt(105.97, 9.6, bit) & bit) !== 0;
 */
export function createPointLayerQuery(shapeSets: readonly IndexedShapes[]): PointLayerQuery {
  const grids = shapeSets.map(({ shapes }) => {
    let largest = 0;
    for (let i = 0; i < shapes.count; i++) if (shapes.radiusMeters[i] > largest) largest = shapes.radiusMeters[i];
    const padding = largest * BOX_PADDING_SHARE;
    return buildGridIndex(
      shapes.count,
      (i, out) => {
        shapeBounds(shapes, i, out);
        const [padLng, padLat] = metersToDegrees(padding, (out[1] + out[3]) / 2);
        out[0] -= padLng;
        out[1] -= padLat;
        out[2] += padLng;
        out[3] += padLat;
      },
      GRID_DEGREES,
    );
  });
  return (lng, lat, wanted = -1) => {
    const [kx, ky] = ellipsoidMetersPerDegree(lat);
    let mask = 0;
    for (let s = 0; s < shapeSets.length; s++) {
      const { shapes } = shapeSets[s];
      const grid = grids[s];
      const cell = grid.cellOf(lng, lat);
      if (cell < 0) continue;
      for (let k = grid.start[cell]; k < grid.start[cell + 1]; k++) {
        const i = grid.items[k];
        const bits: number = shapes.mask[i] & wanted;
        if ((mask | bits) === mask) continue;
        if (containsOffset(shapes, i, (lng - shapes.lng[i]) * kx, (lat - shapes.lat[i]) * ky, kx, ky)) {
          mask |= bits;
          if ((mask & wanted) === wanted) return mask;
        }
      }
    }
    return mask;
  };
}
