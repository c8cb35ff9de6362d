/** ISO 216 paper sizes the print layout offers, in millimetres (portrait: width × height). */
export type PaperName = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

export const PAPER_NAMES: readonly PaperName[] = ['A4', 'A3'];
export const ORIENTATIONS: readonly Orientation[] = ['landscape', 'portrait'];

const PORTRAIT_MM: Record<PaperName, { widthMm: number; heightMm: number }> = {
  A4: { widthMm: 210, heightMm: 297 },
  A3: { widthMm: 297, heightMm: 420 },
};

export interface PageMarginsMm {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The sheet's size in millimetres for a paper and orientation. */
export function paperSizeMm(paper: PaperName, orientation: Orientation): { widthMm: number; heightMm: number } {
  const { widthMm, heightMm } = PORTRAIT_MM[paper];
  return orientation === 'portrait' ? { widthMm, heightMm } : { widthMm: heightMm, heightMm: widthMm };
}

/** Millimetres kept free on the bound edge (ring binder or staples), and on the other three. */
export const BINDING_MARGIN_MM = 20;
export const EDGE_MARGIN_MM = 10;

/**
 * Margins with room for binding: a portrait sheet is bound on its left edge; a landscape sheet in the
 * same portrait file is turned, so its top edge goes to the spine.
 */
export function pageMarginsMm(orientation: Orientation): PageMarginsMm {
  return orientation === 'portrait'
    ? { top: EDGE_MARGIN_MM, right: EDGE_MARGIN_MM, bottom: EDGE_MARGIN_MM, left: BINDING_MARGIN_MM }
    : { top: BINDING_MARGIN_MM, right: EDGE_MARGIN_MM, bottom: EDGE_MARGIN_MM, left: EDGE_MARGIN_MM };
}

/** PostScript points per millimetre (PDF user space unit = 1/72 inch). */
export const POINTS_PER_MM = 72 / 25.4;
