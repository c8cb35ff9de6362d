import { describe, expect, it } from 'vitest';
import { parseBtsCsv } from '../../core';
import { findMissingColumns, readCsvHeaders, renameCsvHeaders } from './column-mapping';

describe('findMissingColumns', () => {
  it('accepts Vietnamese site headers', () => {
    expect(findMissingColumns('sites', ['ma_tram', 'nha_mang', 'kinh_do', 'vi_do', 'cong_nghe'])).toEqual([]);
  });
  it('names what a site list lacks', () => {
    expect(findMissingColumns('sites', ['Trạm', 'Mạng', 'Kinh độ', 'Vĩ độ', 'Công nghệ']).map((column) => column.field)).toEqual(['operator']);
  });
  it('takes an old name instead of an old code in a merger table', () => {
    expect(findMissingColumns('merger', ['old_name', 'new_name'])).toEqual([]);
    expect(findMissingColumns('merger', ['xa', 'moi']).map((column) => column.field)).toEqual(['oldCode', 'newName']);
  });
});

describe('renameCsvHeaders', () => {
  it('renames mapped headers so the core parser reads the rows', () => {
    const text = 'Trạm;Mạng;Kinh độ;Vĩ độ;Công nghệ\nST01;Viettel;105,97;9,60;4G\n';
    expect(readCsvHeaders(text)).toEqual(['Trạm', 'Mạng', 'Kinh độ', 'Vĩ độ', 'Công nghệ']);
    const renamed = renameCsvHeaders(text, 'sites', { operator: 'Mạng' });
    expect(renamed.split(/\r?\n/)[0]).toBe('Trạm;operator;Kinh độ;Vĩ độ;Công nghệ');
    expect(parseBtsCsv(renamed, 'x.csv').items[0]).toMatchObject({ operator: 'Viettel', lng: 105.97, lat: 9.6 });
  });
});
