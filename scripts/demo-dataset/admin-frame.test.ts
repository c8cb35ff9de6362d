/**
 * The committed administrative frame (soc-trang-frame.ts) against the public facts: counts and
 * sums stated in the reference folder's SOURCES.md and in Resolution 1668/NQ-UBTVQH15, and, when
 * the reference tables are beside the repository, against those tables row by row.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA_DIR } from '../../test/helpers/run-cli';
import { buildAdminFrame, formatAdminFrameModule, MERGER_CORRECTIONS } from './admin-frame';
import { PROVINCE_CENSUS_2019 } from './province-layout';
import { SOC_TRANG_COMMUNES } from './soc-trang-frame';

const hasReferenceTables = existsSync(join(SHARED_DATA_DIR, 'merger-2025-07.csv'));
const byCode = new Map(SOC_TRANG_COMMUNES.map((commune) => [commune.code, commune]));
const membersOf = (newCode: string): string[] =>
  SOC_TRANG_COMMUNES.filter((commune) => commune.newCode === newCode)
    .map((commune) => commune.code)
    .sort();

describe('the committed frame', () => {
  it('has the 108 commune-level units of the March 2025 list in the 11 districts', () => {
    expect(SOC_TRANG_COMMUNES).toHaveLength(108);
    expect(byCode.size).toBe(108);
    const perDistrict = new Map<string, number>();
    for (const commune of SOC_TRANG_COMMUNES) perDistrict.set(commune.districtCode, (perDistrict.get(commune.districtCode) ?? 0) + 1);
    // Counted in the GSO list, district by district.
    expect(Object.fromEntries(perDistrict)).toEqual({ 941: 9, 942: 8, 943: 13, 944: 9, 945: 8, 946: 11, 947: 11, 948: 8, 949: 10, 950: 10, 951: 11 });
    const types = new Map<string, number>();
    for (const commune of SOC_TRANG_COMMUNES) types.set(commune.type, (types.get(commune.type) ?? 0) + 1);
    // 80 xã, 17 phường, 12 thị trấn until 2024; Phường 1 and Phường 9 of TP Sóc Trăng then merged.
    expect(Object.fromEntries(types)).toEqual({ Xã: 80, Phường: 16, 'Thị trấn': 12 });
    for (const commune of SOC_TRANG_COMMUNES) expect(commune.name.startsWith(`${commune.type} `), commune.code).toBe(true);
  });

  it('keeps the three same-named "Phường 1" apart by code and district', () => {
    const named = SOC_TRANG_COMMUNES.filter((commune) => commune.name === 'Phường 1').map((commune) => [commune.code, commune.districtName]);
    expect(named).toEqual([
      ['31522', 'Thành phố Sóc Trăng'],
      ['31732', 'Thị xã Ngã Năm'],
      ['31783', 'Thị xã Vĩnh Châu'],
    ]);
  });

  it('adds up to the census 2019 province totals, with 2019 Phường 1 and Phường 9 in 2025 Phường 1', () => {
    expect(SOC_TRANG_COMMUNES.reduce((sum, commune) => sum + commune.households, 0)).toBe(PROVINCE_CENSUS_2019.households);
    expect(SOC_TRANG_COMMUNES.reduce((sum, commune) => sum + commune.population, 0)).toBe(PROVINCE_CENSUS_2019.population);
    expect(PROVINCE_CENSUS_2019).toEqual({ households: 319_732, population: 1_199_653 });
    // Census rows 31513 Phường 1 (1,343 households, 6,127 people) and 31522 Phường 9 (2,297; 9,159).
    expect(byCode.get('31522')).toMatchObject({ censusCodes: ['31513', '31522'], households: 1343 + 2297, population: 6127 + 9159 });
    expect(SOC_TRANG_COMMUNES.filter((commune) => commune.censusCodes.length !== 1).map((commune) => commune.code)).toEqual(['31522']);
  });

  it('merges the 108 units into the 43 of Resolution 1668/NQ-UBTVQH15', () => {
    const newCodes = new Set(SOC_TRANG_COMMUNES.map((commune) => commune.newCode));
    // Art. 1 items 23–30 and 65–95 form 39 units from Sóc Trăng communes; item 96 keeps 4 as they were.
    expect(newCodes.size).toBe(43);
    for (const newCode of newCodes) expect(new Set(SOC_TRANG_COMMUNES.filter((commune) => commune.newCode === newCode).map((commune) => commune.newName)).size).toBe(1);
    expect(new Set(SOC_TRANG_COMMUNES.map((commune) => commune.newName)).size).toBe(43);
    // Art. 1(23): Phường 1, 2, 3 (TP Sóc Trăng) and Phường 4 form phường Phú Lợi.
    expect(membersOf(byCode.get('31522')?.newCode ?? '')).toEqual(['31510', '31516', '31519', '31522']);
    expect(byCode.get('31522')?.newName).toBe('Phường Phú Lợi');
    // Art. 1(25): Phường 10 (TP Sóc Trăng), thị trấn Mỹ Xuyên and xã Đại Tâm (Mỹ Xuyên): across a district border.
    expect(membersOf('31684')).toEqual(['31525', '31684', '31690']);
    // Art. 1(83) and 1(87), where the reference table confuses names with units of the former Cần Thơ.
    expect(membersOf('31579')).toEqual(['31579', '31588']);
    expect(byCode.get('31588')?.newName).toBe('Xã Long Hưng');
    expect(membersOf('31777')).toEqual(['31771', '31777', '31780']);
    expect(byCode.get('31771')?.newName).toBe('Xã Vĩnh Lợi');
    // Art. 1(96): Phong Nẫm, Mỹ Phước, Lai Hòa and Vĩnh Hải are not merged.
    const alone = [...newCodes].filter((newCode) => membersOf(newCode).length === 1).map((newCode) => byCode.get(newCode)?.name);
    expect(alone.sort()).toEqual(['Xã Lai Hòa', 'Xã Mỹ Phước', 'Xã Phong Nẫm', 'Xã Vĩnh Hải']);
  });
});

describe.skipIf(!hasReferenceTables)('the committed frame against the reference tables', () => {
  const read = (name: string): string => readFileSync(join(SHARED_DATA_DIR, name), 'utf8');
  const rows = (name: string): Record<string, string>[] => Papa.parse<Record<string, string>>(read(name), { header: true, skipEmptyLines: true }).data;

  it('is what scripts/build-admin-frame.ts builds from them today', () => {
    const rebuilt = formatAdminFrameModule(buildAdminFrame({ adminUnits: read('admin-units-2025-03.csv'), census: read('census-2019.csv'), merger: read('merger-2025-07.csv') }));
    expect(readFileSync(new URL('./soc-trang-frame.ts', import.meta.url), 'utf8')).toBe(rebuilt);
  });

  it('has the list’s names, types and districts, and the census figures of each unit’s 2019 codes', () => {
    const units = rows('admin-units-2025-03.csv').filter((row) => row.level === 'commune');
    expect(units.map((row) => row.code)).toEqual(SOC_TRANG_COMMUNES.map((commune) => commune.code));
    for (const row of units) {
      const commune = byCode.get(row.code);
      expect([commune?.name, commune?.type, commune?.districtCode, commune?.districtName], row.code).toEqual([
        row.name.replace(/\s+/g, ' '),
        row.type,
        row.district_code,
        row.district_name,
      ]);
    }
    const census = new Map(rows('census-2019.csv').filter((row) => row.level === 'commune').map((row) => [row.code, row]));
    const used = SOC_TRANG_COMMUNES.flatMap((commune) => commune.censusCodes);
    expect(used.slice().sort()).toEqual([...census.keys()].sort());
    for (const commune of SOC_TRANG_COMMUNES) {
      expect(commune.households, commune.code).toBe(commune.censusCodes.reduce((sum, code) => sum + Number(census.get(code)?.households), 0));
      expect(commune.population, commune.code).toBe(commune.censusCodes.reduce((sum, code) => sum + Number(census.get(code)?.population), 0));
    }
  });

  it('keeps every merger row but the two the resolution contradicts', () => {
    const merger = rows('merger-2025-07.csv');
    const kept = merger.filter((row) => !MERGER_CORRECTIONS.some((fix) => fix.oldCode === row.old_code && fix.wrongNewCode === row.new_code));
    expect(merger.length - kept.length).toBeLessThanOrEqual(2);
    for (const row of kept) expect([byCode.get(row.old_code)?.newCode, byCode.get(row.old_code)?.newName], row.old_code).toEqual([row.new_code, row.new_name]);
  });
});

describe('buildAdminFrame on small tables', () => {
  const adminUnits = [
    'level,code,name,type,district_code,district_name',
    'district,941,Thành phố Sóc Trăng,Thành phố,941,Thành phố Sóc Trăng',
    'commune,31522,Phường 1,Phường,941,Thành phố Sóc Trăng',
    'commune,31588,Xã  Hưng Phú,Xã,944,Huyện Mỹ Tú',
  ].join('\n');
  const census = [
    'level,code,population,households',
    'province,94,30,9',
    'commune,31513,10,3',
    'commune,31522,20,5',
    'commune,31588,7,2',
  ].join('\n');
  const merger = [
    'old_code,old_name,new_code,new_name',
    '31522,Phường 1,31510,Phường Phú Lợi',
    '31588,Xã Hưng Phú,31201,Phường Hưng Phú',
    '31588,Xã Hưng Phú,31579,Xã Long Hưng',
  ].join('\n');

  it('sums merged census units, drops the contradicted merger row and tidies spaces in names', () => {
    expect(buildAdminFrame({ adminUnits, census, merger })).toEqual([
      { code: '31522', name: 'Phường 1', type: 'Phường', districtCode: '941', districtName: 'Thành phố Sóc Trăng', households: 8, population: 30, censusCodes: ['31513', '31522'], newCode: '31510', newName: 'Phường Phú Lợi' },
      { code: '31588', name: 'Xã Hưng Phú', type: 'Xã', districtCode: '944', districtName: 'Huyện Mỹ Tú', households: 2, population: 7, censusCodes: ['31588'], newCode: '31579', newName: 'Xã Long Hưng' },
    ]);
  });

  it('still gives the resolution’s unit once the reference table is corrected', () => {
    const corrected = merger.split('\n').filter((line) => !line.includes('31201')).join('\n');
    expect(buildAdminFrame({ adminUnits, census, merger: corrected })[1].newCode).toBe('31579');
  });

  it('refuses a census commune in no unit, and a unit in two new units', () => {
    expect(() => buildAdminFrame({ adminUnits, census: `${census}\ncommune,31999,1,1`, merger })).toThrow('census: commune 31999 is in no unit');
    expect(() => buildAdminFrame({ adminUnits, census, merger: `${merger}\n31522,Phường 1,31507,Phường Sóc Trăng` })).toThrow('commune 31522: 2 merger rows');
  });
});
