// Every cell of every table of the annual report against the engine's own files, on the demo data a
// year apart: the demo sites as a CSV, then a copy in which the sites within 5 km of a point in Trần
// Đề are taken down, one site is re-surveyed 20 m east under a new id, one is new (with 5G) and one
// gains a second operator. `analyze` writes both years' report.json, `compare` their change.json,
// and `report --before` the document; the document is read back and each cell compared with those
// files (counts exactly, percentages to the printed decimal), and the test counts that no cell was
// skipped.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineMeters } from '../../src/core/units';
import { parseVietnameseNumber, readDocx } from '../helpers/read-docx';
import type { KpiSet } from '../../src/core';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const GEODATA = join(REPO_ROOT, 'public', 'geodata');
const dir = mkdtempSync(join(tmpdir(), 'report-cells-'));

/** The engine's KPIs as report.json writes them. */
type Kpis = KpiSet;
type Unit = Kpis & { key: string; code?: string | null; label?: string; parentLabel?: string | null };
interface Target { id: string; label: string; comparator: '>' | '>='; target: number; unit: 'share' | 'per100' | 'mbps'; value: number | null; met: boolean | null; source: string }
interface EngineReport {
  kpis: Kpis;
  groups: Record<string, Unit[]>;
  targets: Target[];
  hamlets: { id: string; name: string; commune: string; households?: number; covered: Record<string, boolean>; groupKeys: Record<string, string> }[];
}
interface Change {
  hamlets: { newlyCovered: Record<string, string[]>; lost: Record<string, string[]>; items: { id: string; name: string; commune: string; district: string; households: number | null }[] };
  sites: { added: string[]; removed: string[]; newlyShared: string[] };
  operators: { operator: string; sites: { then: number; now: number }; sharedSites: { then: number; now: number }; sitesJoined: number; sitesLeft: number; hamletsCovered: { mobile: { then: number; now: number } }; newlyCovered: { mobile: number }; householdsNewlyCovered: number }[];
  targets: { id: string; label: string; comparator: string; target: number; unit: Target['unit']; then: { value: number | null; met: boolean | null } | null; now: { value: number | null; met: boolean | null } | null }[];
  units: Record<string, { key: string; code: string | null; label: string; parentLabel: string | null; then: Kpis | null; now: Kpis | null; newlyCovered: Record<string, number>; lost: Record<string, number>; sitesAdded: number; sitesRemoved: number; newlyShared: number }[]>;
  kpis: { then: Kpis; now: Kpis };
}

let engine: EngineReport;
let change: Change;
let tables: string[][][];
const checked = new Set<string>();

beforeAll(() => {
  const demo = JSON.parse(readFileSync(join(GEODATA, 'sites.geojson'), 'utf8')) as { features: { properties: Record<string, string | number | undefined>; geometry: { coordinates: [number, number] } }[] };
  const rows = demo.features.map(({ properties, geometry }) => ({
    site_id: String(properties.site_id),
    operator: String(properties.operator),
    lon: geometry.coordinates[0],
    lat: geometry.coordinates[1],
    technologies: String(properties.technologies),
    rest: ['radius_m', 'azimuth', 'beamwidth'].map((name) => (properties[name] === undefined ? '' : String(properties[name]))),
  }));
  type Row = (typeof rows)[number];
  const csv = (list: Row[]) => ['site_id,operator,lon,lat,technologies,radius_m,azimuth,beamwidth', ...list.map((row) => [row.site_id, row.operator, row.lon.toFixed(7), row.lat.toFixed(7), row.technologies, ...row.rest].join(','))].join('\n');
  const nearest = (row: Row) => Math.min(...rows.filter((other) => other !== row).map((other) => haversineMeters(row.lon, row.lat, other.lon, other.lat)));
  const alone = rows.filter((row) => row.rest[1] === '' && nearest(row) > 200);
  const [moved, gainsOperator] = alone;
  const takenDown = (row: Row) => haversineMeters(row.lon, row.lat, 106.088, 9.408) < 5000;
  const later = [
    ...rows.filter((row) => !takenDown(row)).map((row) => (row === moved ? { ...row, site_id: `${row.site_id}-N`, lon: row.lon + 20 / (111_195.08 * Math.cos((row.lat * Math.PI) / 180)) } : row)),
    { ...gainsOperator, site_id: `${gainsOperator.site_id}-DC`, operator: gainsOperator.operator === 'MobiFone' ? 'Viettel' : 'MobiFone', lat: gainsOperator.lat + 0.00004, technologies: '4G', rest: ['', '', ''] },
    { ...gainsOperator, site_id: 'TRAM-MOI-01', operator: 'Viettel', lon: 105.8, lat: 9.55, technologies: '4G;5G', rest: ['', '', ''] },
  ];
  writeFileSync(join(dir, 'tram-2024.csv'), csv(rows));
  writeFileSync(join(dir, 'tram-2025.csv'), csv(later));
  const inputs = (year: string) => ['--hamlets', join(GEODATA, 'hamlets.geojson'), '--sites', join(dir, `tram-${year}.csv`), '--fibre', join(GEODATA, 'fibre.geojson'), '--indicators', join(GEODATA, 'indicators.json')];
  for (const year of ['2024', '2025']) {
    const run = runCli('analyze.ts', [...inputs(year), '--out', join(dir, year)]);
    expect(run.status, run.stderr).toBe(0);
  }
  const compared = runCli('compare.ts', ['--before', join(dir, '2024'), '--after', join(dir, '2025'), '--out', join(dir, 'thay-doi')]);
  expect(compared.status, compared.stderr).toBe(0);
  const reported = runCli('report.ts', [...inputs('2025'), '--before', join(dir, '2024'), '--before-as-of', '2024-12-31', '--as-of', '2025-12-31', '--date', '2026-01-10', '--out', join(dir, 'bao-cao.docx')]);
  expect(reported.status, reported.stderr).toBe(0);
  engine = JSON.parse(readFileSync(join(dir, '2025', 'report.json'), 'utf8'));
  change = JSON.parse(readFileSync(join(dir, 'thay-doi', 'change.json'), 'utf8'));
  tables = readDocx(new Uint8Array(readFileSync(join(dir, 'bao-cao.docx')))).tables;
}, 300_000);

/** A cell, marked as compared. */
function at(table: string[][], row: number, column: number): string {
  checked.add(`${tables.indexOf(table)}:${row}:${column}`);
  return table[row][column];
}
const number = (text: string) => parseVietnameseNumber(text.replace(/\u2212/g, '-').replace(/^\+/, '').replace(/điểm/, ''));
function expectCount(text: string, value: number | null, where: string) {
  expect(number(text), `${where}: "${text}"`).toBe(value);
}
function expectShare(text: string, share: number | null, where: string) {
  if (share === null) return expect(text, where).toBe('—');
  expect(Math.abs((number(text) ?? NaN) - share * 100), `${where}: "${text}" vs ${share}`).toBeLessThanOrEqual(0.05 + 1e-9);
}
function expectValue(text: string, value: number | null, unit: Target['unit'], where: string) {
  if (unit === 'share') return expectShare(text, value, where);
  if (value === null) return expect(text, where).toBe('—');
  expect(Math.abs((number(text) ?? NaN) - value), `${where}: "${text}" vs ${value}`).toBeLessThanOrEqual(0.05 + 1e-9);
}
/** A target row's first three cells: its number, its name, and its comparator and target. */
function expectTargetHead(table: string[][], row: number, target: Pick<Target, 'id' | 'label' | 'target' | 'unit'> & { comparator: string }) {
  expect(at(table, row, 0)).toBe(String(row));
  expect(at(table, row, 1)).toBe(target.label);
  const threshold = at(table, row, 2);
  expect(threshold.startsWith(target.comparator === '>' ? '> ' : '≥ '), threshold).toBe(true);
  expectValue(threshold.slice(2), target.target, target.unit, `${target.id} target`);
}
function expectThenNow(text: string, then: number | null, now: number | null, kind: 'count' | 'share', where: string) {
  const [before, after] = text.split(' → ');
  const check = kind === 'share' ? expectShare : expectCount;
  check(before, then, `${where} then`);
  check(after, now, `${where} now`);
}
const status = (met: boolean | null) => (met === null ? 'Chưa có số liệu' : met ? 'Đạt' : 'Chưa đạt');
const vietnameseDate = (iso: string) => iso.split('-').reverse().join('/');
const displayName = (unit: { key: string; label?: string | null; parentLabel?: string | null }) => (unit.parentLabel ? `${unit.label ?? unit.key} (${unit.parentLabel})` : (unit.label ?? unit.key));
/** Code order as the plan's tables list units: GSO codes as numbers. */
const inCodeOrder = (codes: string[]) => codes.every((code, index) => index === 0 || Number(codes[index - 1]) < Number(code));

/** The one table whose heading row starts with these headings (and holds `including`, when given); its headings marked as compared. */
function tableHeaded(headings: string[], including?: string): string[][] {
  const found = tables.filter((table) => headings.every((heading, index) => table[0][index] === heading) && (including === undefined || table[0].includes(including)));
  expect(found, headings.join(' | ')).toHaveLength(1);
  for (let column = 0; column < found[0][0].length; column++) at(found[0], 0, column);
  return found[0];
}

function expectUnitCells(table: string[][], row: number, from: number, kpis: Kpis, where: string) {
  const cell = (offset: number) => at(table, row, from + offset);
  expectCount(cell(0), kpis.hamlets, `${where} hamlets`);
  expectShare(cell(1), kpis.coveredMobileShare, `${where} mobile`);
  expectShare(cell(2), kpis.covered4gShare, `${where} 4G`);
  expectShare(cell(3), kpis.covered5gShare, `${where} 5G`);
  expectShare(cell(4), kpis.coveredFtthShare, `${where} FTTH`);
  expectCount(cell(5), kpis.households, `${where} households`);
  expectCount(cell(6), kpis.coveredMobileHouseholdShare === null ? null : Math.round(kpis.coveredMobileHouseholdShare * kpis.households), `${where} households covered`);
  expectCount(cell(7), kpis.sites, `${where} sites`);
  expectCount(cell(8), kpis.sharedSites, `${where} shared sites`);
  expectShare(cell(9), kpis.sharedSiteShare, `${where} shared share`);
}

describe('the annual report, every table cell against report.json and change.json', () => {
  it('made a year with hamlets lost and gained, sites added, gone and newly shared', () => {
    expect(change.hamlets.lost.mobile.length).toBeGreaterThan(0);
    expect(change.hamlets.newlyCovered['5g'].length).toBeGreaterThan(0);
    expect(change.sites.added.length).toBeGreaterThan(0);
    expect(change.sites.removed.length).toBeGreaterThan(1);
    expect(change.sites.newlyShared.length).toBeGreaterThan(0);
  });

  it('I. every target: number, name, target, value, met, source and date', () => {
    const table = tableHeaded(['STT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Nguồn số liệu']);
    expect(table.length - 1).toBe(engine.targets.length);
    engine.targets.forEach((target, index) => {
      const row = index + 1;
      expectTargetHead(table, row, target);
      expectValue(at(table, row, 3), target.value, target.unit, `${target.id} value`);
      expect(at(table, row, 4)).toBe(status(target.met));
      const indicator = /^indicator: (.*) \((\d{4}-\d{2}-\d{2})\)$/.exec(target.source);
      expect(at(table, row, 5)).toBe(target.source === 'engine' ? 'Tính từ dữ liệu bản đồ, đến ngày 31/12/2025' : indicator ? `${indicator[1]} (${vietnameseDate(indicator[2])})` : target.source);
    });
  });

  it.each([
    ['district', 'Huyện, thị xã, thành phố'],
    ['commune', 'Xã, phường, thị trấn'],
  ])('II. every %s in code order, and the total', (grouping, heading) => {
    const table = tableHeaded(['STT', heading], 'Số ấp, khóm');
    const hasParent = table[0][2] === 'Thuộc';
    const from = hasParent ? 3 : 2;
    const units = engine.groups[grouping];
    expect(table.length - 2).toBe(units.length);
    const codes: string[] = [];
    for (let row = 1; row < table.length - 1; row++) {
      expect(at(table, row, 0)).toBe(String(row));
      const name = at(table, row, 1);
      const parent = hasParent ? at(table, row, 2) : '';
      const matches = units.filter((unit) => (unit.label ?? unit.key) === name && (!hasParent || (unit.parentLabel ?? '') === parent));
      expect(matches, `${grouping} "${name}"`).toHaveLength(1);
      codes.push(matches[0].code ?? matches[0].key);
      expectUnitCells(table, row, from, matches[0], `${grouping} ${name}`);
    }
    expect(inCodeOrder(codes), codes.join(',')).toBe(true);
    const total = table.length - 1;
    // "Tổng cộng", not the plan's area: after 1 July 2025 that is Thành phố Cần Thơ, of which these hamlets are one part.
    for (let column = 0; column < from; column++) expect(at(table, total, column)).toBe(column === 1 ? 'Tổng cộng' : '');
    expectUnitCells(table, total, from, engine.kpis, `${grouping} total`);
  });

  it('III.1 the overall figures then, now and the difference', () => {
    const table = tableHeaded(['Chỉ tiêu', 'Kỳ trước', 'Kỳ này', 'Tăng, giảm']);
    const rows: [string, keyof Kpis, 'count' | 'share'][] = [
      ['Ấp, khóm được phủ sóng di động băng rộng', 'coveredMobile', 'count'],
      ['Tỷ lệ ấp, khóm được phủ sóng di động băng rộng', 'coveredMobileShare', 'share'],
      ['Ấp, khóm được phủ sóng 4G', 'covered4g', 'count'],
      ['Ấp, khóm được phủ sóng 5G', 'covered5g', 'count'],
      ['Ấp, khóm có cáp quang', 'coveredFtth', 'count'],
      ['Tỷ lệ ấp, khóm có cáp quang', 'coveredFtthShare', 'share'],
      ['Trạm BTS (đã gộp trạm cùng vị trí)', 'sites', 'count'],
      ['Trạm BTS dùng chung', 'sharedSites', 'count'],
      ['Tỷ lệ trạm BTS dùng chung', 'sharedSiteShare', 'share'],
    ];
    expect(table.length - 1).toBe(rows.length);
    rows.forEach(([name, key, kind], index) => {
      const row = index + 1;
      const [then, now] = [change.kpis.then[key] as number, engine.kpis[key] as number];
      expect(at(table, row, 0)).toBe(name);
      (kind === 'share' ? expectShare : expectCount)(at(table, row, 1), then, `${key} then`);
      (kind === 'share' ? expectShare : expectCount)(at(table, row, 2), now, `${key} now`);
      const difference = at(table, row, 3);
      if (kind === 'share') {
        expect(difference.endsWith(' điểm %'), difference).toBe(true);
        expect(Math.abs((number(difference.replace(' điểm %', '')) ?? NaN) - (now - then) * 100), difference).toBeLessThanOrEqual(0.05 + 1e-9);
      } else {
        if (now - then > 0) expect(difference.startsWith('+'), difference).toBe(true);
        expectCount(difference, now - then, `${key} difference`);
      }
    });
  });

  it.each([
    ['district', 'Huyện, thị xã, thành phố'],
    ['commune', 'Xã, phường, thị trấn'],
  ])('III. the change in every %s, and in the whole area', (grouping, heading) => {
    const table = tableHeaded(['STT', heading, 'Ấp được phủ DĐBR mới']);
    const units = change.units[grouping];
    expect(table.length - 2).toBe(units.length);
    const codes: string[] = [];
    const expectChangeCells = (row: number, unit: Omit<Change['units'][string][number], 'key' | 'code' | 'label' | 'parentLabel' | 'then' | 'now'>, then: number | null, now: number | null, where: string) => {
      expectCount(at(table, row, 2), unit.newlyCovered.mobile, `${where} newly mobile`);
      expectCount(at(table, row, 3), unit.lost.mobile, `${where} lost mobile`);
      expectThenNow(at(table, row, 4), then, now, 'share', `${where} mobile share`);
      expectCount(at(table, row, 5), unit.newlyCovered.ftth, `${where} newly FTTH`);
      expectCount(at(table, row, 6), unit.lost.ftth, `${where} lost FTTH`);
      expectCount(at(table, row, 7), unit.sitesAdded, `${where} sites added`);
      expectCount(at(table, row, 8), unit.sitesRemoved, `${where} sites removed`);
      expectCount(at(table, row, 9), unit.newlyShared, `${where} newly shared`);
    };
    for (let row = 1; row < table.length - 1; row++) {
      expect(at(table, row, 0)).toBe(String(row));
      const name = at(table, row, 1);
      const matches = units.filter((unit) => displayName(unit) === name);
      expect(matches, `${grouping} "${name}"`).toHaveLength(1);
      codes.push(matches[0].code ?? matches[0].key);
      expectChangeCells(row, matches[0], matches[0].then?.coveredMobileShare ?? null, matches[0].now?.coveredMobileShare ?? null, name);
    }
    expect(inCodeOrder(codes), codes.join(',')).toBe(true);
    const total = table.length - 1;
    expect([at(table, total, 0), at(table, total, 1)]).toEqual(['', 'Toàn địa bàn']);
    const lists = change.hamlets;
    const sum = { newlyCovered: { mobile: lists.newlyCovered.mobile.length, ftth: lists.newlyCovered.ftth.length }, lost: { mobile: lists.lost.mobile.length, ftth: lists.lost.ftth.length }, sitesAdded: change.sites.added.length, sitesRemoved: change.sites.removed.length, newlyShared: change.sites.newlyShared.length };
    expectChangeCells(total, sum, change.kpis.then.coveredMobileShare, change.kpis.now.coveredMobileShare, 'total');
    // Every changed item falls in one unit of the grouping.
    expect(units.reduce((count, unit) => count + unit.lost.mobile, 0)).toBe(lists.lost.mobile.length);
    expect(units.reduce((count, unit) => count + unit.sitesAdded, 0)).toBe(change.sites.added.length);
  });

  it('III. every operator: sites, shared sites, joined, left, hamlets its network covers, newly covered and their households', () => {
    const table = tableHeaded(['Doanh nghiệp']);
    expect(table.length - 1).toBe(change.operators.length);
    change.operators.forEach((operator, index) => {
      const row = index + 1;
      expect(at(table, row, 0)).toBe(operator.operator);
      expectThenNow(at(table, row, 1), operator.sites.then, operator.sites.now, 'count', `${operator.operator} sites`);
      expectThenNow(at(table, row, 2), operator.sharedSites.then, operator.sharedSites.now, 'count', `${operator.operator} shared`);
      expectCount(at(table, row, 3), operator.sitesJoined, `${operator.operator} joined`);
      expectCount(at(table, row, 4), operator.sitesLeft, `${operator.operator} left`);
      expectThenNow(at(table, row, 5), operator.hamletsCovered.mobile.then, operator.hamletsCovered.mobile.now, 'count', `${operator.operator} hamlets`);
      expectCount(at(table, row, 6), operator.newlyCovered.mobile, `${operator.operator} newly`);
      expectCount(at(table, row, 7), operator.householdsNewlyCovered, `${operator.operator} households`);
    });
  });

  it('III. every target then and now', () => {
    const table = tableHeaded(['STT', 'Chỉ tiêu', 'Mục tiêu', 'Kỳ trước']);
    expect(table.length - 1).toBe(change.targets.length);
    change.targets.forEach((target, index) => {
      const row = index + 1;
      expectTargetHead(table, row, target);
      expectValue(at(table, row, 3), target.then?.value ?? null, target.unit, `${target.id} then`);
      expect(at(table, row, 4)).toBe(status(target.then?.met ?? null));
      expectValue(at(table, row, 5), target.now?.value ?? null, target.unit, `${target.id} now`);
      expect(at(table, row, 6)).toBe(status(target.now?.met ?? null));
    });
  });

  it.each([
    ['mobile', 0],
    ['ftth', 1],
  ] as const)('annex: the hamlets without %s per district, with households', (layer, index) => {
    const table = tables.filter((candidate) => candidate[0].join('|') === 'STT|Ấp, khóm|Xã, phường, thị trấn|Số hộ')[index];
    for (let column = 0; column < 4; column++) at(table, 0, column);
    const uncovered = engine.hamlets.filter((hamlet) => !hamlet.covered[layer]);
    const districts = new Map(engine.groups.district.map((unit) => [unit.key, unit]));
    let ordinal = 0;
    let unitKey: string | null = null;
    const listed = new Map<string, string[]>();
    for (let row = 1; row < table.length - 1; row++) {
      if (at(table, row, 0) === '') {
        const [name, count] = at(table, row, 1).split(': ');
        unitKey = [...districts.values()].find((unit) => displayName(unit) === name)?.key ?? null;
        expect(unitKey, name).not.toBe(null);
        const inUnit = uncovered.filter((hamlet) => hamlet.groupKeys.district === unitKey);
        expect(count).toBe(`${inUnit.length} ấp, khóm`);
        expect(at(table, row, 2)).toBe('');
        expectCount(at(table, row, 3), inUnit.reduce((sum, hamlet) => sum + (hamlet.households ?? 0), 0), `${name} households`);
        listed.set(unitKey as string, []);
        continue;
      }
      expect(at(table, row, 0)).toBe(String(++ordinal));
      listed.get(unitKey as string)?.push(`${at(table, row, 1)}|${at(table, row, 2)}|${parseVietnameseNumber(at(table, row, 3))}`);
    }
    for (const [key, names] of listed) {
      expect(names.sort(), key).toEqual(uncovered.filter((hamlet) => hamlet.groupKeys.district === key).map((hamlet) => `${hamlet.name}|${hamlet.commune}|${hamlet.households ?? null}`).sort());
    }
    expect([...listed.keys()].sort()).toEqual([...new Set(uncovered.map((hamlet) => hamlet.groupKeys.district))].sort());
    const total = table.length - 1;
    expect([at(table, total, 0), at(table, total, 1), at(table, total, 2)]).toEqual(['', `Cộng: ${uncovered.length} ấp, khóm`, '']);
    expectCount(at(table, total, 3), uncovered.reduce((sum, hamlet) => sum + (hamlet.households ?? 0), 0), 'total households');
  });

  it('annex: the hamlets whose coverage changed, per layer', () => {
    const table = tableHeaded(['STT', 'Ấp, khóm', 'Xã — huyện', 'Số hộ']);
    const items = new Map(change.hamlets.items.map((item) => [item.id, item]));
    const layers = { mobile: 'di động băng rộng', '4g': '4G', '5g': '5G' } as Record<string, string>;
    const expected: string[][] = [];
    let ordinal = 0;
    for (const layer of ['mobile', '4g', '5g', 'ftth']) {
      for (const [kind, ids] of [['newly', change.hamlets.newlyCovered[layer]], ['lost', change.hamlets.lost[layer]]] as const) {
        if (ids.length === 0) continue;
        const hamlets = ids.map((id) => items.get(id)!);
        const title = layer === 'ftth' ? (kind === 'newly' ? 'Có cáp quang mới' : 'Không còn cáp quang') : kind === 'newly' ? `Được phủ sóng ${layers[layer]} mới` : `Không còn được phủ sóng ${layers[layer]}`;
        expected.push(['', `${title}: ${ids.length} ấp, khóm`, '', String(hamlets.reduce((sum, hamlet) => sum + (hamlet.households ?? 0), 0))]);
        for (const hamlet of hamlets) expected.push([String(++ordinal), hamlet.name, `${hamlet.commune} — ${hamlet.district}`, String(hamlet.households ?? '—')]);
      }
    }
    expect(expected.length).toBeGreaterThan(2);
    const read = table.slice(1).map((cells, row) => cells.map((_, column) => at(table, row + 1, column)));
    expect(read.map((cells) => [cells[0], cells[1], cells[2], String(parseVietnameseNumber(cells[3]) ?? '—')])).toEqual(expected);
  });

  it('compared every cell of every table but the header and the signature', () => {
    const skipped = tables.filter((table) => table.length === 1 && table[0].length === 2).length;
    expect(skipped).toBe(2);
    const cells = tables.filter((table) => !(table.length === 1 && table[0].length === 2)).reduce((sum, table) => sum + table.reduce((count, row) => count + row.length, 0), 0);
    expect(cells).toBeGreaterThan(2000);
    expect(checked.size).toBe(cells);
  });
});
