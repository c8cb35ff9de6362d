import { listOf } from '../messages';
import { SHARED_TOWER_OPERATOR, TECHNOLOGIES, type BtsRecord, type CoverageConfig, type FibrePoint, type FibreRoute, type LayerName, type Technology, type Warning } from '../types';
import { metersToDegrees, type Meters } from '../units';

/** One coverage layer: a layer name, either for all operators (`operator: null`) or for one. */
export interface LayerKey {
  layer: LayerName;
  operator: string | null;
}

/** Shape kinds. Every kind is convex, so a segment meets it in at most one stretch. */
export const SHAPE_DISC = 0;
export const SHAPE_SECTOR = 1;
export const SHAPE_CAPSULE = 2;

/**
 * Coverage shapes as columns of typed arrays (one index = one shape), so that the area kernel
 * touches no objects. A sector wider than 180° is stored as two convex halves. Discs, by far the
 * most shapes (every fibre point), need only the first five columns; sectors and capsules keep
 * their extra numbers in `detail`, four per row.
 */
export interface CoverageShapes {
  count: number;
  kind: Uint8Array;
  /** Centre (disc, sector apex) or first end (capsule), degrees. */
  lng: Float64Array;
  lat: Float64Array;
  radiusMeters: Float64Array;
  /** Bit i set = the shape counts for layer i of the layer keys. */
  mask: Uint32Array;
  /** The shape's row in `detail`, or -1 for a disc. */
  detailRow: Int32Array;
  /**
   * Four numbers per row. A sector: sin and cos of its start ray, then of its end ray, as math
   * angles (counter-clockwise from east). A capsule: the second end's lng, lat (degrees), 0, 0.
   */
  detail: Float64Array;
}

/**
 * A shape's bounding box in degrees (a sector's box is its disc's box: loose, never too small).
 * @param shapes the shapes
 * @param i which shape
 * @param out receives west, south, east, north
 * @example shapeBounds(shapes, 0, box) // box = [minLng, minLat, maxLng, maxLat]
 */
export function shapeBounds(shapes: CoverageShapes, i: number, out: Float64Array): void {
  const lng = shapes.lng[i];
  const lat = shapes.lat[i];
  const [dLng, dLat] = metersToDegrees(shapes.radiusMeters[i], lat);
  out[0] = lng - dLng;
  out[1] = lat - dLat;
  out[2] = lng + dLng;
  out[3] = lat + dLat;
  if (shapes.kind[i] === SHAPE_CAPSULE) {
    const row = 4 * shapes.detailRow[i];
    const lng2 = shapes.detail[row];
    const lat2 = shapes.detail[row + 1];
    const [dLng2] = metersToDegrees(shapes.radiusMeters[i], lat2);
    out[0] = Math.min(out[0], lng2 - dLng2);
    out[1] = Math.min(out[1], lat2 - dLat);
    out[2] = Math.max(out[2], lng2 + dLng2);
    out[3] = Math.max(out[3], lat2 + dLat);
  }
}

/** Masks hold at most 31 layers: 4 overall layers + 3 mobile layers for each of 9 operators. */
export const MAX_OPERATOR_LAYERS = 9;

/**
 * The layers computed for a set of operators: `mobile`, `4g`, `5g`, `ftth` overall, then the three
 * mobile layers per operator (operators sorted, at most `MAX_OPERATOR_LAYERS`). A shared tower
 * (`SHARED_TOWER_OPERATOR`) has no layer of its own: it counts for the overall layers only.
 * @param operators operator names, in any order, duplicates allowed
 * @returns the layer keys; index in this array = bit in a shape mask
 * @example buildLayerKeys(['Viettel']) // [mobile, 4g, 5g, ftth, Viettel mobile, Viettel 4g, Viettel 5g]
 */
export function buildLayerKeys(operators: Iterable<string>): LayerKey[] {
  const keys: LayerKey[] = [
    { layer: 'mobile', operator: null },
    { layer: '4g', operator: null },
    { layer: '5g', operator: null },
    { layer: 'ftth', operator: null },
  ];
  const sorted = [...new Set(operators)].filter((operator) => operator !== SHARED_TOWER_OPERATOR).sort().slice(0, MAX_OPERATOR_LAYERS);
  for (const operator of sorted) {
    keys.push({ layer: 'mobile', operator }, { layer: '4g', operator }, { layer: '5g', operator });
  }
  return keys;
}

/** Buffer allocator: e.g. `(bytes) => new SharedArrayBuffer(bytes)` to share shapes with worker threads. */
export type Allocate = (bytes: number) => ArrayBufferLike;
/** The default allocator: ordinary, unshared memory. */
export const plainBuffer: Allocate = (bytes) => new ArrayBuffer(bytes);

/**
 * Writes shapes straight into typed columns sized up front from an upper bound of the shape
 * count: a million fibre points cost no intermediate arrays, and the columns can live in shared
 * memory from the start. Columns are views of the used part of their buffers.
 */
class ShapeBuilder {
  count = 0;
  detailCount = 0;
  private readonly kind: Uint8Array;
  private readonly lng: Float64Array;
  private readonly lat: Float64Array;
  private readonly radius: Float64Array;
  private readonly mask: Uint32Array;
  private readonly detailRow: Int32Array;
  private readonly detail: Float64Array;

  constructor(capacity: number, detailCapacity: number, allocate: Allocate) {
    const n = Math.max(1, capacity);
    this.kind = new Uint8Array(allocate(n));
    this.lng = new Float64Array(allocate(n * 8));
    this.lat = new Float64Array(allocate(n * 8));
    this.radius = new Float64Array(allocate(n * 8));
    this.mask = new Uint32Array(allocate(n * 4));
    this.detailRow = new Int32Array(allocate(n * 4));
    this.detail = new Float64Array(allocate(Math.max(1, detailCapacity) * 4 * 8));
  }

  disc(lng: number, lat: number, radius: Meters, mask: number): void {
    const i = this.count++;
    this.kind[i] = SHAPE_DISC;
    this.lng[i] = lng;
    this.lat[i] = lat;
    this.radius[i] = radius;
    this.mask[i] = mask;
    this.detailRow[i] = -1;
  }

  private withDetail(kind: number, lng: number, lat: number, radius: Meters, mask: number, a: number, b: number, c: number, d: number): void {
    const i = this.count;
    this.disc(lng, lat, radius, mask);
    this.kind[i] = kind;
    const row = this.detailCount++;
    this.detailRow[i] = row;
    this.detail[4 * row] = a;
    this.detail[4 * row + 1] = b;
    this.detail[4 * row + 2] = c;
    this.detail[4 * row + 3] = d;
  }

  sector(lng: number, lat: number, radius: Meters, startRad: number, endRad: number, mask: number): void {
    this.withDetail(SHAPE_SECTOR, lng, lat, radius, mask, Math.sin(startRad), Math.cos(startRad), Math.sin(endRad), Math.cos(endRad));
  }

  capsule(lng1: number, lat1: number, lng2: number, lat2: number, radius: Meters, mask: number): void {
    this.withDetail(SHAPE_CAPSULE, lng1, lat1, radius, mask, lng2, lat2, 0, 0);
  }

  build(): CoverageShapes {
    const n = this.count;
    return {
      count: n,
      kind: this.kind.subarray(0, n),
      lng: this.lng.subarray(0, n),
      lat: this.lat.subarray(0, n),
      radiusMeters: this.radius.subarray(0, n),
      mask: this.mask.subarray(0, n),
      detailRow: this.detailRow.subarray(0, n),
      detail: this.detail.subarray(0, 4 * this.detailCount),
    };
  }
}

function layerBit(layerKeys: LayerKey[], layer: LayerName, operator: string | null): number {
  const index = layerKeys.findIndex((key) => key.layer === layer && key.operator === operator);
  return index < 0 ? 0 : 1 << index;
}

/** Layer bits of one operator (and of the overall layers) per technology, looked up once per operator. */
function technologyMasks(layerKeys: LayerKey[], operator: string, config: CoverageConfig): Map<Technology, number> {
  const masks = new Map<Technology, number>();
  for (const technology of TECHNOLOGIES) {
    let mask = 0;
    for (const who of [null, operator]) {
      if (config.mobileBroadband.includes(technology)) mask |= layerBit(layerKeys, 'mobile', who);
      if (technology === '4G') mask |= layerBit(layerKeys, '4g', who);
      if (technology === '5G') mask |= layerBit(layerKeys, '5g', who);
    }
    masks.set(technology, mask);
  }
  return masks;
}

/** How many sector pieces a record's shapes are: 0 for a disc, else 1, or 2 halves for a sector wider than 180°. */
function sectorPieces(record: BtsRecord, config: CoverageConfig): number {
  const beamwidth = record.beamwidthDegrees ?? config.defaultBeamwidthDegrees;
  if (record.azimuthDegrees === undefined || !(beamwidth > 0) || beamwidth >= 360) return 0;
  // Wider than 180° is not convex: two convex halves.
  return beamwidth > 180 ? 2 : 1;
}

function pushSector(builder: ShapeBuilder, record: BtsRecord, radius: Meters, mask: number, config: CoverageConfig): void {
  const pieces = sectorPieces(record, config);
  const azimuth = record.azimuthDegrees;
  if (pieces === 0 || azimuth === undefined) {
    builder.disc(record.lng, record.lat, radius, mask);
    return;
  }
  const beamwidth = record.beamwidthDegrees ?? config.defaultBeamwidthDegrees;
  // Compass azimuth (clockwise from north) to a math angle (counter-clockwise from east).
  const centre = ((90 - azimuth) * Math.PI) / 180;
  const half = (beamwidth * Math.PI) / 360;
  if (pieces === 2) {
    builder.sector(record.lng, record.lat, radius, centre - half, centre, mask);
    builder.sector(record.lng, record.lat, radius, centre, centre + half, mask);
  } else {
    builder.sector(record.lng, record.lat, radius, centre - half, centre + half, mask);
  }
}

/**
 * Turns BTS records, fibre points and fibre routes into coverage shapes tagged with layer masks.
 * A record with `radiusMeters` uses it for all its technologies; otherwise each technology uses
 * `config.radiiMeters[T]`, and technologies with equal radii share one shape.
 * @param input the records, points and routes
 * @param config radii, mobile-broadband technologies, default beamwidth
 * @param layerKeys the layers (from `buildLayerKeys`)
 * @param allocate buffer allocator for the columns (shared memory for worker threads)
 * @returns the shapes and warnings (records that count for no layer)
 * @example buildCoverageShapes({ btsRecords, fibrePoints: [], fibreRoutes: [] }, DEFAULT_CONFIG, buildLayerKeys(['Viettel']))
 */
export function buildCoverageShapes(
  input: { btsRecords: BtsRecord[]; fibrePoints: FibrePoint[]; fibreRoutes: FibreRoute[] },
  config: CoverageConfig,
  layerKeys: LayerKey[],
  allocate: Allocate = plainBuffer,
): { shapes: CoverageShapes; warnings: Warning[] } {
  // At most one shape per technology of a record and sector piece (a sector wider than 180° is two
  // halves), one per fibre point, one per route segment (or point); detail rows for sectors and
  // capsules only. The bound is near the count: the columns are zeroed and kept whole.
  let recordShapes = 0;
  let recordDetails = 0;
  for (const record of input.btsRecords) {
    const pieces = sectorPieces(record, config);
    recordShapes += Math.max(1, pieces) * record.technologies.length;
    recordDetails += pieces * record.technologies.length;
  }
  let routeShapes = 0;
  for (const route of input.fibreRoutes) routeShapes += Math.max(1, route.coordinates.length - 1);
  const builder = new ShapeBuilder(recordShapes + input.fibrePoints.length + routeShapes, recordDetails + routeShapes, allocate);
  const warnings: Warning[] = [];
  const noLayer: BtsRecord[] = [];
  const masksByOperator = new Map<string, Map<Technology, number>>();
  const radii: number[] = [];
  const masks: number[] = [];
  for (const record of input.btsRecords) {
    let technologyMask = masksByOperator.get(record.operator);
    if (!technologyMask) masksByOperator.set(record.operator, (technologyMask = technologyMasks(layerKeys, record.operator, config)));
    // Technologies with the same radius share one shape.
    radii.length = 0;
    masks.length = 0;
    for (const technology of record.technologies) {
      const radius = record.radiusMeters ?? config.radiiMeters[technology];
      const mask = technologyMask.get(technology) ?? 0;
      if (mask === 0 || !(radius > 0)) continue;
      const k = radii.indexOf(radius);
      if (k < 0) {
        radii.push(radius);
        masks.push(mask);
      } else {
        masks[k] |= mask;
      }
    }
    if (radii.length === 0) noLayer.push(record);
    for (let k = 0; k < radii.length; k++) pushSector(builder, record, radii[k], masks[k], config);
  }
  if (noLayer.length > 0) {
    const listed = noLayer.slice(0, 5).map((record) => `${record.siteId} (${record.technologies.join(';') || '—'})`);
    warnings.push({ code: 'record-counts-for-no-layer', params: { count: noLayer.length, records: listOf(listed, { quoted: false, total: noLayer.length }) }, where: noLayer[0].source ?? noLayer[0].siteId });
  }
  const ftthMask = layerBit(layerKeys, 'ftth', null);
  for (const point of input.fibrePoints) {
    const radius = point.radiusMeters ?? config.radiiMeters.ftth;
    builder.disc(point.lng, point.lat, radius, ftthMask);
  }
  for (const route of input.fibreRoutes) {
    const radius = route.radiusMeters ?? config.radiiMeters.ftth;
    const coordinates = route.coordinates;
    if (coordinates.length === 1) {
      builder.disc(coordinates[0][0], coordinates[0][1], radius, ftthMask);
    }
    for (let i = 1; i < coordinates.length; i++) {
      const [lng1, lat1] = coordinates[i - 1];
      const [lng2, lat2] = coordinates[i];
      builder.capsule(lng1, lat1, lng2, lat2, radius, ftthMask);
    }
  }
  return { shapes: builder.build(), warnings };
}
