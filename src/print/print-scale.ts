/**
 * Scale maths of the printed map. MapLibre lays out 512-px tiles in CSS pixels; the print map is a
 * container of CSS pixels taken as 1/96 inch on paper (the CSS reference pixel), drawn at a higher
 * `pixelRatio` for resolution. So the paper scale follows from the ground size of one CSS pixel.
 */
export type Bounds = [number, number, number, number];

const EARTH_CIRCUMFERENCE_M = 40075016.686;
const TILE_SIZE_PX = 512;
/** Metres of paper per CSS pixel (1/96 inch). */
export const PAPER_METERS_PER_CSS_PIXEL = 0.0254 / 96;
export const CSS_PIXELS_PER_MM = 96 / 25.4;

/** Ground metres per CSS pixel at `zoom` and `latitude` (Web Mercator, true at that latitude). */
export function metersPerCssPixel(zoom: number, latitude: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE_PX * 2 ** zoom);
}

/** The scale denominator (the N of 1:N) of a printed map at `zoom`, true at `latitude`. */
export function scaleDenominator(zoom: number, latitude: number): number {
  return metersPerCssPixel(zoom, latitude) / PAPER_METERS_PER_CSS_PIXEL;
}

/** The zoom at which the printed map has scale 1:`scale` at `latitude`. */
export function zoomForScale(scale: number, latitude: number): number {
  return Math.log2((EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE_PX * scale * PAPER_METERS_PER_CSS_PIXEL));
}

const NICE_STEPS = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 10];

/** The smallest round scale (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 × 10ⁿ) not below `scale`. */
export function roundScaleUp(scale: number): number {
  const power = 10 ** Math.floor(Math.log10(scale));
  const step = NICE_STEPS.find((candidate) => candidate * power >= scale - 1e-9) ?? 10;
  return Math.round(step * power);
}

function mercatorY(latitude: number): number {
  const phi = (latitude * Math.PI) / 180;
  return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
}

function latitudeOfMercatorY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** Centre of `bounds` in Web Mercator (not the mean of the latitudes). */
export function boundsCenter(bounds: Bounds): [number, number] {
  return [(bounds[0] + bounds[2]) / 2, latitudeOfMercatorY((mercatorY(bounds[1]) + mercatorY(bounds[3])) / 2)];
}

export interface PrintView {
  center: [number, number];
  zoom: number;
  /** The printed scale is exactly 1:`scale` at the centre's latitude. */
  scale: number;
}

/**
 * The view that shows `bounds` whole in a map frame of `widthMm` × `heightMm`, at the smallest round
 * scale that fits (so the numeric scale reads 1:250 000, not 1:243 117), with `paddingShare` kept free.
 */
export function fitPrintView(bounds: Bounds, widthMm: number, heightMm: number, paddingShare = 0.04): PrintView {
  const center = boundsCenter(bounds);
  const spanX = Math.max((bounds[2] - bounds[0]) / 360, 1e-9);
  const spanY = Math.max(Math.abs(mercatorY(bounds[1]) - mercatorY(bounds[3])), 1e-9);
  const usable = 1 - 2 * paddingShare;
  const widthPx = widthMm * CSS_PIXELS_PER_MM * usable;
  const heightPx = heightMm * CSS_PIXELS_PER_MM * usable;
  const zoom = Math.log2(Math.min(widthPx / (spanX * TILE_SIZE_PX), heightPx / (spanY * TILE_SIZE_PX)));
  const scale = roundScaleUp(scaleDenominator(zoom, center[1]));
  return { center, zoom: zoomForScale(scale, center[1]), scale };
}

/** The bounds a screen map of `widthPx` × `heightPx` CSS pixels shows at `center` and `zoom`. */
export function viewBounds(center: [number, number], zoom: number, widthPx: number, heightPx: number): Bounds {
  const worldPx = TILE_SIZE_PX * 2 ** zoom;
  const halfLng = (widthPx / 2 / worldPx) * 360;
  const y = mercatorY(center[1]);
  const halfY = heightPx / 2 / worldPx;
  return [center[0] - halfLng, latitudeOfMercatorY(y + halfY), center[0] + halfLng, latitudeOfMercatorY(y - halfY)];
}

/** `1:250 000`: digits grouped by threes with a space, as on ISO map sheets (same in both languages). */
export function formatScale(scale: number): string {
  return `1:${String(Math.round(scale)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`;
}

export interface ScaleBar {
  /** Ground length of the whole bar. */
  meters: number;
  /** Its length on paper. */
  lengthMm: number;
  /** Number of alternating segments. */
  segments: number;
  /** Label of the end (`5 km`, `500 m`) and of each segment boundary. */
  labels: string[];
}

function formatDistance(meters: number): string {
  if (meters >= 1000) return `${String(meters / 1000).replace('.', ',')} km`;
  return `${meters} m`;
}

/** The longest round bar (1, 2 or 5 × 10ⁿ m) not longer than `maxLengthMm` on paper at 1:`scale`. */
export function buildScaleBar(scale: number, maxLengthMm: number): ScaleBar {
  const maxMeters = (maxLengthMm / 1000) * scale;
  const power = 10 ** Math.floor(Math.log10(maxMeters));
  const step = [5, 2, 1].find((candidate) => candidate * power <= maxMeters) ?? 1;
  const meters = step * power;
  const segments = step === 2 ? 4 : step === 5 ? 5 : 4;
  const labels = Array.from({ length: segments + 1 }, (_, i) => (i === 0 ? '0' : formatDistance((meters * i) / segments)));
  return { meters, lengthMm: (meters / scale) * 1000, segments, labels };
}
