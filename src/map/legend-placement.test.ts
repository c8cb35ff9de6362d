import { describe, expect, it } from 'vitest';
import { chooseLegendCorner, legendRect, type CornerCover } from './legend-placement';

const cover = (corner: CornerCover['corner'], uncovered: number, all: number): CornerCover => ({ corner, uncovered, all });

describe('legendRect', () => {
  it('puts the legend inside the map, clear of the scale bar and the zoom buttons', () => {
    const map = { width: 936, height: 690 };
    const size = { width: 240, height: 160 };
    expect(legendRect('bottom-left', size, map)).toEqual({ rect: { left: 10, top: 496, right: 250, bottom: 656 }, style: { left: 10, bottom: 34 } });
    expect(legendRect('top-right', size, map)).toEqual({ rect: { left: 646, top: 10, right: 886, bottom: 170 }, style: { right: 50, top: 10 } });
  });
});

describe('chooseLegendCorner', () => {
  it('leaves a corner that hides uncovered hamlets for one that hides none', () => {
    expect(chooseLegendCorner([cover('bottom-left', 3, 20), cover('top-left', 0, 9), cover('bottom-right', 0, 4), cover('top-right', 0, 12)], 'bottom-left')).toEqual({ corner: 'bottom-right', isFree: true });
  });
  it('stays where it is on a tie, so it does not hop while the user pans', () => {
    expect(chooseLegendCorner([cover('bottom-left', 0, 0), cover('top-left', 0, 0)], 'top-left')).toEqual({ corner: 'top-left', isFree: true });
  });
  it('says when no corner is free (the legend then folds), choosing the one hiding the fewest uncovered', () => {
    expect(chooseLegendCorner([cover('bottom-left', 2, 3), cover('top-left', 1, 30)], 'bottom-left')).toEqual({ corner: 'top-left', isFree: false });
  });
});
