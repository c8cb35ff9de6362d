import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { CoverageInputError } from './input-error';
import { parseCsvTable, type CsvDelimiter } from './parse-csv-table';
import { refusal } from '../../../test/helpers/messages';

describeGolden('parseCsvTable', (input) => parseCsvTable(input.text, input.fileName));

describe('parseCsvTable', () => {
  it('throws a CoverageInputError naming the file when there is no header', () => {
    expect(() => parseCsvTable('', 'empty.csv')).toThrow(CoverageInputError);
    expect(refusal(() => parseCsvTable('\n;;;\n', 'empty.csv'))).toEqual({ code: 'file-empty', text: 'empty.csv: the file is empty' });
  });

  it('reads header-only files as no rows', () => {
    expect(parseCsvTable('a;b\n', 'h.csv')).toMatchObject({ headers: ['a', 'b'], rows: [], rowNumbers: [] });
  });

  it('gives back any table of plain cells, whatever the delimiter (property)', () => {
    const cellFor = (delimiter: CsvDelimiter) =>
      fc.string({ unit: fc.constantFrom(...`abcĐđạ019.,; -`.split('').filter((character) => character !== delimiter)), maxLength: 6 }).map((cell) => cell.trim());
    const table = fc.constantFrom<CsvDelimiter>(',', ';', '\t').chain((delimiter) =>
      fc.integer({ min: 1, max: 5 }).chain((width) =>
        fc.record({
          delimiter: fc.constant(delimiter),
          // NOTE: fc.stringMatching inside chain() is rebuilt per sample and takes seconds; numbered names are enough.
          headers: fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: width, maxLength: width }).map((ids) => ids.map((id) => `Cột ${id}`)),
          rows: fc.array(fc.array(cellFor(delimiter), { minLength: width, maxLength: width }), { maxLength: 8 }),
          lineBreak: fc.constantFrom('\n', '\r\n'),
        }),
      ),
    );
    fc.assert(
      fc.property(table, ({ delimiter, headers, rows, lineBreak }) => {
        const text = [headers, ...rows].map((row) => row.join(delimiter)).join(lineBreak);
        const parsed = parseCsvTable(text, 't.csv');
        const kept = rows.map((row, index) => ({ row, number: index + 1 })).filter(({ row }) => row.some((cell) => cell !== ''));
        expect(parsed.headers).toEqual(headers);
        expect(parsed.rows).toEqual(kept.map(({ row }) => Object.fromEntries(headers.map((header, column) => [header, row[column]]))));
        expect(parsed.rowNumbers).toEqual(kept.map(({ number }) => number));
        if (headers.length > 1) expect(parsed.delimiter).toBe(delimiter);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
