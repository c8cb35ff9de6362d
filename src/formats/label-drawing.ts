// DGN and DXF drawings carry no attribute table: a hamlet's id and name are the text element drawn
// inside its outline (that is how cadastral drawings label parcels). Pure.

type Position = number[];
type Ring = Position[];

/** A feature as GDAL hands it over (GeoJSON, in the drawing's own coordinates). */
export interface DrawingFeature {
  type: 'Feature';
  geometry: { type: string; coordinates?: unknown } | null;
  properties: Record<string, unknown> | null;
}

/** The outlines of a drawing as hamlet features, and how their ids were found. */
export interface LabelledDrawing {
  features: { type: 'Feature'; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }; properties: { ma_ap: string; ten_ap: string } }[];
  /** Outlines whose id was generated (no text inside, or a text without a code). */
  generatedIds: number;
  /** Outlines that got their name from a text inside them. */
  labelled: number;
}

const CODE = /^(?=.*\d)[\p{L}\d][\p{L}\d._/-]*$/u;

/**
 * Turns a drawing into hamlet polygons: every polygon, and every closed line of four or more
 * vertices (a parcel outline drawn as a polyline), becomes one hamlet; the text elements (points with
 * a `Text`, DGN type 17 or DXF TEXT/MTEXT) lying inside it give its id and name. A text "A01 Ấp Hòa
 * Đông" is read as id `A01` and name `Ấp Hòa Đông` (the first word is the id when it holds a digit);
 * a text without such a word is the name. Without an id the hamlet gets `<prefix>-001`, `-002`… in
 * drawing order, counted in `generatedIds`. Of several texts inside one outline the first in drawing
 * order is used.
 * @param features the drawing's features (all layers), in its own coordinates
 * @param idPrefix the prefix of generated ids (the file's name without extension)
 * @returns the hamlet polygons with `ma_ap` and `ten_ap`, and the counts of generated ids and labels
 * @example labelDrawingPolygons(features, 'ban-do').features[0].properties.ma_ap // 'A01'
 */
export function labelDrawingPolygons(features: readonly DrawingFeature[], idPrefix: string): LabelledDrawing {
  const outlines: { polygons: Ring[][]; geometry: LabelledDrawing['features'][number]['geometry'] }[] = [];
  const texts: { at: Position; text: string }[] = [];
  for (const feature of features) {
    const geometry = feature.geometry;
    if (geometry === null || typeof geometry !== 'object') continue;
    const text = textOf(feature);
    if (geometry.type === 'Point' && text !== null) {
      const at = geometry.coordinates;
      if (isPosition(at)) texts.push({ at, text });
      continue;
    }
    if (text !== null && geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const polygons = polygonsOf(geometry);
    if (polygons.length === 0) continue;
    outlines.push({
      polygons,
      geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
    });
  }
  let generatedIds = 0;
  let labelled = 0;
  const width = String(outlines.length).length < 3 ? 3 : String(outlines.length).length;
  const result = outlines.map((outline, index) => {
    const label = texts.find((text) => outline.polygons.some((polygon) => isInsidePolygon(text.at, polygon)));
    const { id, name } = label === undefined ? { id: null, name: '' } : splitLabel(label.text);
    if (label !== undefined) labelled += 1;
    const hamletId = id ?? `${idPrefix}-${String(index + 1).padStart(width, '0')}`;
    if (id === null) generatedIds += 1;
    return { type: 'Feature' as const, geometry: outline.geometry, properties: { ma_ap: hamletId, ten_ap: name === '' ? hamletId : name } };
  });
  return { features: result, generatedIds, labelled };
}

function textOf(feature: DrawingFeature): string | null {
  const properties = feature.properties;
  if (properties === null || typeof properties !== 'object') return null;
  const value = properties.Text;
  if (typeof value !== 'string' || value.trim() === '') return null;
  // DXF hatches carry their pattern name ("SOLID") in the same field.
  const subclasses = properties.SubClasses;
  if (typeof subclasses === 'string' && /Hatch/i.test(subclasses)) return null;
  return value.replace(/\\P/g, ' ').replace(/\s+/g, ' ').trim();
}

function splitLabel(text: string): { id: string | null; name: string } {
  const [first, ...rest] = text.split(' ');
  if (first !== undefined && CODE.test(first)) return { id: first, name: rest.join(' ') };
  return { id: null, name: text };
}

const isPosition = (value: unknown): value is Position => Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
const isRing = (value: unknown): value is Ring => Array.isArray(value) && value.length >= 4 && value.every(isPosition);
const isClosed = (ring: Ring): boolean => ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];

function polygonsOf(geometry: { type: string; coordinates?: unknown }): Ring[][] {
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates)) return [];
  const polygon = (rings: unknown): Ring[] | null => (Array.isArray(rings) && rings.length > 0 && rings.every(isRing) ? (rings as Ring[]) : null);
  switch (geometry.type) {
    case 'Polygon': {
      const rings = polygon(coordinates);
      return rings === null ? [] : [rings];
    }
    case 'MultiPolygon':
      return coordinates.map(polygon).filter((rings): rings is Ring[] => rings !== null);
    case 'LineString':
      return isRing(coordinates) && isClosed(coordinates) ? [[coordinates]] : [];
    case 'MultiLineString':
      return coordinates.filter((line): line is Ring => isRing(line) && isClosed(line)).map((line) => [line]);
    default:
      return [];
  }
}

/** Even-odd rule over every ring: inside the outer ring and outside its holes. */
function isInsidePolygon([x, y]: Position, rings: Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
