import { decideLayerCrs, type CrsReport, type PlaceLayerOptions, type PlacedLayer } from '../crs/place-layer';
import { message } from '../messages';
import type { Position } from '../types';
import type { DataTable } from './data-table';
import { parseCoordinate } from './parse-coordinate';
import { plainRecord, readOwn } from './read-cell';

/**
 * Brings the coordinate columns of a point table (BTS or fibre) to WGS84 degrees when they hold projected
 * numbers (VN-2000 or UTM metres, decided by `decideLayerCrs` from all rows, or given as
 * `options.declared`). Converted cells are written as degrees with 8 decimals (about a millimetre);
 * rows whose cells are not numbers are left as they are, for the parser to report. Tables already in
 * degrees are returned unchanged, so the per-row check of swapped latitude / longitude still applies.
 * @param table the table
 * @param lngColumn the longitude / easting (`x`) column, if any
 * @param latColumn the latitude / northing (`y`) column, if any
 * @param options declared system, planning region and preferred TM-3 meridian
 * @returns the (new or same) table, the report and warnings
 * @throws never
 * @example placeTablePositions(table, 'x', 'y', {}).report.crsId // 'vn2000-tm:105.5' for VN-2000 metres
 */
export function placeTablePositions(table: DataTable, lngColumn: string | undefined, latColumn: string | undefined, options: PlaceLayerOptions): PlacedLayer<DataTable> {
  const none: CrsReport = { source: 'guess', crsId: 'EPSG:4326', crsLabel: 'WGS 84 (degrees)', isSwapped: false, confidence: 'none', description: [message('crs-guess-no-positions')], alternatives: [] };
  if (lngColumn === undefined || latColumn === undefined) return { value: table, report: none, warnings: [] };
  const numbers: (Position | null)[] = table.rows.map((row) => {
    const x = parseCoordinate(readOwn(row, lngColumn));
    const y = parseCoordinate(readOwn(row, latColumn));
    return x === null || y === null ? null : [x, y];
  });
  const positions = numbers.filter((position): position is Position => position !== null);
  const decision = decideLayerCrs(positions, options);
  const isDegrees = decision.report.crsId === 'EPSG:4326' || decision.report.crsId === 'EPSG:4756';
  if (isDegrees && decision.report.crsId === 'EPSG:4326') {
    // Degrees: leave swapped rows to the row parser, which swaps them one by one and says where.
    return { value: table, report: { ...decision.report, isSwapped: false }, warnings: decision.warnings.filter((warning) => warning.code !== 'swapped-layer') };
  }
  const rows = table.rows.map((row, index) => {
    const position = numbers[index];
    if (position === null) return row;
    const [lng, lat] = decision.toWgs84(position);
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return row;
    const placed = plainRecord(Object.entries(row));
    placed[lngColumn] = lng.toFixed(8);
    placed[latColumn] = lat.toFixed(8);
    return placed;
  });
  return { value: { ...table, rows }, report: decision.report, warnings: decision.warnings };
}
