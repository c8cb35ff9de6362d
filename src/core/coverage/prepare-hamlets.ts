import type { AreaGeometry } from '../types';
import { ellipsoidMetersPerDegree } from '../units';
import { plainBuffer, type Allocate } from './coverage-shapes';
import type { PreparedHamlet } from './area-kernel';

/**
 * Prepared hamlets as a few flat typed arrays: the form they are built in, so that worker threads
 * can share them (allocate on a SharedArrayBuffer) and a country of hamlets costs four buffers,
 * not a buffer per ring.
 */
export interface PackedHamlets {
  /** Per hamlet: lng0, lat0, kx, ky, minX, maxX, minY, maxY, 4 × bbox, areaM2. */
  header: Float64Array;
  /** Per hamlet, the index of its first ring in `ringStart` (length = hamlets + 1). */
  hamletRings: Int32Array;
  /** Per ring, its first value in `coordinates` (length = rings + 1). */
  ringStart: Int32Array;
  /** All rings' interleaved x, y in metres, each ring closed (first = last). */
  coordinates: Float32Array;
}

const HEADER = 13;

function polygonsOf(geometry: AreaGeometry): AreaGeometry['coordinates'][] {
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as AreaGeometry['coordinates'][];
}

function isOpen(ring: number[][]): boolean {
  const n = ring.length;
  return n > 0 && (ring[0][0] !== ring[n - 1][0] || ring[0][1] !== ring[n - 1][1]);
}

/** Reverses the points of the closed ring stored at values `from … to − 1` (x, y pairs). */
function reverseRing(coordinates: Float32Array, from: number, to: number): void {
  for (let a = from, b = to - 2; a < b; a += 2, b -= 2) {
    const x = coordinates[a];
    const y = coordinates[a + 1];
    coordinates[a] = coordinates[b];
    coordinates[a + 1] = coordinates[b + 1];
    coordinates[b] = x;
    coordinates[b + 1] = y;
  }
}

/**
 * Projects hamlet polygons into their local metric frames (equirectangular on the WGS84
 * ellipsoid, centred on each hamlet's bounding box), straight into packed arrays.
 * @param geometries Polygon or MultiPolygon per hamlet, `[lng, lat]` degrees
 * @param allocate buffer allocator (e.g. `(n) => new SharedArrayBuffer(n)`)
 * @returns the packed arrays and the prepared hamlets, whose rings are views on them
 * @example prepareHamlets(input.hamlets.map((hamlet) => hamlet.geometry)).hamlets[0].areaM2
 */
export function prepareHamlets(geometries: AreaGeometry[], allocate: Allocate = plainBuffer): { packed: PackedHamlets; hamlets: PreparedHamlet[] } {
  let ringCount = 0;
  let valueCount = 0;
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      for (const ring of polygon as number[][][]) {
        ringCount++;
        valueCount += 2 * (ring.length + (isOpen(ring) ? 1 : 0));
      }
    }
  }
  const header = new Float64Array(allocate(Math.max(1, geometries.length * HEADER) * 8));
  const hamletRings = new Int32Array(allocate((geometries.length + 1) * 4));
  const ringStart = new Int32Array(allocate((ringCount + 1) * 4));
  const coordinates = new Float32Array(allocate(Math.max(1, valueCount) * 4));
  let ringAt = 0;
  let value = 0;
  geometries.forEach((geometry, h) => {
    const polygons = polygonsOf(geometry) as number[][][][];
    let minLng = Infinity;
    let minLat = Infinity;
    let maxLng = -Infinity;
    let maxLat = -Infinity;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i++) {
          const lng = ring[i][0];
          const lat = ring[i][1];
          if (lng < minLng) minLng = lng;
          if (lng > maxLng) maxLng = lng;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
      }
    }
    const lng0 = (minLng + maxLng) / 2;
    const lat0 = (minLat + maxLat) / 2;
    // Scales of the WGS84 ellipsoid at the hamlet's latitude: areas in true square metres (a sphere
    // would overstate them by 0.4 % at 10° N).
    const [kx, ky] = ellipsoidMetersPerDegree(lat0);
    hamletRings[h] = ringAt;
    let areaM2 = 0;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        ringStart[ringAt++] = value;
        const first = value;
        for (let i = 0; i < ring.length; i++) {
          coordinates[value++] = (ring[i][0] - lng0) * kx;
          coordinates[value++] = (ring[i][1] - lat0) * ky;
        }
        if (isOpen(ring)) {
          coordinates[value++] = coordinates[first];
          coordinates[value++] = coordinates[first + 1];
        }
        // Shoelace per ring; holes wind the other way in valid input, but take |area| with sign by role.
        let twiceArea = 0;
        for (let i = first; i + 3 < value; i += 2) twiceArea += coordinates[i] * coordinates[i + 3] - coordinates[i + 2] * coordinates[i + 1];
        const outer = polygon[0] === ring;
        areaM2 += outer ? Math.abs(twiceArea) / 2 : -Math.abs(twiceArea) / 2;
        // The area kernel walks every edge with the hamlet's inside on its left: outer rings
        // counter-clockwise, holes clockwise, whatever the file's winding.
        if (outer ? twiceArea < 0 : twiceArea > 0) reverseRing(coordinates, first, value);
      }
    }
    const o = h * HEADER;
    header[o] = lng0;
    header[o + 1] = lat0;
    header[o + 2] = kx;
    header[o + 3] = ky;
    header[o + 4] = (minLng - lng0) * kx;
    header[o + 5] = (maxLng - lng0) * kx;
    header[o + 6] = (minLat - lat0) * ky;
    header[o + 7] = (maxLat - lat0) * ky;
    header[o + 8] = minLng;
    header[o + 9] = minLat;
    header[o + 10] = maxLng;
    header[o + 11] = maxLat;
    header[o + 12] = Math.max(0, areaM2);
  });
  hamletRings[geometries.length] = ringAt;
  ringStart[ringAt] = value;
  const packed = { header, hamletRings, ringStart, coordinates };
  return { packed, hamlets: unpackHamlets(packed) };
}

/**
 * Projects one hamlet polygon into its local metric frame.
 * @param geometry Polygon or MultiPolygon, `[lng, lat]` degrees
 * @returns the prepared hamlet
 * @example prepareHamlet({ type: 'Polygon', coordinates: [[[105.9, 9.6], [105.91, 9.6], [105.91, 9.61], [105.9, 9.6]]] })
 */
export function prepareHamlet(geometry: AreaGeometry): PreparedHamlet {
  return prepareHamlets([geometry]).hamlets[0];
}

/**
 * A prepared hamlet read from the packed arrays: its numbers are read from the packed header when
 * asked for and its ring views made on first use, so a hamlet costs one small object. A class with
 * one double field per number cost a boxed number per field (V8 keeps each double field in its own
 * heap object), and at country scale copying those 80,000 × 11 young objects through collections
 * took a quarter of a second of the main thread's preparation. A class, not an object literal, so
 * that V8 allocates them young (a literal that outlives a collection gets pretenured).
 */
class UnpackedHamlet implements PreparedHamlet {
  private ringViews: Float32Array[] | null = null;
  private box: [number, number, number, number] | null = null;
  private readonly packed: PackedHamlets;
  private readonly h: number;
  private readonly o: number;

  constructor(packed: PackedHamlets, h: number) {
    this.packed = packed;
    this.h = h;
    this.o = h * HEADER;
  }

  get lng0(): number {
    return this.packed.header[this.o];
  }
  get lat0(): number {
    return this.packed.header[this.o + 1];
  }
  get kx(): number {
    return this.packed.header[this.o + 2];
  }
  get ky(): number {
    return this.packed.header[this.o + 3];
  }
  get minX(): number {
    return this.packed.header[this.o + 4];
  }
  get maxX(): number {
    return this.packed.header[this.o + 5];
  }
  get minY(): number {
    return this.packed.header[this.o + 6];
  }
  get maxY(): number {
    return this.packed.header[this.o + 7];
  }
  get bbox(): [number, number, number, number] {
    const head = this.packed.header;
    const o = this.o;
    return (this.box ??= [head[o + 8], head[o + 9], head[o + 10], head[o + 11]]);
  }
  get areaM2(): number {
    return this.packed.header[this.o + 12];
  }
  get rings(): Float32Array[] {
    if (this.ringViews) return this.ringViews;
    const { hamletRings, ringStart, coordinates } = this.packed;
    const rings: Float32Array[] = [];
    for (let r = hamletRings[this.h]; r < hamletRings[this.h + 1]; r++) rings.push(coordinates.subarray(ringStart[r], ringStart[r + 1]));
    return (this.ringViews = rings);
  }
}

/**
 * The prepared hamlets of packed arrays; rings are views on the packed coordinates (no copy).
 * @param packed the packed hamlets (e.g. received by a worker thread)
 * @param start first hamlet (default: 0)
 * @param end one past the last hamlet (default: all)
 * @returns prepared hamlets `start … end − 1`, in the packed order
 * @example unpackHamlets(prepareHamlets(geometries).packed, 0, 100)[0].areaM2
 */
export function unpackHamlets(packed: PackedHamlets, start = 0, end = packed.hamletRings.length - 1): PreparedHamlet[] {
  const hamlets: PreparedHamlet[] = [];
  for (let h = start; h < end; h++) hamlets.push(new UnpackedHamlet(packed, h));
  return hamlets;
}
