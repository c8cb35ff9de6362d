// Records read back from where the app kept them (a project file, the browser's storage) are as
// untrusted as any import: each is rebuilt field by field under the importers' own rules
// (record-rules, readAreaGeometry), and anything else is refused with the field at fault.
import { TECHNOLOGIES, type BtsRecord, type FibrePoint, type FibreRoute, type Hamlet, type IndicatorValue, type Position, type Technology } from '../types';
import type { MergerRow } from '../admin/merger-table';
import { readAreaGeometry } from './parse-hamlets';
import { technologyList } from '../technology-list';
import { findLngLatProblem, isAzimuthDegrees, isBeamwidthDegrees, isFrequencyMhz, isNonNegative, isRadiusMeters } from './record-rules';

/** The kinds of stored record, and what each one is. */
export interface StoredRecordKinds {
  hamlet: Hamlet;
  btsRecord: BtsRecord;
  fibrePoint: FibrePoint;
  fibreRoute: FibreRoute;
  indicator: IndicatorValue;
  mergerRow: MergerRow;
}
export type StoredRecordKind = keyof StoredRecordKinds;

/** The rule a stored value broke (the app words each one for the user). */
export type StoredRecordRule =
  | 'object'
  | 'text'
  | 'non-empty'
  | 'text-length'
  | 'number'
  | 'boolean'
  | 'radius'
  | 'azimuth'
  | 'beamwidth'
  | 'beamwidth-without-azimuth'
  | 'non-negative'
  | 'frequency'
  | 'longitude'
  | 'latitude'
  | 'placeholder'
  | 'position'
  | 'line'
  | 'technologies'
  | 'geometry'
  | 'json'
  | 'depth'
  | 'merger-old'
  | 'merger-new';

/**
 * A rebuilt record, or the field at fault (`lng`, `geometry`, `technologies[2]`; `''` = the record
 * itself), the rule it broke, and the value found when it is short and plain (a number, a short text).
 */
export type StoredRecordCheck<T> = { ok: true; record: T } | { ok: false; field: string; rule: StoredRecordRule; value?: string };

/** Deepest nesting accepted inside a hamlet's `properties` (GeoJSON properties are flat in practice). */
const MAX_PROPERTY_DEPTH = 8;
/** Longest text accepted in one field (ids, names, property values). */
const MAX_TEXT_LENGTH = 10_000;

class Refusal {
  constructor(readonly field: string, readonly rule: StoredRecordRule, readonly value: unknown) {}
}

const refuse = (field: string, rule: StoredRecordRule, value?: unknown): never => {
  throw new Refusal(field, rule, value);
};

/** The value as short plain text for a message, or undefined for lists, objects and long texts. */
function describe(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 40 ? undefined : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return undefined;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function text(record: Record<string, unknown>, field: string, options: { isRequired: boolean; allowsEmpty?: boolean }): string | undefined {
  const value = record[field];
  if (value === undefined && !options.isRequired) return undefined;
  if (typeof value !== 'string') return refuse(field, 'text', value);
  if (value.length > MAX_TEXT_LENGTH) return refuse(field, 'text-length');
  if (value.trim() === '' && options.isRequired && options.allowsEmpty !== true) return refuse(field, 'non-empty');
  return value;
}

function number(record: Record<string, unknown>, field: string, isValid: (value: number) => boolean, rule: StoredRecordRule, isRequired: boolean): number | undefined {
  const value = record[field];
  if (value === undefined && !isRequired) return undefined;
  if (typeof value !== 'number' || !isValid(value)) return refuse(field, rule, value);
  return value;
}

function lngLat(record: Record<string, unknown>): Position {
  for (const field of ['lng', 'lat']) if (typeof record[field] !== 'number') refuse(field, 'number', record[field]);
  const [lng, lat] = [record.lng as number, record.lat as number];
  const problem = findLngLatProblem(lng, lat);
  if (problem === 'longitude') refuse('lng', 'longitude', lng);
  if (problem === 'latitude') refuse('lat', 'latitude', lat);
  if (problem === 'placeholder') refuse('lng', 'placeholder');
  return [lng, lat];
}

function position(value: unknown, field: string): Position {
  if (!Array.isArray(value) || value.length < 2 || typeof value[0] !== 'number' || typeof value[1] !== 'number') return refuse(field, 'position', value);
  const problem = findLngLatProblem(value[0], value[1]);
  if (problem !== null) refuse(field, 'position');
  return [value[0], value[1]];
}

/** A JSON value copied with null-prototype objects, so no key of it (`__proto__`…) can reach a prototype. */
function copyJson(value: unknown, field: string, depth: number): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > MAX_TEXT_LENGTH ? refuse(field, 'text-length') : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : refuse(field, 'number', value);
  if (depth >= MAX_PROPERTY_DEPTH) return refuse(field, 'depth');
  if (Array.isArray(value)) return value.map((item, index) => copyJson(item, `${field}[${index}]`, depth + 1));
  if (!isPlainRecord(value)) return refuse(field, 'json');
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) copy[key] = copyJson(value[key], `${field}.${key}`, depth + 1);
  return copy;
}

function technologies(value: unknown): Technology[] {
  if (!Array.isArray(value) || value.length === 0) return refuse('technologies', 'technologies', value);
  const found = new Set<Technology>();
  value.forEach((item: unknown, index) => {
    const technology = TECHNOLOGIES.find((candidate) => candidate === item);
    if (technology === undefined) refuse(`technologies[${index}]`, 'technologies', item);
    else found.add(technology);
  });
  return technologyList(found);
}

/** Sets `record[field] = value` unless the value is absent (optional fields stay absent, not `undefined`). */
function withOptional<T extends object, K extends keyof T>(record: T, field: K, value: T[K] | undefined): void {
  if (value !== undefined) record[field] = value;
}

const BUILDERS: { [Kind in StoredRecordKind]: (record: Record<string, unknown>) => StoredRecordKinds[Kind] } = {
  hamlet(record) {
    const hamlet: Hamlet = {
      id: text(record, 'id', { isRequired: true })!,
      name: text(record, 'name', { isRequired: true, allowsEmpty: true })!,
      commune: text(record, 'commune', { isRequired: true, allowsEmpty: true })!,
      district: text(record, 'district', { isRequired: true, allowsEmpty: true })!,
      properties: isPlainRecord(record.properties) ? (copyJson(record.properties, 'properties', 0) as Record<string, unknown>) : refuse('properties', 'object'),
      geometry: { type: 'Polygon', coordinates: [] },
    };
    withOptional(hamlet, 'households', number(record, 'households', isNonNegative, 'non-negative', false));
    withOptional(hamlet, 'population', number(record, 'population', isNonNegative, 'non-negative', false));
    const geometry = readAreaGeometry(record.geometry);
    if (!geometry.ok) return refuse('geometry', 'geometry');
    // A stored hamlet was checked when it was imported, so its rings are already closed.
    if (geometry.closedRings > 0) return refuse('geometry', 'geometry');
    hamlet.geometry = geometry.geometry;
    // An approximate hamlet (built from its point or its commune) keeps its mark and its point, so a
    // reload reports it as approximate and gives the point rule again.
    if (record.approximate !== undefined) {
      if (record.approximate !== true && record.approximate !== false) return refuse('approximate', 'boolean', record.approximate);
      if (record.approximate) hamlet.approximate = true;
    }
    if (record.point !== undefined) hamlet.point = position(record.point, 'point');
    return hamlet;
  },
  btsRecord(record) {
    const [lng, lat] = lngLat(record);
    const bts: BtsRecord = { siteId: text(record, 'siteId', { isRequired: true })!, operator: text(record, 'operator', { isRequired: true })!, lng, lat, technologies: technologies(record.technologies) };
    withOptional(bts, 'radiusMeters', number(record, 'radiusMeters', isRadiusMeters, 'radius', false));
    const azimuth = number(record, 'azimuthDegrees', (value) => isAzimuthDegrees(value) && value >= 0 && value < 360, 'azimuth', false);
    withOptional(bts, 'azimuthDegrees', azimuth);
    const beamwidth = number(record, 'beamwidthDegrees', isBeamwidthDegrees, 'beamwidth', false);
    if (beamwidth !== undefined && azimuth === undefined) refuse('beamwidthDegrees', 'beamwidth-without-azimuth');
    withOptional(bts, 'beamwidthDegrees', beamwidth);
    withOptional(bts, 'heightMeters', number(record, 'heightMeters', isNonNegative, 'non-negative', false));
    withOptional(bts, 'frequencyMhz', number(record, 'frequencyMhz', isFrequencyMhz, 'frequency', false));
    withOptional(bts, 'source', text(record, 'source', { isRequired: false }));
    return bts;
  },
  fibrePoint(record) {
    const [lng, lat] = lngLat(record);
    const point: FibrePoint = { id: text(record, 'id', { isRequired: true })!, lng, lat };
    withOptional(point, 'operator', text(record, 'operator', { isRequired: false }));
    withOptional(point, 'kind', text(record, 'kind', { isRequired: false }));
    withOptional(point, 'radiusMeters', number(record, 'radiusMeters', isRadiusMeters, 'radius', false));
    withOptional(point, 'source', text(record, 'source', { isRequired: false }));
    return point;
  },
  fibreRoute(record) {
    const coordinates = record.coordinates;
    if (!Array.isArray(coordinates) || coordinates.length < 2) return refuse('coordinates', 'line');
    const route: FibreRoute = { id: text(record, 'id', { isRequired: true })!, coordinates: coordinates.map((item: unknown, index) => position(item, `coordinates[${index}]`)) };
    withOptional(route, 'operator', text(record, 'operator', { isRequired: false }));
    withOptional(route, 'radiusMeters', number(record, 'radiusMeters', isRadiusMeters, 'radius', false));
    withOptional(route, 'source', text(record, 'source', { isRequired: false }));
    return route;
  },
  indicator(record) {
    const indicator: IndicatorValue = { indicator: text(record, 'indicator', { isRequired: true })!, value: number(record, 'value', Number.isFinite, 'number', true)! };
    withOptional(indicator, 'date', text(record, 'date', { isRequired: false }));
    withOptional(indicator, 'source', text(record, 'source', { isRequired: false }));
    return indicator;
  },
  mergerRow(record) {
    const row: MergerRow = {
      oldCode: text(record, 'oldCode', { isRequired: true, allowsEmpty: true })!,
      oldName: text(record, 'oldName', { isRequired: true, allowsEmpty: true })!,
      newCode: text(record, 'newCode', { isRequired: true, allowsEmpty: true })!,
      newName: text(record, 'newName', { isRequired: true, allowsEmpty: true })!,
    };
    // The rules of parseMergerCsv: an old code or name, and a new code or name.
    if (row.oldCode.trim() === '' && row.oldName.trim() === '') refuse('oldCode', 'merger-old');
    if (row.newCode.trim() === '' && row.newName.trim() === '') refuse('newCode', 'merger-new');
    return row;
  },
};

/**
 * Checks one stored record and rebuilds it from its allowed fields only (unknown fields are dropped;
 * a hamlet's `properties` are copied into null-prototype objects). The rules are the importers':
 * positions in WGS84 and not 0, 0; radii > 0 and at most 100 km; azimuths in [0, 360); beamwidths
 * in (0, 360] with an azimuth; counts and heights ≥ 0; technologies among 2G–5G; hamlet rings closed,
 * of at least 4 positions. Never throws.
 * @param kind what the record is
 * @param value the record as read (JSON or structured clone)
 * @returns the rebuilt record, or the field at fault and why
 * @example checkStoredRecord('btsRecord', { siteId: 'A', operator: 'Viettel', lng: 105.9, lat: 9.6, technologies: ['4G'], radiusMeters: -5 })
 * // { ok: false, field: 'radiusMeters', rule: 'radius', value: '-5' }
 */
export function checkStoredRecord<Kind extends StoredRecordKind>(kind: Kind, value: unknown): StoredRecordCheck<StoredRecordKinds[Kind]> {
  if (!isPlainRecord(value)) return { ok: false, field: '', rule: 'object' };
  try {
    return { ok: true, record: BUILDERS[kind](value) as StoredRecordKinds[Kind] };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const shown = describe(error.value);
    return shown === undefined ? { ok: false, field: error.field, rule: error.rule } : { ok: false, field: error.field, rule: error.rule, value: shown };
  }
}
