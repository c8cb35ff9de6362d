// The compare CLI on a hand-made before / after: three hamlets 11 km apart; between the two
// analyses site A (the only one reaching H1) is taken down, site B is re-surveyed 20 m east under a
// new id, and a new site C reaches H3. Then the annual report against the earlier folder.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseVietnameseNumber, readDocx } from '../helpers/read-docx';
import { runCli } from '../helpers/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'compare-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

const hamlets = write(
  'ap.geojson',
  JSON.stringify({
    type: 'FeatureCollection',
    features: [105.9, 106.0, 106.1].map((west, k) => ({
      type: 'Feature',
      properties: { ma_ap: `H${k + 1}`, ten_ap: `Ấp ${k + 1}`, xa: `Xã ${k + 1}`, huyen: k < 2 ? 'Huyện Một' : 'Huyện Hai', so_ho: 100 * (k + 1) },
      geometry: { type: 'Polygon', coordinates: [[[west, 9.6], [west + 0.01, 9.6], [west + 0.01, 9.61], [west, 9.61], [west, 9.6]]] },
    })),
  }),
);
// 20 m east at 9.605° N: 20 / (111,195 m × cos 9.605°) degrees of longitude.
const movedLng = 106.005 + 20 / (111_195.08 * Math.cos((9.605 * Math.PI) / 180));
const sitesBefore = write('tram-truoc.csv', 'site_id,operator,lon,lat,technologies\nA,Viettel,105.905,9.605,4G\nB,VNPT,106.005,9.605,4G\n');
const sitesAfter = write('tram-sau.csv', `site_id,operator,lon,lat,technologies\nB2,VNPT,${movedLng.toFixed(7)},9.605,4G\nC,MobiFone,106.105,9.605,4G\n`);

interface ReportJson {
  hamlets: { id: string; covered: Record<string, boolean> }[];
}
let change: {
  hamlets: { newlyCovered: Record<string, string[]>; lost: Record<string, string[]>; items: { id: string; name: string; commune: string; households: number }[] };
  sites: { added: string[]; removed: string[]; newlyShared: string[]; rematched: { beforeId: string; afterId: string; by: string; distanceMeters: number }[] };
  targets: { id: string; then: { value: number | null } | null; now: { value: number | null } | null }[];
  operators: { operator: string; sites: { then: number; now: number }; sitesJoined: number; sitesLeft: number; newlyCovered: { mobile: number }; householdsNewlyCovered: number }[];
  units: Record<string, { key: string; newlyCovered: { mobile: number }; lost: { mobile: number } }[]>;
};

beforeAll(() => {
  for (const [name, sites] of [['truoc', sitesBefore], ['sau', sitesAfter]]) {
    const run = runCli('analyze.ts', ['--hamlets', hamlets, '--sites', sites, '--out', join(dir, name)]);
    expect(run.status, run.stderr).toBe(0);
  }
  const run = runCli('compare.ts', ['--before', join(dir, 'truoc'), '--after', join(dir, 'sau'), '--out', join(dir, 'thay-doi')]);
  expect(run.status, run.stderr).toBe(0);
  change = JSON.parse(readFileSync(join(dir, 'thay-doi', 'change.json'), 'utf8'));
}, 300_000);

describe('npm run compare', () => {
  it('lists the hamlet lost and the hamlet gained, as the two analyses say', () => {
    const covered = (name: string) => {
      const report = JSON.parse(readFileSync(join(dir, name, 'report.json'), 'utf8')) as ReportJson;
      return new Map(report.hamlets.map((hamlet) => [hamlet.id, hamlet.covered]));
    };
    const [before, after] = [covered('truoc'), covered('sau')];
    for (const layer of ['mobile', '4g', '5g', 'ftth']) {
      expect(change.hamlets.newlyCovered[layer]).toEqual([...after.keys()].filter((id) => after.get(id)?.[layer] && !before.get(id)?.[layer]));
      expect(change.hamlets.lost[layer]).toEqual([...after.keys()].filter((id) => !after.get(id)?.[layer] && before.get(id)?.[layer]));
    }
    expect(change.hamlets.newlyCovered.mobile).toEqual(['H3']);
    expect(change.hamlets.lost.mobile).toEqual(['H1']);
    expect(change.hamlets.items.find((item) => item.id === 'H1')).toMatchObject({ name: 'Ấp 1', commune: 'Xã 1', households: 100 });
  });

  it('matches the site moved 20 m under a new id, and lists the one taken down and the new one', () => {
    expect(change.sites.rematched).toHaveLength(1);
    expect(change.sites.rematched[0]).toMatchObject({ beforeId: 'B', afterId: 'B2', by: 'position' });
    expect(change.sites.rematched[0].distanceMeters).toBeCloseTo(20, 0);
    expect(change.sites.removed).toEqual(['A']);
    expect(change.sites.added).toEqual(['C']);
    expect(change.sites.newlyShared).toEqual([]);
    const operators = new Map(change.operators.map((operator) => [operator.operator, operator]));
    expect(operators.get('Viettel')).toMatchObject({ sites: { then: 1, now: 0 }, sitesLeft: 1, sitesJoined: 0 });
    expect(operators.get('MobiFone')).toMatchObject({ sites: { then: 0, now: 1 }, sitesJoined: 1, newlyCovered: { mobile: 1 }, householdsNewlyCovered: 300 });
    expect(operators.get('VinaPhone')).toMatchObject({ sites: { then: 1, now: 1 }, sitesJoined: 0, sitesLeft: 0 });
  });

  it('writes every target then and now, a CSV row per change and the change on a map', () => {
    const mobileTarget = change.targets.find((target) => target.id === 'mobile-broadband-hamlets');
    expect(mobileTarget?.then?.value).toBeCloseTo(2 / 3, 6);
    expect(mobileTarget?.now?.value).toBeCloseTo(2 / 3, 6);
    expect(change.targets.map((target) => target.id)).toContain('anti-malware');
    const csv = readFileSync(join(dir, 'thay-doi', 'change.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('kind,change,layer,id,name,commune,district,households,operators,lng,lat');
    expect(csv).toContain('hamlet,lost,mobile,H1,Ấp 1,Xã 1,Huyện Một,100,,,');
    expect(csv).toContain('site,removed,,A,,,,,Viettel,105.905,9.605');
    expect(csv).toContain('site,added,,C,,,,,MobiFone,106.105,9.605');
    const geojson = JSON.parse(readFileSync(join(dir, 'thay-doi', 'change.geojson'), 'utf8'));
    const h3 = geojson.features.find((feature: { properties: { id: string } }) => feature.properties.id === 'H3');
    expect(h3.geometry.type).toBe('Polygon');
    expect(h3.properties.changes).toContain('mobile:newly-covered');
  });

  it('refuses a folder that is not an analyze output, and a project snapshot that does not exist', () => {
    mkdirSync(join(dir, 'rong'), { recursive: true });
    const empty = runCli('compare.ts', ['--before', join(dir, 'rong'), '--after', join(dir, 'sau'), '--out', join(dir, 'x')]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('không phải thư mục kết quả của analyze (thiếu report.json)');
    const project = write('du-an.json', JSON.stringify({ format: 'soctrang-coverage-project', version: 1, snapshots: [] }));
    const missing = runCli('compare.ts', ['--before', `${project}#2024-12-31`, '--after', join(dir, 'sau'), '--lang', 'en', '--out', join(dir, 'x')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no snapshot "2024-12-31"');
    // A broken snapshot is refused by place, in the run's language: no schema words.
    const broken = write('du-an-hong.json', JSON.stringify({ format: 'soctrang-coverage-project', version: 1, snapshots: [{ id: '2024-12-31', asOf: 5, results: 'x' }] }));
    const refused = runCli('compare.ts', ['--before', `${broken}#2024-12-31`, '--after', join(dir, 'sau'), '--out', join(dir, 'x')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('snapshots[0].asOf: giá trị không hợp lệ (cần một dòng chữ, nhưng là 5)');
    expect(refused.stderr).toContain('snapshots[0].label: giá trị không hợp lệ (thiếu mục bắt buộc này)');
    expect(refused.stderr).not.toMatch(/\b(expected|got|string|undefined)\b/);
    mkdirSync(join(dir, 'cat-do'), { recursive: true });
    writeFileSync(join(dir, 'cat-do', 'report.json'), '{"kpis":');
    writeFileSync(join(dir, 'cat-do', 'sites.geojson'), '{"type":"FeatureCollection","features":[]}');
    const cut = runCli('compare.ts', ['--before', join(dir, 'cat-do'), '--after', join(dir, 'sau'), '--out', join(dir, 'x')]);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('không phải JSON hợp lệ (tệp bị cắt dở hoặc sai cú pháp)');
    expect(cut.stderr).not.toMatch(/Unexpected|position|JSON at/);
  });
});

describe('npm run report --before', () => {
  it('reports the change per unit and per operator as the comparison found it', () => {
    const out = join(dir, 'bao-cao.docx');
    const run = runCli('report.ts', ['--hamlets', hamlets, '--sites', sitesAfter, '--before', join(dir, 'truoc'), '--before-as-of', '2024-12-31', '--as-of', '2025-12-31', '--date', '2026-01-10', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const { tables, paragraphs } = readDocx(new Uint8Array(readFileSync(out)));
    expect(paragraphs).toContain('III. KẾT QUẢ SO VỚI KỲ TRƯỚC');
    expect(tables[0][0][0]).toContain('UBND THÀNH PHỐ CẦN THƠ');
    const units = tables.find((table) => table[0][1] === 'Huyện, thị xã, thành phố' && table[0][2] === 'Ấp được phủ DĐBR mới') as string[][];
    const byUnit = new Map(units.slice(1, -1).map((row) => [row[1], row]));
    for (const unit of change.units.district) {
      expect(parseVietnameseNumber(byUnit.get(unit.key)?.[2] ?? '')).toBe(unit.newlyCovered.mobile);
      expect(parseVietnameseNumber(byUnit.get(unit.key)?.[3] ?? '')).toBe(unit.lost.mobile);
    }
    const total = units[units.length - 1];
    expect([total[1], parseVietnameseNumber(total[2]), parseVietnameseNumber(total[3]), parseVietnameseNumber(total[7]), parseVietnameseNumber(total[8])]).toEqual(['Toàn địa bàn', 1, 1, 1, 1]);
    const operators = tables.find((table) => table[0][0] === 'Doanh nghiệp') as string[][];
    for (const operator of change.operators) {
      const row = operators.find((cells) => cells[0] === operator.operator) as string[];
      expect(row[1]).toBe(`${operator.sites.then} → ${operator.sites.now}`);
      expect(parseVietnameseNumber(row[3])).toBe(operator.sitesJoined);
      expect(parseVietnameseNumber(row[4])).toBe(operator.sitesLeft);
      expect(parseVietnameseNumber(row[6])).toBe(operator.newlyCovered.mobile);
      expect(parseVietnameseNumber(row[7])).toBe(operator.householdsNewlyCovered);
    }
  });
});
