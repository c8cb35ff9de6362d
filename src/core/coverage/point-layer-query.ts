import { ellipsoidMetersPerDegree, metersToDegrees } from '../units';
import { SHAPE_CAPSULE, SHAPE_DISC, type CoverageShapes } from './coverage-shapes';
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

/** The layers covering a point: bit i set = layer i of the analysis' layer keys. */
export type PointLayerQuery = (lng: number, lat: number) => number;

/**
 * A point query over indexed coverage shapes: which layers (by the shapes' masks) cover a point,
 * with the engine's own shapes (discs, sectors, fibre capsules) measured on the ground in the
 * WGS84 frame the kernel uses. Use it to ask "is this test inside the predicted coverage of
 * Viettel's 4G?" for millions of points without building a polygon.
 * @param shapeSets indexed shape sets, e.g. `[analysis.base]` plus `analysis.extra` when present
 * @returns a function from `(lng, lat)` in degrees to the union of the masks of every shape that
 *   contains the point (0 when none)
 * @throws never
 * @example
 * const layersAt = createPointLayerQuery([analysis.base]);
 * const bit = analysis.layerKeys.findIndex((key) => key.layer === '4g' && key.operator === 'Viettel');
 * const isCovered = (layersAt(105.97, 9.6) & (1 << bit)) !== 0;
 */
export function createPointLayerQuery(shapeSets: readonly IndexedShapes[]): PointLayerQuery {
  const paddings = shapeSets.map(({ shapes }) => {
    let largest = 0;
    for (let i = 0; i < shapes.count; i++) if (shapes.radiusMeters[i] > largest) largest = shapes.radiusMeters[i];
    return largest * BOX_PADDING_SHARE;
  });
  return (lng, lat) => {
    const [kx, ky] = ellipsoidMetersPerDegree(lat);
    let mask = 0;
    for (let s = 0; s < shapeSets.length; s++) {
      const { shapes, index } = shapeSets[s];
      const [padLng, padLat] = metersToDegrees(paddings[s], lat);
      for (const i of index.search(lng - padLng, lat - padLat, lng + padLng, lat + padLat)) {
        const bits = shapes.mask[i];
        if ((mask | bits) === mask) continue;
        if (containsOffset(shapes, i, (lng - shapes.lng[i]) * kx, (lat - shapes.lat[i]) * ky, kx, ky)) mask |= bits;
      }
    }
    return mask;
  };
}
