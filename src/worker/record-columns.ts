// Site records and fibre points as columns: a million of them as objects take about 340 MB per copy
// (every number boxed, every technology list an array), as columns about 50 MB in a few typed arrays.
// Used where a layer leaves the page's heap: IndexedDB (one value of a dozen buffers instead of a
// million objects to clone and decode) and the analysis worker's message (buffers transferred, not
// cloned). Reading columns back rebuilds each record through core's stored-record check, as a stored
// array of objects is, so nothing read from storage skips the import's rules.
import { checkStoredRecord, type BtsRecord, type FibrePoint, type StoredRecordRule } from '../core';

/** Where broken columns are listed (the stored-state schema's problem list). */
export interface ColumnProblems {
  add(problem: { code: 'invalid' | 'unknown-key'; path: string; rule?: StoredRecordRule; detail?: string }): void;
  readonly isFull: boolean;
}

/** Marks a stored value as columns (a stored layer written before is an array of objects). */
export const RECORD_COLUMNS_FORMAT = 'record-columns';
const VERSION = 1;
/** Index meaning "absent" in category, list and source columns, and "no row number" in a source's rows. */
const NONE = 0xffffffff;

type FieldKind = 'text' | 'category' | 'list' | 'number' | 'source';

const FIELDS = {
  btsRecord: {
    siteId: 'text',
    operator: 'category',
    lng: 'number',
    lat: 'number',
    technologies: 'list',
    radiusMeters: 'number',
    azimuthDegrees: 'number',
    beamwidthDegrees: 'number',
    heightMeters: 'number',
    frequencyMhz: 'number',
    source: 'source',
  },
  fibrePoint: { id: 'text', operator: 'category', kind: 'category', lng: 'number', lat: 'number', radiusMeters: 'number', source: 'source' },
} as const satisfies Record<string, Record<string, FieldKind>>;

/** The record kinds kept as columns. */
export type ColumnRecordKind = keyof typeof FIELDS;
interface ColumnRecords {
  btsRecord: BtsRecord;
  fibrePoint: FibrePoint;
}

/** Every value of a text field, one string, with where each ends (a million small strings cost more apart). */
interface TextColumn {
  kind: 'text';
  text: string;
  ends: Uint32Array;
}
/** Few distinct values (operators, kinds, technology lists): the values once, an index per record. */
interface CategoryColumn {
  kind: 'category' | 'list';
  values: string[];
  index: Uint32Array;
}
/** Absent values are NaN (stored records have finite numbers only). */
interface NumberColumn {
  kind: 'number';
  values: Float64Array;
}
/** `file:row` sources: the file part once, the row as a number. */
interface SourceColumn {
  kind: 'source';
  prefixes: string[];
  prefix: Uint32Array;
  row: Uint32Array;
}
type Column = TextColumn | CategoryColumn | NumberColumn | SourceColumn;

/** A layer of records as columns; a field no record has is left out. */
export interface RecordColumns {
  format: typeof RECORD_COLUMNS_FORMAT;
  version: number;
  kind: ColumnRecordKind;
  count: number;
  columns: Partial<Record<string, Column>>;
}

// Technology lists are joined with a character no technology name holds.
const LIST_SEPARATOR = '\u0000';

function encodeColumn(kind: FieldKind, values: unknown[]): Column | null {
  const count = values.length;
  if (values.every((value) => value === undefined)) return null;
  switch (kind) {
    case 'text': {
      const ends = new Uint32Array(count);
      const parts: string[] = [];
      let length = 0;
      for (let i = 0; i < count; i++) {
        const value = String(values[i]);
        parts.push(value);
        length += value.length;
        ends[i] = length;
      }
      return { kind, text: parts.join(''), ends };
    }
    case 'category':
    case 'list': {
      const positions = new Map<string, number>();
      const index = new Uint32Array(count);
      for (let i = 0; i < count; i++) {
        const value = values[i];
        if (value === undefined) {
          index[i] = NONE;
          continue;
        }
        const key = kind === 'list' ? (value as string[]).join(LIST_SEPARATOR) : String(value);
        let position = positions.get(key);
        if (position === undefined) {
          position = positions.size;
          positions.set(key, position);
        }
        index[i] = position;
      }
      return { kind, values: [...positions.keys()], index };
    }
    case 'number': {
      const column = new Float64Array(count);
      for (let i = 0; i < count; i++) column[i] = values[i] === undefined ? Number.NaN : (values[i] as number);
      return { kind, values: column };
    }
    case 'source': {
      const positions = new Map<string, number>();
      const prefix = new Uint32Array(count);
      const row = new Uint32Array(count);
      for (let i = 0; i < count; i++) {
        const value = values[i];
        if (value === undefined) {
          prefix[i] = NONE;
          continue;
        }
        const text = String(value);
        const colon = text.lastIndexOf(':');
        const suffix = text.slice(colon + 1);
        // Only a row number that reads back the same (no leading zero, not too big) is split off.
        const number = colon >= 0 && /^[1-9]\d{0,8}$|^0$/.test(suffix) ? Number(suffix) : NONE;
        const head = number === NONE ? text : text.slice(0, colon);
        let position = positions.get(head);
        if (position === undefined) {
          position = positions.size;
          positions.set(head, position);
        }
        prefix[i] = position;
        row[i] = number;
      }
      return { kind, prefixes: [...positions.keys()], prefix, row };
    }
  }
}

/**
 * A layer's records as columns.
 * @param kind which records
 * @param records the records (not changed)
 * @returns the columns
 */
export function encodeRecordColumns<Kind extends ColumnRecordKind>(kind: Kind, records: readonly ColumnRecords[Kind][]): RecordColumns {
  const columns: Partial<Record<string, Column>> = {};
  for (const [field, fieldKind] of Object.entries(FIELDS[kind]) as [string, FieldKind][]) {
    const column = encodeColumn(
      fieldKind,
      records.map((record) => (record as unknown as Record<string, unknown>)[field]),
    );
    if (column) columns[field] = column;
  }
  return { format: RECORD_COLUMNS_FORMAT, version: VERSION, kind, count: records.length, columns };
}

/** The buffers of the columns, to transfer them to a worker rather than copy them. */
export function recordColumnBuffers(table: RecordColumns): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const column of Object.values(table.columns)) {
    if (!column) continue;
    if (column.kind === 'text') buffers.push(column.ends.buffer as ArrayBuffer);
    else if (column.kind === 'number') buffers.push(column.values.buffer as ArrayBuffer);
    else if (column.kind === 'source') buffers.push(column.prefix.buffer as ArrayBuffer, column.row.buffer as ArrayBuffer);
    else buffers.push(column.index.buffer as ArrayBuffer);
  }
  return buffers;
}

/** True when a stored value claims to be columns (it is then read by {@link decodeRecordColumns}). */
export function isRecordColumns(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === RECORD_COLUMNS_FORMAT;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The column's value reader, or the reason it is broken. */
function columnReader(kind: FieldKind, value: unknown, count: number): ((i: number) => unknown) | string {
  if (value === undefined) return () => undefined;
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== kind) return 'kind';
  const column = value as Record<string, unknown>;
  switch (kind) {
    case 'text': {
      const { text, ends } = column;
      if (typeof text !== 'string' || !(ends instanceof Uint32Array) || ends.length !== count) return 'shape';
      for (let i = 0; i < count; i++) if (ends[i] < (i === 0 ? 0 : ends[i - 1]) || ends[i] > text.length) return 'ends';
      return (i) => text.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
    }
    case 'category':
    case 'list': {
      const { values, index } = column;
      if (!isStringArray(values) || !(index instanceof Uint32Array) || index.length !== count) return 'shape';
      const decoded = kind === 'list' ? values.map((item) => item.split(LIST_SEPARATOR)) : values;
      for (let i = 0; i < count; i++) if (index[i] !== NONE && index[i] >= values.length) return 'index';
      // A list is shared by the records that have it (a million arrays otherwise); records never change one.
      return (i) => (index[i] === NONE ? undefined : decoded[index[i]]);
    }
    case 'number': {
      const { values } = column;
      if (!(values instanceof Float64Array) || values.length !== count) return 'shape';
      return (i) => (Number.isNaN(values[i]) ? undefined : values[i]);
    }
    case 'source': {
      const { prefixes, prefix, row } = column;
      if (!isStringArray(prefixes) || !(prefix instanceof Uint32Array) || !(row instanceof Uint32Array) || prefix.length !== count || row.length !== count) return 'shape';
      for (let i = 0; i < count; i++) if (prefix[i] !== NONE && prefix[i] >= prefixes.length) return 'index';
      return (i) => (prefix[i] === NONE ? undefined : row[i] === NONE ? prefixes[prefix[i]] : `${prefixes[prefix[i]]}:${row[i]}`);
    }
  }
}

/**
 * Records read back from columns this program wrote in this session (a message to a worker), without
 * the checks: they were checked when they came in. Anything read from storage goes through
 * {@link decodeRecordColumns}.
 */
export function readRecordColumns<Kind extends ColumnRecordKind>(table: RecordColumns & { kind: Kind }): ColumnRecords[Kind][] {
  const readers: [string, (i: number) => unknown][] = [];
  for (const [field, fieldKind] of Object.entries(FIELDS[table.kind]) as [string, FieldKind][]) {
    const reader = columnReader(fieldKind, table.columns[field], table.count);
    if (typeof reader === 'string') throw new Error(`record columns: ${field} ${reader}`);
    readers.push([field, reader]);
  }
  const records: ColumnRecords[Kind][] = [];
  for (let i = 0; i < table.count; i++) {
    const record: Record<string, unknown> = {};
    for (const [field, read] of readers) {
      const item = read(i);
      if (item !== undefined) record[field] = item;
    }
    records.push(record as unknown as ColumnRecords[Kind]);
  }
  return records;
}

/**
 * Records read back from columns (storage), each rebuilt and checked by core's
 * stored-record rules; broken columns or records are listed at `path` (`path.lng`, `path[3].lng`).
 * @returns the records, or undefined when anything is broken
 */
export function decodeRecordColumns<Kind extends ColumnRecordKind>(kind: Kind, value: unknown, path: string, problems: ColumnProblems): ColumnRecords[Kind][] | undefined {
  const table = value as Partial<RecordColumns> | null;
  const count = table?.count;
  if (!isRecordColumns(value) || table?.version !== VERSION || table.kind !== kind || typeof count !== 'number' || !Number.isInteger(count) || count < 0 || typeof table.columns !== 'object' || table.columns === null) {
    problems.add({ code: 'invalid', path });
    return undefined;
  }
  const columns = table.columns as Record<string, unknown>;
  const fields = Object.entries(FIELDS[kind]) as [string, FieldKind][];
  let isBroken = false;
  for (const key of Object.keys(columns)) {
    if (!fields.some(([field]) => field === key)) {
      isBroken = true;
      problems.add({ code: 'unknown-key', path: `${path}.${key}` });
    }
  }
  const readers: [string, (i: number) => unknown][] = [];
  for (const [field, fieldKind] of fields) {
    const reader = columnReader(fieldKind, Object.hasOwn(columns, field) ? columns[field] : undefined, count);
    if (typeof reader === 'string') {
      isBroken = true;
      problems.add({ code: 'invalid', path: `${path}.${field}`, detail: reader });
    } else readers.push([field, reader]);
  }
  if (isBroken) return undefined;
  const records: ColumnRecords[Kind][] = [];
  for (let i = 0; i < count && !problems.isFull; i++) {
    const raw: Record<string, unknown> = {};
    for (const [field, read] of readers) {
      const item = read(i);
      if (item !== undefined) raw[field] = item;
    }
    const checked = checkStoredRecord(kind, raw);
    if (checked.ok) records.push(checked.record as ColumnRecords[Kind]);
    else {
      isBroken = true;
      problems.add({ code: 'invalid', path: checked.field === '' ? `${path}[${i}]` : `${path}[${i}].${checked.field}`, rule: checked.rule, ...(checked.value === undefined ? {} : { detail: checked.value }) });
    }
  }
  return isBroken || problems.isFull ? undefined : records;
}
