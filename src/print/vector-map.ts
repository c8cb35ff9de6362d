/**
 * The printed map as vector items: hamlet fills by coverage class, the veil outside the page's unit,
 * hamlet / commune / district / province outlines, the symbols of the layer (sites on mobile maps, fibre
 * access points on FTTH maps, never both), the numbered keys of uncovered hamlets and the labels on top
 * with halos. Colours, widths and the zooms at which each layer appears are the app's (`map/layers`).
 */
import { appendAll, coverageStatusOf, type ReferenceLayer, type Hamlet, type HamletResult, type LayerName, type Position, type Site } from '../core';
import { APPROXIMATE_STYLE, BACKGROUND_COLOR, COVERAGE_COLORS, FIBRE_COLOR, OUTLINE_COLORS, SITE_COLORS } from '../map/layers/palette';
import type { HexOverlay } from './evidence-print';
import { buildReferenceItems } from './reference-print';
import { placeLabels, type LabelCandidate, type UnitLabelPoint } from './map-labels';
import { createMapProjection, polygonsOf, projectRing, ringBox, type MapProjection } from './map-projection';
import type { FrameMm, MeasureText, PrintItem } from './print-page';

/** Boundary segments by level, as `buildOutlineCollection` makes them. */
export interface OutlineSegments {
  level: 'commune' | 'district' | 'province';
  segments: [Position, Position][];
}

export interface MapFrameInput {
  frame: FrameMm;
  view: { center: [number, number]; zoom: number };
  layer: LayerName;
  hamlets: Hamlet[];
  results: Map<string, HamletResult>;
  outlines: OutlineSegments[];
  sites: Site[];
  fibrePoints: { lng: number; lat: number }[];
  /** Fibre cable routes (FTTH maps only). */
  fibreRoutes: { coordinates: Position[] }[];
  /** Ids of the page unit's hamlets (the others are veiled), or null for no veil. */
  unitIds: Set<string> | null;
  /** The number each keyed (uncovered) hamlet carries on the map and in the list. */
  keys: Map<string, number>;
  districtLabels: UnitLabelPoint[];
  communeLabels: UnitLabelPoint[];
  /** A basemap picture under the data (its id), or null. */
  basemapImageId: string | null;
  fontScale: number;
  measure: MeasureText;
  /** Boxes labels must keep clear of (north arrow), in mm. */
  blocked: number[][];
  /** Numbers drawn on units (an atlas overview: the unit's number in the contents). */
  unitNumbers?: { lng: number; lat: number; number: number }[];
  /** H3 hexagons of the field evidence: over the hamlets (challenges) or in their place (the H3 view). */
  hexagons?: HexOverlay;
  /** Context layers (neighbouring provinces, rivers, roads, the sea), drawn under the hamlets and labelled. */
  referenceLayers?: ReferenceLayer[];
}

/** Zooms from which each layer is drawn (the app's `minzoom`s). */
export const PRINT_ZOOMS = { communeOutline: 9, hamletOutline: 9.5, communeLabel: 9, hamletLabel: 11 } as const;

const CSS_PX_MM = 25.4 / 96;
const HAMLET_FILL_OPACITY = 0.72;
const VEIL_OPACITY = 0.7;
/** A challenged hexagon narrower than this on paper (a province page) is ringed at this diameter. */
const SMALL_HEX_MM = 4;

/** Radius of a site symbol in mm at `zoom` (the app's circle-radius ramp: 2–3 px at z8 to 5–8 px at z13). */
export function siteRadiusMm(zoom: number, isShared: boolean): number {
  const share = Math.min(1, Math.max(0, (zoom - 8) / 5));
  return (isShared ? 3 + share * 5 : 2 + share * 3) * CSS_PX_MM;
}

/** Radius of a fibre access point in mm: the app's 2.5 px from zoom 12, smaller below so a province page stays readable. */
export function fibreRadiusMm(zoom: number): number {
  return (zoom >= 12 ? 2.5 : zoom >= 10 ? 1.8 : 1.1) * CSS_PX_MM;
}

function isOutside(box: number[], frame: FrameMm): boolean {
  return box[2] < frame.x || box[0] > frame.x + frame.width || box[3] < frame.y || box[1] > frame.y + frame.height;
}

/** Chains segments that follow one another into polylines (fewer moves in the file). */
function chainSegments(segments: [Position, Position][], projection: MapProjection, frame: FrameMm): Float32Array[] {
  const lines: Float32Array[] = [];
  let current: number[] = [];
  let last: Position | null = null;
  const flush = () => {
    if (current.length >= 4) {
      const line = new Float32Array(current);
      if (!isOutside(ringBox(line), frame)) lines.push(line);
    }
    current = [];
  };
  for (const [a, b] of segments) {
    if (!last || last[0] !== a[0] || last[1] !== a[1]) {
      flush();
      const [x, y] = projection.project(a[0], a[1]);
      current.push(x, y);
    }
    const [x, y] = projection.project(b[0], b[1]);
    current.push(x, y);
    last = b;
  }
  flush();
  return lines;
}

/** Keeps the first point in each grid cell of `cellMm` (sites thinned at small scales; shared first). */
function thin<T extends { lng: number; lat: number }>(points: T[], projection: MapProjection, frame: FrameMm, cellMm: number): { point: T; x: number; y: number }[] {
  const taken = new Set<string>();
  const kept: { point: T; x: number; y: number }[] = [];
  for (const point of points) {
    const [x, y] = projection.project(point.lng, point.lat);
    if (x < frame.x || x > frame.x + frame.width || y < frame.y || y > frame.y + frame.height) continue;
    const cell = `${Math.floor(x / cellMm)}:${Math.floor(y / cellMm)}`;
    if (cellMm > 0 && taken.has(cell)) continue;
    taken.add(cell);
    kept.push({ point, x, y });
  }
  return kept;
}

function haloFor(sizePt: number): { color: string; widthMm: number } {
  return { color: '#FFFFFF', widthMm: Math.max(0.25, sizePt * 0.06) };
}

/** The dashed edge of approximate hamlets as the map draws it (MapLibre's dashes are in line widths). */
export const APPROXIMATE_EDGE = { widthMm: APPROXIMATE_STYLE.widthPx * CSS_PX_MM, dashMm: APPROXIMATE_STYLE.dash.map((part) => part * APPROXIMATE_STYLE.widthPx * CSS_PX_MM) } as const;

function approximateEdge(rings: Float32Array[]): PrintItem {
  return { type: 'path', rings, closed: true, fill: null, opacity: 1, stroke: APPROXIMATE_STYLE.color, strokeWidthMm: APPROXIMATE_EDGE.widthMm, dashMm: [...APPROXIMATE_EDGE.dashMm] };
}

/**
 * The map frame's items, clipped to the frame: one `group` item.
 * @returns the group, and the keys actually drawn (every keyed hamlet inside the frame)
 */
export function buildMapFrameItems(input: MapFrameInput): PrintItem {
  const { frame, layer, zoom } = { ...input, zoom: input.view.zoom };
  const projection = createMapProjection(frame, input.view);
  const items: PrintItem[] = [{ type: 'rect', x: frame.x, y: frame.y, width: frame.width, height: frame.height, fill: BACKGROUND_COLOR, stroke: null, strokeWidthMm: 0 }];
  if (input.basemapImageId) items.push({ type: 'image', x: frame.x, y: frame.y, width: frame.width, height: frame.height, imageId: input.basemapImageId });
  // Context under the coverage, as on screen.
  const reference = buildReferenceItems(input.referenceLayers ?? [], projection, frame, 6.5 * input.fontScale);
  appendAll(items, reference.items);
  const byStatus = new Map<string, Float32Array[]>();
  const veiled: Float32Array[] = [];
  const hamletRings: Float32Array[] = [];
  const approximateRings: Float32Array[] = [];
  const labelPoints: { hamlet: Hamlet; x: number; y: number }[] = [];
  for (const hamlet of input.hamlets) {
    const result = input.results.get(hamlet.id);
    const status = result ? coverageStatusOf(result, layer) : 'noData';
    const rings: Float32Array[] = [];
    let box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygonsOf(hamlet)) {
      for (const ring of polygon) {
        const projected = projectRing(ring, projection);
        if (projected.length < 6) continue;
        const ringBounds = ringBox(projected);
        box = [Math.min(box[0], ringBounds[0]), Math.min(box[1], ringBounds[1]), Math.max(box[2], ringBounds[2]), Math.max(box[3], ringBounds[3])];
        rings.push(projected);
      }
    }
    if (rings.length === 0 || isOutside(box, frame)) continue;
    let list = byStatus.get(status);
    if (!list) byStatus.set(status, (list = []));
    for (const ring of rings) list.push(ring);
    for (const ring of rings) hamletRings.push(ring);
    if (hamlet.approximate === true) for (const ring of rings) approximateRings.push(ring);
    if (input.unitIds && !input.unitIds.has(hamlet.id)) for (const ring of rings) veiled.push(ring);
    else labelPoints.push({ hamlet, x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2 });
  }
  const hexItems = input.hexagons ? buildHexItems(input.hexagons, projection, frame) : [];
  if (input.hexagons?.placement === 'instead') appendAll(items, hexItems);
  else {
    for (const status of ['covered', 'partial', 'none', 'noData'] as const) {
      const rings = byStatus.get(status);
      if (rings) items.push({ type: 'path', rings, closed: true, fill: COVERAGE_COLORS[status], opacity: HAMLET_FILL_OPACITY, stroke: null, strokeWidthMm: 0, dashMm: null });
    }
  }
  if (input.hexagons?.placement !== 'instead' && zoom >= PRINT_ZOOMS.hamletOutline && hamletRings.length > 0) {
    items.push({ type: 'path', rings: hamletRings, closed: true, fill: null, opacity: 1, stroke: OUTLINE_COLORS.hamlet, strokeWidthMm: 0.6 * CSS_PX_MM, dashMm: null });
  }
  // Approximate hamlets (built from a point or a commune): the screen's dashed edge, at every scale.
  if (input.hexagons?.placement !== 'instead' && approximateRings.length > 0) items.push(approximateEdge(approximateRings));
  if (veiled.length > 0) items.push({ type: 'path', rings: veiled, closed: true, fill: '#FFFFFF', opacity: VEIL_OPACITY, stroke: null, strokeWidthMm: 0, dashMm: null });
  const outlineStyle = {
    commune: { color: OUTLINE_COLORS.commune, widthPx: 1, dashPx: [3, 2] as number[] | null, minZoom: PRINT_ZOOMS.communeOutline },
    district: { color: OUTLINE_COLORS.district, widthPx: 1.6, dashPx: null, minZoom: 0 },
    province: { color: OUTLINE_COLORS.province, widthPx: 2.5, dashPx: null, minZoom: 0 },
  };
  for (const level of ['commune', 'district', 'province'] as const) {
    const style = outlineStyle[level];
    if (zoom < style.minZoom) continue;
    const lines = input.outlines.filter((outline) => outline.level === level).flatMap((outline) => chainSegments(outline.segments, projection, frame));
    if (lines.length > 0) items.push({ type: 'path', rings: lines, closed: false, fill: null, opacity: 1, stroke: style.color, strokeWidthMm: style.widthPx * CSS_PX_MM, dashMm: style.dashPx ? style.dashPx.map((px) => px * style.widthPx * CSS_PX_MM) : null });
  }
  // The challenged hexagons lie over the boundaries (they are the page's subject), under the symbols.
  if (input.hexagons?.placement === 'over') appendAll(items, hexItems);
  // Each map draws only its own symbols: fibre on FTTH maps, sites on the mobile maps.
  if (layer === 'ftth') {
    const routes = input.fibreRoutes.flatMap((route) => chainSegments(route.coordinates.slice(1).map((point, i): [Position, Position] => [route.coordinates[i], point]), projection, frame));
    // The app's route width: 1 px at zoom 8 to 2.5 px at zoom 13.
    const routeWidthPx = 1 + Math.min(1, Math.max(0, (zoom - 8) / 5)) * 1.5;
    if (routes.length > 0) items.push({ type: 'path', rings: routes, closed: false, fill: null, opacity: 0.9, stroke: FIBRE_COLOR, strokeWidthMm: routeWidthPx * CSS_PX_MM, dashMm: null });
    const radius = fibreRadiusMm(zoom);
    for (const { x, y } of thin(input.fibrePoints, projection, frame, zoom < 11 ? radius * 2.5 : 0)) {
      // The app's white ring only from zoom 11: on a small dot it would hide the green.
      items.push({ type: 'circle', cx: x, cy: y, r: radius, fill: FIBRE_COLOR, stroke: zoom >= 11 ? '#FFFFFF' : null, strokeWidthMm: 0.5 * CSS_PX_MM });
    }
  } else {
    const ordered = [...input.sites.filter((site) => site.shared), ...input.sites.filter((site) => !site.shared)];
    // Below zoom 10 one symbol per cell of two shared-site diameters, so the coverage stays readable.
    const cell = zoom < 10 ? siteRadiusMm(zoom, true) * 3 : 0;
    for (const { point, x, y } of thin(ordered, projection, frame, cell)) {
      items.push({ type: 'circle', cx: x, cy: y, r: siteRadiusMm(zoom, point.shared), fill: point.shared ? SITE_COLORS.shared : SITE_COLORS.single, stroke: SITE_COLORS.halo, strokeWidthMm: CSS_PX_MM });
    }
  }
  appendAll(items, buildLabels(input, projection, labelPoints, reference.labels));
  return { type: 'group', clip: frame, items };
}

/** The hexagons as filled paths, one per colour, those wholly outside the frame left out. */
function buildHexItems(overlay: HexOverlay, projection: MapProjection, frame: FrameMm): PrintItem[] {
  const items: PrintItem[] = [];
  for (const group of overlay.groups) {
    const rings = group.rings.map((ring) => projectRing(ring, projection)).filter((ring) => ring.length >= 6 && !isOutside(ringBox(ring), frame));
    if (rings.length === 0) continue;
    items.push({ type: 'path', rings, closed: true, fill: group.fill, opacity: group.fillOpacity, stroke: null, strokeWidthMm: 0, dashMm: null });
    if (group.stroke) items.push({ type: 'path', rings, closed: true, fill: null, opacity: 1, stroke: group.stroke, strokeWidthMm: group.strokeWidthPx * CSS_PX_MM, dashMm: null });
    if (!group.markSmall) continue;
    for (const ring of rings) {
      const box = ringBox(ring);
      if (box[2] - box[0] >= SMALL_HEX_MM) continue;
      items.push({ type: 'circle', cx: (box[0] + box[2]) / 2, cy: (box[1] + box[3]) / 2, r: SMALL_HEX_MM / 2, fill: null, stroke: group.stroke ?? group.fill, strokeWidthMm: group.strokeWidthPx * CSS_PX_MM });
    }
  }
  return items;
}

function buildLabels(input: MapFrameInput, projection: MapProjection, hamletPoints: { hamlet: Hamlet; x: number; y: number }[], referenceLabels: LabelCandidate[]): PrintItem[] {
  const scale = input.fontScale;
  const zoom = input.view.zoom;
  const candidates: LabelCandidate[] = [];
  const unitLabel = (point: { lng: number; lat: number; name: string }, sizePt: number, isBold: boolean, color: string): LabelCandidate => {
    const [x, y] = projection.project(point.lng, point.lat);
    return { text: point.name, x, y, sizePt, isBold, color, halo: haloFor(sizePt) };
  };
  // Keys first: every numbered hamlet must carry its number, whatever else is crowded out.
  const keyed = hamletPoints.filter(({ hamlet }) => input.keys.has(hamlet.id)).sort((a, b) => input.keys.get(a.hamlet.id)! - input.keys.get(b.hamlet.id)!);
  for (const { hamlet, x, y } of keyed) {
    const sizePt = 6 * scale;
    candidates.push({ text: String(input.keys.get(hamlet.id)), x, y, sizePt, isBold: true, color: '#000000', halo: haloFor(sizePt), isRequired: true, isFixed: true });
  }
  for (const key of input.hexagons?.keys ?? []) {
    const [x, y] = projection.project(key.lng, key.lat);
    const sizePt = 6 * scale;
    candidates.push({ text: String(key.number), x, y, sizePt, isBold: true, color: '#000000', halo: haloFor(sizePt), isRequired: true, isFixed: true });
  }
  for (const unit of input.unitNumbers ?? []) {
    const [x, y] = projection.project(unit.lng, unit.lat);
    const sizePt = 8 * scale;
    candidates.push({ text: String(unit.number), x, y, sizePt, isBold: true, color: '#000000', halo: haloFor(sizePt), isRequired: true, isFixed: true });
  }
  const districtPt = (zoom >= 10 ? 10 : 8.5) * scale;
  for (const point of input.districtLabels) candidates.push({ ...unitLabel(point, districtPt, true, '#1A1A1A'), isRequired: true });
  if (zoom >= PRINT_ZOOMS.communeLabel) {
    const communePt = (zoom >= 10.5 ? 7.5 : 6) * scale;
    for (const point of input.communeLabels) candidates.push(unitLabel(point, communePt, false, '#222222'));
  }
  // Neighbours' and rivers' names after the units' (which win a collision), before the hamlets'.
  appendAll(candidates, referenceLabels);
  if (zoom >= PRINT_ZOOMS.hamletLabel) {
    const hamletPt = 5.5 * scale;
    for (const { hamlet, x, y } of hamletPoints) {
      // A keyed hamlet's name goes under its number.
      const dy = input.keys.has(hamlet.id) ? hamletPt * 0.45 : 0;
      candidates.push({ text: hamlet.name, x, y: y + dy, sizePt: hamletPt, isBold: false, color: '#333333', halo: haloFor(hamletPt) });
    }
  }
  return placeLabels(candidates, input.frame, input.measure, input.blocked);
}
