import type { Position } from '../types';

/** The shapes a reference layer draws: areas (neighbouring provinces, the sea) and lines (rivers, canals, roads). */
export type ReferenceGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] };

/** One feature of a reference layer: its shape in WGS84 and its attribute values, in the layer's `attributes` order. */
export interface ReferenceFeature {
  geometry: ReferenceGeometry;
  /** Text of each attribute (numbers written as text), null where the feature has none. */
  values: (string | null)[];
}

/**
 * A context layer drawn under the coverage and labelled: any polygon or line file the user imports.
 * Attribute names are data, so they are a list (never keys of an object), and each feature's values
 * follow that list.
 */
export interface ReferenceLayer {
  /** Stable within a project (`reference-1`, …). */
  id: string;
  /** The file it came from (shown in the panel and the legend). */
  fileName: string;
  attributes: string[];
  /** The attribute the labels come from (one of `attributes`), or null for no labels. */
  labelAttribute: string | null;
  features: ReferenceFeature[];
}

/** Most features one reference layer keeps, and most positions (a province's rivers and roads fit well within). */
export const MAX_REFERENCE_FEATURES = 50_000;
export const MAX_REFERENCE_POSITIONS = 2_000_000;

/** Attribute names that usually hold a place's name, most likely first (Vietnamese GIS files, OSM, GADM). */
const NAME_ATTRIBUTES = ['ten', 'tên', 'ten_tinh', 'ten_song', 'ten_duong', 'name', 'name_vi', 'name_1', 'name_2', 'ten_xa', 'ten_huyen', 'label', 'nam'];

/**
 * The attribute most likely to hold the features' names: a known name column (`ten`, `name`,
 * `NAME_1`…, case and diacritics ignored) that has a value on some feature, else any other `ten_…` /
 * `name_…` column with values, else the first text attribute with values, else null.
 * @param attributes the layer's attribute names
 * @param features the features (their values follow `attributes`)
 * @returns an attribute name, or null
 * @throws never
 * @example guessLabelAttribute(['id', 'TEN_SONG'], [{ geometry, values: ['1', 'Sông Hậu'] }]) // 'TEN_SONG'
 */
export function guessLabelAttribute(attributes: readonly string[], features: readonly Pick<ReferenceFeature, 'values'>[]): string | null {
  const hasValues = (index: number) => features.some((feature) => feature.values[index] !== null && feature.values[index] !== '');
  const plain = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
  for (const wanted of NAME_ATTRIBUTES) {
    const index = attributes.findIndex((name) => plain(name) === plain(wanted));
    if (index >= 0 && hasValues(index)) return attributes[index];
  }
  // Any other name column (`TEN_AP`, `ten_kenh`, `NAME_EN`) before a code that merely looks like text.
  const named = attributes.findIndex((name, index) => /^(ten|name)(_|$)/.test(plain(name)) && hasValues(index));
  if (named >= 0) return attributes[named];
  const textual = attributes.findIndex((_, index) => hasValues(index) && features.some((feature) => feature.values[index] !== null && !/^-?[\d.,]+$/.test(feature.values[index]!)));
  return textual >= 0 ? attributes[textual] : null;
}

/**
 * What a reference layer draws, for its legend: areas, lines or both. With `bounds` (minLng, minLat,
 * maxLng, maxLat: a printed frame) only shapes with a position inside count; without, every shape
 * (the screen, which the user pans).
 * @example referenceLayerKinds({ features: [{ geometry: { type: 'LineString', coordinates: [[105.9, 9.6], [106, 9.6]] }, values: [] }] }) // { hasArea: false, hasLine: true }
 */
export function referenceLayerKinds(layer: Pick<ReferenceLayer, 'features'>, bounds?: readonly [number, number, number, number]): { hasArea: boolean; hasLine: boolean } {
  let hasArea = false;
  let hasLine = false;
  for (const { geometry } of layer.features) {
    const isArea = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
    if ((isArea && hasArea) || (!isArea && hasLine)) continue;
    if (bounds) {
      const positions = geometry.type === 'LineString' ? geometry.coordinates : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat(2) : geometry.coordinates.flat();
      if (!positions.some(([lng, lat]) => lng >= bounds[0] && lng <= bounds[2] && lat >= bounds[1] && lat <= bounds[3])) continue;
    }
    if (isArea) hasArea = true;
    else hasLine = true;
    if (hasArea && hasLine) break;
  }
  return { hasArea, hasLine };
}

/** The name a legend gives a reference layer: its file's name without the extension. */
export function referenceLayerTitle(layer: Pick<ReferenceLayer, 'fileName'>): string {
  return layer.fileName.replace(/\.[^.]+$/, '');
}
