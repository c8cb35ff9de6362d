/**
 * Reference (context) layers on paper, as the app draws them: areas (neighbouring provinces, the sea)
 * and lines (rivers, canals, roads) under the hamlet fills, in the app's colours and widths, each
 * labelled from the attribute the user picked (inside an area, on a line's middle vertex).
 */
import { referenceLayerKinds, referenceLayerTitle, type Position, type ReferenceLayer } from '../core';
import { REFERENCE_COLORS } from '../map/layers/palette';
import { referenceLabelOf, REFERENCE_WIDTHS_PX } from '../map/layers/reference-layers';
import type { LegendEntry } from './layout-page';
import type { LabelCandidate } from './map-labels';
import { projectRing, ringBox, type MapProjection } from './map-projection';
import type { FrameMm, PrintItem } from './print-page';
import type { Translate } from './print-content';
import type { Bounds } from './print-scale';

const CSS_PX_MM = 25.4 / 96;

const isOutside = (box: number[], frame: FrameMm) => box[2] < frame.x || box[0] > frame.x + frame.width || box[3] < frame.y || box[1] > frame.y + frame.height;

/** The shapes of every reference layer as path items (areas, their edges, lines) and their label candidates. */
export function buildReferenceItems(layers: readonly ReferenceLayer[], projection: MapProjection, frame: FrameMm, labelSizePt: number): { items: PrintItem[]; labels: LabelCandidate[] } {
  const areas: Float32Array[] = [];
  const lines: Float32Array[] = [];
  const labels: LabelCandidate[] = [];
  const halo = { color: '#FFFFFF', widthMm: Math.max(0.25, labelSizePt * 0.06) };
  for (const layer of layers) {
    for (const feature of layer.features) {
      const { geometry } = feature;
      const isArea = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
      const parts: Position[][] = geometry.type === 'Polygon' || geometry.type === 'MultiLineString' ? geometry.coordinates : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat() : [geometry.coordinates];
      let labelAt: [number, number] | null = null;
      let largest = -1;
      for (const part of parts) {
        const projected = projectRing(part, projection);
        if (projected.length < 4) continue;
        const box = ringBox(projected);
        if (isOutside(box, frame)) continue;
        (isArea ? areas : lines).push(projected);
        const size = (box[2] - box[0]) * (box[3] - box[1]) + (box[2] - box[0]) + (box[3] - box[1]);
        if (size <= largest) continue;
        largest = size;
        if (isArea) labelAt = [(Math.max(box[0], frame.x) + Math.min(box[2], frame.x + frame.width)) / 2, (Math.max(box[1], frame.y) + Math.min(box[3], frame.y + frame.height)) / 2];
        else {
          const middle = Math.floor(projected.length / 4) * 2;
          labelAt = [projected[middle], projected[middle + 1]];
        }
      }
      const text = referenceLabelOf(layer, feature.values);
      if (labelAt && text !== '') labels.push({ text, x: labelAt[0], y: labelAt[1], sizePt: labelSizePt, isBold: false, color: isArea ? REFERENCE_COLORS.label : REFERENCE_COLORS.lineLabel, halo });
    }
  }
  const items: PrintItem[] = [];
  if (areas.length > 0) {
    items.push({ type: 'path', rings: areas, closed: true, fill: REFERENCE_COLORS.areaFill, opacity: 0.9, stroke: null, strokeWidthMm: 0, dashMm: null });
    items.push({ type: 'path', rings: areas, closed: true, fill: null, opacity: 1, stroke: REFERENCE_COLORS.areaOutline, strokeWidthMm: REFERENCE_WIDTHS_PX.areaOutline * CSS_PX_MM, dashMm: null });
  }
  if (lines.length > 0) items.push({ type: 'path', rings: lines, closed: false, fill: null, opacity: 1, stroke: REFERENCE_COLORS.line, strokeWidthMm: REFERENCE_WIDTHS_PX.line * CSS_PX_MM, dashMm: null });
  return { items, labels };
}

/** Legend entries of the reference layers with a shape in the frame: one per layer and kind, named by its file. */
export function buildReferenceLegend(layers: readonly ReferenceLayer[], bounds: Bounds, t: Translate): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const layer of layers) {
    const { hasArea, hasLine } = referenceLayerKinds(layer, bounds);
    const name = referenceLayerTitle(layer);
    if (hasArea) entries.push({ symbol: { kind: 'fill', color: REFERENCE_COLORS.areaFill, outline: REFERENCE_COLORS.areaOutline }, label: t('legend.referenceArea', { file: name }) });
    if (hasLine) entries.push({ symbol: { kind: 'line', color: REFERENCE_COLORS.line, widthMm: REFERENCE_WIDTHS_PX.line * CSS_PX_MM, dashMm: null }, label: t('legend.referenceLine', { file: name }) });
  }
  return entries;
}
