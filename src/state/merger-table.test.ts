import { describe, expect, it } from 'vitest';
import type { Hamlet } from '../core';
import { applyMergerTable, parseMergerCsv } from './merger-table';

const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] as [number, number][][] };
const hamlet = (id: string, commune: string, code?: string): Hamlet => ({
  id,
  name: id,
  commune,
  district: 'D',
  properties: code ? { commune_code: code } : {},
  geometry: square,
});

describe('parseMergerCsv', () => {
  it('reads rows and skips rows without a new unit', () => {
    const result = parseMergerCsv('old_code,old_name,new_code,new_name\n94101,Phường 1,99002,Phường Khánh Phước\n94102,Phường 2,,\n', 'm.csv');
    expect(result.items).toEqual([{ oldCode: '94101', oldName: 'Phường 1', newCode: '99002', newName: 'Phường Khánh Phước' }]);
    expect(result.skipped).toEqual([{ where: 'm.csv:2', code: 'merger-no-new-unit', params: {} }]);
  });
});

describe('applyMergerTable', () => {
  it('matches by code, then by a unique old name, and leaves the input unchanged', () => {
    const hamlets = [hamlet('a', 'Phường 1', '94101'), hamlet('b', 'Xã X'), hamlet('c', 'Xã Y')];
    const merger = [
      { oldCode: '94101', oldName: 'Phường 1', newCode: '1', newName: 'Mới 1' },
      { oldCode: '', oldName: 'Xã X', newCode: '2', newName: 'Mới 2' },
    ];
    const result = applyMergerTable(hamlets, merger);
    expect(result.map((item) => item.properties.new_commune)).toEqual(['Mới 1', 'Mới 2', undefined]);
    expect(hamlets[0].properties.new_commune).toBeUndefined();
  });
});
