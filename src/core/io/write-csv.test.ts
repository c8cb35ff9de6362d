import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatChallengesCsv } from '../measurements/format-evidence';
import type { ChallengeHex } from '../measurements/find-challenge-hexes';
import { csvPercent, writeCsv, type CsvCell } from './write-csv';

/** What Excel and LibreOffice run as a formula when a cell starts with it. */
const STARTS_FORMULA = /^[=+\-@\t\r]/;

/** Reads the text back as a spreadsheet would, without the writer's help. */
function readBack(text: string, delimiter: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  const body = text.slice(1);
  expect(body.endsWith('\r\n')).toBe(true);
  return Papa.parse<string[]>(body.slice(0, -2), { delimiter, newline: '\r\n' }).data;
}

const hostileText = fc.oneof(
  fc.string(),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '"', ';', ','), fc.string()).map(([start, rest]) => start + rest),
  fc.constantFrom('=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', 'Ấp Phú Lợi; "Khóm 1"', '__proto__'),
);
const cellValue: fc.Arbitrary<CsvCell> = fc.oneof(hostileText, fc.double({ noNaN: false }), fc.integer(), fc.constant(null), fc.constant(undefined));

describe('writeCsv', () => {
  it('keeps the empty cells of a one-column table as rows, the header alone too (a file of blank lines reads as no rows)', () => {
    expect(readBack(writeCsv([''], []), ',')).toEqual([['']]);
    expect(readBack(writeCsv([''], [[''], ['a'], [null]]), ',')).toEqual([[''], [''], ['a'], ['']]);
  });

  it('round-trips every row; no text cell starts a formula; numbers stay numbers (property)', () => {
    fc.assert(
      fc.property(
        fc.array(hostileText, { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(cellValue, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        fc.constantFrom('standard' as const, 'excel-vn' as const),
        (header, rows, dialect) => {
          const width = header.length;
          const table = rows.map((row) => Array.from({ length: width }, (_, index) => row[index]));
          const delimiter = dialect === 'excel-vn' ? ';' : ',';
          const back = readBack(writeCsv(header, table, { dialect }), delimiter);
          expect(back.length).toBe(table.length + 1);
          [header, ...table].forEach((row, r) => {
            expect(back[r].length).toBe(width);
            row.forEach((value, c) => {
              const cell = back[r][c];
              if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
                expect(cell).toBe('');
              } else if (typeof value === 'number') {
                const text = String(value);
                expect(cell).toBe(dialect === 'excel-vn' ? text.replace('.', ',') : text);
              } else if (STARTS_FORMULA.test(value)) {
                expect(cell).toBe(`'${value}`);
              } else {
                expect(cell).toBe(value);
              }
              if (typeof value === 'string') expect(STARTS_FORMULA.test(cell)).toBe(false);
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes the Vietnamese-Excel dialect by hand-checked example', () => {
    expect(writeCsv(['id', 'tỷ lệ'], [['=1+1', 0.5], ['Khóm 1', -3]], { dialect: 'excel-vn', bom: false })).toBe("id;tỷ lệ\r\n'=1+1;0,5\r\nKhóm 1;-3\r\n");
    expect(csvPercent(0.9384, 'excel-vn')).toBe('93,8%');
    expect(csvPercent(0.9384, 'standard')).toBe('93.8%');
  });

  it('writes the challenged hexagons with a hostile operator name defused, tab and CR too', () => {
    const challenge = (operator: string): ChallengeHex =>
      ({ h3: '8865a8c8a5fffff', operator, technology: '4G', kind: 'false-covered', tests: 6, contradicting: 5, hoursSpanned: 3.456, firstMs: 0, lastMs: 3_600_000 }) as ChallengeHex;
    const back = readBack(formatChallengesCsv([challenge('\t=cmd|calc'), challenge('\r@SUM(1)')]), ',');
    expect(back[0]).toEqual(['h3', 'operator', 'technology', 'kind', 'tests', 'contradicting', 'hours_spanned', 'first_test', 'last_test']);
    expect(back[1]).toEqual(['8865a8c8a5fffff', "'\t=cmd|calc", '4G', 'false-covered', '6', '5', '3.46', '1970-01-01T00:00:00.000Z', '1970-01-01T01:00:00.000Z']);
    expect(back[2][1]).toBe("'\r@SUM(1)");
  });

  it('is the only CSV writer: no other module of the app, CLI or print calls papaparse’s unparse', () => {
    const root = join(__dirname, '..', '..', '..');
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && /\bunparse\s*\(/.test(readFileSync(path, 'utf8'))) found.push(relative(root, path).split('\\').join('/'));
      }
    };
    walk(join(root, 'src'));
    walk(join(root, 'scripts'));
    expect(found.sort()).toEqual(['src/core/io/write-csv.ts']);
  });
});
