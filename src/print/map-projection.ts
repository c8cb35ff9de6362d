/**
 * Web Mercator from degrees to millimetres of a print map frame, the same projection and zoom as the
 * app's map (512-px tiles, 1 CSS px = 1/96 inch on paper), so the printed scale is the one `fitPrintView`
 * chose.
 */
import type { Hamlet, Position } from '../core';
import type { FrameMm } from './print-page';
import { CSS_PIXELS_PER_MM } from './print-scale';

const TILE_SIZE_PX = 512;

export interface MapProjection {
  /** Paper position (mm, y down) of a point. */
  project(lng: number, lat: number): [number, number];
  /** Millimetres of paper per CSS pixel of the screen style (constant: 25.4 / 96). */
  readonly pixelMm: number;
  readonly frame: FrameMm;
  readonly zoom: number;
}

function mercatorX(lng: number): number {
  return (lng + 180) / 360;
}

function mercatorY(lat: number): number {
  const phi = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
}

/** The projection that puts `center` in the middle of `frame` at `zoom`. */
export function createMapProjection(frame: FrameMm, view: { center: [number, number]; zoom: number }): MapProjection {
  const worldMm = (TILE_SIZE_PX * 2 ** view.zoom) / CSS_PIXELS_PER_MM;
  const cx = mercatorX(view.center[0]);
  const cy = mercatorY(view.center[1]);
  const x0 = frame.x + frame.width / 2;
  const y0 = frame.y + frame.height / 2;
  return {
    project: (lng, lat) => [x0 + (mercatorX(lng) - cx) * worldMm, y0 + (mercatorY(lat) - cy) * worldMm],
    pixelMm: 1 / CSS_PIXELS_PER_MM,
    frame,
    zoom: view.zoom,
  };
}

/** The polygons (outer ring first) of a hamlet, Polygon or MultiPolygon alike. */
export function polygonsOf(hamlet: Hamlet): Position[][][] {
  return hamlet.geometry.type === 'Polygon' ? [hamlet.geometry.coordinates] : hamlet.geometry.coordinates;
}

/**
 * A ring in paper millimetres as a flat array, vertices closer than `minStepMm` to the last kept one
 * dropped (invisible on paper; keeps atlas files small with survey-grade boundaries).
 */
export function projectRing(ring: Position[], projection: MapProjection, minStepMm = 0.05): Float32Array {
  const out = new Float32Array(ring.length * 2);
  let count = 0;
  let lastX = Infinity;
  let lastY = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const [x, y] = projection.project(ring[i][0], ring[i][1]);
    const isLast = i === ring.length - 1;
    if (!isLast && Math.abs(x - lastX) < minStepMm && Math.abs(y - lastY) < minStepMm) continue;
    out[count++] = x;
    out[count++] = y;
    lastX = x;
    lastY = y;
  }
  return out.slice(0, count);
}

/** Area-weighted centroid of a hamlet's largest polygon's outer ring, in degrees (a label point inside convex cells). */
export function hamletLabelPoint(hamlet: Hamlet): [number, number] | null {
  let best: { area: number; point: [number, number] } | null = null;
  for (const polygon of polygonsOf(hamlet)) {
    const ring = polygon[0];
    if (!ring || ring.length < 3) continue;
    let area = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      const cross = x1 * y2 - x2 * y1;
      area += cross;
      sx += (x1 + x2) * cross;
      sy += (y1 + y2) * cross;
    }
    if (Math.abs(area) < 1e-15) continue;
    const point: [number, number] = [sx / (3 * area), sy / (3 * area)];
    if (!best || Math.abs(area) > best.area) best = { area: Math.abs(area), point };
  }
  return best?.point ?? null;
}

/** Whether two boxes `[x0, y0, x1, y1]` overlap. */
export function boxesOverlap(a: readonly number[], b: readonly number[]): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** The box of a projected ring (interleaved x, y in mm): minX, minY, maxX, maxY. */
export function ringBox(ring: Float32Array): number[] {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < ring.length; i += 2) {
    box[0] = Math.min(box[0], ring[i]);
    box[1] = Math.min(box[1], ring[i + 1]);
    box[2] = Math.max(box[2], ring[i]);
    box[3] = Math.max(box[3], ring[i + 1]);
  }
  return box;
}
