import type { MeasurementClassification } from './classify-measurements';
import { MEASUREMENT_TECHNOLOGIES, type MeasurementSet, type MeasurementTechnology } from './measurement-set';

/** Judged tests (a prediction and an observation) and how they split. */
export interface AgreementCounts {
  tests: number;
  /** Predicted and observed the same. */
  agree: number;
  /** Predicted covered, observed not served. */
  falseCovered: number;
  /** Predicted not covered, observed served. */
  falseUncovered: number;
}

/** Agreement of one operator × technology (in one unit when `key` is set). */
export interface AgreementRow extends AgreementCounts {
  operator: string;
  technology: MeasurementTechnology;
}

/** Agreement of one operator × technology in one unit (commune, hamlet…). */
export interface UnitAgreementRow extends AgreementRow {
  key: string;
}

/** Counts per group × operator × technology, four numbers each. */
function countAgreement(set: MeasurementSet, classification: MeasurementClassification, groupOfTest: ArrayLike<number> | null, groupCount: number): Float64Array {
  const technologies = MEASUREMENT_TECHNOLOGIES.length;
  const operators = set.operators.length;
  const counts = new Float64Array(groupCount * operators * technologies * 4);
  for (let i = 0; i < set.count; i++) {
    const predicted = classification.predicted[i];
    const observed = classification.observed[i];
    const operator = set.operator[i];
    const group = groupOfTest === null ? 0 : groupOfTest[i];
    if (predicted < 0 || observed < 0 || operator < 0 || group < 0) continue;
    const at = 4 * ((group * operators + operator) * technologies + set.technology[i]);
    const weight = set.weight[i];
    counts[at] += weight;
    if (predicted === observed) counts[at + 1] += weight;
    else if (predicted === 1) counts[at + 2] += weight;
    else counts[at + 3] += weight;
  }
  return counts;
}

function rowsOf<Row>(set: MeasurementSet, counts: Float64Array, groupCount: number, make: (group: number, operator: string, technology: MeasurementTechnology, counts: AgreementCounts) => Row): Row[] {
  const technologies = MEASUREMENT_TECHNOLOGIES.length;
  const rows: Row[] = [];
  const operatorOrder = set.operators.map((name, index) => ({ name, index })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let group = 0; group < groupCount; group++) {
    for (const { name, index } of operatorOrder) {
      for (let t = 0; t < technologies; t++) {
        const at = 4 * ((group * set.operators.length + index) * technologies + t);
        if (counts[at] === 0) continue;
        rows.push(make(group, name, MEASUREMENT_TECHNOLOGIES[t], { tests: counts[at], agree: counts[at + 1], falseCovered: counts[at + 2], falseUncovered: counts[at + 3] }));
      }
    }
  }
  return rows;
}

/**
 * Prediction against the field per operator × technology: judged tests (with both a prediction and
 * an observation, see `classifyMeasurements`), how many agree, how many were predicted covered but
 * not served (false "covered"), and how many were served where no coverage was predicted (false
 * "uncovered").
 * @param set the measurements
 * @param classification their classification
 * @returns rows sorted by operator, then technology; operator × technology pairs without a judged
 *   test are left out
 * @throws never
 * @example computeAgreement(set, classification)[0] // { operator: 'MobiFone', technology: '4G', tests: 120, agree: 101, falseCovered: 12, falseUncovered: 7 }
 */
export function computeAgreement(set: MeasurementSet, classification: MeasurementClassification): AgreementRow[] {
  return rowsOf(set, countAgreement(set, classification, null, 1), 1, (_, operator, technology, counts) => ({ operator, technology, ...counts }));
}

/**
 * {@link computeAgreement} per unit (commune, hamlet…): the same counts, one row per unit ×
 * operator × technology with judged tests. A unit without a row was not measured.
 * @param set the measurements
 * @param classification their classification
 * @param keys the units' keys
 * @param unitOfTest per test, its unit (index into `keys`) or -1
 * @returns rows in unit order, then by operator and technology
 * @throws never
 * @example computeUnitAgreement(set, classification, ['94101'], unitOfTest)[0].key // '94101'
 */
export function computeUnitAgreement(set: MeasurementSet, classification: MeasurementClassification, keys: readonly string[], unitOfTest: ArrayLike<number>): UnitAgreementRow[] {
  return rowsOf(set, countAgreement(set, classification, unitOfTest, keys.length), keys.length, (group, operator, technology, counts) => ({ key: keys[group], operator, technology, ...counts }));
}
