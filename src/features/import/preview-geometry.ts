import { appendAll, type BtsRecord, type FibrePoint, type FibreRoute, type Hamlet, type Position } from '../../core';

/** What the preview draws: the new layer (paths and points) over the current hamlets, in SVG pixels. */
export interface PreviewDrawing {
  width: number;
  height: number;
  referencePath: string;
  layerPath: string;
  points: Position[];
}

type Bbox = [number, number, number, number];
const MAX_ITEMS = 3000;

function extend(bbox: Bbox, [lng, lat]: Position): void {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return;
  bbox[0] = Math.min(bbox[0], lng);
  bbox[1] = Math.min(bbox[1], lat);
  bbox[2] = Math.max(bbox[2], lng);
  bbox[3] = Math.max(bbox[3], lat);
}

function outerRings(hamlet: Hamlet): Position[][] {
  return hamlet.geometry.type === 'Polygon' ? [hamlet.geometry.coordinates[0]] : hamlet.geometry.coordinates.map((polygon) => polygon[0]);
}

/**
 * Projects the imported items and the current hamlets (the reference: where the province is) into a
 * `width` × `height` box (equirectangular, north up, aspect kept), so the user sees at a glance whether
 * the guessed coordinate system puts the layer where it belongs. At most 3,000 items per layer are drawn.
 */
export function buildPreviewDrawing(
  layer: { hamlets?: Hamlet[]; btsRecords?: BtsRecord[]; fibrePoints?: FibrePoint[]; fibreRoutes?: FibreRoute[] },
  reference: Hamlet[],
  width: number,
  height: number,
): PreviewDrawing {
  const lines: Position[][] = [];
  const points: Position[] = [];
  for (const hamlet of (layer.hamlets ?? []).slice(0, MAX_ITEMS)) appendAll(lines, outerRings(hamlet));
  for (const route of (layer.fibreRoutes ?? []).slice(0, MAX_ITEMS)) lines.push(route.coordinates);
  for (const record of (layer.btsRecords ?? []).slice(0, MAX_ITEMS)) points.push([record.lng, record.lat]);
  for (const point of (layer.fibrePoints ?? []).slice(0, MAX_ITEMS)) points.push([point.lng, point.lat]);
  const referenceRings = reference.slice(0, MAX_ITEMS).flatMap(outerRings);

  const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of [...lines, ...referenceRings]) ring.forEach((position) => extend(bbox, position));
  points.forEach((position) => extend(bbox, position));
  if (!Number.isFinite(bbox[0])) return { width, height, referencePath: '', layerPath: '', points: [] };

  const margin = 6;
  const cosLat = Math.cos((((bbox[1] + bbox[3]) / 2) * Math.PI) / 180) || 1;
  const spanX = Math.max((bbox[2] - bbox[0]) * cosLat, 1e-9);
  const spanY = Math.max(bbox[3] - bbox[1], 1e-9);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const toPixel = ([lng, lat]: Position): Position => [offsetX + (lng - bbox[0]) * cosLat * scale, offsetY + (bbox[3] - lat) * scale];
  const pathOf = (rings: Position[][]): string =>
    rings
      .filter((ring) => ring.length > 1)
      .map((ring) => ring.map((position, index) => `${index === 0 ? 'M' : 'L'}${toPixel(position).map((value) => value.toFixed(1)).join(' ')}`).join(''))
      .join('');
  return { width, height, referencePath: pathOf(referenceRings), layerPath: pathOf(lines), points: points.map(toPixel) };
}
