import { MAX_REFERENCE_FEATURES, readReferenceGeometry, type ReferenceFeature, type ReferenceLayer } from '../core';
import type { ProblemList } from './stored-state-schema';

/** Most reference layers a project keeps. */
export const MAX_REFERENCE_LAYERS = 50;

const LAYER_KEYS = ['id', 'fileName', 'attributes', 'labelAttribute', 'features'];
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

function decodeFeature(value: unknown, attributeCount: number, path: string, problems: ProblemList): ReferenceFeature | undefined {
  if (!isPlainObject(value) || Object.keys(value).some((key) => key !== 'geometry' && key !== 'values')) {
    problems.add({ code: 'invalid', path });
    return undefined;
  }
  const geometry = readReferenceGeometry(value.geometry);
  if (geometry === null) {
    problems.add({ code: 'invalid', path: `${path}.geometry` });
    return undefined;
  }
  const values = value.values;
  if (!Array.isArray(values) || values.length !== attributeCount || !values.every((item) => item === null || isText(item, 200))) {
    problems.add({ code: 'invalid', path: `${path}.values` });
    return undefined;
  }
  return { geometry, values: values as (string | null)[] };
}

/**
 * Stored or saved reference layers (IndexedDB, the project file): every key allowed, ids unique and of
 * the app's form, attribute names text, the label one of them, each feature's shape re-read by core's
 * geometry check and its values as many as the attributes. Nothing of a broken layer is kept.
 * @returns the layers, or undefined when any is broken (the problems say where)
 */
export function decodeReferenceLayers(value: unknown, path: string, problems: ProblemList): ReferenceLayer[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_REFERENCE_LAYERS) {
    problems.add({ code: 'invalid', path });
    return undefined;
  }
  const before = problems.items.length;
  const layers: ReferenceLayer[] = [];
  const ids = new Set<string>();
  value.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isPlainObject(item)) return problems.add({ code: 'invalid', path: at });
    for (const key of Object.keys(item)) if (!LAYER_KEYS.includes(key)) problems.add({ code: 'unknown-key', path: `${at}.${key}` });
    const { id, fileName, attributes, labelAttribute, features } = item;
    if (!isText(id, 40) || !/^reference-\d+$/.test(id) || ids.has(id)) return problems.add({ code: 'invalid', path: `${at}.id` });
    ids.add(id);
    if (!isText(fileName, 1000)) return problems.add({ code: 'invalid', path: `${at}.fileName` });
    if (!Array.isArray(attributes) || attributes.length > 200 || !attributes.every((name) => isText(name, 100))) return problems.add({ code: 'invalid', path: `${at}.attributes` });
    if (labelAttribute !== null && !(isText(labelAttribute, 100) && attributes.includes(labelAttribute))) return problems.add({ code: 'invalid', path: `${at}.labelAttribute` });
    if (!Array.isArray(features) || features.length === 0 || features.length > MAX_REFERENCE_FEATURES) return problems.add({ code: 'invalid', path: `${at}.features` });
    const decoded: ReferenceFeature[] = [];
    for (let f = 0; f < features.length && !problems.isFull; f++) {
      const feature = decodeFeature(features[f], attributes.length, `${at}.features[${f}]`, problems);
      if (feature === undefined) return;
      decoded.push(feature);
    }
    layers.push({ id, fileName, attributes: [...(attributes as string[])], labelAttribute: labelAttribute as string | null, features: decoded });
  });
  return problems.items.length > before ? undefined : layers;
}
