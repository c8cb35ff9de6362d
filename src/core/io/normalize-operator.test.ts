import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { SHARED_TOWER_OPERATOR } from '../types';
import { OPERATOR_ALIASES, normalizeOperator } from './normalize-operator';

describeGolden('normalizeOperator', (input) => {
  const { inputs } = input.json() as { inputs: string[] };
  return inputs.map((raw) => ({ raw, ...normalizeOperator(raw) }));
});

describe('normalizeOperator', () => {
  it('maps every alias spelling to its operator (property)', () => {
    const pairs = Object.entries(OPERATOR_ALIASES).flatMap(([name, aliases]) => aliases.map((alias) => [name, alias] as const));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.boolean(), fc.constantFrom(' ', '-', '_', ''), fc.constantFrom('', ' ', '  '), ([name, alias], isUpper, separator, padding) => {
        const raw = `${padding}${(isUpper ? alias.toUpperCase() : alias).replace(/ /g, separator)}${padding}`;
        expect(normalizeOperator(raw)).toEqual({ name, known: true });
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('keeps unknown names trimmed as written (property)', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = normalizeOperator(raw);
        return result.known ? [...Object.keys(OPERATOR_ALIASES), SHARED_TOWER_OPERATOR].includes(result.name) : result.name === raw.trim();
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('reads a proposed shared tower back as one, not as an unknown operator', () => {
    for (const raw of ['Dùng chung', 'DUNG CHUNG', 'trạm dùng chung', 'shared']) expect(normalizeOperator(raw)).toEqual({ name: SHARED_TOWER_OPERATOR, known: true });
  });
});
