import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRow, dmsPartOf, isKnownColumnName, locateHeader, type RawRow } from './locate-header';

const KNOWN = ['Mã trạm', 'Nhà mạng', 'Kinh độ', 'Vĩ độ', 'Công nghệ', 'Bán kính (m)', 'site_id', 'operator', 'lon', 'lat', 'technology', 'Độ cao (m)'];
const TITLES = ['DANH SÁCH TRẠM BTS TRÊN ĐỊA BÀN TỈNH SÓC TRĂNG', '(Kèm theo Công văn số 123/STTTT)', 'Đơn vị tính: trạm', 'Số liệu đến 31/12/2024', 'Phụ lục 2'];
const rows = (cells: string[][], first = 1): RawRow[] => cells.map((row, index) => ({ rowNumber: first + index, cells: row }));

describe('locateHeader', () => {
  it('finds the header under any title rows, and the same header when it comes first (property)', () => {
    const table = fc.record({
      headers: fc.uniqueArray(fc.constantFrom(...KNOWN), { minLength: 2, maxLength: 8 }),
      titles: fc.array(fc.constantFrom(...TITLES), { maxLength: 5 }),
      data: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.stringMatching(/^ST\d{3}$/), fc.constantFrom('Viettel', 'VNPT', '4G', '9°36\'18"')), { minLength: 1, maxLength: 8 }), { maxLength: 20 }),
    });
    fc.assert(
      fc.property(table, ({ headers, titles, data }) => {
        const all = rows([...titles.map((title) => [title]), headers, ...data]);
        const found = locateHeader(all)!;
        expect(found.index).toBe(titles.length);
        expect(found.rowCount).toBe(1);
        expect(found.headers).toEqual(headers);
        expect(locateHeader(rows([headers, ...data]))!.index).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('joins two header rows: a merged group over its columns, in CSV (empty after the first) and in a sheet (repeated)', () => {
    const upper = ['STT', 'Mã trạm', 'Tọa độ', '', 'Công nghệ'];
    const lower = ['', '', 'Kinh độ', 'Vĩ độ', ''];
    const found = locateHeader(rows([['DANH SÁCH TRẠM'], upper, lower, ['1', 'ST01', '105.9', '9.6', '4G']]))!;
    expect([found.index, found.rowCount]).toEqual([2, 2]);
    expect(found.headers).toEqual(['STT', 'Mã trạm', 'Kinh độ', 'Vĩ độ', 'Công nghệ']);
    // A sheet's merged cells read as the master's value in every cell they cover.
    const sheet = locateHeader(rows([['STT', 'Mã trạm', 'Tọa độ', 'Tọa độ'], ['STT', 'Mã trạm', 'Kinh độ', 'Vĩ độ'], ['1', 'ST01', '105.9', '9.6']]))!;
    expect([sheet.index, sheet.rowCount, sheet.headers]).toEqual([1, 2, ['STT', 'Mã trạm', 'Kinh độ', 'Vĩ độ']]);
  });

  it('keeps a header over its first data row apart, and names degree / minute / second columns', () => {
    const single = locateHeader(rows([['site_id', 'lon', 'lat'], ['ST01', '105.9', '9.6']]))!;
    expect([single.index, single.rowCount]).toEqual([0, 1]);
    const dms = locateHeader(rows([['Mã trạm', 'Kinh độ', '', ''], ['', 'Độ', 'Phút', 'Giây'], ['ST01', '105', '58', '12,5']]))!;
    expect(dms.headers).toEqual(['Mã trạm', 'Kinh độ (Độ)', 'Kinh độ (Phút)', 'Kinh độ (Giây)']);
    expect(dmsPartOf('Vĩ độ - phút')).toEqual({ base: 'Vĩ độ', part: 'minutes' });
    expect(dmsPartOf('Công nghệ (độ)')).toBeNull();
  });

  it('takes the row the user picks, and the first row when no row has a known name', () => {
    const table = rows([['a', 'b'], ['Mã trạm', 'Kinh độ', 'Vĩ độ'], ['x', 'y']]);
    expect(locateHeader(table, 2)).toMatchObject({ index: 2, isChosen: true, headers: ['x', 'y'] });
    expect(locateHeader(rows([['cot 1', 'cot 2'], ['1', '2']]))).toMatchObject({ index: 0, knownCount: 0 });
    expect(locateHeader([])).toBeNull();
  });

  it('knows the names offices write', () => {
    for (const name of ['Mã trạm', 'Nhà mạng', 'Vĩ độ (giây)', 'Bán kính (m)']) expect(isKnownColumnName(name), name).toBe(true);
    for (const name of ['STT', 'Ghi chú', TITLES[0], '']) expect(isKnownColumnName(name), name).toBe(false);
  });
});

describe('classifyRow', () => {
  const headers = ['STT', 'Mã trạm', 'Nhà mạng', 'Kinh độ', 'Vĩ độ'];
  it('tells totals, column numbers and a repeated header from data', () => {
    expect(classifyRow(['', 'Tổng cộng', '5 trạm'], headers)).toBe('totals');
    expect(classifyRow(['Cộng', '', '12'], headers)).toBe('totals');
    expect(classifyRow(['(1)', '(2)', '(3)', '(4)', '(5)'], headers)).toBe('numbering');
    expect(classifyRow(['1', '2', '3'], headers)).toBe('numbering');
    expect(classifyRow(['STT', 'Mã trạm', 'Nhà mạng', 'Kinh độ', 'Vĩ độ'], headers)).toBe('header-repeat');
    expect(classifyRow(['1', 'ST001', 'Viettel', '105.9', '9.6'], headers)).toBeNull();
    expect(classifyRow(['2', 'CONG01', 'VNPT', '105.9', '9.6'], headers)).toBeNull();
    expect(classifyRow(['1', '2', '3', '4', '9.6'], headers)).toBeNull();
  });
});
