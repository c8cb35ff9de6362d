/**
 * The locator on a unit's page: the whole area in grey with the unit in black, in the corner of the
 * map frame that hides the fewest of the unit's own hamlets (never the north arrow's).
 */
import type { Hamlet } from '../core';
import { boxesOverlap, createMapProjection, polygonsOf, projectRing, type MapProjection } from './map-projection';
import type { FrameMm, PrintItem } from './print-page';
import { fitPrintView, type Bounds } from './print-scale';

const MARGIN_MM = 2;

function hamletBox(hamlet: Hamlet, projection: MapProjection): number[] {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(hamlet)) {
    for (const [lng, lat] of polygon[0] ?? []) {
      const [x, y] = projection.project(lng, lat);
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/**
 * @param frame the page's map frame
 * @param mapView the page map's view (to find which corner is free of the unit)
 * @returns the inset's items and its box (labels keep clear of it)
 */
export function buildLocatorInset(frame: FrameMm, mapView: { center: [number, number]; zoom: number }, hamlets: Hamlet[], unitIds: Set<string>, areaBounds: Bounds): { item: PrintItem; box: number[] } {
  const width = Math.min(45, frame.width * 0.24);
  const probe = fitPrintView(areaBounds, width, width, 0.06);
  const span = createMapProjection({ x: 0, y: 0, width, height: width }, probe);
  const [x0, y0] = span.project(areaBounds[0], areaBounds[3]);
  const [x1, y1] = span.project(areaBounds[2], areaBounds[1]);
  const height = Math.min(frame.height * 0.4, Math.max(15, (width * (y1 - y0)) / Math.max(x1 - x0, 1e-6) + 3));
  const pageProjection = createMapProjection(frame, mapView);
  const unitBoxes = hamlets.filter((hamlet) => unitIds.has(hamlet.id)).map((hamlet) => hamletBox(hamlet, pageProjection));
  const corners = [
    [frame.x + MARGIN_MM, frame.y + frame.height - MARGIN_MM - height],
    [frame.x + frame.width - MARGIN_MM - width, frame.y + frame.height - MARGIN_MM - height],
    [frame.x + MARGIN_MM, frame.y + MARGIN_MM],
  ];
  const scored = corners.map(([x, y]) => ({ x, y, hidden: unitBoxes.filter((box) => boxesOverlap(box, [x, y, x + width, y + height])).length }));
  const best = scored.reduce((a, b) => (b.hidden < a.hidden ? b : a));
  const inset: FrameMm = { x: best.x, y: best.y, width, height };
  const projection = createMapProjection(inset, fitPrintView(areaBounds, width, height, 0.06));
  const others: Float32Array[] = [];
  const unit: Float32Array[] = [];
  for (const hamlet of hamlets) {
    for (const polygon of polygonsOf(hamlet)) {
      const ring = projectRing(polygon[0] ?? [], projection, 0.15);
      if (ring.length >= 6) (unitIds.has(hamlet.id) ? unit : others).push(ring);
    }
  }
  const items: PrintItem[] = [
    { type: 'rect', x: inset.x, y: inset.y, width, height, fill: '#FFFFFF', stroke: null, strokeWidthMm: 0 },
    { type: 'path', rings: others, closed: true, fill: '#D9D9D9', opacity: 1, stroke: '#D9D9D9', strokeWidthMm: 0.1, dashMm: null },
    { type: 'path', rings: unit, closed: true, fill: '#C62828', opacity: 1, stroke: '#C62828', strokeWidthMm: 0.1, dashMm: null },
    { type: 'rect', x: inset.x, y: inset.y, width, height, fill: null, stroke: '#333333', strokeWidthMm: 0.3 },
  ];
  return { item: { type: 'group', clip: inset, items }, box: [inset.x - 1, inset.y - 1, inset.x + width + 1, inset.y + height + 1] };
}
