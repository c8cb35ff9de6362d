import { message, quotedValue, type Message } from '../messages';
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
  problem?: Message;
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
 * @throws {CoverageInputError} `file-empty` for blank text, `json-invalid-at` (line and column) or
 *   `json-invalid` when the text is not JSON, `json-too-large` when the engine cannot hold it,
 *   `json-too-deep` when it nests more than {@link MAX_JSON_DEPTH} levels
 * @example readJsonInput('{"a":1}', 'config.json') // { a: 1 }
 */
export function readJsonInput(json: unknown, file: string): unknown {
  // An already parsed value comes from our own readers (checked when they read the text).
  if (typeof json !== 'string') return json;
  const text = json.replace(/^\ufeff/, '');
  if (text.trim() === '') throw new CoverageInputError({ code: 'file-empty', file });
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) {
      // Not the syntax: the engine ran out of memory or stack on a file far too large or too deep.
      throw new CoverageInputError({ code: 'json-too-large', file, cause: error });
    }
    // Engines word their message differently (and in English): keep only the place, computed here.
    const position = /at position (\d+)/.exec(error.message);
    if (position === null) throw new CoverageInputError({ code: 'json-invalid', file, cause: error });
    throw new CoverageInputError({ code: 'json-invalid-at', file, params: textPosition(text, Number(position[1])), cause: error });
  }
  requireJsonDepth(value, file);
  return value;
}

/** Deepest nesting of arrays and objects a JSON input may have; GeoJSON needs fewer than 10 levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses JSON nested deeper than {@link MAX_JSON_DEPTH} levels (measured without recursion), so that no
 * later step that walks the value (reprojection, rounding, copying to a worker) can overflow the stack.
 * @param value a parsed JSON value
 * @param file label of the input, used in the message
 * @throws {CoverageInputError} `json-too-deep`
 */
function requireJsonDepth(value: unknown, file: string): void {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw new CoverageInputError({ code: 'json-too-deep', file, params: { limit: MAX_JSON_DEPTH } });
    if (Array.isArray(current)) {
      for (const item of current) if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: depth + 1 });
    } else {
      for (const key of Object.keys(current)) {
        const item = (current as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
}

function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Checks that the input is a GeoJSON FeatureCollection and lists its features. Entries of `features`
 * that are not Feature objects are returned with a `problem`, so the caller can skip them by index.
 * Missing or non-object `properties` become `{}`.
 * @param json GeoJSON text or an already parsed object
 * @param file label of the input, used in messages
 * @returns the features and the collection object
 * @throws {CoverageInputError} the errors of {@link readJsonInput}, or `geojson-wrong-type`,
 *   `geojson-no-features`, `geojson-not-collection` when the input is not an object with
 *   `type: "FeatureCollection"` and a `features` array
 * @example readFeatureCollection('{"type":"FeatureCollection","features":[]}', 'a.geojson').features // []
 */
export function readFeatureCollection(json: unknown, file: string): FeatureCollectionReading {
  const value = readJsonInput(json, file);
  if (!isRecord(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    if (isRecord(value) && value.type === 'FeatureCollection') throw new CoverageInputError({ code: 'geojson-no-features', file });
    if (isRecord(value) && typeof value.type === 'string') throw new CoverageInputError({ code: 'geojson-wrong-type', file, params: { value: quotedValue(value.type) } });
    throw new CoverageInputError({ code: 'geojson-not-collection', file });
  }
  const features = value.features.map((entry: unknown, index: number): RawFeature => {
    const where = `${file}#${index}`;
    if (!isRecord(entry) || entry.type !== 'Feature') {
      const got = isRecord(entry) ? quotedValue(entry.type ?? null) : entry === null ? 'null' : typeof entry;
      return { index, where, feature: null, problem: message('not-a-feature', { value: got }) };
    }
    const properties = isRecord(entry.properties) ? entry.properties : Object.create(null);
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
