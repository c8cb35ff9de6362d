// What a user sees when the input is wrong: a message naming the file, the row and the problem,
// a non-zero exit, never a stack trace; skipped rows are counted and listed, never dropped.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_FILE_NOTE } from '../../src/i18n/messages-demo';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'analyze-errors-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('analyze CLI errors and warnings', () => {
  it('analyses the demo dataset with no input flag and says once what in it is real and what is generated', () => {
    const out = join(dir, 'demo');
    const run = runCli('analyze.ts', ['--out', out]);
    expect(run.status).toBe(0);
    const demoLines = run.stderr.split('\n').filter((line) => /minh họa/i.test(line));
    expect(demoLines).toEqual(['DỮ LIỆU MINH HỌA: Tên, mã huyện, xã, số hộ, dân số từng xã (Tổng điều tra 2019), sáp nhập 1/7/2025 là thật; mọi ranh giới, ấp, khóm, trạm BTS, cáp quang, chỉ tiêu do máy sinh.']);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.demo).toBe(true);
    expect(report.note).toBe(DEMO_FILE_NOTE);
    for (const file of ['hamlets.geojson', 'sites.geojson']) expect(JSON.parse(readFileSync(join(out, file), 'utf8')), file).toMatchObject({ demo: true, note: DEMO_FILE_NOTE });
    expect(report.hamlets.length).toBeGreaterThanOrEqual(800);
    expect(report.targets.find((t: { id: string }) => t.id === 'shared-sites').met).toBe(false);
  });

  it('names a missing file and exits non-zero without a stack trace, in Vietnamese unless asked otherwise', () => {
    const run = runCli('analyze.ts', ['--hamlets', join(dir, 'nope.geojson'), '--out', join(dir, 'x')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^lỗi: .*nope\.geojson: không đọc được tệp \(không có tệp này\)\n$/);
    const english = runCli('analyze.ts', ['--hamlets', join(dir, 'nope.geojson'), '--lang', 'en', '--out', join(dir, 'x')]);
    expect(english.stderr).toMatch(/^error: .*nope\.geojson: cannot read the file \(no such file\)\n$/);
    expect(run.stderr + english.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a missing sites file too: every named file counts, not only the hamlets', () => {
    const hamlets = join(REPO_ROOT, 'test', 'fixtures', 'parseInputBytes', 'in', 'hamlets-geojson-wgs84.geojson');
    const run = runCli('analyze.ts', ['--hamlets', hamlets, '--sites', join(dir, 'khong-co.csv'), '--lang', 'en', '--out', join(dir, 'x')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/khong-co\.csv: cannot read the file \(no such file\)/);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('names a file that is not JSON, with the line and column', () => {
    const run = runCli('analyze.ts', ['--hamlets', write('bad.geojson', '{"type": "FeatureCollection", '), '--lang', 'en', '--out', join(dir, 'x')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.geojson: not valid JSON \(error at line 1, column 31\)/);
  });

  // Every tool, before it reads a file or starts a browser.
  it.each(['analyze.ts', 'propose.ts', 'print.ts', 'report.ts', 'compare.ts'])('%s refuses an unknown --lang and a missing --out', (script) => {
    const run = runCli(script, ['--lang', 'fr', '--out', join(dir, 'x'), ...(script === 'compare.ts' ? ['--before', 'a', '--after', 'b'] : [])]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--lang phải là một trong vi, en, không phải "fr"');
    const noOut = runCli(script, ['--lang', 'en']);
    expect(noOut.status).toBe(1);
    expect(noOut.stderr).toMatch(/--out.* is required/);
  });

  it('counts and lists skipped site rows with file, row and reason', () => {
    const hamlets = write('ap.geojson', JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { ma_ap: 'A1', ten_ap: 'Ấp 1', xa: 'Xã A', huyen: 'Huyện B', so_ho: '1.234' }, geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [105.92, 9.6], [105.92, 9.62], [105.9, 9.62], [105.9, 9.6]]] } }],
    }));
    const sites = write('tram.csv', 'Mã trạm;Nhà mạng;Kinh độ;Vĩ độ;Công nghệ\nST1;Viettel;105,91;9,61;4G\nST2;Mobifone;abc;9,61;4G\nST3;VNPT;105,911;9,6101;5G\n');
    const out = join(dir, 'skips');
    const run = runCli('analyze.ts', ['--hamlets', hamlets, '--sites', sites, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('tram.csv (trạm BTS): đọc 3 dòng, dùng 2, bỏ qua 1');
    expect(run.stderr).toContain('  bỏ qua tram.csv:2: kinh độ "abc" không phải là số (cột "Kinh độ")');
    expect(run.stderr).toMatch(/1 ấp, khóm: di động băng rộng 100\u00a0%, 4G 100\u00a0%, 5G 100\u00a0%, cáp quang FTTH 0\u00a0%/);
    const english = runCli('analyze.ts', ['--hamlets', hamlets, '--sites', sites, '--lang', 'en', '--out', join(dir, 'skips-en')]);
    expect(english.stderr).toContain('tram.csv (sites): 3 read, 2 used, 1 skipped');
    expect(english.stderr).toContain('  skipped tram.csv:2: longitude "abc" is not a number (column "Kinh độ")');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const skipped = report.warnings.find((w: { code: string; where?: string }) => w.code === 'row-skipped' && w.where === 'tram.csv:2');
    expect(skipped.text).toBe('dòng bị bỏ qua: kinh độ "abc" không phải là số (cột "Kinh độ")');
    expect(report.hamlets[0].households).toBe(1234);
    expect(report.kpis.sites).toBe(2);
    expect(report.kpis.coveredMobileShare).toBe(1);
  });
});
