import type { MeasurementClassification } from './classify-measurements';
import type { AgreementCounts } from './compute-agreement';
import { MEASUREMENT_TECHNOLOGIES, type MeasurementSet, type MeasurementTechnology } from './measurement-set';
import type { MeasurementOptions } from './measurement-options';

/** The judged tests of one operator × technology in one H3 hexagon. */
export interface HexAgreement extends AgreementCounts {
  h3: string;
  operator: string;
  technology: MeasurementTechnology;
}

/** A hexagon where the field contradicts the prediction: the evidence a department sends an operator. */
export interface ChallengeHex {
  h3: string;
  operator: string;
  technology: MeasurementTechnology;
  /** Judged tests of this operator × technology in the hexagon. */
  tests: number;
  /** Tests that contradict the prediction in the way of `kind`. */
  contradicting: number;
  /** `false-covered`: predicted covered, tests not served; `false-uncovered`: the other way. */
  kind: 'false-covered' | 'false-uncovered';
  /** Hours between the first and the last contradicting test. */
  hoursSpanned: number;
  /** First and last contradicting test, ms since 1970 UTC. */
  firstMs: number;
  lastMs: number;
}

interface Accumulator {
  cell: number;
  operator: number;
  technology: number;
  counts: AgreementCounts;
  /** Earliest and latest dated test per kind: false covered, false uncovered. */
  first: [number, number];
  last: [number, number];
}

/**
 * The H3 challenge view: per hexagon × operator × technology, the judged tests and how they split;
 * and the hexagons the field contradicts. A hexagon is challenged, for one kind of contradiction,
 * when at least `challengeMinTests` tests contradict the prediction that way, they are the majority
 * of its judged tests, and the first and last of them are at least `challengeMinHoursApart` hours
 * apart (one drive through a dead spot is not enough). Hexagons without a judged test are not
 * listed: they are "not measured", never "measured, no coverage".
 * @param set the measurements
 * @param classification their classification (which holds the H3 cells)
 * @param options the challenge rules
 * @returns `hexes` (every measured hexagon × operator × technology) and `challenges` (most
 *   contradicting first, then by hexagon)
 * @throws never
 * @example findChallengeHexes(set, classification, DEFAULT_MEASUREMENT_OPTIONS).challenges[0].h3
 */
export function findChallengeHexes(
  set: MeasurementSet,
  classification: MeasurementClassification,
  options: Pick<MeasurementOptions, 'challengeMinTests' | 'challengeMinHoursApart'>,
): { hexes: HexAgreement[]; challenges: ChallengeHex[] } {
  const technologies = MEASUREMENT_TECHNOLOGIES.length;
  const operators = Math.max(1, set.operators.length);
  const byKey = new Map<number, Accumulator>();
  for (let i = 0; i < set.count; i++) {
    const predicted = classification.predicted[i];
    const observed = classification.observed[i];
    const operator = set.operator[i];
    if (predicted < 0 || observed < 0 || operator < 0) continue;
    const cell = classification.cell[i];
    const key = (cell * operators + operator) * technologies + set.technology[i];
    let accumulator = byKey.get(key);
    if (accumulator === undefined) {
      accumulator = { cell, operator, technology: set.technology[i], counts: { tests: 0, agree: 0, falseCovered: 0, falseUncovered: 0 }, first: [Infinity, Infinity], last: [-Infinity, -Infinity] };
      byKey.set(key, accumulator);
    }
    const weight = set.weight[i];
    const { counts } = accumulator;
    counts.tests += weight;
    if (predicted === observed) {
      counts.agree += weight;
      continue;
    }
    const kind = predicted === 1 ? 0 : 1;
    if (kind === 0) counts.falseCovered += weight;
    else counts.falseUncovered += weight;
    const time = set.timeMs[i];
    if (time < accumulator.first[kind]) accumulator.first[kind] = time;
    if (time > accumulator.last[kind]) accumulator.last[kind] = time;
  }
  const hexes: HexAgreement[] = [];
  const challenges: ChallengeHex[] = [];
  const minSpanMs = options.challengeMinHoursApart * 3600 * 1000;
  for (const accumulator of byKey.values()) {
    const h3 = classification.cells[accumulator.cell];
    const operator = set.operators[accumulator.operator];
    const technology = MEASUREMENT_TECHNOLOGIES[accumulator.technology];
    const { counts } = accumulator;
    hexes.push({ h3, operator, technology, ...counts });
    const kinds = [
      { kind: 'false-covered' as const, contradicting: counts.falseCovered },
      { kind: 'false-uncovered' as const, contradicting: counts.falseUncovered },
    ];
    kinds.forEach(({ kind, contradicting }, k) => {
      const spanMs = accumulator.last[k] - accumulator.first[k];
      if (contradicting < options.challengeMinTests || 2 * contradicting <= counts.tests || !(spanMs >= minSpanMs)) return;
      challenges.push({ h3, operator, technology, tests: counts.tests, contradicting, kind, hoursSpanned: spanMs / 3600000, firstMs: accumulator.first[k], lastMs: accumulator.last[k] });
    });
  }
  const byPlace = (a: { h3: string; operator: string; technology: string }, b: { h3: string; operator: string; technology: string }): number =>
    a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : a.operator < b.operator ? -1 : a.operator > b.operator ? 1 : a.technology < b.technology ? -1 : a.technology > b.technology ? 1 : 0;
  hexes.sort(byPlace);
  challenges.sort((a, b) => b.contradicting - a.contradicting || byPlace(a, b) || (a.kind < b.kind ? -1 : 1));
  return { hexes, challenges };
}
