// The propose CLI on a small hand-made province: its proposals, loaded back as an extra site list
// into `analyze`, must reach the target; bad options stop it with a message and exit 1.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'propose-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

// 4 × 3 hamlets of 0.02° (≈ 2.2 km) with households; a Viettel 4G site in the south-west one and a
// MobiFone 5G-only site (1 km) in the north-east one, so most hamlets start uncovered.
const hamlets = write(
  'ap.geojson',
  JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: 12 }, (_, k) => {
      const i = k % 4;
      const j = Math.floor(k / 4);
      const [west, south] = [105.9 + i * 0.02, 9.6 + j * 0.02];
      return {
        type: 'Feature',
        properties: { ma_ap: `A${k + 1}`, ten_ap: `Ấp ${k + 1}`, xa: `Xã ${j + 1}`, huyen: 'Huyện Thử', so_ho: 100 + 10 * k },
        geometry: { type: 'Polygon', coordinates: [[[west, south], [west + 0.02, south], [west + 0.02, south + 0.02], [west, south + 0.02], [west, south]]] },
      };
    }),
  }),
);
const sites = write('tram.csv', 'site_id,operator,lon,lat,technologies\nV1,Viettel,105.91,9.61,4G\nM1,MobiFone,105.97,9.65,5G\n');

function analyzeWith(out: string, extraSites: string[]): { coveredMobileShare: number; sharedSiteShare: number; sites: number; sharedSites: number } {
  const run = runCli('analyze.ts', ['--hamlets', hamlets, '--sites', sites, ...extraSites.flatMap((path) => ['--sites', path]), '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).kpis;
}

describe('propose CLI', () => {
  it('proposes a minimum set that, loaded back with --sites, covers every hamlet', () => {
    const before = analyzeWith(join(dir, 'before'), []);
    expect(before.coveredMobileShare).toBeLessThan(0.5);
    const out = join(dir, 'all');
    const run = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--target', '1.0', '--spacing', '500', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ method: 'exact', optimal: true, gap: 0, problem: 'min-set' });
    expect(report.seconds).toBeGreaterThan(0);
    expect(report.after.coveredMobileShare).toBe(1);
    expect(report.greedy.objective).toBeGreaterThanOrEqual(report.objective);
    const proposals = JSON.parse(readFileSync(join(out, 'proposals.geojson'), 'utf8'));
    expect(proposals.features.length).toBe(report.proposals.length);
    const first = proposals.features[0].properties;
    for (const key of ['site_id', 'operator', 'technologies', 'radius_m', 'kind', 'hostSiteId', 'operators', 'technology', 'newlyCovered']) expect(first).toHaveProperty(key);
    const after = analyzeWith(join(dir, 'after'), [join(out, 'proposals.geojson')]);
    expect(after.coveredMobileShare).toBeGreaterThanOrEqual(1);
    expect(after.coveredMobileShare).toBe(report.after.coveredMobileShare);
  });

  it('--export writes the proposals as GeoPackage and zipped Shapefile, which loaded back as sites reach the same coverage, and a workbook with their sheet', async () => {
    const out = join(dir, 'export');
    const run = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--target', '1.0', '--spacing', '500', '--export', 'gpkg,shp,xlsx', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/đã ghi ket-qua\.xlsx, proposals\.gpkg, proposals-shp\.zip/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    for (const name of ['proposals.gpkg', 'proposals-shp.zip']) {
      const after = analyzeWith(join(dir, `after-${name}`), [join(out, name)]);
      expect(after.coveredMobileShare, name).toBe(report.after.coveredMobileShare);
      expect(after.sites, name).toBe(report.after.sites);
    }
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(out, 'ket-qua.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Đề xuất trạm')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Tên đề xuất');
    expect(sheet.rowCount).toBe(1 + report.proposals.length);
    expect(sheet.getRow(2).getCell(2).value).toBe(report.proposals[0].nameText);
    expect(sheet.getRow(2).getCell(3).value).toBe(1);
    // The hamlets' sheet is the coverage with the proposals built: every hamlet covered here.
    const mobile = workbook.getWorksheet('Di động băng rộng')!;
    for (let row = 2; row <= mobile.rowCount; row++) expect(mobile.getRow(row).getCell(8).value).toBe('Có');
  }, 120_000);

  it('reaches a partial household target for one operator, with upgrades raising the shared-site share', () => {
    const out = join(dir, 'mobifone');
    const run = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--operator', 'mobifone', '--target', '0.25', '--measure', 'households', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.target.layers[0]).toMatchObject({ operator: 'MobiFone' });
    expect(report.target.layers[0].after).toBeGreaterThanOrEqual(0.25);
    for (const proposal of report.proposals) expect(proposal.operator).toBe('MobiFone');
    // Adding MobiFone to the Viettel site (weight 1) covers enough households; a new tower costs 3.
    expect(report.proposals).toMatchObject([{ kind: 'upgrade', hostSiteId: 'V1', operators: ['MobiFone', 'Viettel'] }]);
    expect(report.after.sharedSiteShare).toBeGreaterThan(report.before.sharedSiteShare);
    const after = analyzeWith(join(dir, 'mobifone-after'), [join(out, 'proposals.geojson')]);
    expect(after.coveredMobileShare).toBe(report.after.coveredMobileShare);
  });

  it('brings the shared-site ratio over the target with --shared-target, judged by a plain re-analysis', () => {
    // 2 sites, none shared; "over 30 %" (the plan's comparator) needs one shared: one upgrade.
    const out = join(dir, 'shared');
    const run = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--shared-target', '0.3', '--lang', 'en', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.aim).toMatchObject({ targetShare: null, sharedTarget: { share: 0.3, comparator: '>' } });
    expect(report.proposals).toHaveLength(1);
    expect(report.proposals[0]).toMatchObject({ kind: 'upgrade', makesShared: true });
    expect(report.sharing).toMatchObject({ before: 0, target: 0.3, comparator: '>', isMet: true });
    const after = analyzeWith(join(dir, 'shared-after'), [join(out, 'proposals.geojson')]);
    expect(after.sharedSiteShare).toBeGreaterThan(0.3);
    expect(after.sharedSiteShare).toBe(report.sharing.after);
    expect(run.stderr).toContain('shared sites 0% → 50% (target > 30%: met)');
  });

  it('with both targets, new towers are shared towers that load back as such and count for the ratio', () => {
    const out = join(dir, 'both');
    const run = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--target', '1', '--shared-target', '0.6', '--lang', 'en', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const towers = report.proposals.filter((proposal: { kind: string }) => proposal.kind === 'new');
    expect(towers.length).toBeGreaterThan(0);
    for (const tower of towers) expect(tower).toMatchObject({ operator: 'Dùng chung', operators: [], makesShared: true });
    expect(towers[0].nameText).toMatch(/^New tower no\. 1 — Xã \d$/);
    const after = analyzeWith(join(dir, 'both-after'), [join(out, 'proposals.geojson')]);
    expect(after.coveredMobileShare).toBe(1);
    expect(after.sharedSiteShare).toBeGreaterThan(0.6);
    expect(after.sites).toBe(2 + towers.length);
    expect(after.sharedSiteShare).toBe(report.sharing.after);
  });

  it('names the proposals for people, in rank order, with the district where a commune name repeats', () => {
    // Three hamlets 11 km apart, so each needs a tower of its own: two wards called "Phường 1" in
    // two towns and a commune; households decide the ranks (300, 200, 100).
    const places = [
      { lng: 105.9, commune: 'Xã Lạc Hòa', district: 'Thị xã Vĩnh Châu', households: 300, label: 'Xã Lạc Hòa' },
      { lng: 106.0, commune: 'Phường 1', district: 'Thị xã Vĩnh Châu', households: 200, label: 'Phường 1, TX Vĩnh Châu' },
      { lng: 106.1, commune: 'Phường 1', district: 'Thị xã Ngã Năm', households: 100, label: 'Phường 1, TX Ngã Năm' },
    ];
    const wards = write(
      'phuong.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: places.map((place, k) => ({
          type: 'Feature',
          properties: { ma_ap: `K${k + 1}`, ten_ap: `Khóm ${k + 1}`, xa: place.commune, huyen: place.district, so_ho: place.households },
          geometry: { type: 'Polygon', coordinates: [[[place.lng, 9.6], [place.lng + 0.01, 9.6], [place.lng + 0.01, 9.61], [place.lng, 9.61], [place.lng, 9.6]]] },
        })),
      }),
    );
    const none = write('khong-tram.csv', 'site_id,operator,lon,lat,technologies\nX1,Viettel,104.5,8.5,4G\n');
    const out = join(dir, 'names');
    const run = runCli('propose.ts', ['--hamlets', wards, '--sites', none, '--measure', 'households', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const expected = places.map((place, k) => `Trạm mới số ${k + 1} — ${place.label}`);
    expect(report.proposals.map((proposal: { nameText: string }) => proposal.nameText)).toEqual(expected);
    // Written by hand from the proposal's own coordinates: 6 decimals, a decimal comma, B and Đ.
    const position = (lat: number, lng: number) => `${lat.toFixed(6).replace('.', ',')}° B, ${lng.toFixed(6).replace('.', ',')}° Đ`;
    const collection = JSON.parse(readFileSync(join(out, 'proposals.geojson'), 'utf8'));
    expect(collection.features.map((feature: { properties: { name: string } }) => feature.properties.name)).toEqual(expected);
    collection.features.forEach((feature: { geometry: { coordinates: [number, number] } }, k: number) => {
      const [lng, lat] = feature.geometry.coordinates;
      expect(report.proposals[k].positionText).toBe(position(lat, lng));
      expect(run.stderr).toContain(`  ${k + 1}. ${expected[k]} · ${position(lat, lng)} · thêm ${places[k].households} hộ · phủ thêm: Khóm ${k + 1} (${places[k].label})`);
    });
    // No machine id reaches a person, and the district is named once.
    expect(run.stderr).not.toMatch(/grid:|hamlet:|Vĩnh Châu, TX Vĩnh Châu/);
    const english = runCli('propose.ts', ['--hamlets', wards, '--sites', none, '--measure', 'households', '--lang', 'en', '--out', join(dir, 'names-en')]);
    expect(english.status, english.stderr).toBe(0);
    expect(english.stderr).toContain('  3. New tower no. 3 — Phường 1, TX Ngã Năm · 9.5');
  });

  it('greedy and a budget work without HiGHS and stay within the budget', () => {
    const out = join(dir, 'budget');
    const run = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--budget', '2', '--method', 'greedy', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ method: 'greedy', optimal: false, gap: null, problem: 'budget' });
    expect(report.proposals.length).toBeLessThanOrEqual(2);
  });

  it('refuses a bad option with a message in the run\'s language and exit 1, no stack trace', () => {
    const run = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--target', '1.5', '--out', join(dir, 'bad')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Mục tiêu phủ sóng 1,5 phải từ 0 đến 1 (tức 0 % đến 100 %)');
    const both = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--shared-target', '0.3', '--budget', '2', '--out', join(dir, 'bad')]);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('Không thể vừa giới hạn số trạm vừa đặt mục tiêu trạm dùng chung');
    const spacing = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--technology', '2g', '--out', join(dir, 'bad')]);
    expect(spacing.status).toBe(1);
    expect(spacing.stderr).toContain('Công nghệ 2G không được tính là di động băng rộng');
    const english = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--spacing', '5', '--lang', 'en', '--out', join(dir, 'bad')]);
    expect(english.stderr).toContain('The grid spacing 5 m must be 0 (no grid) or at least 10 m');
    // No developer's wording reaches the Vietnamese runs: no code, no English sentence.
    for (const output of [run.stderr, both.stderr, spacing.stderr]) expect(output).not.toMatch(/invalid-option|must be|cannot be|\bnot\b|\n\s+at /);
    const missing = runCli('propose.ts', ['--hamlets', join(dir, 'nope.geojson'), '--lang', 'en', '--out', join(dir, 'bad')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.geojson: cannot read the file/);
  });

  it('says how good the plan is in the run\'s language: no exponent, no solver jargon', () => {
    const out = join(dir, 'status');
    const run = runCli('propose.ts', ['--hamlets', hamlets, '--sites', sites, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Đã chứng minh là tối ưu: không phương án nào ít chi phí hơn; chênh lệch tối đa so với tối ưu: 0\u00a0%; phương án nhanh (gần đúng) cần');
    // An exponent follows a digit (1.2e-5); the output folder's random name (propose-34azAt) is not one.
    expect(run.stderr).not.toMatch(/\de[+-]\d|greedy|HiGHS|time-limit|optimal\b/);
    expect('gap 1.2e-5').toMatch(/\de[+-]\d/);
  });
});
