import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vi } from '../../src/i18n/dictionary';
import { RESULTS_DIR, recordMeasurement } from './driver';
import { listPdfImages, readPdfInfo, readPdfText } from './print-pdf-tools';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO = path.join(ROOT, 'public', 'geodata');

function runPrint(args: string[]): { status: number | null; stderr: string; ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'print.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  return { status: result.status, stderr: result.stderr, ms: Date.now() - started };
}

describe('npm run print (headless Chromium)', () => {
  it('refuses an unknown extent with the list of known units, before starting a browser', () => {
    const result = runPrint(['--extent', 'district:999', '--out', path.join(RESULTS_DIR, 'print', 'never.pdf')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('lỗi: không có ấp, khóm nào thuộc huyện "999"; các đơn vị có (mã tên): ');
    expect(result.stderr).toContain('941 Thành phố Sóc Trăng');
    const english = runPrint(['--extent', 'district:999', '--lang', 'en', '--out', path.join(RESULTS_DIR, 'print', 'never.pdf')]);
    expect(english.stderr).toContain('error: no hamlet in district "999"; known units (code name): ');
  });

  it('prints one commune, one operator, A4 portrait, from the given files', () => {
    const out = path.join(RESULTS_DIR, 'print', 'cli-commune-a4-portrait.pdf');
    mkdirSync(path.dirname(out), { recursive: true });
    const result = runPrint([
      '--hamlets', path.join(DEMO, 'hamlets.geojson'),
      '--sites', path.join(DEMO, 'sites.geojson'),
      '--fibre', path.join(DEMO, 'fibre.geojson'),
      '--indicators', path.join(DEMO, 'indicators.json'),
      '--layer', '4g', '--operator', 'viettel',
      '--paper', 'A4', '--orientation', 'portrait', '--extent', 'commune:31522',
      '--title', 'Phủ sóng 4G Viettel — Phường 1',
      // The end-to-end run has just built dist/ (npm test); the CLI serves that same build.
      '--no-build',
      '--out', out,
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/đã ghi .*cli-commune-a4-portrait\.pdf: \d+ trang, A4 dọc; dựng trang [\d,]+ giây/);
    const info = readPdfInfo(out);
    expect(info.pageSizesMm[0][0]).toBeCloseTo(210, 0);
    expect(info.pageSizesMm[0][1]).toBeCloseTo(297, 0);
    const text = readPdfText(out, 1);
    expect(text).toContain('Phủ sóng 4G Viettel — Phường 1');
    expect(text).toContain('Phường 1 — Thành phố Sóc Trăng');
    expect(text).toContain('Nhà mạng: Viettel');
    expect(text).toContain('Lớp: 4G');
    expect(text).toContain('Dữ liệu minh họa');
    // The footer says once what is real and what is generated (on two lines of a portrait sheet).
    expect(text.replace(/\s+/g, ' ')).toContain(`Nguồn: ${vi['demo.notice']}`);
    // The map is vector: no picture at all without a basemap.
    expect(listPdfImages(out)).toEqual([]);
    recordMeasurement('print-cli-commune-a4', { wholeRunMs: result.ms, pages: info.pages });
  }, 600_000);

  it('prints the challenged hexagons of the given field tests, listed beside the map, and refuses the map without tests', () => {
    const refused = runPrint(['--map', 'challenges', '--out', path.join(RESULTS_DIR, 'print', 'never.pdf')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--map challenges cần ít nhất một tệp đo kiểm (--measurements TỆP)');
    const out = path.join(RESULTS_DIR, 'print', 'cli-challenges-district.pdf');
    mkdirSync(path.dirname(out), { recursive: true });
    const reference = path.join(ROOT, 'test', 'fixtures', 'reference');
    const result = runPrint(['--map', 'challenges', '--measurements', path.join(ROOT, 'test', 'fixtures', 'measurements', 'gnettrack-demo.txt'), '--reference', path.join(reference, 'song-kenh-vn2000.zip'), '--extent', 'district:941', '--no-build', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const text = readPdfText(out, 1).replace(/\s+/g, ' ');
    expect(text).toContain('Ô cần phản ánh với nhà mạng: đo kiểm trái với bản đồ phủ sóng');
    expect(text).toContain('Ô lục giác H3 cấp 8');
    // The drive log's dead spot in Sóc Trăng city: Viettel 4G said covered, tests without service.
    expect(text).toMatch(/1\. 88[0-9a-f]{13} — Viettel 4G \d+\/\d+ lượt đo trái dự báo \(Báo phủ, không có sóng\)/);
    expect(text).toContain('Ô báo phủ nhưng đo kiểm không có sóng');
    // The river layer given with --reference, in the legend and named on the map (Kênh Maspero crosses the city).
    expect(text).toContain('Đường tham chiếu: song-kenh-vn2000');
    expect(text).toContain('Kênh Maspero');
  }, 600_000);
});
