import { describe, expect, it } from 'vitest';
import { findMissingColumns, requiredColumnsOf } from './column-mapping';

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
  it('asks a layer only for attributes: its positions are its geometry', () => {
    expect(requiredColumnsOf('sites', 'layer').map((column) => column.field)).toEqual(['operator', 'technologies']);
    expect(findMissingColumns('sites', ['NHA_MANG', 'CONG_NGHE'], 'layer')).toEqual([]);
    expect(findMissingColumns('hamlets', ['MA_AP', 'TEN_AP', 'F3', 'HUYEN'], 'layer').map((column) => column.field)).toEqual(['commune']);
  });
  it('lets a fibre layer or list without an operator through, offering the operator when the step is shown', () => {
    expect(findMissingColumns('fibre', ['ID', 'LOAI'], 'layer')).toEqual([]);
    expect(findMissingColumns('fibre', ['ma_diem', 'kinh_do', 'vi_do'])).toEqual([]);
    expect(requiredColumnsOf('fibre', 'layer').map((column) => [column.field, column.optional === true])).toEqual([['operator', true]]);
    expect(findMissingColumns('fibre', ['ma_diem', 'X1', 'Y1']).map((column) => column.field)).toEqual(['lng', 'lat']);
  });
  it('takes a commune code instead of a commune name in a hamlet list', () => {
    expect(findMissingColumns('hamlet-list', ['ten_ap', 'ma_xa'])).toEqual([]);
    expect(findMissingColumns('hamlet-list', ['Ấp số', 'Đơn vị']).map((column) => column.field)).toEqual(['name', 'commune']);
  });
});
