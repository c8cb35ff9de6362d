import { describe, expect, it } from 'vitest';
import { analyzeField, gridHamlets, HAMLET_DEGREES, measurementSet, ORIGIN } from '../../../test/helpers/synthetic-field';
import { slowIsInRecordShape } from '../../../test/helpers/slow-point-in-shape';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { BtsRecord, Technology } from '../types';
import { classifyMeasurements } from './classify-measurements';
import { computeAgreement, computeUnitAgreement } from './compute-agreement';
import { createSeededRandom } from './create-seeded-random';
import { STATUS_FAILED, STATUS_OK, STATUS_UNKNOWN, type MeasurementRow, type MeasurementTechnology } from './measurement-set';

const OPERATORS = ['MobiFone', 'Viettel', 'VinaPhone'];
const THRESHOLD = -110;

function randomRecords(random: () => number, count: number): BtsRecord[] {
  const mixes: Technology[][] = [['4G'], ['4G', '5G'], ['3G', '4G'], ['5G'], ['2G']];
  return Array.from({ length: count }, (_, k) => {
    const record: BtsRecord = {
      siteId: `S${k}`,
      operator: OPERATORS[Math.floor(random() * 2)],
      lng: ORIGIN[0] + random() * 8 * HAMLET_DEGREES,
      lat: ORIGIN[1] + random() * 6 * HAMLET_DEGREES,
      technologies: mixes[Math.floor(random() * mixes.length)],
    };
    if (random() < 0.5) record.radiusMeters = 300 + Math.floor(random() * 1500);
    if (random() < 0.3) {
      record.azimuthDegrees = Math.floor(random() * 360);
      record.beamwidthDegrees = 60 + Math.floor(random() * 200);
    }
    return record;
  });
}

/** The slow reference: predicted by Turf over every record, observed by the rule written out. */
function slowJudge(records: BtsRecord[], row: Partial<MeasurementRow> & { lng: number; lat: number }): { predicted: number; observed: number } | 'near' {
  const technology = row.technology as MeasurementTechnology;
  const carries = (record: BtsRecord): Technology[] =>
    record.technologies.filter((t) => (technology === '4G' ? t === '4G' : technology === '5G' ? t === '5G' : technology === '3G' || technology === 'mobile' ? DEFAULT_CONFIG.mobileBroadband.includes(t) : false));
  let predicted = -1;
  if (row.operator !== null && row.operator !== undefined && ['3G', '4G', '5G', 'mobile'].includes(technology)) {
    predicted = 0;
    for (const record of records.filter((item) => item.operator === row.operator)) {
      for (const t of carries(record)) {
        const answer = slowIsInRecordShape(record, record.radiusMeters ?? DEFAULT_CONFIG.radiiMeters[t], row.lng, row.lat);
        if (answer === 'near') return 'near';
        if (answer === 'in') predicted = 1;
      }
    }
    // Operators with no record at all are predicted not covered; those with records but none of the
    // layer also (their layer exists, empty).
  }
  const rsrp = row.rsrpDbm ?? Number.NaN;
  const hasSignal = (technology === '4G' || technology === '5G') && !Number.isNaN(rsrp);
  let observed = -1;
  if (row.status === STATUS_OK || (hasSignal && rsrp >= THRESHOLD)) observed = 1;
  else if (row.status === STATUS_FAILED || hasSignal) observed = 0;
  return { predicted, observed };
}

function randomRows(random: () => number, count: number): (Partial<MeasurementRow> & { lng: number; lat: number })[] {
  const technologies: MeasurementTechnology[] = ['2G', '3G', '4G', '5G', 'mobile', 'wifi'];
  const statuses = [STATUS_OK, STATUS_FAILED, STATUS_UNKNOWN];
  return Array.from({ length: count }, () => ({
    lng: ORIGIN[0] + random() * 8 * HAMLET_DEGREES,
    lat: ORIGIN[1] + random() * 6 * HAMLET_DEGREES,
    operator: random() < 0.1 ? null : OPERATORS[Math.floor(random() * 3)],
    technology: technologies[Math.floor(random() * technologies.length)],
    status: statuses[Math.floor(random() * 3)],
    rsrpDbm: random() < 0.5 ? -130 + random() * 60 : Number.NaN,
  }));
}

describe('computeAgreement', () => {
  for (const seed of [1, 2, 3]) {
    it(`counts the same as a slow point-in-shape loop (seed ${seed})`, () => {
      const random = createSeededRandom(seed);
      const records = randomRecords(random, 25);
      const hamlets = gridHamlets(8, 6);
      const analysis = analyzeField(hamlets, records);
      const judged: { row: Partial<MeasurementRow>; slow: { predicted: number; observed: number } }[] = [];
      for (const row of randomRows(random, 1500)) {
        const slow = slowJudge(records, row);
        if (slow !== 'near') judged.push({ row, slow });
      }
      const set = measurementSet(judged.map(({ row }) => row));
      const classification = classifyMeasurements(set, analysis, { rsrpThresholdDbm: THRESHOLD, h3Resolution: 8 });
      const expected = new Map<string, { tests: number; agree: number; falseCovered: number; falseUncovered: number }>();
      const expectedByCommune = new Map<string, { tests: number; agree: number; falseCovered: number; falseUncovered: number }>();
      for (const { row, slow } of judged) {
        if (slow.predicted < 0 || slow.observed < 0 || row.operator === null) continue;
        const column = Math.floor((row.lng! - ORIGIN[0]) / HAMLET_DEGREES);
        const line = Math.floor((row.lat! - ORIGIN[1]) / HAMLET_DEGREES);
        const commune = `C${Math.floor(line / 2)}-${Math.floor(column / 2)}`;
        for (const [map, key] of [[expected, `${row.operator}|${row.technology}`], [expectedByCommune, `${commune}|${row.operator}|${row.technology}`]] as const) {
          const counts = map.get(key) ?? { tests: 0, agree: 0, falseCovered: 0, falseUncovered: 0 };
          counts.tests++;
          if (slow.predicted === slow.observed) counts.agree++;
          else if (slow.predicted === 1) counts.falseCovered++;
          else counts.falseUncovered++;
          map.set(key, counts);
        }
      }
      const rows = computeAgreement(set, classification);
      expect(new Map(rows.map(({ operator, technology, ...counts }) => [`${operator}|${technology}`, counts]))).toEqual(expected);
      expect(rows.length).toBeGreaterThan(6);
      const communeOfHamlet = hamlets.map((hamlet) => hamlet.commune);
      const keys = [...new Set(communeOfHamlet)];
      const unitOfTest = Array.from(classification.hamlet, (h) => (h < 0 ? -1 : keys.indexOf(communeOfHamlet[h])));
      const unitRows = computeUnitAgreement(set, classification, keys, unitOfTest);
      expect(new Map(unitRows.map(({ key, operator, technology, ...counts }) => [`${key}|${operator}|${technology}`, counts]))).toEqual(expectedByCommune);
    });
  }

  it('judges an operator without any site as predicted not covered, and leaves tests without an operator out', () => {
    const analysis = analyzeField(gridHamlets(2, 2), [{ siteId: 'A', operator: 'Viettel', lng: ORIGIN[0] + 0.01, lat: ORIGIN[1] + 0.01, technologies: ['4G'] }]);
    const set = measurementSet([
      { lng: ORIGIN[0] + 0.01, lat: ORIGIN[1] + 0.01, operator: 'Gmobile', technology: '4G', status: STATUS_OK },
      { lng: ORIGIN[0] + 0.01, lat: ORIGIN[1] + 0.01, operator: 'Viettel', technology: '4G', status: STATUS_FAILED },
      { lng: ORIGIN[0] + 0.01, lat: ORIGIN[1] + 0.01, operator: null, technology: '4G', status: STATUS_FAILED },
    ]);
    const rows = computeAgreement(set, classifyMeasurements(set, analysis, { rsrpThresholdDbm: THRESHOLD, h3Resolution: 8 }));
    expect(rows).toEqual([
      { operator: 'Gmobile', technology: '4G', tests: 1, agree: 0, falseCovered: 0, falseUncovered: 1 },
      { operator: 'Viettel', technology: '4G', tests: 1, agree: 0, falseCovered: 1, falseUncovered: 0 },
    ]);
  });
});
