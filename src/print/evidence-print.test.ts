import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { ChallengeHex } from '../core';
import { translate } from '../i18n/use-t';
import { buildChallengeLines, buildEvidenceLegend, buildHexOverlay, hexagonRing, numberChallengeHexes } from './evidence-print';
import type { Translate } from './print-content';

const t: Translate = (key, values) => translate('vi', key, values);
const CENTRE = latLngToCell(9.6, 105.97, 8);
const [, EAST, , , WEST] = gridDisk(CENTRE, 1);
const FAR = latLngToCell(10.5, 106.7, 8);

function challenge(h3: string, patch: Partial<ChallengeHex> = {}): ChallengeHex {
  return { h3, operator: 'Viettel', technology: '4G', tests: 10, contradicting: 7, kind: 'false-covered', hoursSpanned: 5, firstMs: 0, lastMs: 5 * 3600e3, ...patch };
}

const AROUND: [number, number, number, number] = [105.9, 9.5, 106.05, 9.7];

describe('numberChallengeHexes', () => {
  it('numbers hexagons in the challenges order, once per hexagon, only those centred in the frame', () => {
    const challenges = [challenge(EAST, { contradicting: 20 }), challenge(FAR), challenge(CENTRE), challenge(EAST, { operator: 'MobiFone' }), challenge(WEST)];
    expect([...numberChallengeHexes(challenges, AROUND)]).toEqual([
      [EAST, 1],
      [CENTRE, 2],
      [WEST, 3],
    ]);
  });

  it('numbers nothing when no hexagon lies in the frame', () => {
    expect(numberChallengeHexes([challenge(FAR)], AROUND).size).toBe(0);
  });
});

describe('buildChallengeLines', () => {
  it('gives two lines per challenge of a numbered hexagon, by number, in the language of the page', () => {
    const challenges = [challenge(CENTRE, { tests: 1234, contradicting: 1000 }), challenge(EAST, { kind: 'false-uncovered', operator: 'VinaPhone', technology: '5G' }), challenge(FAR)];
    const keys = new Map([
      [EAST, 1],
      [CENTRE, 2],
    ]);
    expect(buildChallengeLines(challenges, keys, t, 'vi')).toEqual([
      `1. ${EAST} — VinaPhone 5G`,
      '\u20037/10 lượt đo trái dự báo (Báo chưa phủ, có sóng)',
      `2. ${CENTRE} — Viettel 4G`,
      '\u20031.000/1.234 lượt đo trái dự báo (Báo phủ, không có sóng)',
    ]);
    const english: Translate = (key, values) => translate('en', key, values);
    expect(buildChallengeLines([challenge(CENTRE, { tests: 1234 })], new Map([[CENTRE, 1]]), english, 'en')[1]).toBe('\u20037 of 1,234 tests against the prediction (Said covered, no service)');
  });
});

describe('buildHexOverlay', () => {
  it('draws the H3 view in place of the hamlets, each hexagon in the class of its covered share', () => {
    const overlay = buildHexOverlay(
      {
        kind: 'h3View',
        resolution: 8,
        cells: [
          { h3: CENTRE, coveredShare: 0.5 },
          { h3: EAST, coveredShare: 0.4999 },
          { h3: WEST, coveredShare: 0 },
          { h3: FAR, coveredShare: 1 },
        ],
      },
      0.5,
      new Map(),
    );
    expect(overlay.placement).toBe('instead');
    expect(overlay.groups.map((group) => [group.fill, group.rings.length])).toEqual([
      ['#0072B2', 2],
      ['#F0E442', 1],
      ['#D55E00', 1],
    ]);
    expect(overlay.groups[1].rings[0]).toEqual(hexagonRing(EAST));
  });

  it('draws each challenged hexagon once over the hamlets, in the colour of its first challenge, numbered at its centre', () => {
    const overlay = buildHexOverlay({ kind: 'challenges', challenges: [challenge(CENTRE), challenge(CENTRE, { kind: 'false-uncovered' }), challenge(EAST, { kind: 'false-uncovered' })] }, 0.5, new Map([[CENTRE, 1]]));
    expect(overlay.placement).toBe('over');
    expect(overlay.groups.map((group) => [group.stroke, group.rings.length, group.markSmall])).toEqual([
      ['#2D004B', 1, true],
      ['#8E0152', 1, true],
    ]);
    const [lat, lng] = cellToLatLng(CENTRE);
    expect(overlay.keys).toEqual([{ lng, lat, number: 1 }]);
  });
});

describe('hexagonRing', () => {
  it('is a closed ring of six corners in [lng, lat]', () => {
    const ring = hexagonRing(CENTRE);
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    for (const [lng, lat] of ring) {
      expect(lng).toBeCloseTo(105.97, 1);
      expect(lat).toBeCloseTo(9.6, 1);
    }
  });
});

describe('buildEvidenceLegend', () => {
  it('names the classes the H3 view draws with their rule, and only those', () => {
    const legend = buildEvidenceLegend({ kind: 'h3View', resolution: 9, cells: [{ h3: CENTRE, coveredShare: 0.2 }, { h3: EAST, coveredShare: 0 }] }, 0.5, 0, t, 'vi');
    expect(legend.map((entry) => entry.label)).toEqual(['Ô H3: Phủ một phần (> 0\u00a0% và < 50\u00a0%)', 'Ô H3: Chưa phủ (0\u00a0%)']);
  });

  it('names the kinds of challenge on the page and the numbers', () => {
    const legend = buildEvidenceLegend({ kind: 'challenges', challenges: [challenge(CENTRE, { kind: 'false-uncovered' })] }, 0.5, 1, t, 'vi');
    expect(legend.map((entry) => entry.label)).toEqual(['Ô báo chưa phủ nhưng đo kiểm có sóng', 'Số của ô cần phản ánh (1), như trong danh sách']);
  });
});
