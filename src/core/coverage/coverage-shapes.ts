import type { BtsRecord, CoverageConfig, FibrePoint, FibreRoute, LayerName, Technology, Warning } from '../types';
import { metersToDegrees, type Meters } from '../units';

/** One coverage layer: a layer name, either for all operators (`operator: null`) or for one. */
export interface LayerKey {
  layer: LayerName;
  operator: string | null;
}

/** Shape kinds. Every kind is convex, so a horizontal line cuts it in at most one interval. */
export const SHAPE_DISC = 0;
export const SHAPE_SECTOR = 1;
export const SHAPE_CAPSULE = 2;

/**
 * Coverage shapes as columns of typed arrays (one index = one shape), so that the scanline loop
 * touches no objects. A sector wider than 180° is stored as two convex halves.
 */
export interface CoverageShapes {
  count: number;
  kind: Uint8Array;
  /** Centre (disc, sector apex) or first end (capsule), degrees. */
  lng: Float64Array;
  lat: Float64Array;
  /** Second end of a capsule, degrees. */
  lng2: Float64Array;
  lat2: Float64Array;
  radiusMeters: Float64Array;
  /** Sector edges as math angles (counter-clockwise from east): sin/cos of the start and end ray. */
  sin1: Float64Array;
  cos1: Float64Array;
  sin2: Float64Array;
  cos2: Float64Array;
  /** Bit i set = the shape counts for layer i of the layer keys. */
  mask: Uint32Array;
  /** Bounding boxes in degrees. */
  minLng: Float64Array;
  minLat: Float64Array;
  maxLng: Float64Array;
  maxLat: Float64Array;
}

/** Masks hold at most 31 layers: 4 overall layers + 3 mobile layers for each of 9 operators. */
export const MAX_OPERATOR_LAYERS = 9;

/**
 * The layers computed for a set of operators: `mobile`, `4g`, `5g`, `ftth` overall, then the three
 * mobile layers per operator (operators sorted, at most `MAX_OPERATOR_LAYERS`).
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
  const sorted = [...new Set(operators)].sort().slice(0, MAX_OPERATOR_LAYERS);
  for (const operator of sorted) {
    keys.push({ layer: 'mobile', operator }, { layer: '4g', operator }, { layer: '5g', operator });
  }
  return keys;
}

class ShapeBuilder {
  kind: number[] = [];
  lng: number[] = [];
  lat: number[] = [];
  lng2: number[] = [];
  lat2: number[] = [];
  radius: number[] = [];
  sin1: number[] = [];
  cos1: number[] = [];
  sin2: number[] = [];
  cos2: number[] = [];
  mask: number[] = [];

  push(kind: number, lng: number, lat: number, lng2: number, lat2: number, radius: Meters, startRad: number, endRad: number, mask: number): void {
    this.kind.push(kind);
    this.lng.push(lng);
    this.lat.push(lat);
    this.lng2.push(lng2);
    this.lat2.push(lat2);
    this.radius.push(radius);
    this.sin1.push(Math.sin(startRad));
    this.cos1.push(Math.cos(startRad));
    this.sin2.push(Math.sin(endRad));
    this.cos2.push(Math.cos(endRad));
    this.mask.push(mask);
  }

  build(): CoverageShapes {
    const count = this.kind.length;
    const minLng = new Float64Array(count);
    const minLat = new Float64Array(count);
    const maxLng = new Float64Array(count);
    const maxLat = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      // A sector's box is its disc's box: a little loose, never too small.
      const [dLng1, dLat] = metersToDegrees(this.radius[i], this.lat[i]);
      const [dLng2] = metersToDegrees(this.radius[i], this.lat2[i]);
      minLng[i] = Math.min(this.lng[i] - dLng1, this.lng2[i] - dLng2);
      maxLng[i] = Math.max(this.lng[i] + dLng1, this.lng2[i] + dLng2);
      minLat[i] = Math.min(this.lat[i], this.lat2[i]) - dLat;
      maxLat[i] = Math.max(this.lat[i], this.lat2[i]) + dLat;
    }
    return {
      count,
      kind: Uint8Array.from(this.kind),
      lng: Float64Array.from(this.lng),
      lat: Float64Array.from(this.lat),
      lng2: Float64Array.from(this.lng2),
      lat2: Float64Array.from(this.lat2),
      radiusMeters: Float64Array.from(this.radius),
      sin1: Float64Array.from(this.sin1),
      cos1: Float64Array.from(this.cos1),
      sin2: Float64Array.from(this.sin2),
      cos2: Float64Array.from(this.cos2),
      mask: Uint32Array.from(this.mask),
      minLng,
      minLat,
      maxLng,
      maxLat,
    };
  }
}

function layerBit(layerKeys: LayerKey[], layer: LayerName, operator: string | null): number {
  const index = layerKeys.findIndex((key) => key.layer === layer && key.operator === operator);
  return index < 0 ? 0 : 1 << index;
}

function technologyMask(layerKeys: LayerKey[], technology: Technology, operator: string, config: CoverageConfig): number {
  let mask = 0;
  const operators: (string | null)[] = [null, operator];
  for (const who of operators) {
    if (config.mobileBroadband.includes(technology)) mask |= layerBit(layerKeys, 'mobile', who);
    if (technology === '4G') mask |= layerBit(layerKeys, '4g', who);
    if (technology === '5G') mask |= layerBit(layerKeys, '5g', who);
  }
  return mask;
}

function pushSector(builder: ShapeBuilder, record: BtsRecord, radius: Meters, mask: number, config: CoverageConfig): void {
  const beamwidth = record.beamwidthDegrees ?? config.defaultBeamwidthDegrees;
  if (record.azimuthDegrees === undefined || !(beamwidth > 0) || beamwidth >= 360) {
    builder.push(SHAPE_DISC, record.lng, record.lat, record.lng, record.lat, radius, 0, 0, mask);
    return;
  }
  // Compass azimuth (clockwise from north) to a math angle (counter-clockwise from east).
  const centre = ((90 - record.azimuthDegrees) * Math.PI) / 180;
  const half = (beamwidth * Math.PI) / 360;
  // Wider than 180° is not convex: store two convex halves.
  const pieces = beamwidth > 180 ? [[centre - half, centre], [centre, centre + half]] : [[centre - half, centre + half]];
  for (const [start, end] of pieces) {
    builder.push(SHAPE_SECTOR, record.lng, record.lat, record.lng, record.lat, radius, start, end, mask);
  }
}

/**
 * Turns BTS records, fibre points and fibre routes into coverage shapes tagged with layer masks.
 * A record with `radiusMeters` uses it for all its technologies; otherwise each technology uses
 * `config.radiiMeters[T]`, and technologies with equal radii share one shape.
 * @param input the records, points and routes
 * @param config radii, mobile-broadband technologies, default beamwidth
 * @param layerKeys the layers (from `buildLayerKeys`)
 * @returns the shapes and warnings (records that count for no layer)
 * @example buildCoverageShapes({ btsRecords, fibrePoints: [], fibreRoutes: [] }, DEFAULT_CONFIG, buildLayerKeys(['Viettel']))
 */
export function buildCoverageShapes(
  input: { btsRecords: BtsRecord[]; fibrePoints: FibrePoint[]; fibreRoutes: FibreRoute[] },
  config: CoverageConfig,
  layerKeys: LayerKey[],
): { shapes: CoverageShapes; warnings: Warning[] } {
  const builder = new ShapeBuilder();
  const warnings: Warning[] = [];
  const noLayer: BtsRecord[] = [];
  for (const record of input.btsRecords) {
    const maskByRadius = new Map<number, number>();
    for (const technology of record.technologies) {
      const radius = record.radiusMeters ?? config.radiiMeters[technology];
      const mask = technologyMask(layerKeys, technology, record.operator, config);
      if (mask !== 0 && radius > 0) maskByRadius.set(radius, (maskByRadius.get(radius) ?? 0) | mask);
    }
    if (maskByRadius.size === 0) noLayer.push(record);
    for (const [radius, mask] of maskByRadius) pushSector(builder, record, radius, mask, config);
  }
  if (noLayer.length > 0) {
    const listed = noLayer.slice(0, 5).map((record) => `${record.siteId} (${record.technologies.join(';') || '—'})`);
    warnings.push({
      code: 'record-counts-for-no-layer',
      message: `${noLayer.length} BTS record(s) carry no mobile-broadband technology and count only as sites: ${listed.join(', ')}${noLayer.length > 5 ? ', …' : ''}`,
      where: noLayer[0].source ?? noLayer[0].siteId,
    });
  }
  const ftthMask = layerBit(layerKeys, 'ftth', null);
  for (const point of input.fibrePoints) {
    const radius = point.radiusMeters ?? config.radiiMeters.ftth;
    builder.push(SHAPE_DISC, point.lng, point.lat, point.lng, point.lat, radius, 0, 0, ftthMask);
  }
  for (const route of input.fibreRoutes) {
    const radius = route.radiusMeters ?? config.radiiMeters.ftth;
    const coordinates = route.coordinates;
    if (coordinates.length === 1) {
      builder.push(SHAPE_DISC, coordinates[0][0], coordinates[0][1], coordinates[0][0], coordinates[0][1], radius, 0, 0, ftthMask);
    }
    for (let i = 1; i < coordinates.length; i++) {
      const [lng1, lat1] = coordinates[i - 1];
      const [lng2, lat2] = coordinates[i];
      builder.push(SHAPE_CAPSULE, lng1, lat1, lng2, lat2, radius, 0, 0, ftthMask);
    }
  }
  return { shapes: builder.build(), warnings };
}
