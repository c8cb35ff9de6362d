import { cellToBoundary, getHexagonEdgeLengthAvg, latLngToCell } from 'h3-js';
import { METERS_PER_DEGREE } from '../units';
import { computeSpatialOrder } from './spatial-order';

/** H3 resolutions the app offers: 8 (about 0.74 km² a hexagon) by default, 9 (about 0.1 km²). */
export type H3Resolution = 8 | 9;

/** Puts points into H3 cells and remembers the cells it has seen. */
export interface H3Locator {
  resolution: number;
  /** The cells seen so far; a point's cell is an index into this list. */
  cells: string[];
  /** The index of the cell of a point (added to `cells` when new). */
  cellOf(lng: number, lat: number): number;
  /**
   * The cells of many points at once (the first `count` of the columns), visited in `order`
   * (default: a spatial order, see `computeSpatialOrder`, which keeps scattered points in the caches).
   */
  cellsOf(lng: ArrayLike<number>, lat: ArrayLike<number>, count: number, order?: ArrayLike<number>): Int32Array;
}



/** A point closer than this to a cell's edge (degrees, about 1 cm) is asked of h3-js itself. */
const EDGE_MARGIN_DEGREES = 1e-7;
/** Bucket side as a share of the average edge length. */
const BUCKET_PER_EDGE = 0.5;

interface CellShape {
  index: number;
  /**
   * The boundary's edges as half-planes, three numbers each: unit normal (pointing inwards) and
   * offset, so `nx·lng + ny·lat - c` is the signed distance (degrees) from the edge's line.
   */
  edges: Float64Array;
  /** Bounding box: west, south, east, north. */
  box: [number, number, number, number];
}

/**
 * An H3 locator that gives exactly `h3-js`'s `latLngToCell` for every point but costs a fraction of
 * it: `latLngToCell` takes about 4 µs a call in JavaScript (a million tests would take 4 s). Each
 * cell met is kept with its boundary (`cellToBoundary`, whose edges over half a kilometre are
 * straight in degrees to far below a millimetre) in the small lng/lat buckets its box overlaps; a
 * point is tested against the cells of its bucket, and only a point in none of them, or within a
 * centimetre of an edge, is given to `latLngToCell` (whose cell is then kept). So h3-js is asked
 * about once per cell, not once per point.
 * @param resolution the H3 resolution (0–15; the app uses 8 or 9)
 * @returns the locator
 * @throws never
 * @example const locator = createH3Locator(8); locator.cells[locator.cellOf(105.97, 9.6)] // '8865a…fff'
 */
export function createH3Locator(resolution: number): H3Locator {
  const bucketDegrees = (getHexagonEdgeLengthAvg(resolution, 'm') / METERS_PER_DEGREE) * BUCKET_PER_EDGE;
  const cells: string[] = [];
  const cellIndex = new Map<string, number>();
  const buckets = new Map<number, CellShape[]>();
  // Bucket keys relative to the first point fit in a small integer (no boxed number per lookup)
  // within 2^14 buckets of it, several thousand kilometres; farther buckets use text keys.
  let originColumn = NaN;
  let originRow = NaN;
  const far = new Map<string, CellShape[]>();
  const columnOf = (lng: number): number => Math.floor((lng + 180) / bucketDegrees);
  const rowOf = (lat: number): number => Math.floor((lat + 90) / bucketDegrees);
  const bucketAt = (column: number, row: number, create: boolean): CellShape[] | undefined => {
    if (Number.isNaN(originColumn)) {
      originColumn = column;
      originRow = row;
    }
    const dc = column - originColumn + 16384;
    const dr = row - originRow + 16384;
    if (dc >= 0 && dc < 32768 && dr >= 0 && dr < 32768) {
      const key = dr * 32768 + dc;
      let list = buckets.get(key);
      if (list === undefined && create) buckets.set(key, (list = []));
      return list;
    }
    const key = `${column},${row}`;
    let list = far.get(key);
    if (list === undefined && create) far.set(key, (list = []));
    return list;
  };

  const addCell = (cell: string): number => {
    const index = cells.length;
    cells.push(cell);
    cellIndex.set(cell, index);
    const boundary = cellToBoundary(cell);
    const box: CellShape['box'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lat, lng] of boundary) {
      box[0] = Math.min(box[0], lng);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lng);
      box[3] = Math.max(box[3], lat);
    }
    const edges = halfPlanesOf(boundary);
    // A cell across the antimeridian has no sensible box in degrees: it is never bucketed and its
    // points always go to h3-js.
    if (box[2] - box[0] > 180) return index;
    const shape: CellShape = { index, edges, box };
    for (let row = rowOf(box[1]); row <= rowOf(box[3]); row++) {
      for (let column = columnOf(box[0]); column <= columnOf(box[2]); column++) {
        bucketAt(column, row, true)!.push(shape);
      }
    }
    return index;
  };

  // Consecutive points (in spatial order) mostly share a cell: try the last one first.
  let last: CellShape | null = null;
  const cellOf = (lng: number, lat: number): number => {
      if (last !== null && sideOfCell(last.edges, lng, lat) > 0) return last.index;
      const candidates = bucketAt(columnOf(lng), rowOf(lat), false);
      if (candidates !== undefined) {
        for (const candidate of candidates) {
          const { box } = candidate;
          if (lng < box[0] || lng > box[2] || lat < box[1] || lat > box[3]) continue;
          const side = sideOfCell(candidate.edges, lng, lat);
          if (side > 0) {
            last = candidate;
            return candidate.index;
          }
          if (side === 0) break;
        }
      }
      const cell = latLngToCell(lat, lng, resolution);
      return cellIndex.get(cell) ?? addCell(cell);
  };

  const cellsOf = (lng: ArrayLike<number>, lat: ArrayLike<number>, count: number, order: ArrayLike<number> = computeSpatialOrder(lng, lat, count, bucketDegrees)): Int32Array => {
    const out = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const i = order[k];
      out[i] = cellOf(lng[i], lat[i]);
    }
    return out;
  };

  return { resolution, cells, cellOf, cellsOf };
}

/**
 * The edges of a boundary (`[lat, lng]` vertices, as h3-js gives them) as inward half-planes. The
 * intersection of the half-planes lies inside the polygon whether or not it is convex (a cell cut
 * by an icosahedron edge has extra vertices), so "inside every half-plane" is never wrong; a point
 * in a notch of a non-convex cell just goes to h3-js.
 */
function halfPlanesOf(boundary: readonly (readonly number[])[]): Float64Array {
  const n = boundary.length;
  let twiceArea = 0;
  for (let k = 0; k < n; k++) {
    const [latA, lngA] = boundary[k];
    const [latB, lngB] = boundary[(k + 1) % n];
    twiceArea += lngA * latB - lngB * latA;
  }
  const orientation = twiceArea >= 0 ? 1 : -1;
  const edges = new Float64Array(3 * n);
  for (let k = 0; k < n; k++) {
    const [latA, lngA] = boundary[k];
    const [latB, lngB] = boundary[(k + 1) % n];
    const dx = lngB - lngA;
    const dy = latB - latA;
    const length = Math.hypot(dx, dy) || 1;
    // Left of a counter-clockwise edge is inside.
    const nx = (-dy / length) * orientation;
    const ny = (dx / length) * orientation;
    edges[3 * k] = nx;
    edges[3 * k + 1] = ny;
    edges[3 * k + 2] = nx * lngA + ny * latA;
  }
  return edges;
}

/** 1 inside every half-plane by more than the margin, -1 outside one, 0 within the margin of one. */
function sideOfCell(edges: Float64Array, x: number, y: number): number {
  let side = 1;
  for (let k = 0; k < edges.length; k += 3) {
    const distance = edges[k] * x + edges[k + 1] * y - edges[k + 2];
    if (distance < -EDGE_MARGIN_DEGREES) return -1;
    if (distance <= EDGE_MARGIN_DEGREES) side = 0;
  }
  return side;
}
