import { findColumn, normalizeColumnName, resolveColumns } from '../io/column-aliases';
import type { DataTable } from '../io/data-table';
import { ImportCollector } from '../io/import-collector';
import { normalizeOperator } from '../io/normalize-operator';
import { readCellText, readOptionalNumber } from '../io/read-cell';
import { listOf, message, quotedValue, type Message } from '../messages';
import { readFeatureCollection } from '../io/read-feature-collection';
import { readGeoJsonPosition, readPosition, type PositionReading } from '../io/read-position';
import type { SkippedItem, Warning } from '../types';
import { MEASUREMENT_COLUMN_ALIASES, MEASUREMENT_VALUE_ALIASES, type ScaledAlias } from './measurement-columns';
import { MeasurementSetBuilder, STATUS_FAILED, STATUS_OK, STATUS_UNKNOWN, type MeasurementFormat, type MeasurementSet, type MeasurementTechnology } from './measurement-set';
import { parseMeasurementTechnology } from './parse-measurement-technology';
import { parseMeasurementTime, VIETNAM_OFFSET_MINUTES } from './parse-measurement-time';
import { parseTestStatus } from './parse-test-status';
import { readTilePosition } from './read-tile-position';

/** What a measurement file gave: the tests, the export it was recognised as, and the account of every row. */
export interface MeasurementImport {
  set: MeasurementSet;
  format: MeasurementFormat;
  rowsRead: number;
  rowsUsed: number;
  skipped: SkippedItem[];
  warnings: Warning[];
}

/** Options of the measurement parsers. */
export interface MeasurementParseOptions {
  /** Called every 10,000 rows with (rows done, rows in all). */
  onProgress?: (done: number, total: number) => void;
}

type ValueField = keyof typeof MEASUREMENT_VALUE_ALIASES;
type TextField = Exclude<keyof typeof MEASUREMENT_COLUMN_ALIASES, 'lng' | 'lat'>;

/** The columns a file's header resolves to. */
interface MeasurementColumns {
  text: Partial<Record<TextField, string[]>>;
  values: Partial<Record<ValueField, { column: string; factor: number }>>;
  format: MeasurementFormat;
}

/** The columns of the plain table (`lat, lon, operator, technology, download_mbps` and its kin). */
const PLAIN_HEADERS = new Set(['lat', 'lon', 'lng', 'latitude', 'longitude', 'operator', 'technology', 'time', 'downloadmbps', 'uploadmbps', 'latencyms', 'rsrp', 'rsrpdbm', 'status']);

/** RSRP is between −156 and −31 dBm (3GPP TS 36.133 reporting range). */
const RSRP_RANGE: [number, number] = [-156, -31];
const PROGRESS_ROWS = 10000;

/** Every header matching a text field, in alias order (a second operator or technology column is a fallback). */
function matchAll(headers: readonly string[], aliases: readonly string[]): string[] {
  const found: string[] = [];
  for (const alias of aliases) {
    const column = findColumn(headers, [alias]);
    if (column !== undefined && !found.includes(column)) found.push(column);
  }
  return found;
}

function matchScaled(headers: readonly string[], aliases: readonly ScaledAlias[]): { column: string; factor: number } | undefined {
  for (const [alias, factor] of aliases) {
    const column = findColumn(headers, [alias]);
    if (column !== undefined) return { column, factor };
  }
  return undefined;
}

/**
 * Recognises the export from its header: G-NetTrack (`NetworkTech` with `Level` or `DL_bitrate`),
 * RTR/NetMetr open data (`cat_technology`, `open_test_uuid` or `download_kbit`), Ookla open-data
 * tiles (`quadkey` or `avg_d_kbps`), the plain table (`lat, lon, operator, technology,
 * download_mbps` and nothing else of note), or a speedtest-style table (any other with a download
 * column, e.g. i-Speed's or a speed-test app's export).
 * @param headers the header names as written
 * @returns the format
 * @throws never
 * @example detectMeasurementFormat(['Timestamp', 'Longitude', 'Latitude', 'NetworkTech', 'Level']) // 'gnettrack'
 */
export function detectMeasurementFormat(headers: readonly string[]): MeasurementFormat {
  const keys = new Set(headers.map(normalizeColumnName));
  if (keys.has('networktech') && (keys.has('level') || keys.has('dlbitrate'))) return 'gnettrack';
  if (keys.has('cattechnology') || keys.has('opentestuuid') || keys.has('downloadkbit')) return 'netmetr';
  if (keys.has('quadkey') || keys.has('avgdkbps')) return 'ookla-tiles';
  if ([...keys].every((key) => PLAIN_HEADERS.has(key))) return 'plain';
  return matchScaled(headers, MEASUREMENT_VALUE_ALIASES.downMbps) !== undefined ? 'speedtest' : 'plain';
}

function resolveMeasurementColumns(headers: readonly string[]): MeasurementColumns {
  const text: MeasurementColumns['text'] = {};
  for (const field of Object.keys(MEASUREMENT_COLUMN_ALIASES) as (keyof typeof MEASUREMENT_COLUMN_ALIASES)[]) {
    if (field === 'lng' || field === 'lat') continue;
    const found = matchAll(headers, MEASUREMENT_COLUMN_ALIASES[field]);
    if (found.length > 0) text[field] = found;
  }
  const values: MeasurementColumns['values'] = {};
  for (const field of Object.keys(MEASUREMENT_VALUE_ALIASES) as ValueField[]) {
    const found = matchScaled(headers, MEASUREMENT_VALUE_ALIASES[field]);
    if (found !== undefined) values[field] = found;
  }
  return { text, values, format: detectMeasurementFormat(headers) };
}

/** Reads rows of any source into a set, with the rules of {@link parseMeasurementTable}. */
class MeasurementReader {
  readonly builder = new MeasurementSetBuilder();
  readonly collector = new ImportCollector<never>('rows');
  private used = 0;
  // A file names a few operators, technologies and outcomes a hundred thousand times: read each spelling once.
  private readonly operators = new Map<string, ReturnType<typeof normalizeOperator>>();
  private readonly technologies = new Map<string, MeasurementTechnology | null>();
  private readonly statuses = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly fallbackTechnology: MeasurementTechnology,
    private readonly format: MeasurementFormat,
  ) {}

  read(where: string, row: number, position: PositionReading, columns: MeasurementColumns, cell: (column: string) => unknown): void {
    if (!position.ok) {
      this.collector.skip(where, position.reason);
      return;
    }
    if (position.isSwapped) this.collector.warn(message('swapped-coordinates'), where);
    const first = (field: TextField): string => {
      for (const column of columns.text[field] ?? []) {
        const text = readCellText(cell(column));
        if (text !== '') return text;
      }
      return '';
    };
    let technology: MeasurementTechnology | null = this.fallbackTechnology;
    if (columns.text.technology !== undefined) {
      technology = null;
      for (const column of columns.text.technology) {
        const text = readCellText(cell(column));
        technology = text === '' ? null : this.cached(this.technologies, text, parseMeasurementTechnology);
        if (technology !== null) break;
      }
      if (technology === null) {
        const text = first('technology');
        const at = columnsLabel(columns.text.technology);
        this.collector.skip(where, text === '' ? message('missing-technology', { at }) : message('measurement-technology-unknown', { value: quotedValue(text), at }));
        return;
      }
    }
    const value = (field: ValueField, minimum: number, maximum: number): number => {
      const found = columns.values[field];
      if (found === undefined) return Number.NaN;
      const reading = readOptionalNumber(cell(found.column), { ambiguousSeparator: 'decimal' });
      if (reading.kind === 'absent') return Number.NaN;
      const scaled = reading.kind === 'number' ? reading.value * found.factor : Number.NaN;
      if (!(scaled >= minimum && scaled <= maximum)) {
        const code = field === 'rsrpDbm' ? 'invalid-signal' : field === 'latencyMs' ? 'invalid-latency' : 'invalid-speed';
        this.collector.warn(message(code, { column: found.column, value: quotedValue(cell(found.column)), min: minimum, max: maximum }), where);
        return Number.NaN;
      }
      return scaled;
    };
    let downMbps = value('downMbps', 0, 100000);
    let upMbps = value('upMbps', 0, 100000);
    const latencyMs = value('latencyMs', 0, 600000);
    const isSignalJudged = technology === '4G' || technology === '5G';
    // G-NetTrack's Level is RSRP on LTE and NR only (RSCP on 3G, RxLev on 2G).
    const rsrpDbm = this.format === 'gnettrack' && !isSignalJudged ? Number.NaN : value('rsrpDbm', RSRP_RANGE[0], RSRP_RANGE[1]);
    let status = STATUS_UNKNOWN;
    const statusText = first('status');
    if (statusText !== '') status = this.cached(this.statuses, statusText, parseTestStatus);
    if (this.format === 'gnettrack') {
      // A drive-test log samples the throughput every second: 0 means no transfer was running, not a failed test.
      if (!(downMbps > 0)) downMbps = Number.NaN;
      if (!(upMbps > 0)) upMbps = Number.NaN;
    } else if (this.format === 'ookla-tiles') {
      status = STATUS_OK;
    } else if (status === STATUS_UNKNOWN && !Number.isNaN(downMbps)) {
      status = downMbps > 0 ? STATUS_OK : STATUS_FAILED;
    }
    if (Number.isNaN(downMbps) && Number.isNaN(upMbps) && Number.isNaN(latencyMs) && Number.isNaN(rsrpDbm) && status === STATUS_UNKNOWN) {
      this.collector.skip(where, message('no-measured-value'));
      return;
    }
    let timeMs = Number.NaN;
    const timeText = first('time');
    if (timeText !== '') {
      const parsed = parseMeasurementTime(timeText, this.format === 'netmetr' ? 0 : VIETNAM_OFFSET_MINUTES);
      if (parsed === null) this.collector.warn(message('invalid-time', { value: quotedValue(timeText) }), where);
      else timeMs = parsed;
    }
    let operator: string | null = null;
    const operatorText = first('operator');
    if (operatorText !== '') {
      const normalized = this.cached(this.operators, operatorText, normalizeOperator);
      operator = normalized.name;
      if (!normalized.known) this.collector.warn(message('measurement-unknown-operator', { value: quotedValue(normalized.name) }), where);
    }
    let weight = 1;
    const weightColumn = columns.text.weight?.[0];
    if (weightColumn !== undefined) {
      const reading = readOptionalNumber(cell(weightColumn), { ambiguousSeparator: 'thousands' });
      if (reading.kind === 'number' && reading.value >= 1 && reading.value < 1e9) weight = Math.round(reading.value);
      else if (reading.kind !== 'absent') this.collector.warn(message('invalid-test-count', { column: weightColumn, value: quotedValue(cell(weightColumn)) }), where);
    }
    this.builder.push({ lng: position.position[0], lat: position.position[1], timeMs, operator, technology, downMbps, upMbps, latencyMs, rsrpDbm, status, weight, file: this.file, row });
    this.used++;
  }

  private cached<T>(cache: Map<string, T>, text: string, read: (text: string) => T): T {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = read(text);
      if (cache.size < 10000) cache.set(text, value);
    }
    return value as T;
  }

  finish(format: MeasurementFormat, extraWarnings: Warning[]): MeasurementImport {
    const result = this.collector.finish();
    return { set: this.builder.build(), format, rowsRead: this.used + result.skipped.length, rowsUsed: this.used, skipped: result.skipped, warnings: [...extraWarnings, ...result.warnings] };
  }
}

function columnWarnings(columns: MeasurementColumns, file: string, fallback: MeasurementTechnology): Warning[] {
  const warnings: Warning[] = [];
  if (columns.text.technology === undefined && columns.format !== 'ookla-tiles') {
    const technology = message(fallback === 'fixed' ? 'measurement-technology-fixed' : 'measurement-technology-mobile');
    warnings.push({ code: 'measurement-no-technology-column', params: { names: listOf(MEASUREMENT_COLUMN_ALIASES.technology, { quoted: false, max: 8 }), technology }, where: file });
  }
  if (columns.text.operator === undefined && columns.format !== 'ookla-tiles') {
    warnings.push({ code: 'measurement-no-operator-column', params: { names: listOf(MEASUREMENT_COLUMN_ALIASES.operator, { quoted: false, max: 8 }) }, where: file });
  }
  if (columns.text.time === undefined && columns.format !== 'ookla-tiles') {
    warnings.push({ code: 'measurement-no-time-column', params: { names: listOf(MEASUREMENT_COLUMN_ALIASES.time, { quoted: false, max: 8 }) }, where: file });
  }
  return warnings;
}

/** Where one or more columns are, for a message: `cột "x"` or `các cột "x", "y"`. */
function columnsLabel(names: readonly string[]): Message {
  return names.length === 1 ? message('in-column', { column: names[0] }) : message('in-columns', { columns: listOf(names, { quoted: true }) });
}

/** Ookla publishes mobile and fixed tiles in separate files, named so. */
function fallbackTechnologyOf(file: string, format: MeasurementFormat): MeasurementTechnology {
  return format === 'ookla-tiles' && /fixed/i.test(file) ? 'fixed' : 'mobile';
}

/**
 * Reads measurement tests from a table of any source (CSV in any encoding, an Excel sheet), one row
 * per test (an Ookla tile stands for its `tests`). The export is recognised from its columns (see
 * {@link detectMeasurementFormat}); columns are matched as in the site import, with the unit in the
 * name (kbit/s columns are divided by 1,000). Operators are normalised as in the site import, MCC-MNC
 * codes included (452-04 → Viettel). Positions follow the site import's rules (decimal commas,
 * degrees-minutes-seconds, swapped columns, 0,0 refused); an Ookla tile without coordinate columns
 * is placed at the centre of its `quadkey` or `tile` polygon. A test succeeded when its download is
 * above 0 (or its status says so); G-NetTrack logs are signal samples (their throughput counts only
 * when a transfer ran).
 *
 * Skipped with the reason: no usable position, a technology that is not recognised, no measured
 * value at all. Kept with a warning: unknown operators, unreadable times (kept undated), values out
 * of range (ignored), swapped coordinates.
 * @param table headers, text records and their row numbers (see `parseCsvTable`, `readXlsxTable`)
 * @param file label of the table, used in `where` and messages
 * @param options progress callback
 * @returns the tests and the account of every row
 * @throws never (a table without coordinate columns and without tiles gives every row skipped)
 * @example parseMeasurementTable(parseCsvTable('lat,lon,operator,technology,download_mbps\n9.6,105.97,Viettel,4G,42.5\n', 'do.csv'), 'do.csv').set.downMbps[0] // 42.5
 */
export function parseMeasurementTable(table: DataTable, file: string, options: MeasurementParseOptions = {}): MeasurementImport {
  const columns = resolveMeasurementColumns(table.headers);
  const { lng: lngColumn, lat: latColumn } = resolveColumns(table.headers, { lng: MEASUREMENT_COLUMN_ALIASES.lng, lat: MEASUREMENT_COLUMN_ALIASES.lat });
  const fallback = fallbackTechnologyOf(file, columns.format);
  const reader = new MeasurementReader(file, fallback, columns.format);
  const tileColumns = [...(columns.text.quadkey ?? []), ...(columns.text.tile ?? [])];
  const noPositionColumns = message('measurement-no-position-columns', { lng: listOf(MEASUREMENT_COLUMN_ALIASES.lng, { quoted: false, max: 6 }), lat: listOf(MEASUREMENT_COLUMN_ALIASES.lat, { quoted: false, max: 6 }) });
  const total = table.rows.length;
  table.rows.forEach((record, index) => {
    const rowNumber = table.rowNumbers[index];
    const where = `${file}:${rowNumber}`;
    const cell = (column: string): unknown => (Object.prototype.hasOwnProperty.call(record, column) ? record[column] : undefined);
    let position: PositionReading;
    if (lngColumn !== undefined && latColumn !== undefined) position = readPosition(cell(lngColumn), cell(latColumn), { lng: message('in-column', { column: lngColumn }), lat: message('in-column', { column: latColumn }) });
    else if (tileColumns.length > 0) position = readTilePosition(tileColumns.map((column) => readCellText(cell(column))));
    else position = { ok: false, reason: noPositionColumns };
    reader.read(where, rowNumber, position, columns, cell);
    if ((index + 1) % PROGRESS_ROWS === 0) options.onProgress?.(index + 1, total);
  });
  options.onProgress?.(total, total);
  return reader.finish(columns.format, [...table.warnings, ...columnWarnings(columns, file, fallback)]);
}

/**
 * Reads measurement tests from a GeoJSON FeatureCollection: Point features (one test each) or
 * Polygon features (an open-data tile, placed at its centre), with properties named as the table's
 * columns. Rules as {@link parseMeasurementTable}.
 * @param json GeoJSON text or the parsed object
 * @param file label of the file, used in `where` and messages
 * @param options progress callback
 * @returns the tests and the account of every feature
 * @throws {CoverageInputError} `file-empty`, `json-invalid` or `geojson-not-collection`
 * @example parseMeasurementGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.97, 9.6] }, properties: { operator: 'Viettel', technology: '4G', download_mbps: 40 } }] }, 'do.geojson').set.count // 1
 */
export function parseMeasurementGeoJson(json: unknown, file: string, options: MeasurementParseOptions = {}): MeasurementImport {
  const { features } = readFeatureCollection(json, file);
  const cache = new Map<string, MeasurementColumns>();
  let reader: MeasurementReader | null = null;
  let format: MeasurementFormat = 'plain';
  let extraWarnings: Warning[] = [];
  const skippedEarly: { where: string; reason: Message }[] = [];
  features.forEach(({ where, feature, problem }, index) => {
    if (feature === null) {
      skippedEarly.push({ where, reason: problem ?? message('not-a-feature', { value: 'null' }) });
      return;
    }
    const keys = Object.keys(feature.properties);
    const signature = keys.join('\u0000');
    let columns = cache.get(signature);
    if (columns === undefined) {
      columns = resolveMeasurementColumns(keys);
      cache.set(signature, columns);
    }
    if (reader === null) {
      format = columns.format;
      const fallback = fallbackTechnologyOf(file, format);
      reader = new MeasurementReader(`${file}#`, fallback, format);
      extraWarnings = columnWarnings(columns, file, fallback);
    }
    const properties = feature.properties;
    const cell = (column: string): unknown => (Object.prototype.hasOwnProperty.call(properties, column) ? properties[column] : undefined);
    reader.read(where, index, readFeaturePosition(feature.geometry), columns, cell);
    if ((index + 1) % PROGRESS_ROWS === 0) options.onProgress?.(index + 1, features.length);
  });
  options.onProgress?.(features.length, features.length);
  const done = (reader ?? new MeasurementReader(`${file}#`, 'mobile', format)) as MeasurementReader;
  for (const { where, reason } of skippedEarly) done.collector.skip(where, reason);
  return done.finish(format, extraWarnings);
}

function readFeaturePosition(geometry: unknown): PositionReading {
  if (geometry === null || typeof geometry !== 'object') return { ok: false, reason: message('no-geometry') };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Point') return readGeoJsonPosition(coordinates, 0);
  if (type === 'Polygon' && Array.isArray(coordinates) && Array.isArray(coordinates[0])) {
    const ring = (coordinates[0] as unknown[]).filter((position): position is number[] => Array.isArray(position) && typeof position[0] === 'number' && typeof position[1] === 'number');
    if (ring.length >= 3) {
      // Tiles are small rectangles: the mean of the distinct corners is their centre.
      const corners = ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
      const lng = corners.reduce((sum, position) => sum + position[0], 0) / corners.length;
      const lat = corners.reduce((sum, position) => sum + position[1], 0) / corners.length;
      return readPosition(lng, lat, { lng: message('polygon-centre'), lat: message('polygon-centre') });
    }
  }
  return { ok: false, reason: message('geometry-not-measurement', { value: quotedValue(type ?? null) }) };
}
