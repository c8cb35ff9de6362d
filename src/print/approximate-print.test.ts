// Approximate hamlets on paper: the screen's dashed edge on the printed map, and its legend entry.
import { describe, expect, it } from 'vitest';
import type { CoverageReport, Hamlet, HamletResult } from '../core';
import { translate } from '../i18n/use-t';
import { APPROXIMATE_STYLE } from '../map/layers/palette';
import type { PrintItem } from './print-page';
import { buildPrintLegend } from './print-content';
import { buildMapFrameItems, type MapFrameInput } from './vector-map';

const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('vi', key, values);
const square = (x: number): Hamlet['geometry'] => ({ type: 'Polygon', coordinates: [[[x, 9.6], [x + 0.01, 9.6], [x + 0.01, 9.61], [x, 9.61], [x, 9.6]]] });
const hamlet = (id: string, x: number, isApproximate: boolean): Hamlet => ({ id, name: id, commune: 'Phường 5', district: 'TP Sóc Trăng', properties: {}, geometry: square(x), ...(isApproximate ? { approximate: true } : {}) });
const result = (id: string): HamletResult => ({
  id, name: id, commune: 'Phường 5', district: 'TP Sóc Trăng', areaKm2: 1, fraction: { mobile: 1, '4g': 1, '5g': 0, ftth: 0 },
  covered: { mobile: true, '4g': true, '5g': false, ftth: false }, operatorFraction: {}, groupKeys: {},
});
const report = { hamlets: [result('A'), result('B')], sites: [], coveredThreshold: 0.5 } as unknown as CoverageReport;

function frameInput(hamlets: Hamlet[]): MapFrameInput {
  return {
    frame: { x: 10, y: 10, width: 200, height: 150 }, view: { center: [105.915, 9.605], zoom: 12 }, layer: 'mobile', hamlets,
    results: new Map(report.hamlets.map((item) => [item.id, item])), outlines: [], sites: [], fibrePoints: [], fibreRoutes: [], unitIds: null, keys: new Map(),
    districtLabels: [], communeLabels: [], basemapImageId: null, fontScale: 1, measure: (text, sizePt) => text.length * sizePt * 0.2, blocked: [],
  };
}

const dashedPaths = (item: PrintItem): Extract<PrintItem, { type: 'path' }>[] =>
  item.type === 'group' ? item.items.flatMap(dashedPaths) : item.type === 'path' && item.stroke === APPROXIMATE_STYLE.color && item.dashMm !== null ? [item] : [];

describe('approximate hamlets in print', () => {
  it('draws a dashed edge around the approximate hamlets only', () => {
    const edges = dashedPaths(buildMapFrameItems(frameInput([hamlet('A', 105.9, true), hamlet('B', 105.92, false)])));
    expect(edges).toHaveLength(1);
    expect(edges[0].closed).toBe(true);
    expect(edges[0].rings).toHaveLength(1);
    expect(edges[0].dashMm!.every((part) => part > 0)).toBe(true);
    expect(dashedPaths(buildMapFrameItems(frameInput([hamlet('A', 105.9, false), hamlet('B', 105.92, false)])))).toHaveLength(0);
  });

  it('names them in the legend with the same dashed edge, when the frame shows one', () => {
    const legend = (hamlets: Hamlet[]) => buildPrintLegend({ layer: 'mobile', zoom: 12, bounds: [105.8, 9.5, 106, 9.7], hamlets, report, fibrePoints: [], hasFadedOutside: false, keyCount: 0 }, t, 'vi');
    const entry = legend([hamlet('A', 105.9, true), hamlet('B', 105.92, false)]).find((item) => item.label.includes('gần đúng'));
    expect(entry?.symbol).toMatchObject({ kind: 'line', color: APPROXIMATE_STYLE.color });
    expect(entry?.symbol.kind === 'line' && entry.symbol.dashMm !== null).toBe(true);
    expect(legend([hamlet('A', 105.9, false)]).some((item) => item.label.includes('gần đúng'))).toBe(false);
  });
});
