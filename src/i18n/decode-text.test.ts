import { describe, expect, it } from 'vitest';
import { decodePlanProfile, decodePlanSnapshot } from '../core';
import { formatDecodeExpectation, formatDecodeValue } from './decode-text';

describe('decode problems in the user\'s words', () => {
  it('names types, signs and alternatives, numbers in the language', () => {
    expect(formatDecodeExpectation({ expected: 'number', received: '"x"' }, 'vi')).toBe('(cần một số, nhưng là "x")');
    expect(formatDecodeExpectation({ expected: '>=0', received: '-1.5' }, 'vi')).toBe('(cần ≥ 0, nhưng là -1,5)');
    expect(formatDecodeExpectation({ expected: '<=1', received: '1.25' }, 'en')).toBe('(expected ≤ 1, found 1.25)');
    expect(formatDecodeValue('("share" | "per100" | "mbps")', 'vi')).toBe('"share" hoặc "per100" hoặc "mbps"');
    expect(formatDecodeExpectation({ expected: 'Array', received: 'Object' }, 'vi')).toBe('(cần một danh sách […], nhưng là một nhóm khóa {…})');
    expect(formatDecodeExpectation({ expected: 'boolean', received: 'null' }, 'vi')).toBe('(cần đúng hoặc sai, nhưng là để trống)');
    expect(formatDecodeExpectation({ expected: '"title"', received: 'undefined' }, 'vi')).toBe('(thiếu mục bắt buộc này)');
    expect(formatDecodeExpectation({ expected: 'JSON' }, 'vi')).toBe('(cần JSON)');
    expect(formatDecodeExpectation({}, 'vi')).toBe('');
  });

  it('leaves no schema word in a faulty plan or snapshot told in Vietnamese', () => {
    const plan = decodePlanProfile({ startYear: 'x', horizonYear: true, targets: [{ id: 'a', unit: 'pct', target: -1 }, 5], authorities: {} });
    const snapshot = decodePlanSnapshot({ version: 'a', results: [], takenAt: 7 });
    const problems = [...(plan.ok ? [] : plan.problems), ...(snapshot.ok ? [] : snapshot.problems)];
    expect(problems.length).toBeGreaterThan(5);
    const english = /\b(string|number|boolean|Object|Array|undefined|null|never|expected|got|received)\b|>=|<=|!=/;
    for (const problem of problems) expect(formatDecodeExpectation(problem, 'vi'), JSON.stringify(problem)).not.toMatch(english);
  });
});
