// Faulty files through the import dialog: every report, refusal and warning is in Vietnamese (numbers
// too), never a developer's code or an English sentence; a refused file leaves the current layer as it
// was. The same report reads in English after the language switch.
import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';

/** English words that must not appear in the Vietnamese interface (outside quoted file content). */
const ENGLISH = new RegExp(
  `\\b(${[
    'the', 'is', 'are', 'was', 'not', 'of', 'and', 'or', 'to', 'at', 'by', 'for', 'from', 'as', 'be', 'it', 'its', 'this', 'that', 'than', 'more',
    'file', 'column', 'row', 'rows', 'cell', 'cells', 'header', 'missing', 'with', 'without', 'read', 'used', 'skipped', 'ignored', 'kept', 'swapped',
    'back', 'warning', 'warnings', 'error', 'invalid', 'unknown', 'number', 'value', 'site', 'sites', 'hamlet', 'hamlets', 'operator', 'technology',
    'position', 'ring', 'polygon', 'geometry', 'feature', 'features', 'empty', 'none', 'first', 'other', 'outside', 'default', 'radius', 'rows',
    'null', 'undefined', 'NaN', 'ms', 'true', 'false',
  ].join('|')})\\b`,
  'i',
);
/** A message code as core writes it (`missing-commune`, `no-usable-rows`). */
const CODE = /\b[a-z]+(?:-[a-z0-9]+)+\b/;

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** The report's words with the file's own name taken out (it may look like a code). */
function wordsOf(report: { words: string }, fileName: string): string {
  // GeoJSON's geometry type names are the format's own words, the same in every language.
  return report.words.split(fileName).join(' ').replace(/\b(Multi)?(Polygon|Point|LineString)\b/g, ' ');
}

describe('import reports speak Vietnamese', () => {
  const app = openAppForSuite();

  it('refuses files that yield nothing, saying why in Vietnamese, and keeps the current layer', async () => {
    const before = await app.readKpis();
    const cases: { name: string; content: Buffer; reason: string }[] = [
      { name: 'rong.csv', content: utf8(''), reason: 'tệp trống, không có dữ liệu' },
      { name: 'chi-co-tieu-de.csv', content: utf8('ma_tram,nha_mang,kinh_do,vi_do,cong_nghe\n'), reason: 'tệp không có dòng dữ liệu nào' },
      { name: 'khong-toa-do.csv', content: utf8('ma_tram,nha_mang,dia_chi\nST1,Viettel,Ấp 1\n'), reason: 'không có cột kinh độ/vĩ độ hay x/y' },
      { name: 'rac.csv', content: Buffer.from(Uint8Array.from({ length: 2048 }, (_, index) => (index * 7919 + 13) % 256)), reason: 'tệp không phải văn bản' },
      { name: 'sai-het.csv', content: utf8('ma_tram,nha_mang,kinh_do,vi_do,cong_nghe\nST1,Viettel,abc,9.6,4G\n'), reason: 'không dùng được dòng nào trong 1 dòng' },
    ];
    for (const { name, content, reason } of cases) {
      const report = await app.importForReport('sites', name, content, 'replace');
      expect(report.state, name).toBe('error');
      expect(report.text, name).toContain(reason);
      expect(report.text, name).toContain('Lớp dữ liệu hiện tại giữ nguyên.');
      const words = wordsOf(report, name);
      expect(words, name).not.toMatch(ENGLISH);
      expect(words, name).not.toMatch(CODE);
    }
    expect(await app.readKpis()).toEqual(before);
  });

  it('lists every skipped row and warning of a messy site list in Vietnamese, numbers in Vietnamese notation', async () => {
    const csv = [
      'ma_tram,nha_mang,kinh_do,vi_do,cong_nghe,ban_kinh_m,phuong_vi,bup_song',
      'OK-1,Viettel,105.97,9.6,4G,,,',
      'OK-2,VNPT,105.98,9.61,4G/wimax,,,',
      'OK-3,Gtel,105.99,9.62,4G,1000000000,,',
      'OK-4,MobiFone,105.96,9.63,4G,-5,400,',
      'OK-5,Viettel,105.95,9.64,5G,,,65',
      'SW-1,Viettel,9.6,105.97,4G,,,',
      'FAR-1,Viettel,2.35,48.85,4G,,,',
      ',Viettel,105.94,9.65,4G,,,,thừa',
      'BAD-1,Viettel,,9.6,4G,,,',
      'BAD-2,,105.9,9.6,,,,',
      'BAD-3,Viettel,105.9,abc,2G;wimax,,,',
    ].join('\n');
    const report = await app.importForReport('sites', 'tram-loi.csv', utf8(csv), 'add');
    expect(report.state).toBe('ok');
    expect(report.text).toContain('Số dòng đọc: 11');
    expect(report.text).toContain('Số dòng dùng: 8');
    expect(report.text).toContain('thiếu kinh độ (cột "kinh_do")');
    expect(report.text).toContain('thiếu nhà mạng (cột "nha_mang"); thiếu công nghệ (cột "cong_nghe")');
    expect(report.text).toContain('nhà mạng "Gtel" không có trong danh sách');
    expect(report.text).toContain('bán kính "1000000000" m lớn hơn 100.000 m, không hợp lý');
    expect(report.text).toContain('kinh độ và vĩ độ bị ghi ngược');
    expect(report.text).toContain('nằm ngoài lãnh thổ Việt Nam');
    const words = wordsOf(report, 'tram-loi.csv');
    expect(words).not.toMatch(ENGLISH);
    expect(words).not.toMatch(CODE);

    await app.page.getByTestId('language-en').click();
    const english = await app.page.locator('[data-testid="import-report"]').innerText();
    expect(english).toContain('missing longitude (column "kinh_do")');
    expect(english).toContain('radius "1000000000" m is more than 100,000 m, not plausible');
    await app.page.getByTestId('language-vi').click();
  });

  it('lists a messy hamlet layer\'s problems in Vietnamese', async () => {
    const square = (x: number, y: number, size = 0.01) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
    const feature = (properties: object, geometry: object | null) => ({ type: 'Feature', properties, geometry });
    const collection = {
      type: 'FeatureCollection',
      features: [
        feature({ ma_ap: 'T1', ten_ap: 'Ấp Thử 1', huyen: 'Huyện Thử', so_ho: 'abc' }, { type: 'Polygon', coordinates: [square(106.61, 9.01)] }),
        feature({ ma_ap: 'T2', ten_ap: 'Ấp Thử 2', xa: 'Xã Thử', huyen: 'Huyện Thử', so_ho: 1e308 }, { type: 'Polygon', coordinates: [square(106.63, 9.01), square(106.7, 9.1, 0.001)] }),
        feature({ ma_ap: 'T1', ten_ap: 'Trùng mã', xa: 'Xã Thử', huyen: 'Huyện Thử' }, { type: 'Polygon', coordinates: [square(106.65, 9.01)] }),
        feature({ ma_ap: 'T3', ten_ap: 'Nơ', xa: 'Xã Thử', huyen: 'Huyện Thử' }, { type: 'Polygon', coordinates: [[[106.67, 9.01], [106.68, 9.02], [106.68, 9.01], [106.67, 9.02], [106.67, 9.01]]] }),
        feature({ ma_ap: 'T4', ten_ap: 'Dẹt', xa: 'Xã Thử', huyen: 'Huyện Thử' }, { type: 'Polygon', coordinates: [[[106.69, 9.01], [106.7, 9.01], [106.71, 9.01], [106.69, 9.01]]] }),
        feature({ ma_ap: 'T5' }, { type: 'Point', coordinates: [106.6, 9] }),
      ],
    };
    const report = await app.importForReport('hamlets', 'ap-loi.geojson', utf8(JSON.stringify(collection)), 'add');
    expect(report.state).toBe('ok');
    expect(report.text).toContain('Số dòng dùng: 2');
    expect(report.text).toContain('không có tên xã');
    expect(report.text).toContain('Số hộ "abc" không phải số không âm');
    expect(report.text).toContain('Số hộ 1,00e+308 lớn hơn 1.000.000, không hợp lý cho một ấp');
    expect(report.text).toContain('lỗ thủng nằm ngoài đường bao');
    expect(report.text).toContain('mã "T1" trùng');
    expect(report.text).toContain('đa giác có diện tích bằng 0');
    expect(report.text).toContain('không phải đa giác (Polygon, MultiPolygon)');
    const words = wordsOf(report, 'ap-loi.geojson');
    expect(words).not.toMatch(ENGLISH);
    expect(words).not.toMatch(CODE);
  });

  it('refuses broken KML and reads a UTF-8 file with one damaged byte as UTF-8, naming the row', async () => {
    const kml = await app.importForReport('fibre', 'odp-hong.kml', utf8('<kml><Placemark><name>A</name>'), 'add');
    expect(kml.state).toBe('error');
    expect(kml.text).toContain('không phải XML hợp lệ');
    const rows = Array.from({ length: 20 }, (_, index) => `ODP${index},Cáp quang ấp Hòa Đông ${index},105.9${index},9.6`);
    const bytes = utf8(`ma_diem,loai,kinh_do,vi_do\n${rows.join('\n')}\n`);
    const damaged = Buffer.concat([bytes.subarray(0, 60), Buffer.from([0xff]), bytes.subarray(60)]);
    const report = await app.importForReport('fibre', 'odp-hong-1-byte.csv', damaged, 'add');
    expect(report.state).toBe('ok');
    expect(report.text).toContain('bảng mã: UTF-8');
    expect(report.text).toContain('odp-hong-1-byte.csv:1');
    expect(report.text).toContain('dòng có byte không hợp lệ UTF-8');
    expect(wordsOf(report, 'odp-hong-1-byte.csv')).not.toMatch(ENGLISH);
  });

  it('names the fields of the column-mapping step in Vietnamese, and the header says nothing of milliseconds', async () => {
    const labels = await app.columnMappingLabels('sites', 'cot-la.csv', 'Trạm;Mạng;Kinh độ;Vĩ độ;Công nghệ\nMAP-1;Viettel;106,605;9,005;4G\n');
    expect(labels.map((label) => label.split(' (')[0])).toEqual(['Nhà mạng']);
    expect(await app.page.getByTestId('analysis-status').innerText()).toBe('Số liệu đã cập nhật');
  });
});
