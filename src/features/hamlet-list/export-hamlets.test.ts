import { describe, expect, it } from 'vitest';
import type { Hamlet, HamletResult } from '../../core';
import { buildHamletCsv, buildHamletGeoJson } from './export-hamlets';

const result: HamletResult = {
  id: 'A1',
  name: '=cmd()',
  commune: 'Xã Đại Ân 1',
  district: 'Huyện Cù Lao Dung',
  households: 120,
  areaKm2: 1,
  fraction: { mobile: 0.1234567, '4g': 0, '5g': 0, ftth: 0.5 },
  covered: { mobile: false, '4g': false, '5g': false, ftth: true },
  operatorFraction: {},
  groupKeys: { district: '945', commune: '=31540' },
};

describe('buildHamletCsv', () => {
  it('writes a table in the user\'s language: headers in words, unit codes, shares as percentages, Có / Không, formulas defused', () => {
    const lines = buildHamletCsv([result], 'vi').split('\r\n');
    expect(lines[0]).toBe(
      '\ufeff"Mã ấp, khóm","Tên ấp, khóm","Xã, phường, thị trấn","Huyện, thị xã, thành phố",Mã huyện,Mã xã,"Mã xã, phường mới (từ 1/7/2025)",Số hộ,Số dân,Diện tích (km²),' +
        'Tỷ lệ diện tích được phủ: Di động băng rộng,Được phủ: Di động băng rộng,Tỷ lệ diện tích được phủ: 4G,Được phủ: 4G,' +
        'Tỷ lệ diện tích được phủ: 5G,Được phủ: 5G,Tỷ lệ diện tích được phủ: Cáp quang FTTH,Được phủ: Cáp quang FTTH',
    );
    expect(lines[1]).toBe("A1,'=cmd(),Xã Đại Ân 1,Huyện Cù Lao Dung,945,'=31540,,120,,1,12.3%,Không,0.0%,Không,0.0%,Không,50.0%,Có");
    expect(buildHamletCsv([result], 'en').split('\r\n')[1]).toBe("A1,'=cmd(),Xã Đại Ân 1,Huyện Cù Lao Dung,945,'=31540,,120,,1,12.3%,No,0.0%,No,0.0%,No,50.0%,Yes");
  });

  it('adds the approximate mark and the point rule per layer when a hamlet is approximate', () => {
    const approximate: HamletResult = { ...result, approximate: true, pointCovered: { mobile: true, '4g': true, '5g': false, ftth: false } };
    const lines = buildHamletCsv([approximate, { ...result, id: 'B2', approximate: true }], 'vi').split('\r\n');
    expect(lines[0].endsWith(',Gần đúng,Điểm được phủ Di động băng rộng,Điểm được phủ 4G,Điểm được phủ 5G,Điểm được phủ Cáp quang FTTH')).toBe(true);
    expect(lines[1].endsWith('50.0%,Có,Có,Có,Có,Không,Không')).toBe(true);
    expect(lines[2].endsWith('50.0%,Có,Có,,,,')).toBe(true);
    expect(buildHamletCsv([result], 'vi')).not.toContain('Gần đúng');
  });

  it('writes the variant for Excel on a Vietnamese PC: semicolons and decimal commas', () => {
    const lines = buildHamletCsv([{ ...result, areaKm2: 1.23456 }], 'vi', 'excel-vn').split('\r\n');
    expect(lines[0].startsWith('\ufeffMã ấp, khóm;Tên ấp, khóm;')).toBe(true);
    expect(lines[1]).toBe("A1;'=cmd();Xã Đại Ân 1;Huyện Cù Lao Dung;945;'=31540;;120;;1,2346;12,3%;Không;0,0%;Không;0,0%;Không;50,0%;Có");
  });
});

describe('buildHamletGeoJson', () => {
  it('joins geometry by id and skips results without a hamlet', () => {
    const hamlet: Hamlet = { id: 'A1', name: 'x', commune: '', district: '', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } };
    const collection = buildHamletGeoJson([result, { ...result, id: 'B2' }], [hamlet], 'mobile');
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0].properties).toMatchObject({ id: 'A1', households: 120, fill: '#d73027' });
  });
});
