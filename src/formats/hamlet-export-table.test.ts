import { describe, expect, it } from 'vitest';
import type { Hamlet, HamletResult } from '../core/types';
import { buildHamletExportCollection, buildHamletExportRows, hamletExportColumns, HAMLET_EXPORT_COLUMNS } from './hamlet-export-table';

const result: HamletResult = {
  id: 'A1', name: 'Khóm 1', commune: 'Phường 5', district: 'Thành phố Sóc Trăng', households: 288, areaKm2: 0.5,
  fraction: { mobile: 1, '4g': 1, '5g': 0.25, ftth: 0 }, covered: { mobile: true, '4g': true, '5g': false, ftth: false },
  operatorFraction: {}, groupKeys: {},
};
const hamlet = (id: string): Hamlet => ({ id, name: id, commune: '', district: '', properties: {}, geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [106, 9.6], [106, 9.7], [105.9, 9.6]]] } });

describe('hamlet export table', () => {
  it('has no approximate columns when no hamlet is approximate', () => {
    expect(hamletExportColumns([result])).toBe(HAMLET_EXPORT_COLUMNS);
    expect(buildHamletExportRows([result])[0]).toHaveLength(HAMLET_EXPORT_COLUMNS.length);
  });

  it('adds the approximate mark and the point rule per layer (empty without a point), Shapefile-safe', () => {
    const pointed: HamletResult = { ...result, approximate: true, pointCovered: { mobile: true, '4g': false, '5g': false, ftth: true } };
    const communeUnit: HamletResult = { ...result, id: 'B2', approximate: true };
    const columns = hamletExportColumns([pointed, communeUnit]);
    expect(columns.slice(HAMLET_EXPORT_COLUMNS.length).map((column) => [column.field, column.vi])).toEqual([
      ['gan_dung', 'Gần đúng'], ['diem_dd', 'Điểm được phủ di động băng rộng'], ['diem_4g', 'Điểm được phủ 4G'], ['diem_5g', 'Điểm được phủ 5G'], ['diem_ftth', 'Điểm được phủ FTTH'],
    ]);
    for (const column of columns) expect(column.field.length).toBeLessThanOrEqual(10);
    const features = buildHamletExportCollection([hamlet('A1'), hamlet('B2')], [pointed, communeUnit]).features;
    expect(features[0].properties).toMatchObject({ gan_dung: 'Có', diem_dd: 'Có', diem_4g: 'Không', diem_5g: 'Không', diem_ftth: 'Có' });
    expect(features[1].properties).toMatchObject({ gan_dung: 'Có', diem_dd: null, diem_ftth: null });
    const rows = buildHamletExportRows([pointed, result]);
    expect(rows[1].slice(HAMLET_EXPORT_COLUMNS.length)).toEqual([false, null, null, null, null]);
  });
});
