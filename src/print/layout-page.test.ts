import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/use-t';
import { computePageFrames, layoutMapPage, wrapText, type MapPageContent } from './layout-page';
import { pageMarginsMm, paperSizeMm } from './paper-sizes';
import { createMeasure } from './print-fonts';

const FONT_DIR = path.resolve(import.meta.dirname, '../../node_modules/@expo-google-fonts/be-vietnam-pro');
const measure = createMeasure(readFileSync(path.join(FONT_DIR, '400Regular/BeVietnamPro_400Regular.ttf')), readFileSync(path.join(FONT_DIR, '700Bold/BeVietnamPro_700Bold.ttf')));

function content(patch: Partial<MapPageContent> = {}): MapPageContent {
  return {
    paper: 'A4',
    orientation: 'landscape',
    title: 'Bản đồ phủ sóng di động băng rộng theo ấp',
    subtitle: 'Tỉnh Sóc Trăng · Lớp: Di động băng rộng',
    demoMark: 'Dữ liệu minh họa',
    map: null,
    scale: 250_000,
    scaleTitle: 'Tỷ lệ',
    northLetter: 'B',
    legendTitle: 'Chú giải',
    legend: [{ symbol: { kind: 'fill', color: '#0072B2' }, label: 'Được phủ' }],
    kpiTitle: 'Chỉ tiêu Quy hoạch',
    kpiHeaders: ['Chỉ tiêu', 'Giá trị', 'Mục tiêu', 'Đánh giá'],
    kpiRows: [{ label: 'Ấp, khóm được phủ sóng di động băng rộng', value: '93,8 %', target: '≥ 100 %', status: 'not-met', statusText: 'Chưa đạt' }],
    list: null,
    footerLeft: 'Nguồn: Dữ liệu minh họa',
    footerRight: 'Trang {page}/{pages}',
    ...patch,
  };
}

describe('print page layout', () => {
  it('gives the paper sizes with the binding margin on the bound edge', () => {
    expect(paperSizeMm('A4', 'portrait')).toEqual({ widthMm: 210, heightMm: 297 });
    expect(paperSizeMm('A3', 'landscape')).toEqual({ widthMm: 420, heightMm: 297 });
    expect(pageMarginsMm('portrait').left).toBe(20);
    expect(pageMarginsMm('landscape').top).toBe(20);
  });

  it('keeps every frame inside the margins and the map frame clear of the side columns', () => {
    for (const paper of ['A4', 'A3'] as const) {
      for (const orientation of ['landscape', 'portrait'] as const) {
        const frames = computePageFrames(paper, orientation);
        const margins = pageMarginsMm(orientation);
        for (const frame of [frames.header, frames.map, frames.footer, ...frames.columns]) {
          expect(frame.x).toBeGreaterThanOrEqual(margins.left - 1e-9);
          expect(frame.y).toBeGreaterThanOrEqual(margins.top - 1e-9);
          expect(frame.x + frame.width).toBeLessThanOrEqual(frames.page.widthMm - margins.right + 1e-9);
          expect(frame.y + frame.height).toBeLessThanOrEqual(frames.page.heightMm - margins.bottom + 1e-9);
        }
        for (const column of frames.columns) {
          const apart = column.x >= frames.map.x + frames.map.width || column.y >= frames.map.y + frames.map.height;
          expect(apart).toBe(true);
        }
      }
    }
  });

  it('measures Vietnamese text with the embedded face and wraps at spaces', () => {
    expect(measure('Bản đồ', 10, true)).toBeGreaterThan(measure('Bản đồ', 10, false) * 0.95);
    const lines = wrapText('Ấp, khóm được phủ sóng di động băng rộng', 25, 7, false, measure);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(line, 7, false)).toBeLessThanOrEqual(25);
    expect(lines.join(' ')).toBe('Ấp, khóm được phủ sóng di động băng rộng');
  });

  it('gives a long source line a second line on a narrow (portrait) sheet instead of cutting it', () => {
    const source = 'Nguồn: Dữ liệu minh họa do máy sinh, không phải số liệu chính thức; độ phủ tính theo mô hình hình học; số hộ theo Tổng điều tra dân số 2019.';
    const { page } = layoutMapPage(content({ orientation: 'portrait', footerLeft: source, footerRight: 'Số liệu: 31/12/2024 · Ngày in: 30/11/2026 · Trang 1/1' }), measure);
    const footerLines = page.items.flatMap((item) => (item.type === 'text' && item.anchor === 'start' && item.y > page.heightMm - 20 ? [item.text] : []));
    expect(footerLines.length).toBe(2);
    expect(footerLines.join(' ')).toBe(source);
  });

  it('shows the whole demo source line (what is real, what is generated) on an A4 portrait sheet, in both languages', () => {
    for (const locale of ['vi', 'en'] as const) {
      const source = translate(locale, 'print.sourceDemo', { notice: translate(locale, 'demo.notice') });
      const footerRight = translate(locale, 'print.footerRight', { dataDate: '31/12/2024', printDate: '30/11/2026', page: '12', pages: '108' });
      const { page } = layoutMapPage(content({ orientation: 'portrait', footerLeft: source, footerRight }), measure);
      const footerLines = page.items.flatMap((item) => (item.type === 'text' && item.anchor === 'start' && item.y > page.heightMm - 20 ? [item.text] : []));
      expect(footerLines.join(' '), locale).toBe(source);
    }
  });

  it('lays out title, demo mark, the map frame, scale text and KPI rows; a long list continues', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Ấp ${i + 1}, Xã Đại Hải — 12,5 % · 640 hộ`);
    const map = { type: 'group' as const, clip: computePageFrames('A4', 'landscape').map, items: [] };
    const { page, rest } = layoutMapPage(content({ map, list: { title: 'Ấp, khóm chưa được phủ (200)', lines } }), measure);
    const texts = page.items.flatMap((item) => (item.type === 'text' ? [item.text] : []));
    expect(texts).toContain('Bản đồ phủ sóng di động băng rộng theo ấp');
    expect(texts).toContain('Dữ liệu minh họa');
    expect(texts).toContain('Tỷ lệ 1:250 000');
    expect(texts).toContain('Chưa đạt');
    expect(page.items.filter((item) => item === map)).toHaveLength(1);
    expect(rest.length).toBeGreaterThan(0);
    expect(texts.filter((text) => text.startsWith('Ấp ')).length + rest.length).toBe(200);
  });
});
