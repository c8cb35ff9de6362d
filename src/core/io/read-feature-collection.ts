import { CoverageInputError } from './input-error';

/** One feature of a FeatureCollection as the parsers see it, before its geometry is checked. */
export interface RawFeature {
  /** 0-based index in `features`. */
  index: number;
  /** `file#index`, for messages. */
  where: string;
  /** The feature object, or `null` when the entry is not a GeoJSON Feature. */
  feature: { id?: unknown; geometry: unknown; properties: Record<string, unknown> } | null;
  /** Why `feature` is `null`. */
  problem?: string;
}

/** A FeatureCollection split into features, with its top-level members. */
export interface FeatureCollectionReading {
  features: RawFeature[];
  /** The collection object itself, for top-level members such as `demo` or `properties`. */
  collection: Record<string, unknown>;
}

/**
 * Parses JSON text when given text; returns any other value unchanged. A UTF-8 byte-order mark is ignored.
 * @param json JSON text or an already parsed value
 * @param file label of the input, used in messages
 * @returns the parsed value
 * @throws {CoverageInputError} `empty-file` for blank text, `invalid-json` when the text is not JSON
 * @example readJsonInput('{"a":1}', 'config.json') // { a: 1 }
 */
export function readJsonInput(json: unknown, file: string): unknown {
  if (typeof json !== 'string') return json;
  const text = json.replace(/^\ufeff/, '');
  if (text.trim() === '') throw new CoverageInputError({ code: 'empty-file', file, detail: 'the file is empty' });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Engines word this message differently; keep their reason but compute the place ourselves.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*(at position \d+|\(line \d+ column \d+\))/g, '');
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    const where = position === null ? undefined : describeTextPosition(text, Number(position[1]));
    throw new CoverageInputError({ code: 'invalid-json', file, ...(where === undefined ? {} : { where }), detail: `not valid JSON: ${reason}` });
  }
}

function describeTextPosition(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Checks that the input is a GeoJSON FeatureCollection and lists its features. Entries of `features`
 * that are not Feature objects are returned with a `problem`, so the caller can skip them by index.
 * Missing or non-object `properties` become `{}`.
 * @param json GeoJSON text or an already parsed object
 * @param file label of the input, used in messages
 * @returns the features and the collection object
 * @throws {CoverageInputError} `empty-file`, `invalid-json`, or `not-feature-collection` when the input
 *   is not an object with `type: "FeatureCollection"` and a `features` array
 * @example readFeatureCollection('{"type":"FeatureCollection","features":[]}', 'a.geojson').features // []
 */
export function readFeatureCollection(json: unknown, file: string): FeatureCollectionReading {
  const value = readJsonInput(json, file);
  if (!isRecord(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    const got = isRecord(value)
      ? typeof value.type === 'string'
        ? `type "${value.type}"${value.type === 'FeatureCollection' ? ' without a features array' : ''}`
        : 'an object without a "type"'
      : Array.isArray(value)
        ? 'an array'
        : `a ${value === null ? 'null' : typeof value}`;
    throw new CoverageInputError({
      code: 'not-feature-collection',
      file,
      detail: `expected a GeoJSON FeatureCollection, got ${got}`,
    });
  }
  const features = value.features.map((entry: unknown, index: number): RawFeature => {
    const where = `${file}#${index}`;
    if (!isRecord(entry) || entry.type !== 'Feature') {
      const got = isRecord(entry) ? `type ${JSON.stringify(entry.type ?? null)}` : entry === null ? 'null' : typeof entry;
      return { index, where, feature: null, problem: `not a GeoJSON Feature (got ${got})` };
    }
    const properties = isRecord(entry.properties) ? entry.properties : {};
    return { index, where, feature: { id: entry.id, geometry: entry.geometry ?? null, properties } };
  });
  return { features, collection: value };
}

/**
 * Whether a value is a plain object (not `null`, not an array).
 * @param value anything
 * @returns `true` for `{…}`
 * @throws never
 * @example isRecord([]) // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
