// A file the user named that yields nothing is an error, never "0 % covered": the CLI exits 1, names
// the file and says why, in Vietnamese by default. A file with some skipped rows still loads. Whatever
// goes wrong inside a named file is reported with its name, never as an internal error (exit 2).
import { closeSync, mkdtempSync, openSync, writeFileSync, ftruncateSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'analyze-named-'));
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'parseInputBytes', 'in');
const HAMLETS = join(FIXTURES, 'hamlets-geojson-wgs84.geojson');
const write = (name: string, content: string | Uint8Array): string => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
/** Runs analyze on the fixture hamlets and one sites file; the run must stop with exit 1 and no stack. */
function refuseSites(path: string, lang: 'vi' | 'en' = 'vi'): string {
  const run = runCli('analyze.ts', ['--hamlets', HAMLETS, '--sites', path, '--lang', lang, '--out', join(dir, 'out')]);
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).not.toMatch(/internal error|lỗi nội bộ|\n\s+at /);
  return run.stderr;
}

describe('analyze refuses a named file that yields nothing', () => {
  it('an empty file', () => {
    expect(refuseSites(write('rong.csv', ''))).toBe('lỗi: rong.csv: tệp trống, không có dữ liệu\n');
  });

  it('a CSV with a header and no rows', () => {
    expect(refuseSites(write('chi-tieu-de.csv', 'ma_tram,nha_mang,kinh_do,vi_do,cong_nghe\n'), 'en')).toBe('error: chi-tieu-de.csv: no rows: the file has no data rows (only a header, or no features)\n');
  });

  it('a CSV without coordinate columns, quoting the header it has', () => {
    const stderr = refuseSites(write('khong-toa-do.csv', 'ma_tram,nha_mang,dia_chi\nST1,Viettel,Ấp 1\n'));
    expect(stderr).toBe('lỗi: khong-toa-do.csv: không có cột kinh độ/vĩ độ hay x/y (đã tìm các tên lon, lng, longitude, kinh_do, x, x_m, toa_do_x, toa_do_x_m, easting và lat, latitude, vi_do, y, y_m, toa_do_y, toa_do_y_m, northing); dòng tiêu đề có "ma_tram", "nha_mang", "dia_chi"\n');
  });

  it('binary garbage', () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256);
    expect(refuseSites(write('rac.csv', garbage), 'en')).toBe('error: rac.csv: this is not a text file (it holds NUL bytes); save it as CSV, GeoJSON, .xlsx, KML/KMZ or a zipped Shapefile\n');
  });

  it('an old Excel file renamed .csv', () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(refuseSites(write('tram-xls.csv', xls))).toBe('lỗi: tram-xls.csv: đây là tệp Excel 97–2003 (.xls), không phải văn bản; hãy mở bằng Excel và lưu thành .xlsx hoặc "CSV UTF-8"\n');
  });

  it('an .xlsx renamed .csv: read as Excel (with a warning) when it holds sites, refused with the reason when its sheet has none', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Trạm').addRow(['ma_tram', 'nha_mang', 'kinh_do', 'vi_do', 'cong_nghe']);
    expect(refuseSites(write('tram-xlsx-rong.csv', new Uint8Array(await empty.xlsx.writeBuffer())), 'en')).toBe('error: tram-xlsx-rong.csv: no rows: the file has no data rows (only a header, or no features)\n');
    const full = new ExcelJS.Workbook();
    full.addWorksheet('Trạm').addRows([['ma_tram', 'nha_mang', 'kinh_do', 'vi_do', 'cong_nghe'], ['ST1', 'Viettel', 105.96, 9.6, '4G']]);
    const path = write('tram-xlsx.csv', new Uint8Array(await full.xlsx.writeBuffer()));
    const run = runCli('analyze.ts', ['--hamlets', HAMLETS, '--sites', path, '--out', join(dir, 'xlsx')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('tram-xlsx.csv[Trạm] (trạm BTS): đọc 1 dòng, dùng 1, bỏ qua 0');
    expect(run.stderr).toContain('cảnh báo: tệp có đuôi của tệp văn bản nhưng thật ra là sổ tính Excel; đã đọc như tệp Excel');
  });

  it('a file whose every row is unusable, saying why the first one is', () => {
    const stderr = refuseSites(write('sai-het.csv', 'ma_tram,nha_mang,kinh_do,vi_do,cong_nghe\nST1,Viettel,abc,9.6,4G\nST2,Viettel,,9.6,4G\n'), 'en');
    expect(stderr).toBe('error: sai-het.csv: no row can be used (2 read); the first (sai-het.csv:1): longitude "abc" is not a number (column "kinh_do")\n');
  });

  it('a hamlet file with no usable polygon', () => {
    const hamlets = write('ap-diem.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [105.9, 9.6] } }] }));
    const run = runCli('analyze.ts', ['--hamlets', hamlets, '--out', join(dir, 'x')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('lỗi: ap-diem.geojson: không dùng được dòng nào trong 1 dòng; dòng đầu tiên (ap-diem.geojson#0): hình học kiểu "Point", không phải đa giác (Polygon, MultiPolygon)\n');
  });

  it('still loads a file with some skipped rows, listing them', () => {
    const sites = write('mot-phan.csv', 'ma_tram,nha_mang,kinh_do,vi_do,cong_nghe\nST1,Viettel,105.96,9.6,4G\nST2,Viettel,,9.6,4G\n');
    const out = join(dir, 'partial');
    const run = runCli('analyze.ts', ['--hamlets', HAMLETS, '--sites', sites, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('mot-phan.csv (trạm BTS): đọc 2 dòng, dùng 1, bỏ qua 1');
    expect(run.stderr).toContain('  bỏ qua mot-phan.csv:2: thiếu kinh độ (cột "kinh_do")');
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).kpis.sites).toBe(1);
  });
});

describe('analyze names the file whatever goes wrong inside it', () => {
  it('a 700 MB KML is refused by its size before it is read', () => {
    const path = join(dir, 'lon.kml');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 700 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    const run = runCli('analyze.ts', ['--hamlets', HAMLETS, '--fibre', path, '--lang', 'en', '--out', join(dir, 'x')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('error: lon.kml: the file is 700 MB, more than the 200 MB limit for this kind of data; split it (e.g. by district), simplify the boundaries or drop unused columns, then load the parts\n');
  });

  it('coordinates nested 200,000 deep are refused, not a stack overflow', () => {
    const deep = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${'['.repeat(200_000)}${']'.repeat(200_000)}}}]}`;
    const run = runCli('analyze.ts', ['--hamlets', write('sau.geojson', deep), '--out', join(dir, 'x')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('lỗi: sau.geojson: dữ liệu JSON lồng nhau quá 64 cấp (GeoJSON chỉ cần dưới 10 cấp): tệp bị hỏng hoặc không phải GeoJSON\n');
  });
});
