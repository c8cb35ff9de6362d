import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSharedData, SHARED_DATA_DIR } from '../../../test/helpers/run-cli';
import type { Hamlet } from '../types';
import { groupHamlets } from './group-hamlets';


const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] as [number, number][][] };
function hamlet(id: string, commune: string, district: string, properties: Record<string, unknown> = {}): Hamlet {
  return { id, name: id, commune, district, properties, geometry: square };
}

describe('groupHamlets', () => {
  it('keys communes by code from the Vietnamese column names too, with the district as parent', () => {
    const grouping = groupHamlets(
      [
        hamlet('a', 'Phường 1', 'Thị xã Vĩnh Châu', { 'Mã xã': 31783, MA_HUYEN: '950' }),
        hamlet('b', 'Phường 1', 'Thành phố Sóc Trăng', { ma_xa: '31522', ma_huyen: 941 }),
        hamlet('c', 'Phường 1', 'Thị xã Vĩnh Châu', { ma_xa: ' 31783 ', ma_huyen: '950' }),
      ],
      'commune',
    );
    expect(grouping.keys).toEqual(['31783', '31522', '31783']);
    expect(grouping.units).toEqual([
      { key: '31522', code: '31522', label: 'Phường 1', parentKey: '941', parentLabel: 'Thành phố Sóc Trăng' },
      { key: '31783', code: '31783', label: 'Phường 1', parentKey: '950', parentLabel: 'Thị xã Vĩnh Châu' },
    ]);
    expect(grouping.warnings).toEqual([]);
  });

  it('keys a commune without a code by district and name, and says how many hamlets lack a code', () => {
    const grouping = groupHamlets([hamlet('a', 'Phường 1', 'Thị xã Ngã Năm', { commune_code: '31732', district_code: '948' }), hamlet('b', 'Phường 1', 'Thị xã Ngã Năm', { district_code: '948' }), hamlet('c', '', '')], 'commune');
    expect(grouping.keys).toEqual(['31732', '948 / Phường 1', '—']);
    expect(grouping.warnings.map((warning) => [warning.code, warning.params.count, warning.params.total])).toEqual([['group-codes-missing', 1, 3]]);
  });

  it('labels a code by the name most of its hamlets give, and warns when names differ', () => {
    const grouping = groupHamlets([hamlet('a', 'P.1', 'D'), hamlet('b', 'Phường 1', 'D'), hamlet('c', 'Phường 1', 'D')].map((item) => ({ ...item, properties: { commune_code: '31522' } })), 'commune');
    expect(grouping.units.map((unit) => unit.label)).toEqual(['Phường 1']);
    expect(grouping.warnings.map((warning) => warning.code)).toEqual(['group-code-names-differ']);
  });

  it('reads post-2025 communes from new_code / new_name, and any other field by its own value', () => {
    const hamlets = [hamlet('a', 'Phường 1', 'D', { new_code: '31510', new_name: 'Phường Phú Lợi', vung: 'Ven biển' }), hamlet('b', 'Phường 2', 'D', { new_commune: 'Phường Phú Lợi' })];
    expect(groupHamlets(hamlets, 'new_commune').units.map((unit) => [unit.key, unit.code, unit.label])).toEqual([
      ['31510', '31510', 'Phường Phú Lợi'],
      ['Phường Phú Lợi', null, 'Phường Phú Lợi'],
    ]);
    expect(groupHamlets(hamlets, 'vung').keys).toEqual(['Ven biển', '—']);
    // Inherited members are not properties: toString is no value of a hamlet.
    expect(groupHamlets(hamlets, 'toString').keys).toEqual(['—', '—']);
  });

  it.skipIf(!hasSharedData)('keeps the 108 real communes of Sóc Trăng apart, three of them called Phường 1', () => {
    const rows = readFileSync(join(SHARED_DATA_DIR, 'admin-units-2025-03.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const communes = rows.filter(([level]) => level === 'commune');
    const hamlets = communes.map(([, code, name, , districtCode, districtName]) => hamlet(`h${code}`, name, districtName, { commune_code: code, district_code: districtCode }));
    const { units } = groupHamlets(hamlets, 'commune');
    expect(units).toHaveLength(108);
    expect(units.filter((unit) => unit.label === 'Phường 1').map((unit) => `${unit.code} ${unit.parentLabel}`)).toEqual(['31522 Thành phố Sóc Trăng', '31732 Thị xã Ngã Năm', '31783 Thị xã Vĩnh Châu']);
    expect(groupHamlets(hamlets, 'district').units).toHaveLength(11);
  });
});
