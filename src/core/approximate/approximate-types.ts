import type { AreaGeometry, Position } from '../types';

/** One commune polygon of the commune layer the approximate hamlets are built in. */
export interface CommuneArea {
  /** GSO code, or null when the layer has none (then matched by name within district). */
  code: string | null;
  name: string;
  district: string;
  districtCode: string | null;
  geometry: AreaGeometry;
  /** Where the commune came from, for messages: `file#feature`. */
  where: string;
}

/** One hamlet of a hamlet list (a table or a point layer): no polygon, maybe a point. */
export interface HamletListEntry {
  id: string;
  name: string;
  /** The commune's code, or null when the list names the commune only. */
  communeCode: string | null;
  commune: string;
  district: string;
  districtCode: string | null;
  households?: number;
  population?: number;
  /** The hamlet's point (its cultural house or centre), `[lng, lat]`, or null. */
  point: Position | null;
  /** The source's own properties (null-prototype), kept for grouping. */
  properties: Record<string, unknown>;
  /** `file:row` or `file#feature`, for messages. */
  where: string;
}

/** How an approximate hamlet's area was made. */
export type ApproximationKind = 'voronoi' | 'commune';
