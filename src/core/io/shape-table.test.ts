import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config';
import { message } from '../messages';
import { CoverageInputError } from './input-error';
import { HEADER_SEARCH_ROWS, type RawRow } from './locate-header';
import { parseInputBytes } from './parse-input-bytes';
import { shapeTable, type ShapeTableOptions } from './shape-table';

const OPTIONS: ShapeTableOptions = { numbering: 'sheet', extraCells: () => message('extra-cells-sheet') };
const CELLS = ['', ' ', 'Mã trạm', 'Kinh độ', 'Vĩ độ', 'Tọa độ', 'STT', 'Tổng cộng', 'Cộng', '(1)', '1', '105,97', '9°36\'12,5"', 'DANH SÁCH TRẠM BTS', 'x', 'y', 'lat', 'Độ', 'Phút', 'Giây', 'Kinh độ (phút)', '__proto__', 'constructor'];

describe('shapeTable on arbitrary grids (property)', () => {
  const grid = fc.array(fc.array(fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 6 })), { maxLength: 7 }), { maxLength: 45 });
  it('never throws but for its own refusals, which name the table and the row; never takes a header past row 30', () => {
    fc.assert(
      fc.property(grid, fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }), (cells, headerRow) => {
        const rows: RawRow[] = cells.map((row, index) => ({ rowNumber: index + 1, cells: row }));
        try {
          const { table, layout } = shapeTable(rows, 't.xlsx[S]', headerRow === undefined ? OPTIONS : { ...OPTIONS, headerRow });
          if (headerRow === undefined) {
            // The first non-blank row is the fallback header: past row 30 only when every row before it is blank.
            const firstFilled = rows.find((row) => row.cells.some((cell) => cell.trim() !== ''))!.rowNumber;
            expect(layout.headerRow).toBeLessThanOrEqual(Math.max(HEADER_SEARCH_ROWS, firstFilled));
          } else expect(layout).toMatchObject({ headerRow, isChosen: true });
          expect(table.rows).toHaveLength(table.rowNumbers.length);
          for (const number of table.rowNumbers) expect(number).toBeGreaterThan(layout.headerRow);
          for (const row of table.rows) expect(Object.getPrototypeOf(row)).toBeNull();
          expect(new Set(table.headers).size).toBe(table.headers.length);
        } catch (error) {
          expect(error).toBeInstanceOf(CoverageInputError);
          const refusal = error as CoverageInputError;
          expect(refusal.file).toBe('t.xlsx[S]');
          if (refusal.code === 'header-row-missing') expect(refusal.params.row).toBe(headerRow);
          else expect(refusal.code).toBe('file-empty');
        }
      }),
      { numRuns: 400, seed: 2025 },
    );
  });
});

describe('shapeTable header search (property)', () => {
  it('finds a header of known names on rows 1–30, and never one further down', () => {
    const headers = ['Mã trạm', 'Nhà mạng', 'Kinh độ', 'Vĩ độ', 'Công nghệ'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.constantFrom('Ghi chú', 'DANH SÁCH TRẠM BTS', '(kèm theo công văn)'), (titleCount, title) => {
        const rows: RawRow[] = [...Array.from({ length: titleCount }, () => [title]), headers, ['ST01', 'Viettel', '105.9', '9.6', '4G']].map((cells, index) => ({ rowNumber: index + 1, cells }));
        const { layout } = shapeTable(rows, 't.csv', OPTIONS);
        expect(layout.headerRow).toBe(titleCount + 1 <= HEADER_SEARCH_ROWS ? titleCount + 1 : 1);
      }),
      { numRuns: 100, seed: 2025 },
    );
  });
});

describe('shapeTable', () => {
  const rows = (cells: string[][]): RawRow[] => cells.map((row, index) => ({ rowNumber: index + 1, cells: row }));

  it('joins separate degree / minute / second columns of a two-row header into one coordinate', () => {
    const { table } = shapeTable(
      rows([['DANH SÁCH TRẠM'], ['Mã trạm', 'Kinh độ', '', '', 'Vĩ độ', '', ''], ['', 'Độ', 'Phút', 'Giây', 'Độ', 'Phút', 'Giây'], ['ST01', '105', '58', '16,4', '9', '36', '12,5']]),
      'a.xlsx[S]',
      OPTIONS,
    );
    expect(table.headers.slice(-2)).toEqual(['Kinh độ', 'Vĩ độ']);
    expect([table.rows[0]['Kinh độ'], table.rows[0]['Vĩ độ']]).toEqual(['105°58\'16,4"', '9°36\'12,5"']);
    expect(table.warnings.map((warning) => warning.code)).toEqual(['rows-above-header', 'dms-columns-joined']);
  });

  it('lists totals, numbering, repeated-header and blank rows with their places, and no trailing blank rows', () => {
    const { table } = shapeTable(rows([['STT', 'Mã trạm', 'Kinh độ', 'Vĩ độ'], ['(1)', '(2)', '(3)', '(4)'], ['1', 'A', '105.9', '9.6'], [], ['STT', 'Mã trạm', 'Kinh độ', 'Vĩ độ'], ['2', 'B', '105.8', '9.5'], ['Tổng cộng', '2 trạm'], [], []]), 'a.csv', { ...OPTIONS, numbering: 'after-header' });
    expect(table.rowNumbers).toEqual([2, 5]);
    expect(table.warnings.map((warning) => [warning.code, warning.where])).toEqual([
      ['numbering-row-skipped', 'a.csv:1'],
      ['blank-rows-skipped', 'a.csv:3'],
      ['header-repeat-skipped', 'a.csv:4'],
      ['totals-row-skipped', 'a.csv:6'],
    ]);
  });

  it('reads VN-2000 northing / easting columns named "Toạ độ X (m)" / "Toạ độ Y (m)" through the coordinate-system guess', async () => {
    // X = northing, Y = easting, as Vietnamese surveyors write them (VN-2000, TM-3 zone 105°30').
    const csv = 'Mã trạm;Nhà mạng;Toạ độ X (m);Toạ độ Y (m);Công nghệ\nST01;Viettel;1061850,2;553390,7;4G\nST02;VNPT;1062400;554100;4G\n';
    const parsed = await parseInputBytes('sites', 'xy.csv', new TextEncoder().encode(csv), DEFAULT_CONFIG);
    expect(parsed.crs).toMatchObject({ crsId: 'vn2000-tm:105.5', isSwapped: true });
    const [first] = parsed.input.btsRecords!;
    expect(first.lng).toBeGreaterThan(105.9);
    expect(first.lng).toBeLessThan(106.1);
    expect(first.lat).toBeGreaterThan(9.5);
    expect(first.lat).toBeLessThan(9.7);
  });
});
