import { describe, expect, it } from 'vitest';
import { CoverageInputError } from './input-error';

describe('CoverageInputError', () => {
  it('names the file, the place and the problem', () => {
    const error = new CoverageInputError({ code: 'invalid-config', file: 'config.json', where: 'radiiMeters.4G', detail: 'must be a number > 0 (metres), got -5' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CoverageInputError');
    expect(error.message).toBe('config.json (radiiMeters.4G): must be a number > 0 (metres), got -5');
    expect([error.code, error.file, error.where]).toEqual(['invalid-config', 'config.json', 'radiiMeters.4G']);
  });

  it('leaves out the place for problems of the whole file', () => {
    const error = new CoverageInputError({ code: 'empty-file', file: 'bts.csv', detail: 'the file is empty' });
    expect(error.message).toBe('bts.csv: the file is empty');
    expect(error.where).toBeUndefined();
  });
});
