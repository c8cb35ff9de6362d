/**
 * The printed page as a display list in millimetres (origin top-left, y down). One layout feeds three
 * renderers: PDF (vector text), canvas (PNG) and SVG (preview and the browser's own print).
 */
export type PrintItem =
  | { type: 'text'; x: number; y: number; text: string; sizePt: number; isBold: boolean; color: string; anchor: 'start' | 'middle' | 'end'; halo?: TextHalo }
  | { type: 'rect'; x: number; y: number; width: number; height: number; fill: string | null; stroke: string | null; strokeWidthMm: number }
  | { type: 'circle'; cx: number; cy: number; r: number; fill: string | null; stroke: string | null; strokeWidthMm: number }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; widthMm: number; dashMm: number[] | null }
  | { type: 'polygon'; points: [number, number][]; fill: string; stroke: string | null; strokeWidthMm: number }
  | { type: 'image'; x: number; y: number; width: number; height: number; imageId: string }
  /** Rings in mm as flat `x0 y0 x1 y1 …` arrays; filled even-odd (holes stay open), `closed` false = polylines. */
  | { type: 'path'; rings: Float32Array[]; closed: boolean; fill: string | null; opacity: number; stroke: string | null; strokeWidthMm: number; dashMm: number[] | null }
  /** Items drawn clipped to `clip` (the map frame). */
  | { type: 'group'; clip: FrameMm; items: PrintItem[] };

/** A light outline drawn under a label's letters so it reads over any fill (as the app's text halo). */
export interface TextHalo {
  color: string;
  widthMm: number;
}

export interface PrintPage {
  widthMm: number;
  heightMm: number;
  items: PrintItem[];
}

/** A rendered map picture a page refers to by id: its encoded bytes and pixel size. */
export interface PrintImage {
  id: string;
  bytes: Uint8Array;
  mimeType: 'image/png' | 'image/jpeg';
  widthPx: number;
  heightPx: number;
}

/** Text width in millimetres for a font size in points; the layout wraps and aligns with it. */
export type MeasureText = (text: string, sizePt: number, isBold: boolean) => number;

export interface FrameMm {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Be Vietnam Pro (SIL OFL), a face drawn for Vietnamese: every precomposed letter with its tone mark.
 * The same TTF bytes are measured for the layout, embedded in the PDF, and loaded as a web font for the
 * canvas and SVG renderers (under this family name), so the three agree on every line break.
 */
export const PRINT_FONT_FAMILY = 'Be Vietnam Pro Print';
