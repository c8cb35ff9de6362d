import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEASUREMENT_OPTIONS } from '../core';
import { MeasurementSetBuilder, STATUS_OK } from '../core/measurements/measurement-set';
import { decodeStoredMeasurements, ProblemList } from './stored-state-schema';

function storedSet() {
  const builder = new MeasurementSetBuilder();
  builder.push({ lng: 105.97, lat: 9.6, timeMs: 0, operator: 'Viettel', technology: '4G', downMbps: 40, upMbps: 10, latencyMs: 20, rsrpDbm: -95, status: STATUS_OK, weight: 1, file: 'a.csv', row: 1 });
  builder.push({ lng: 105.98, lat: 9.61, timeMs: 1, operator: null, technology: 'wifi', downMbps: 90, upMbps: Number.NaN, latencyMs: Number.NaN, rsrpDbm: Number.NaN, status: STATUS_OK, weight: 3, file: 'b.csv', row: 7 });
  return builder.build();
}
const files = [{ fileName: 'a.csv', format: 'plain', rowsUsed: 1 }, { fileName: 'b.csv', format: 'plain', rowsUsed: 1 }];
const stored = (patch: Record<string, unknown> = {}) => ({ set: storedSet(), files, rules: { ...DEFAULT_MEASUREMENT_OPTIONS, rsrpThresholdDbm: -105 }, ...patch });

/** The places of the problems found, or 'ok'. */
function decode(value: unknown): string[] | 'ok' {
  const problems = new ProblemList();
  const decoded = decodeStoredMeasurements(value, 'measurements', problems);
  if (decoded !== undefined) {
    expect(problems.items).toEqual([]);
    return 'ok';
  }
  expect(problems.items.length).toBeGreaterThan(0);
  return problems.items.map((problem) => `${problem.code} ${problem.path}`);
}

describe('decodeStoredMeasurements (the stored field tests, through the one stored-state schema)', () => {
  it('gives back stored tests, files and rules as they were', () => {
    const problems = new ProblemList();
    expect(decodeStoredMeasurements(structuredClone(stored()), 'measurements', problems)).toEqual(stored());
    // Rules saved before a rule existed take its default.
    const { rsrpThresholdDbm: _dropped, ...older } = DEFAULT_MEASUREMENT_OPTIONS;
    expect(decodeStoredMeasurements(stored({ rules: older }), 'measurements', problems)?.rules).toEqual(DEFAULT_MEASUREMENT_OPTIONS);
  });

  it('refuses columns, names, indices, files and rules that do not fit, by place', () => {
    const set = storedSet();
    expect(decode(stored({ set: { ...set, lng: [105.97, 105.98] } }))).toEqual(['invalid measurements.set.lng']);
    expect(decode(stored({ set: { ...set, count: 3 } }))).toContain('invalid measurements.set.lat');
    expect(decode(stored({ set: { ...set, operators: [42] } }))).toEqual(['invalid measurements.set.operators[0]']);
    expect(decode(stored({ set: { ...set, operator: Int16Array.of(0, 5) } }))).toEqual(['invalid measurements.set.operator[1]']);
    expect(decode(stored({ set: { ...set, technology: Int8Array.of(3, 99) } }))).toEqual(['invalid measurements.set.technology[1]']);
    expect(decode(stored({ set: { ...set, actions: {} } }))).toEqual(['unknown-key measurements.set.actions']);
    expect(decode(stored({ files: [{ fileName: 'a.csv', format: 'plain', rowsUsed: -1 }] }))).toEqual(['invalid measurements.files[0].rowsUsed']);
    expect(decode(stored({ rules: { ...DEFAULT_MEASUREMENT_OPTIONS, h3Resolution: 12 } }))).toEqual(['invalid measurements.rules.h3Resolution']);
    expect(decode(stored({ rules: { ...DEFAULT_MEASUREMENT_OPTIONS, __proto__: { isAdmin: true } } }))).toBe('ok');
    expect(decode(stored({ extra: 1 }))).toEqual(['unknown-key measurements.extra']);
    expect(decode(stored({ set: null }))).toBe('ok');
  });

  it('never throws on anything IndexedDB could hold, never touches Object.prototype, and every refusal names its place (property)', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.dictionary(fc.constantFrom('count', 'lng', 'operators', 'files', 'operator', '__proto__', 'constructor'), fc.anything()),
        fc.dictionary(fc.constantFrom('set', 'files', 'rules', '__proto__'), fc.anything()),
        (value, setPatch, patch) => {
          for (const candidate of [value, stored({ set: { ...storedSet(), ...setPatch } }), { ...stored(), ...patch }]) {
            const result = decode(candidate);
            if (result !== 'ok') for (const place of result) expect(place).toMatch(/^[a-z-]+ measurements/);
          }
          expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('isAdmin');
        },
      ),
      { seed: 1309, numRuns: 300 },
    );
  });
});
