import { del, get, set } from 'idb-keyval';
import { DEFAULT_MEASUREMENT_OPTIONS, MEASUREMENT_TECHNOLOGIES, type MeasurementOptions, type MeasurementSet } from '../core';
import { useMeasurementsStore, type MeasurementFile } from './measurements-store';

// The tests are kept as their typed columns (IndexedDB stores typed arrays as they are).
const KEY = 'measurements';

interface StoredMeasurements {
  set: MeasurementSet | null;
  files: MeasurementFile[];
  rules: MeasurementOptions;
}

const COLUMNS: { name: keyof MeasurementSet; type: new (length: number) => ArrayLike<number> }[] = [
  { name: 'lng', type: Float64Array },
  { name: 'lat', type: Float64Array },
  { name: 'timeMs', type: Float64Array },
  { name: 'operator', type: Int16Array },
  { name: 'technology', type: Int8Array },
  { name: 'downMbps', type: Float64Array },
  { name: 'upMbps', type: Float64Array },
  { name: 'latencyMs', type: Float64Array },
  { name: 'rsrpDbm', type: Float64Array },
  { name: 'status', type: Int8Array },
  { name: 'weight', type: Uint32Array },
  { name: 'file', type: Uint16Array },
  { name: 'row', type: Uint32Array },
];

/**
 * A stored set checked before it reaches the store: every column of the right typed-array kind and
 * length, names lists of strings, indices in range. Anything else is dropped (and the tests are
 * imported again).
 */
export function decodeStoredSet(value: unknown): MeasurementSet | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Record<string, unknown>;
  const count = candidate.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
  for (const { name, type } of COLUMNS) {
    const column = candidate[name];
    if (!(column instanceof type) || (column as ArrayLike<number>).length !== count) return null;
  }
  for (const names of [candidate.operators, candidate.files]) if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) return null;
  const set = candidate as unknown as MeasurementSet;
  for (let i = 0; i < count; i++) {
    if (set.operator[i] >= set.operators.length || set.file[i] >= set.files.length || set.technology[i] < 0 || set.technology[i] >= MEASUREMENT_TECHNOLOGIES.length) return null;
  }
  return {
    count,
    lng: set.lng, lat: set.lat, timeMs: set.timeMs, operator: set.operator, operators: [...set.operators], technology: set.technology,
    downMbps: set.downMbps, upMbps: set.upMbps, latencyMs: set.latencyMs, rsrpDbm: set.rsrpDbm, status: set.status, weight: set.weight,
    file: set.file, files: [...set.files], row: set.row,
  };
}

function decodeRules(value: unknown): MeasurementOptions {
  const rules = { ...DEFAULT_MEASUREMENT_OPTIONS };
  if (typeof value !== 'object' || value === null) return rules;
  for (const key of Object.keys(rules) as (keyof MeasurementOptions)[]) {
    const given = (value as Record<string, unknown>)[key];
    if (typeof given === 'number' && Number.isFinite(given)) rules[key] = given;
  }
  return rules;
}

/** Restores the stored tests and rules, if any. */
export async function restoreMeasurements(): Promise<void> {
  const stored = (await get(KEY)) as Partial<StoredMeasurements> | undefined;
  if (stored === undefined) return;
  const set = decodeStoredSet(stored.set);
  const files = Array.isArray(stored.files) ? stored.files.filter((file): file is MeasurementFile => typeof file?.fileName === 'string' && typeof file.format === 'string' && typeof file.rowsUsed === 'number') : [];
  useMeasurementsStore.getState().actions.load(set, set === null ? [] : files, decodeRules(stored.rules));
}

/** Saves the tests and rules whenever they change; returns the unsubscriber. */
export function startMeasurementPersistence(): () => void {
  return useMeasurementsStore.subscribe((state, previous) => {
    if (state.set === previous.set && state.rules === previous.rules && state.files === previous.files) return;
    if (state.set === null && state.files.length === 0) void del(KEY);
    else void set(KEY, { set: state.set, files: state.files, rules: state.rules } satisfies StoredMeasurements);
  });
}
