import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeasurementSetBuilder, STATUS_OK } from '../core/measurements/measurement-set';
import { decodeStoredSet } from './measurements-persistence';

function storedSet() {
  const builder = new MeasurementSetBuilder();
  builder.push({ lng: 105.97, lat: 9.6, timeMs: 0, operator: 'Viettel', technology: '4G', downMbps: 40, upMbps: 10, latencyMs: 20, rsrpDbm: -95, status: STATUS_OK, weight: 1, file: 'a.csv', row: 1 });
  builder.push({ lng: 105.98, lat: 9.61, timeMs: 1, operator: null, technology: 'wifi', downMbps: 90, upMbps: Number.NaN, latencyMs: Number.NaN, rsrpDbm: Number.NaN, status: STATUS_OK, weight: 3, file: 'b.csv', row: 7 });
  return builder.build();
}

describe('decodeStoredSet', () => {
  it('gives back a stored set as it was', () => {
    expect(decodeStoredSet(structuredClone(storedSet()))).toEqual(storedSet());
  });

  it('refuses a set whose columns, names or indices do not fit', () => {
    const set = storedSet();
    expect(decodeStoredSet({ ...set, lng: [105.97, 105.98] })).toBeNull();
    expect(decodeStoredSet({ ...set, count: 3 })).toBeNull();
    expect(decodeStoredSet({ ...set, operators: [42] })).toBeNull();
    expect(decodeStoredSet({ ...set, operator: Int16Array.of(0, 5) })).toBeNull();
    expect(decodeStoredSet({ ...set, technology: Int8Array.of(3, 99) })).toBeNull();
  });

  it('never throws on anything IndexedDB could hold (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.constantFrom('count', 'lng', 'operators', 'files', 'operator'), fc.anything()), (value, patch) => {
        decodeStoredSet(value);
        decodeStoredSet({ ...storedSet(), ...patch });
      }),
      { seed: 1309, numRuns: 300 },
    );
  });
});
