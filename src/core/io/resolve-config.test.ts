import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { DEFAULT_CONFIG } from '../config/default-config';
import { CoverageInputError } from './input-error';
import { resolveConfig } from './resolve-config';
import { refusal } from '../../../test/helpers/messages';

describeGolden('resolveConfig', (input) => resolveConfig(input.text, input.fileName));

describe('resolveConfig', () => {
  it('returns a copy of the defaults for no configuration, and never changes the defaults', () => {
    const before = JSON.stringify(DEFAULT_CONFIG);
    const config = resolveConfig(undefined, 'none');
    expect(config).toEqual(DEFAULT_CONFIG);
    config.radiiMeters['4G'] = 1;
    config.fields.id.push('x');
    config.targets[0].target = 0;
    resolveConfig({ targets: [{ id: 'shared-sites', target: 0.5 }] }, 'c.json');
    expect(JSON.stringify(DEFAULT_CONFIG)).toBe(before);
  });

  it('names the key and the value in errors', () => {
    expect(refusal(() => resolveConfig({ radiiMeters: { '5G': 0 } }, 'c.json')).text).toBe('c.json (radiiMeters.5G): must be a number > 0 and ≤ 100,000 (metres), got 0');
    expect(refusal(() => resolveConfig({ radiiMeters: { '5G': 1e9 } }, 'c.json'), 'vi').text).toBe('c.json (radiiMeters.5G): cần một số lớn hơn 0 và không quá 100.000 (mét), nhưng giá trị là 1.000.000.000');
    try {
      resolveConfig({ colour: 'red' }, 'c.json');
    } catch (error) {
      expect(error).toBeInstanceOf(CoverageInputError);
      expect(error).toMatchObject({ code: 'config-unknown-key', file: 'c.json', where: 'colour' });
    }
    expect.assertions(4);
  });

  it('reports JSON syntax errors with the line and column', () => {
    expect(refusal(() => resolveConfig('{\n  "radiiMeters": { "4G": 3000, }\n}', 'c.json')).text).toBe('c.json: not valid JSON (error at line 2, column 32)');
    expect(refusal(() => resolveConfig('  ', 'c.json')).text).toBe('c.json: the file is empty');
  });

  it('takes every valid radius and threshold and keeps the other keys (property)', () => {
    const radius = fc.double({ min: 1, max: 50_000, noNaN: true });
    const partial = fc.record({
      radiiMeters: fc.record({ '2G': radius, '3G': radius, '4G': radius, '5G': radius, ftth: radius }, { requiredKeys: [] }),
      coveredThreshold: fc.record({ mobile: fc.double({ min: 0.001, max: 1, noNaN: true }), ftth: fc.double({ min: 0.001, max: 1, noNaN: true }) }, { requiredKeys: [] }),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(partial, (user) => {
        const config = resolveConfig(user, 'c.json');
        expect(config.radiiMeters).toEqual({ ...DEFAULT_CONFIG.radiiMeters, ...user.radiiMeters });
        expect(config.coveredThreshold).toEqual({ ...DEFAULT_CONFIG.coveredThreshold, ...user.coveredThreshold });
        expect(config.targets).toEqual(DEFAULT_CONFIG.targets);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
