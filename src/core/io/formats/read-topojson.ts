import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { listOf } from '../../messages';
import { CoverageInputError } from '../input-error';
import { isRecord } from '../read-feature-collection';
import type { FeatureCollectionObject } from './read-kml';

/**
 * Whether a parsed JSON value is a TopoJSON Topology (`type: "Topology"` with `objects`).
 * @param json a parsed JSON value
 * @returns `true` for a Topology
 * @throws never
 * @example isTopology({ type: 'Topology', objects: {}, arcs: [] }) // true
 */
export function isTopology(json: unknown): boolean {
  return isRecord(json) && json.type === 'Topology' && isRecord(json.objects);
}

/**
 * Turns a TopoJSON Topology into one GeoJSON FeatureCollection with `topojson-client`: every object
 * (or only `objectName`) is converted and their features are put together in the order of `objects`.
 * Quantized topologies are decoded. Each feature gets a `topojson_object` property naming its object.
 * @param json the parsed Topology
 * @param file label of the file, used in messages
 * @param objectName the object to read; default all
 * @returns the FeatureCollection
 * @throws {CoverageInputError} `topojson-not-topology`, `topojson-no-object` (listing the objects), or
 *   `topojson-undecodable` when topojson-client cannot decode it (broken arcs)
 * @example readTopoJson(topology, 'ap.topojson').features.length
 */
export function readTopoJson(json: unknown, file: string, objectName?: string): FeatureCollectionObject {
  if (!isTopology(json)) throw new CoverageInputError({ code: 'topojson-not-topology', file });
  const topology = json as unknown as Topology;
  const names = objectName === undefined ? Object.keys(topology.objects) : [objectName];
  const features: FeatureCollectionObject['features'] = [];
  for (const name of names) {
    const object = Object.hasOwn(topology.objects, name) ? topology.objects[name] : undefined;
    if (object === undefined) {
      throw new CoverageInputError({ code: 'topojson-no-object', file, params: { object: name, objects: listOf(Object.keys(topology.objects), { quoted: true }) } });
    }
    let converted;
    try {
      converted = feature(topology, object) as unknown as { type: string; features?: unknown[] } & Record<string, unknown>;
    } catch (error) {
      throw new CoverageInputError({ code: 'topojson-undecodable', file, params: { object: name }, cause: error });
    }
    const list = converted.type === 'FeatureCollection' ? (converted.features ?? []) : [converted];
    for (const item of list) {
      const entry = item as FeatureCollectionObject['features'][number];
      const properties = Object.assign(Object.create(null) as Record<string, unknown>, entry.properties ?? {});
      properties.topojson_object = name;
      features.push({ ...entry, properties });
    }
  }
  return { type: 'FeatureCollection', features };
}
