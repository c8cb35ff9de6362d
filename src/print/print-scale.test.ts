import { describe, expect, it } from 'vitest';
import { buildScaleBar, fitPrintView, formatScale, metersPerCssPixel, roundScaleUp, scaleDenominator, viewBounds, zoomForScale } from './print-scale';

describe('print scale', () => {
  it('matches MapLibre’s ground resolution (78 271.5 m per px at zoom 0 on the equator)', () => {
    expect(metersPerCssPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metersPerCssPixel(10, 60)).toBeCloseTo(78271.517 / 1024 / 2, 3);
  });

  it('turns a zoom into a paper scale and back', () => {
    const scale = scaleDenominator(9.5, 9.6);
    expect(zoomForScale(scale, 9.6)).toBeCloseTo(9.5, 10);
    // 1 CSS px = 1/96 in = 0.264583 mm on paper.
    expect(scale).toBeCloseTo(metersPerCssPixel(9.5, 9.6) / 0.000264583, -1);
  });

  it('rounds a scale up to the round series', () => {
    expect(roundScaleUp(243_117)).toBe(250_000);
    expect(roundScaleUp(250_000)).toBe(250_000);
    expect(roundScaleUp(101)).toBe(125);
    expect(roundScaleUp(7_400)).toBe(7_500);
    expect(roundScaleUp(8_000)).toBe(10_000);
  });

  it('fits bounds into a frame at a round scale, with the whole extent inside', () => {
    const bounds: [number, number, number, number] = [105.55, 9.2, 106.3, 9.95];
    const view = fitPrintView(bounds, 200, 150);
    expect(formatScale(view.scale)).toMatch(/^1:\d{1,3}( \d{3})+$/);
    expect(roundScaleUp(view.scale)).toBe(view.scale);
    const shown = viewBounds(view.center, view.zoom, 200 * (96 / 25.4), 150 * (96 / 25.4));
    expect(shown[0]).toBeLessThanOrEqual(bounds[0]);
    expect(shown[1]).toBeLessThanOrEqual(bounds[1]);
    expect(shown[2]).toBeGreaterThanOrEqual(bounds[2]);
    expect(shown[3]).toBeGreaterThanOrEqual(bounds[3]);
    expect(scaleDenominator(view.zoom, view.center[1])).toBeCloseTo(view.scale, 3);
  });

  it('draws a scale bar true at the printed scale', () => {
    const bar = buildScaleBar(250_000, 50);
    // 10 km at 1:250 000 is 40 mm on paper.
    expect(bar).toMatchObject({ meters: 10_000, lengthMm: 40, segments: 4 });
    expect(bar.labels.at(-1)).toBe('10 km');
    expect(buildScaleBar(5_000, 50)).toMatchObject({ meters: 200, lengthMm: 40, labels: ['0', '50 m', '100 m', '150 m', '200 m'] });
  });

  it('writes the numeric scale with grouped digits', () => {
    expect(formatScale(250_000)).toBe('1:250 000');
    expect(formatScale(1_250_000)).toBe('1:1 250 000');
    expect(formatScale(500)).toBe('1:500');
  });
});
