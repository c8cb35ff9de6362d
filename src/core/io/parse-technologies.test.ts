import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { TECHNOLOGIES } from '../types';
import { parseTechnologies } from './parse-technologies';

describeGolden('parseTechnologies', (input) => {
  const { inputs } = input.json() as { inputs: string[] };
  return inputs.map((raw) => ({ raw, ...parseTechnologies(raw) }));
});

describe('parseTechnologies', () => {
  it('reads any list of technologies with any separators (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TECHNOLOGIES, 'LTE', 'NR', 'GSM', 'UMTS'), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(';', '/', ', ', ' + ', ' | ', ' '),
        (names, separator) => {
          const synonyms: Record<string, string> = { LTE: '4G', NR: '5G', GSM: '2G', UMTS: '3G' };
          const expected = TECHNOLOGIES.filter((technology) => names.some((name) => (synonyms[name] ?? name) === technology));
          expect(parseTechnologies(names.join(separator))).toEqual({ technologies: expected, unknown: [] });
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('returns unique, ordered technologies for any text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const { technologies } = parseTechnologies(raw);
        return technologies.every((technology, index) => index === 0 || TECHNOLOGIES.indexOf(technologies[index - 1]) < TECHNOLOGIES.indexOf(technology));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
