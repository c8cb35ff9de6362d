import { message } from '../messages';
import type { PositionReading } from '../io/read-position';

/** The centre of a Web-Mercator tile, `[lng, lat]` degrees. */
function tileCentre(x: number, y: number, zoom: number): [number, number] {
  const size = 2 ** zoom;
  const lng = ((x + 0.5) / size) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * (y + 0.5)) / size;
  const lat = (Math.atan(Math.sinh(n)) * 180) / Math.PI;
  return [lng, lat];
}

/**
 * The centre of a Bing quadkey tile (Ookla's open-data tiles are zoom-16 quadkeys).
 * @param quadkey digits 0–3, one per zoom level (1–30 digits)
 * @returns `[lng, lat]` of the tile's centre, or null when it is not a quadkey
 * @throws never
 * @example quadkeyCentre('1322') // the centre of tile (x 12, y 6) at zoom 4
 */
export function quadkeyCentre(quadkey: string): [number, number] | null {
  if (!/^[0-3]{1,30}$/.test(quadkey)) return null;
  let x = 0;
  let y = 0;
  for (const digit of quadkey) {
    const value = Number(digit);
    x = x * 2 + (value & 1);
    y = y * 2 + (value >> 1);
  }
  return tileCentre(x, y, quadkey.length);
}

/**
 * The centre of a WKT polygon (`POLYGON((lng lat, …))`), as Ookla writes a tile: the mean of its
 * distinct corners.
 * @param wkt the text
 * @returns `[lng, lat]`, or null when it is not a polygon of at least three points
 * @throws never
 * @example wktPolygonCentre('POLYGON((105 9, 106 9, 106 10, 105 10, 105 9))') // [105.5, 9.5]
 */
export function wktPolygonCentre(wkt: string): [number, number] | null {
  const match = /^\s*POLYGON\s*\(\(\s*([^()]*)\)/i.exec(wkt.slice(0, 4000));
  if (match === null) return null;
  const points = match[1].split(',').map((pair) => pair.trim().split(/\s+/).map(Number));
  if (points.some((point) => point.length < 2 || !Number.isFinite(point[0]) || !Number.isFinite(point[1]))) return null;
  const last = points[points.length - 1];
  const corners = points.length > 1 && points[0][0] === last[0] && points[0][1] === last[1] ? points.slice(0, -1) : points;
  if (corners.length < 3) return null;
  return [corners.reduce((sum, point) => sum + point[0], 0) / corners.length, corners.reduce((sum, point) => sum + point[1], 0) / corners.length];
}

/**
 * The position of an open-data tile row: the centre of the first cell that is a quadkey or a WKT
 * polygon.
 * @param cells the row's quadkey and tile cells, in that order
 * @returns the position, or why there is none
 * @throws never
 * @example readTilePosition(['132230313']).ok // true
 */
export function readTilePosition(cells: readonly string[]): PositionReading {
  for (const cell of cells) {
    const centre = quadkeyCentre(cell) ?? wktPolygonCentre(cell);
    if (centre !== null) return { ok: true, position: centre, isSwapped: false };
  }
  return { ok: false, reason: message('tile-no-position') };
}
