/**
 * Field measurements (speed tests, drive-test samples, open-data tiles) as columns of typed arrays:
 * one index = one row of the input. A province's year of crowd-sourced tests is a million rows, so
 * nothing here is an object per test; the columns cross worker boundaries and go into IndexedDB as
 * they are.
 */

/** What a test was taken on: a mobile generation, mobile of unknown generation, Wi-Fi, or a fixed line. */
export type MeasurementTechnology = '2G' | '3G' | '4G' | '5G' | 'mobile' | 'wifi' | 'fixed';
/** Index in this list = the value stored in {@link MeasurementSet.technology}. */
export const MEASUREMENT_TECHNOLOGIES: readonly MeasurementTechnology[] = ['2G', '3G', '4G', '5G', 'mobile', 'wifi', 'fixed'];

/** The plan's two speed targets: mobile broadband (`mobile-speed-mbps`) and fixed broadband (`fixed-speed-mbps`). */
export type MeasurementService = 'mobile' | 'fixed';

/** The export a file was recognised as, from its columns. */
export type MeasurementFormat = 'gnettrack' | 'netmetr' | 'ookla-tiles' | 'speedtest' | 'plain';

/** A test that succeeded, failed, or whose outcome the file does not say (drive-test signal samples). */
export const STATUS_UNKNOWN = -1;
export const STATUS_FAILED = 0;
export const STATUS_OK = 1;

/** Measurement rows as columns. Absent numbers are NaN; absent indices are -1. */
export interface MeasurementSet {
  count: number;
  /** Position, WGS84 degrees. */
  lng: Float64Array;
  lat: Float64Array;
  /** Time of the test, milliseconds since 1970-01-01 UTC; NaN when the file gives none. */
  timeMs: Float64Array;
  /** Index into `operators`, or -1 when the row names none. */
  operator: Int16Array;
  /** Operator names after `normalizeOperator`, in order of first appearance. */
  operators: string[];
  /** Index into {@link MEASUREMENT_TECHNOLOGIES}. */
  technology: Int8Array;
  downMbps: Float64Array;
  upMbps: Float64Array;
  latencyMs: Float64Array;
  /** Reference signal received power (4G/5G), dBm. */
  rsrpDbm: Float64Array;
  /** {@link STATUS_OK}, {@link STATUS_FAILED} or {@link STATUS_UNKNOWN}. */
  status: Int8Array;
  /** How many tests the row stands for: 1, or an open-data tile's `tests`. */
  weight: Uint32Array;
  /**
   * Index into `files`, and the row's number there (as import messages give it). A file name ending
   * in `#` numbers GeoJSON features from 0 (`file#index`), any other numbers rows (`file:row`).
   */
  file: Uint16Array;
  files: string[];
  row: Uint32Array;
}

/** One row as the parsers hand it to {@link MeasurementSetBuilder}. */
export interface MeasurementRow {
  lng: number;
  lat: number;
  timeMs: number;
  operator: string | null;
  technology: MeasurementTechnology;
  downMbps: number;
  upMbps: number;
  latencyMs: number;
  rsrpDbm: number;
  status: number;
  weight: number;
  file: string;
  row: number;
}

const TECHNOLOGY_INDEX = new Map(MEASUREMENT_TECHNOLOGIES.map((technology, index) => [technology, index]));

/**
 * The service a technology's tests count for.
 * @param technology the technology
 * @returns `fixed` for Wi-Fi and fixed lines, `mobile` otherwise
 * @throws never
 * @example serviceOfTechnology('wifi') // 'fixed'
 */
export function serviceOfTechnology(technology: MeasurementTechnology): MeasurementService {
  return technology === 'wifi' || technology === 'fixed' ? 'fixed' : 'mobile';
}

/**
 * Collects rows into a {@link MeasurementSet}, growing its columns by doubling.
 * @example
 * const builder = new MeasurementSetBuilder();
 * builder.push({ lng: 105.97, lat: 9.6, timeMs: NaN, operator: 'Viettel', technology: '4G', downMbps: 42, upMbps: NaN, latencyMs: NaN, rsrpDbm: NaN, status: STATUS_OK, weight: 1, file: 'do-kiem.csv', row: 1 });
 * builder.build().count // 1
 */
export class MeasurementSetBuilder {
  private set: MeasurementSet = emptyMeasurementSet(0);
  private capacity = 0;
  private readonly operatorIndex = new Map<string, number>();
  private readonly fileIndex = new Map<string, number>();

  /** How many rows so far. */
  get count(): number {
    return this.set.count;
  }

  /** Appends one row. */
  push(row: MeasurementRow): void {
    if (this.set.count === this.capacity) this.grow();
    const set = this.set;
    const i = set.count++;
    set.lng[i] = row.lng;
    set.lat[i] = row.lat;
    set.timeMs[i] = row.timeMs;
    set.operator[i] = row.operator === null ? -1 : this.indexOf(this.operatorIndex, set.operators, row.operator);
    set.technology[i] = TECHNOLOGY_INDEX.get(row.technology) ?? TECHNOLOGY_INDEX.get('mobile')!;
    set.downMbps[i] = row.downMbps;
    set.upMbps[i] = row.upMbps;
    set.latencyMs[i] = row.latencyMs;
    set.rsrpDbm[i] = row.rsrpDbm;
    set.status[i] = row.status;
    set.weight[i] = Math.max(1, Math.round(row.weight));
    set.file[i] = this.indexOf(this.fileIndex, set.files, row.file);
    set.row[i] = row.row;
  }

  /** The rows so far, in columns trimmed to their length. */
  build(): MeasurementSet {
    return sliceMeasurementSet(this.set, 0, this.set.count);
  }

  private indexOf(index: Map<string, number>, names: string[], name: string): number {
    let found = index.get(name);
    if (found === undefined) {
      found = names.length;
      names.push(name);
      index.set(name, found);
    }
    return found;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    const next = emptyMeasurementSet(capacity);
    copyColumns(this.set, next, 0, this.set.count, 0);
    next.count = this.set.count;
    next.operators = this.set.operators;
    next.files = this.set.files;
    this.set = next;
    this.capacity = capacity;
  }
}

/**
 * A set with room for `capacity` rows and none used.
 * @param capacity rows to allocate
 * @returns the empty set
 * @throws never
 * @example emptyMeasurementSet(0).count // 0
 */
export function emptyMeasurementSet(capacity: number): MeasurementSet {
  return {
    count: 0,
    lng: new Float64Array(capacity),
    lat: new Float64Array(capacity),
    timeMs: new Float64Array(capacity),
    operator: new Int16Array(capacity),
    operators: [],
    technology: new Int8Array(capacity),
    downMbps: new Float64Array(capacity),
    upMbps: new Float64Array(capacity),
    latencyMs: new Float64Array(capacity),
    rsrpDbm: new Float64Array(capacity),
    status: new Int8Array(capacity),
    weight: new Uint32Array(capacity),
    file: new Uint16Array(capacity),
    files: [],
    row: new Uint32Array(capacity),
  };
}

const COLUMNS = ['lng', 'lat', 'timeMs', 'operator', 'technology', 'downMbps', 'upMbps', 'latencyMs', 'rsrpDbm', 'status', 'weight', 'file', 'row'] as const;

function copyColumns(from: MeasurementSet, to: MeasurementSet, start: number, end: number, at: number): void {
  for (const column of COLUMNS) (to[column] as Float64Array).set((from[column] as Float64Array).subarray(start, end), at);
}

function sliceMeasurementSet(set: MeasurementSet, start: number, end: number): MeasurementSet {
  const out = emptyMeasurementSet(end - start);
  copyColumns(set, out, start, end, 0);
  out.count = end - start;
  out.operators = [...set.operators];
  out.files = [...set.files];
  return out;
}

/**
 * Puts several sets (one per imported file) into one; operator and file names are merged, so the
 * same operator in two files is one operator.
 * @param sets the sets, in order
 * @returns one set with every row, in the order given
 * @throws never
 * @example concatMeasurementSets([a, b]).count === a.count + b.count
 */
export function concatMeasurementSets(sets: readonly MeasurementSet[]): MeasurementSet {
  const total = sets.reduce((sum, set) => sum + set.count, 0);
  const out = emptyMeasurementSet(total);
  const operatorIndex = new Map<string, number>();
  const fileIndex = new Map<string, number>();
  const indexOf = (index: Map<string, number>, names: string[], name: string): number => {
    let found = index.get(name);
    if (found === undefined) {
      found = names.length;
      names.push(name);
      index.set(name, found);
    }
    return found;
  };
  let at = 0;
  for (const set of sets) {
    copyColumns(set, out, 0, set.count, at);
    const operatorMap = set.operators.map((name) => indexOf(operatorIndex, out.operators, name));
    const fileMap = set.files.map((name) => indexOf(fileIndex, out.files, name));
    for (let i = 0; i < set.count; i++) {
      const operator = set.operator[i];
      out.operator[at + i] = operator < 0 ? -1 : operatorMap[operator];
      out.file[at + i] = fileMap[set.file[i]];
    }
    at += set.count;
  }
  out.count = total;
  return out;
}

/**
 * The technology of row `i`.
 * @param set the measurements
 * @param i the row
 * @returns its technology
 * @throws never
 * @example technologyAt(set, 0) // '4G'
 */
export function technologyAt(set: MeasurementSet, i: number): MeasurementTechnology {
  return MEASUREMENT_TECHNOLOGIES[set.technology[i]] ?? 'mobile';
}

/**
 * Where row `i` came from, as import messages name places: `file:row`.
 * @param set the measurements
 * @param i the row
 * @returns e.g. `do-kiem.csv:12`, or `do-kiem.geojson#11` for a feature
 * @throws never
 * @example placeOfMeasurement(set, 0) // 'do-kiem.csv:1'
 */
export function placeOfMeasurement(set: MeasurementSet, i: number): string {
  const file = set.files[set.file[i]] ?? '';
  return file.endsWith('#') ? `${file}${set.row[i]}` : `${file}:${set.row[i]}`;
}
