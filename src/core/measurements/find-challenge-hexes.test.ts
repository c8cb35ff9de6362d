import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { analyzeField, gridHamlets, measurementSet, ORIGIN } from '../../../test/helpers/synthetic-field';
import { classifyMeasurements } from './classify-measurements';
import { findChallengeHexes } from './find-challenge-hexes';
import { DEFAULT_MEASUREMENT_OPTIONS } from './measurement-options';
import { STATUS_FAILED, STATUS_OK, type MeasurementRow } from './measurement-set';

const SITE = { lng: ORIGIN[0] + 0.03, lat: ORIGIN[1] + 0.03 };
const HOUR = 3600 * 1000;
const START = Date.UTC(2025, 2, 3, 1);

/** The centre of the resolution-8 cell k steps east of the site (about 1.6 km a step, two cells). */
function cellCentre(k: number): { lng: number; lat: number; h3: string } {
  const h3 = latLngToCell(SITE.lat, SITE.lng + k * 0.015, 8);
  const [lat, lng] = cellToLatLng(h3);
  return { lng, lat, h3 };
}

function tests(k: number, count: number, spanHours: number, row: Partial<MeasurementRow>): Partial<MeasurementRow>[] {
  const { lng, lat } = cellCentre(k);
  return Array.from({ length: count }, (_, i) => ({ lng: lng + i * 1e-5, lat, technology: '4G', timeMs: START + (count > 1 ? (i * spanHours * HOUR) / (count - 1) : 0), ...row }));
}

describe('findChallengeHexes', () => {
  const analysis = analyzeField(gridHamlets(6, 6), [{ siteId: 'V1', operator: 'Viettel', ...SITE, technologies: ['4G'], radiusMeters: 6000 }]);
  const failed = { operator: 'Viettel', status: STATUS_FAILED };
  const rows = [
    ...tests(-2, 6, 3, failed), // 6 failed over 3 h: challenged
    ...tests(-1, 6, 1, failed), // 6 failed within an hour: one drive, not enough
    ...tests(0, 4, 5, failed), // 4 failed: too few
    ...tests(1, 5, 3, failed), // 5 failed …
    ...tests(1, 6, 3, { operator: 'Viettel', status: STATUS_OK }), // … but 6 served: no majority
    ...tests(2, 5, 2, { operator: 'MobiFone', status: STATUS_OK }), // served where MobiFone has no site, 2 h apart
  ];
  const set = measurementSet(rows);
  const classification = classifyMeasurements(set, analysis, DEFAULT_MEASUREMENT_OPTIONS);
  const { hexes, challenges } = findChallengeHexes(set, classification, DEFAULT_MEASUREMENT_OPTIONS);

  it('flags hexagons with at least 5 contradicting tests, the majority, two of them hours apart', () => {
    expect(challenges).toEqual([
      { h3: cellCentre(-2).h3, operator: 'Viettel', technology: '4G', tests: 6, contradicting: 6, kind: 'false-covered', hoursSpanned: 3, firstMs: START, lastMs: START + 3 * HOUR },
      { h3: cellCentre(2).h3, operator: 'MobiFone', technology: '4G', tests: 5, contradicting: 5, kind: 'false-uncovered', hoursSpanned: 2, firstMs: START, lastMs: START + 2 * HOUR },
    ]);
  });

  it('lists every measured hexagon with its counts, and no other', () => {
    expect(hexes.map(({ h3, operator, tests: count, agree, falseCovered, falseUncovered }) => [h3, operator, count, agree, falseCovered, falseUncovered])).toEqual(
      [
        [cellCentre(-2).h3, 'Viettel', 6, 0, 6, 0],
        [cellCentre(-1).h3, 'Viettel', 6, 0, 6, 0],
        [cellCentre(0).h3, 'Viettel', 4, 0, 4, 0],
        [cellCentre(1).h3, 'Viettel', 11, 6, 5, 0],
        [cellCentre(2).h3, 'MobiFone', 5, 0, 0, 5],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
    expect(new Set(hexes.map((hex) => hex.h3)).has(cellCentre(5).h3)).toBe(false);
  });

  it('follows the rules it is given', () => {
    const strict = findChallengeHexes(set, classification, { challengeMinTests: 6, challengeMinHoursApart: 2 }).challenges;
    expect(strict.map((challenge) => challenge.h3)).toEqual([cellCentre(-2).h3]);
    const loose = findChallengeHexes(set, classification, { challengeMinTests: 4, challengeMinHoursApart: 0.5 }).challenges;
    expect(loose.map((challenge) => challenge.h3).sort()).toEqual([cellCentre(-2).h3, cellCentre(-1).h3, cellCentre(0).h3, cellCentre(2).h3].sort());
  });
});
