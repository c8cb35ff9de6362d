import { describe, expect, it } from 'vitest';
import type { Hamlet } from '../types';
import { applyColumnChoice } from '../io/choose-columns';
import { parseCsvTable } from '../io/parse-csv-table';
import { applyMergerTable, MERGER_COLUMN_ALIASES, parseMergerCsv, parseMergerTable } from './merger-table';

const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] as [number, number][][] };
const hamlet = (id: string, commune: string, properties: Record<string, unknown> = {}): Hamlet => ({ id, name: id, commune, district: 'D', properties, geometry: square });

describe('parseMergerCsv', () => {
  it('reads rows and skips rows without a new unit', () => {
    const result = parseMergerCsv('old_code,old_name,new_code,new_name\n94101,Phường 1,99002,Phường Khánh Phước\n94102,Phường 2,,\n', 'm.csv');
    expect(result.items).toEqual([{ oldCode: '94101', oldName: 'Phường 1', newCode: '99002', newName: 'Phường Khánh Phước' }]);
    expect(result.skipped).toEqual([{ where: 'm.csv:2', code: 'merger-no-new-unit', params: {} }]);
  });
  it('reads the Vietnamese headers', () => {
    const result = parseMergerCsv('Mã xã cũ;Tên xã cũ;Mã xã mới;Tên xã mới\n31783;Phường 1;31783;Phường Vĩnh Châu\n', 'm.csv');
    expect(result.items).toEqual([{ oldCode: '31783', oldName: 'Phường 1', newCode: '31783', newName: 'Phường Vĩnh Châu' }]);
  });
});

describe('applyMergerTable', () => {
  // Real rows of the 2025 merger: three old communes named "Phường 1" go to three different new units.
  const merger = [
    { oldCode: '31522', oldName: 'Phường 1', newCode: '31510', newName: 'Phường Phú Lợi' },
    { oldCode: '31732', oldName: 'Phường 1', newCode: '31732', newName: 'Phường Ngã Năm' },
    { oldCode: '31783', oldName: 'Phường 1', newCode: '31783', newName: 'Phường Vĩnh Châu' },
    { oldCode: '', oldName: 'Xã Vĩnh Quới', newCode: '31732', newName: 'Phường Ngã Năm' },
  ];

  it('gives new_code and new_name by the hamlet’s commune code, and leaves the input unchanged', () => {
    const hamlets = [hamlet('a', 'Phường 1', { commune_code: '31783' }), hamlet('b', 'Phường 1', { ma_xa: 31522 }), hamlet('c', 'Phường 1', { 'Mã xã': '31732' })];
    const result = applyMergerTable(hamlets, merger);
    expect(result.map((item) => [item.properties.new_code, item.properties.new_name])).toEqual([
      ['31783', 'Phường Vĩnh Châu'],
      ['31510', 'Phường Phú Lợi'],
      ['31732', 'Phường Ngã Năm'],
    ]);
    expect(hamlets[0].properties.new_code).toBeUndefined();
  });

  it('matches by name only when the name is unique in the table', () => {
    const result = applyMergerTable([hamlet('a', 'Xã Vĩnh Quới'), hamlet('b', 'Phường 1'), hamlet('c', 'Xã Khác', { new_code: '9', new_name: 'Giữ nguyên' })], merger);
    expect(result.map((item) => item.properties.new_code ?? null)).toEqual(['31732', null, '9']);
  });

  it('replaces a stale new unit of the layer with the table’s', () => {
    const [result] = applyMergerTable([hamlet('a', 'Phường 1', { commune_code: '31522', new_code: 'x', new_name: 'Cũ' })], [{ oldCode: '31522', oldName: '', newCode: '', newName: 'Phường Phú Lợi' }]);
    expect(result.properties).toEqual({ commune_code: '31522', new_name: 'Phường Phú Lợi' });
  });
});

describe('a merger table as offices make it', () => {
  it('is found under its title and date rows, and read through the column the user chose', () => {
    const table = parseCsvTable('BẢNG SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ;;\nNgày 01/7/2025;;\nMã xã cũ;Tên xã cũ;Đơn vị sau sắp xếp\n31522;Xã Đại Tâm;Phường Mỹ Xuyên\n', 'm.csv');
    expect(table.layout.headerRow).toBe(3);
    expect(parseMergerTable(table, 'm.csv').items).toEqual([]);
    const chosen = applyColumnChoice(table, MERGER_COLUMN_ALIASES, { newName: 'Đơn vị sau sắp xếp' });
    expect(parseMergerTable(chosen, 'm.csv').items).toEqual([{ oldCode: '31522', oldName: 'Xã Đại Tâm', newCode: '', newName: 'Phường Mỹ Xuyên' }]);
  });
});
