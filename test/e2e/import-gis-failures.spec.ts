// GIS files that cannot be read, through the import dialog: the GIS reader (gdal3.js) failing to load,
// a damaged MapInfo table with its companions, a .tab picked alone, a damaged GeoPackage. Each is told
// as a planner's sentence naming the file, in Vietnamese and in English, and the current layer is kept.
import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';

/** Bytes that are no format at all (a damaged copy). */
const noise = (length: number, seed: number): Buffer => Buffer.from(Uint8Array.from({ length }, (_, index) => (index * 7919 + seed) % 256));
const damagedTab = (base: string) => [
  { name: `${base}.tab`, content: Buffer.from('!table\n!version 300\n!charset WindowsLatin1\n\nDefinition Table\n  Type NATIVE Charset "WindowsLatin1"\n  Fields 2\n', 'latin1') },
  { name: `${base}.dat`, content: noise(2048, 3) },
  { name: `${base}.map`, content: noise(4096, 5) },
  { name: `${base}.id`, content: noise(64, 7) },
];

describe('GIS files that cannot be read', () => {
  const app = openAppForSuite();

  it('says the reader could not be loaded, naming the file and not blaming it, when GDAL does not arrive', async () => {
    const context = app.page.context();
    const block = '**/gdal/gdal3WebAssembly.wasm';
    await context.route(block, (route) => route.abort('connectionfailed'));
    try {
      const report = await app.importFileSetForReport('hamlets', damagedTab('ranh-gioi-khong-tai'), 'replace');
      expect(report.state).toBe('error');
      expect(report.text).toContain('ranh-gioi-khong-tai.tab');
      expect(report.text).toContain('không tải được bộ đọc tệp bản đồ (MapInfo, GeoPackage…) nên chưa mở được tệp; tệp không có lỗi gì. Hãy tải lại trang rồi chọn lại tệp');
      expect(report.text).toContain('Lớp dữ liệu hiện tại giữ nguyên.');
    } finally {
      await context.unroute(block);
    }
    expect(await app.layerOrigin('hamlets')).toBe('demo');
  });

  it('refuses a damaged MapInfo table picked with its .dat, .map and .id, naming it, in Vietnamese', async () => {
    const report = await app.importFileSetForReport('hamlets', damagedTab('ranh-gioi-hong'), 'replace');
    expect(report.state).toBe('error');
    expect(report.text).toContain('ranh-gioi-hong.tab');
    expect(report.text).toContain('không mở được tệp bản đồ: tệp bị hỏng, thiếu tệp đi kèm hoặc không phải định dạng mà bộ đọc GIS nhận ra');
    expect(report.text).toContain('Lớp dữ liệu hiện tại giữ nguyên.');
    expect(await app.layerOrigin('hamlets')).toBe('demo');
  });

  it('tells the same in English, for a damaged table, a .tab picked alone and a damaged GeoPackage', async () => {
    await app.switchLanguage('en');
    const tab = await app.importFileSetForReport('hamlets', damagedTab('hamlets-broken'), 'replace');
    expect(tab.state).toBe('error');
    expect(tab.text).toContain('hamlets-broken.tab');
    expect(tab.text).toContain('the map file cannot be opened: it is damaged, lacks a companion file, or is not a format the GIS reader knows');
    const alone = await app.importFileSetForReport('hamlets', damagedTab('hamlets-alone').slice(0, 1), 'replace');
    expect(alone.state).toBe('error');
    expect(alone.text).toContain('hamlets-alone.tab');
    expect(alone.text).toContain('the MapInfo table needs "hamlets-alone.dat", "hamlets-alone.map" beside it');
    const gpkg = await app.importFileSetForReport('sites', [{ name: 'sites-broken.gpkg', content: noise(4096, 13) }], 'replace');
    expect(gpkg.state).toBe('error');
    expect(gpkg.text).toContain('sites-broken.gpkg');
    expect(gpkg.text).toContain('the map file cannot be opened');
    for (const text of [tab.text, alone.text, gpkg.text]) expect(text).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);
  });

  it('logs no page error', () => {
    expect(app.errors()).toEqual([]);
  });
});
