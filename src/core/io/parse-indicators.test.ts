import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import type { PlanTarget } from '../types';
import { parseIndicatorsCsv, parseIndicatorsJson } from './parse-indicators';

describeGolden('parseIndicatorsCsv', (input) => parseIndicatorsCsv(input.text, input.fileName));
describeGolden('parseIndicatorsJson', (input) => parseIndicatorsJson(input.json(), input.fileName));

describe('parseIndicatorsCsv', () => {
  it('matches indicators against the targets it is given', () => {
    const targets: PlanTarget[] = [{ id: 'custom-share', label: 'Tỷ lệ tùy chỉnh', comparator: '>=', target: 0.5, unit: 'share' }];
    const result = parseIndicatorsCsv('chi_tieu;gia_tri\nTỷ lệ tùy chỉnh;45\ncloud-use;0,8\n', 'c.csv', targets);
    expect(result.items.map(({ indicator, value }) => [indicator, value])).toEqual([['custom-share', 0.45], ['cloud-use', 0.8]]);
    expect(result.warnings.map(({ code }) => code)).toEqual(['unknown-indicator']);
  });

  it('reads the three ways of writing a share the same way (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100 }), fc.constantFrom(' %', '%'), (percent, sign) => {
        const decimal = (percent / 100).toString().replace('.', ',');
        const text = `chi_tieu;gia_tri\ncloud-use;${percent}${sign}\ncloud-use;${percent}\ncloud-use;${decimal}\n`;
        const values = parseIndicatorsCsv(text, 'c.csv').items.map(({ value }) => value);
        expect(values).toEqual([percent / 100, percent / 100, percent / 100]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('parseIndicatorsJson', () => {
  it('accounts for every row (property)', () => {
    const row = fc.oneof(fc.dictionary(fc.constantFrom('indicator', 'value', 'date', 'chi_tieu', 'gia_tri'), fc.jsonValue({ maxDepth: 0 })), fc.jsonValue({ maxDepth: 1 }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), fc.boolean(), (rows, isWrapped) => {
        const result = parseIndicatorsJson(isWrapped ? { rows } : rows, 'i.json');
        expect(result.rowsRead).toBe(rows.length);
        expect(result.rowsRead).toBe(result.rowsUsed + result.skipped.length);
        for (const { value } of result.items) expect(Number.isFinite(value)).toBe(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
