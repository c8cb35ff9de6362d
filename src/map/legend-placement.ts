import type { ScreenRect } from './map-controller';

export type LegendCorner = 'bottom-left' | 'top-left' | 'bottom-right' | 'top-right';

/** Corners in the order they are tried: where a reader looks for a legend first. */
export const LEGEND_CORNERS: readonly LegendCorner[] = ['bottom-left', 'top-left', 'bottom-right', 'top-right'];

/**
 * Margins of each corner, in CSS px: the scale bar (bottom left), the attribution (bottom right), the
 * zoom buttons (top right) keep their room.
 */
const INSETS: Record<LegendCorner, { x: number; y: number }> = {
  'bottom-left': { x: 10, y: 34 },
  'top-left': { x: 10, y: 10 },
  'bottom-right': { x: 10, y: 28 },
  'top-right': { x: 50, y: 10 },
};

/** Where the legend of `size` lies in a map of `mapSize` when put in `corner`, and its CSS position. */
export function legendRect(corner: LegendCorner, size: { width: number; height: number }, mapSize: { width: number; height: number }): { rect: ScreenRect; style: Record<string, number> } {
  const inset = INSETS[corner];
  const isLeft = corner.endsWith('left');
  const isTop = corner.startsWith('top');
  const left = isLeft ? inset.x : mapSize.width - inset.x - size.width;
  const top = isTop ? inset.y : mapSize.height - inset.y - size.height;
  return {
    rect: { left, top, right: left + size.width, bottom: top + size.height },
    style: { [isLeft ? 'left' : 'right']: inset.x, [isTop ? 'top' : 'bottom']: inset.y },
  };
}

/** What a legend in one corner would hide: uncovered hamlets, and hamlets of any class. */
export interface CornerCover {
  corner: LegendCorner;
  uncovered: number;
  all: number;
}

/**
 * The corner for the legend: one that hides no uncovered hamlet (the data a planner looks for), the
 * one hiding the fewest hamlets among those, the current one on a tie so the legend does not hop about
 * while the user pans. `isFree` is false when every corner hides an uncovered hamlet; the legend is then
 * folded to its title.
 */
export function chooseLegendCorner(covers: readonly CornerCover[], current: LegendCorner): { corner: LegendCorner; isFree: boolean } {
  if (covers.length === 0) return { corner: current, isFree: true };
  const score = (cover: CornerCover) => cover.uncovered * 1e6 + cover.all;
  let best = covers.find((cover) => cover.corner === current) ?? covers[0];
  for (const cover of covers) if (score(cover) < score(best)) best = cover;
  return { corner: best.corner, isFree: best.uncovered === 0 };
}
