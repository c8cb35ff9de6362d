import { describe, expect, it } from 'vitest';
import { parseBtsCsv, parseHamletsGeoJson } from '../../core';
import { buildHamletFields, findMissingColumns, inspectHamletProperties, readCsvHeaders, renameCsvHeaders } from './column-mapping';

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

describe('hamlet property mapping', () => {
  const collection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { MA: 'A1', TEN_AP: 'Ấp 1', XA_PHUONG: 'Xã X', HUYEN: 'H' }, geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [106, 9.6], [106, 9.7], [105.9, 9.6]]] } }],
  };
  it('finds the label fields no property matches', () => {
    const { headers, missing } = inspectHamletProperties(JSON.stringify(collection));
    expect(headers).toEqual(['MA', 'TEN_AP', 'XA_PHUONG', 'HUYEN']);
    expect(missing.map((column) => column.field)).toEqual(['commune']);
  });
  it('lets the parser read a mapped property', () => {
    const fields = buildHamletFields({ commune: 'XA_PHUONG' });
    expect(parseHamletsGeoJson(collection, 'ap.geojson', fields).items[0].commune).toBe('Xã X');
  });
});
