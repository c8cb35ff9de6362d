import type { CoverageShapes } from './coverage-shapes';
import type { PreparedHamlet } from './scanline-kernel';

/**
 * Prepared hamlets and shapes as a few flat typed arrays, so that worker threads can share them
 * (allocate on a SharedArrayBuffer) instead of each receiving a copy of thousands of objects.
 */
export interface PackedHamlets {
  /** Per hamlet: lng0, lat0, kx, ky, minX, maxX, minY, maxY, 4 × bbox, areaM2. */
  header: Float64Array;
  /** Per hamlet, the index of its first ring in `ringStart` (length = hamlets + 1). */
  hamletRings: Int32Array;
  /** Per ring, its first value in `coordinates` (length = rings + 1). */
  ringStart: Int32Array;
  /** All rings' interleaved x, y in metres. */
  coordinates: Float64Array;
}

const HEADER = 13;
const SHAPE_COLUMNS = ['lng', 'lat', 'lng2', 'lat2', 'radiusMeters', 'sin1', 'cos1', 'sin2', 'cos2', 'minLng', 'minLat', 'maxLng', 'maxLat'] as const;

type Allocate = (bytes: number) => ArrayBufferLike;
const plainBuffer: Allocate = (bytes) => new ArrayBuffer(bytes);

/**
 * Packs prepared hamlets into flat arrays.
 * @param hamlets prepared hamlets
 * @param allocate buffer allocator (e.g. `(n) => new SharedArrayBuffer(n)`)
 * @returns the packed hamlets
 * @example unpackHamlets(packHamlets(prepared)).length === prepared.length
 */
export function packHamlets(hamlets: PreparedHamlet[], allocate: Allocate = plainBuffer): PackedHamlets {
  let ringCount = 0;
  let valueCount = 0;
  for (const hamlet of hamlets) {
    ringCount += hamlet.rings.length;
    for (const ring of hamlet.rings) valueCount += ring.length;
  }
  const header = new Float64Array(allocate(hamlets.length * HEADER * 8));
  const hamletRings = new Int32Array(allocate((hamlets.length + 1) * 4));
  const ringStart = new Int32Array(allocate((ringCount + 1) * 4));
  const coordinates = new Float64Array(allocate(Math.max(1, valueCount) * 8));
  let ring = 0;
  let value = 0;
  hamlets.forEach((hamlet, h) => {
    header.set([hamlet.lng0, hamlet.lat0, hamlet.kx, hamlet.ky, hamlet.minX, hamlet.maxX, hamlet.minY, hamlet.maxY, ...hamlet.bbox, hamlet.areaM2], h * HEADER);
    hamletRings[h] = ring;
    for (const xy of hamlet.rings) {
      ringStart[ring++] = value;
      coordinates.set(xy, value);
      value += xy.length;
    }
  });
  hamletRings[hamlets.length] = ring;
  ringStart[ring] = value;
  return { header, hamletRings, ringStart, coordinates };
}

/**
 * Rebuilds prepared hamlets from packed arrays; rings are views on the packed coordinates (no copy).
 * @param packed the packed hamlets
 * @returns prepared hamlets, in the packed order
 * @example unpackHamlets(packHamlets(prepared))[0].areaM2 === prepared[0].areaM2
 */
export function unpackHamlets(packed: PackedHamlets): PreparedHamlet[] {
  const count = packed.hamletRings.length - 1;
  const hamlets: PreparedHamlet[] = [];
  for (let h = 0; h < count; h++) {
    const o = h * HEADER;
    const head = packed.header;
    const rings: Float64Array[] = [];
    for (let r = packed.hamletRings[h]; r < packed.hamletRings[h + 1]; r++) rings.push(packed.coordinates.subarray(packed.ringStart[r], packed.ringStart[r + 1]));
    hamlets.push({
      lng0: head[o],
      lat0: head[o + 1],
      kx: head[o + 2],
      ky: head[o + 3],
      minX: head[o + 4],
      maxX: head[o + 5],
      minY: head[o + 6],
      maxY: head[o + 7],
      bbox: [head[o + 8], head[o + 9], head[o + 10], head[o + 11]],
      areaM2: head[o + 12],
      rings,
    });
  }
  return hamlets;
}

/**
 * Copies coverage shapes into buffers from `allocate` (e.g. shared with worker threads).
 * @param shapes the shapes
 * @param allocate buffer allocator
 * @returns the same shapes on the new buffers
 * @example shareShapes(shapes, (n) => new SharedArrayBuffer(n)).count === shapes.count
 */
export function shareShapes(shapes: CoverageShapes, allocate: Allocate = plainBuffer): CoverageShapes {
  const n = Math.max(1, shapes.count);
  const copy = <T extends Float64Array | Uint32Array | Uint8Array>(from: T, make: (buffer: ArrayBufferLike) => T, bytes: number): T => {
    const to = make(allocate(n * bytes));
    to.set(from as never);
    return to;
  };
  const shared = {
    count: shapes.count,
    kind: copy(shapes.kind, (b) => new Uint8Array(b), 1),
    mask: copy(shapes.mask, (b) => new Uint32Array(b), 4),
  } as CoverageShapes;
  for (const column of SHAPE_COLUMNS) shared[column] = copy(shapes[column], (b) => new Float64Array(b), 8);
  return shared;
}
