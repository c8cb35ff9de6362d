import { describe, expect, it } from 'vitest';
import { captureGolden, normalizeGolden, stringifyGolden, type GoldenCase } from './golden';

const someCase: GoldenCase = { name: 'case', fileName: 'case.csv', text: '', json: () => null };

describe('normalizeGolden', () => {
  it('rounds numbers to 6 decimals and turns -0 into 0', () => {
    expect(normalizeGolden([1.23456789, -0, 105.9712, -1e-9])).toEqual([1.234568, 0, 105.9712, 0]);
    expect(Object.is(normalizeGolden(-0), 0)).toBe(true);
  });

  it('sorts keys recursively and drops undefined members', () => {
    const normalized = normalizeGolden({ b: { d: 1, c: 2 }, a: undefined, e: [{ g: 1, f: 2 }] });
    expect(JSON.stringify(normalized)).toBe('{"b":{"c":2,"d":1},"e":[{"f":2,"g":1}]}');
  });
});

describe('stringifyGolden', () => {
  it('keeps arrays of plain values on one line and ends with a newline', () => {
    expect(stringifyGolden({ a: [1, 2], b: [[1, 2]], c: {}, d: [] })).toBe(
      '{\n  "a": [1, 2],\n  "b": [\n    [1, 2]\n  ],\n  "c": {},\n  "d": []\n}\n',
    );
  });

  it('round-trips through JSON.parse', () => {
    const value = normalizeGolden({ text: 'Mã "trạm"\n', list: [null, true, 'x'], nested: { n: 1.5 } });
    expect(JSON.parse(stringifyGolden(value))).toEqual(value);
  });
});

describe('captureGolden', () => {
  it('records coded errors as output', () => {
    const output = captureGolden(() => {
      throw Object.assign(new Error('bad.csv: the file is empty'), { code: 'empty-file' });
    }, someCase);
    expect(output).toEqual({ error: { code: 'empty-file', text: 'bad.csv: the file is empty', name: 'Error' } });
    const refused = captureGolden(() => {
      throw Object.assign(new Error('x'), { code: 'file-empty', params: {}, file: 'b.csv' });
    }, someCase);
    expect(refused).toEqual({ error: { code: 'file-empty', text: 'b.csv: the file is empty', name: 'Error' } });
  });

  it('writes core\'s messages as their English text, keeping code and place', () => {
    const output = captureGolden(() => ({ warnings: [{ code: 'swapped-coordinates', params: {}, where: 'a.csv:1' }] }), someCase);
    expect(output).toEqual({ warnings: [{ code: 'swapped-coordinates', text: 'latitude looked like a Vietnamese longitude and longitude like a latitude; swapped back', where: 'a.csv:1' }] });
  });

  it('rethrows errors without a code', () => {
    expect(() => captureGolden(() => {
      throw new TypeError('bug');
    }, someCase)).toThrow(TypeError);
  });
});
