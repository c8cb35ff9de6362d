import { readFileSync, statSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { recordMeasurement, openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';
import { listPdfFonts, listPdfImages, readPdfInfo, readPdfText } from './print-pdf-tools';

const PRINT_DATE = /Ngày in: \d{2}\/\d{2}\/\d{4}/;

function expectPageSize(file: string, widthMm: number, heightMm: number): void {
  for (const [width, height] of readPdfInfo(file).pageSizesMm) {
    expect(width).toBeCloseTo(widthMm, 0);
    expect(height).toBeCloseTo(heightMm, 0);
  }
}

describe('printing maps', () => {
  const app = openAppForSuite();

  it('exports an A4 landscape PDF of the province: title, legend, scale, dates, demo mark and map labels as text; the map as vectors', async () => {
    await app.setPrintOptions({ paper: 'A4', orientation: 'landscape', extent: 'province', atlas: '' });
    const result = await app.exportPrint('pdf', 'a4-landscape-province.pdf');
    const info = readPdfInfo(result.path);
    expect(info.pages).toBe(1);
    expectPageSize(result.path, 297, 210);
    const text = readPdfText(result.path);
    expect(text).toContain('Bản đồ phủ sóng di động băng rộng theo ấp');
    for (const entry of ['Được phủ (≥ 50', 'diện tích)', 'Chưa phủ (0', 'Trạm dùng chung', 'Ranh giới huyện']) expect(text).toContain(entry);
    expect(text).toMatch(/Tỷ lệ 1:\d{1,3}( \d{3})+/);
    expect(text).toMatch(/\d+ km/);
    expect(text).toMatch(PRINT_DATE);
    expect(text).toContain('Số liệu: 31/12/2024');
    expect(text).toContain('Dữ liệu minh họa');
    expect(text).toContain('Ấp, khóm được phủ sóng');
    expect(text).toContain('Chỉ tiêu Quy hoạch');
    // Vector text: only the embedded Vietnamese face, with a Unicode map (so search and copy work).
    const fonts = listPdfFonts(result.path);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.name.includes('BeVietnamPro') && font.isEmbedded && font.hasUnicode)).toBe(true);
    // The map is paths and text (the golden page and label checks are in test/print/vector-pdf.test.ts).
    expect(listPdfImages(result.path)).toEqual([]);
    expect(text).toContain('Huyện Kế Sách');
    recordMeasurement('print-a4-landscape', { pages: result.pages, layoutMs: result.layoutMs, totalMs: result.totalMs, bytes: statSync(result.path).size });
  });

  it('exports an A3 portrait PDF of one district with its own KPI box and uncovered hamlets', async () => {
    await app.setPrintOptions({ paper: 'A3', orientation: 'portrait', extent: 'district', unit: { label: 'Huyện Kế Sách' }, title: 'Phủ sóng huyện Kế Sách' });
    const result = await app.exportPrint('pdf', 'a3-portrait-district.pdf');
    expect(readPdfInfo(result.path).pages).toBeGreaterThanOrEqual(1);
    expectPageSize(result.path, 297, 420);
    const text = readPdfText(result.path, 1);
    expect(text).toContain('Phủ sóng huyện Kế Sách');
    expect(text).toContain('Chỉ tiêu: Huyện Kế Sách');
    expect(text).toContain('Ngoài đơn vị (làm mờ)');
    expect(text).toMatch(PRINT_DATE);
    expect(listPdfImages(result.path)).toEqual([]);
  });

  it('exports an A3 landscape PDF of the province (timed)', async () => {
    await app.setPrintOptions({ paper: 'A3', orientation: 'landscape', extent: 'province', title: '' });
    const result = await app.exportPrint('pdf', 'a3-landscape-province.pdf');
    expect(readPdfInfo(result.path).pages).toBe(1);
    expectPageSize(result.path, 420, 297);
    expect(listPdfImages(result.path)).toEqual([]);
    expect(readPdfText(result.path)).toContain('Bản đồ phủ sóng di động băng rộng theo ấp');
    recordMeasurement('print-a3-landscape', { pages: result.pages, layoutMs: result.layoutMs, totalMs: result.totalMs, bytes: statSync(result.path).size });
  });

  it('shows progress and stops when cancelled', async () => {
    await app.setPrintOptions({ paper: 'A4', orientation: 'landscape', extent: 'province', atlas: 'commune' });
    const cancelled = await app.startAndCancelPrint();
    expect(cancelled.sawProgress).toBe(true);
    expect(cancelled.state).toBe('cancelled');
  });

  it('exports an atlas with one page per district, each with its KPI box and uncovered hamlets (timed)', async () => {
    await app.setPrintOptions({ paper: 'A4', orientation: 'landscape', extent: 'province', atlas: 'district' });
    const result = await app.exportPrint('pdf', 'atlas-district-a4.pdf');
    const info = readPdfInfo(result.path);
    const districts = 11;
    expect(info.pages).toBeGreaterThanOrEqual(districts);
    expectPageSize(result.path, 297, 210);
    expect(listPdfImages(result.path)).toEqual([]);
    expect(statSync(result.path).size).toBeLessThan(5 * 1024 * 1024);
    const text = readPdfText(result.path);
    for (const district of ['Huyện Kế Sách', 'Thị xã Vĩnh Châu', 'Thành phố Sóc Trăng']) {
      expect(text).toContain(`Bản đồ phủ sóng di động băng rộng theo ấp — ${district}`);
      expect(text).toContain(`Chỉ tiêu: ${district}`);
    }
    expect(text).toContain('Ấp, khóm chưa được phủ');
    expect(text).toContain(`Trang ${info.pages}/${info.pages}`);
    recordMeasurement('print-atlas-district-a4', { pages: info.pages, layoutMs: result.layoutMs, totalMs: result.totalMs, bytes: statSync(result.path).size });
  }, 600_000);

  it('continues a long list of uncovered hamlets on a second page (5G, one district)', async () => {
    const uncovered = computeExpectedReport().hamlets.filter((hamlet) => hamlet.district === 'Huyện Kế Sách' && !hamlet.covered['5g']).length;
    await app.selectLayer('5g');
    await app.setPrintOptions({ paper: 'A4', orientation: 'landscape', extent: 'district', unit: { label: 'Huyện Kế Sách' }, atlas: '', title: '' });
    const result = await app.exportPrint('pdf', 'a4-district-5g-list.pdf');
    await app.selectLayer('mobile');
    const info = readPdfInfo(result.path);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect(listPdfImages(result.path)).toEqual([]);
    const first = readPdfText(result.path, 1);
    expect(first).toContain('Bản đồ phủ sóng 5G theo ấp');
    expect(first).toContain(`Ấp, khóm chưa được phủ 5G (${uncovered})`);
    expect(first).toContain('Ấp, khóm được phủ 5G');
    expect(readPdfText(result.path, 2)).toContain('(tiếp theo)');
    const listed = readPdfText(result.path).match(/\d hộ/g) ?? [];
    expect(listed).toHaveLength(uncovered);
  });

  it('prints the current view of the screen map', async () => {
    await app.zoomToFirstUncoveredHamlet();
    await app.setPrintOptions({ paper: 'A4', orientation: 'landscape', extent: 'view', atlas: '', title: 'Khung nhìn' });
    const result = await app.exportPrint('pdf', 'a4-current-view.pdf');
    const text = readPdfText(result.path);
    expect(text).toContain('Khung nhìn hiện tại');
    const scale = Number(/Tỷ lệ 1:([\d ]+)/.exec(text)![1].replace(/ /g, ''));
    expect(scale).toBeLessThan(200_000);
  });

  it('exports the first page as a PNG and lays the pages out for the browser’s own print', async () => {
    await app.setPrintOptions({ paper: 'A4', orientation: 'portrait', extent: 'province', atlas: '' });
    const result = await app.exportPrint('png', 'a4-portrait.png');
    const png = PNG.sync.read(readFileSync(result.path));
    expect([png.width, png.height]).toEqual([Math.round((210 / 25.4) * 200), Math.round((297 / 25.4) * 200)]);
    await app.page.emulateMedia({ media: 'print' });
    const shown = await app.page.evaluate(() => ({
      app: getComputedStyle(document.getElementById('root')!).display,
      sheets: document.querySelectorAll('.print-root .print-sheet').length,
      sheetWidth: document.querySelector('.print-root .print-sheet')?.getAttribute('width'),
    }));
    await app.page.emulateMedia({ media: 'screen' });
    expect(shown).toEqual({ app: 'none', sheets: 1, sheetWidth: '210mm' });
  });

  it('makes no request off the page’s origin', () => {
    expect(app.offOriginRequests()).toEqual([]);
    expect(app.errors()).toEqual([]);
  });
});
