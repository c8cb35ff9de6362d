import { describe, expect, it } from 'vitest';
import { formatInputProblem } from '../../i18n/format-message';
import { message } from '../messages';
import { CoverageInputError, isInputProblem } from './input-error';

describe('CoverageInputError', () => {
  it('is a message about a file and a place in it, read in either language', () => {
    const error = new CoverageInputError({ code: 'config-invalid', file: 'config.json', where: 'radiiMeters.4G', params: { key: 'radiiMeters.4G', value: -5, expected: message('expect-radius', { limit: 100_000 }) } });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CoverageInputError');
    expect([error.code, error.file, error.where]).toEqual(['config-invalid', 'config.json', 'radiiMeters.4G']);
    expect(formatInputProblem('en', error)).toBe('config.json (radiiMeters.4G): must be a number > 0 and ≤ 100,000 (metres), got -5');
    expect(formatInputProblem('vi', error)).toBe('config.json (radiiMeters.4G): cần một số lớn hơn 0 và không quá 100.000 (mét), nhưng giá trị là -5');
  });

  it('leaves out the place for problems of the whole file, and survives a worker boundary as data', () => {
    const error = new CoverageInputError({ code: 'file-empty', file: 'bts.csv' });
    expect(error.where).toBeUndefined();
    const copy = structuredClone(error.toProblem());
    expect(isInputProblem(copy)).toBe(true);
    expect(formatInputProblem('vi', copy)).toBe('bts.csv: tệp trống, không có dữ liệu');
  });
});
