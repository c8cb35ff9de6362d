import { describe, expect, it } from 'vitest';
import { listOf, message, type ParsedInputBytes } from '../../core';
import { needsCrsConfirmation, listCrsOptions } from './crs-choice';
import { formatImportReportCsv, formatImportReportText, reportFromParsed } from './import-report';
import { buildPreviewDrawing } from './preview-geometry';

const GUESSED = {
  source: 'guess' as const,
  crsId: 'vn2000-tm:105.5',
  crsLabel: 'VN-2000 / TM-3 zone, central meridian 105.5°',
  isSwapped: false,
  confidence: 'low' as const,
  description: [message('crs-guess', { crs: 'vn2000-tm:105.5', vietnamShare: 1, lng: 105.98, lat: 9.608 })],
  alternatives: [
    { crsId: 'EPSG:3405', crsLabel: 'VN-2000 / UTM zone 48N', isSwapped: false, insideVietnamShare: 1, insideRegionShare: 1 },
    { crsId: 'EPSG:3405', crsLabel: 'VN-2000 / UTM zone 48N', isSwapped: true, insideVietnamShare: 0.5, insideRegionShare: 0 },
  ],
};

const PARSED: ParsedInputBytes = {
  input: { fibrePoints: [{ id: 'F1', lng: 105.9, lat: 9.6 }], fibreRoutes: [{ id: 'R1', coordinates: [[105.9, 9.6], [106, 9.7]] }] },
  demo: false,
  format: 'csv',
  encoding: 'windows-1258',
  summaries: [
    {
      file: 'odp.csv',
      kind: 'fibre',
      rowsRead: 3,
      rowsUsed: 1,
      skipped: [
        { where: 'odp.csv:2', ...message('missing-longitude', { at: message('in-column', { column: 'kinh_do' }) }) },
        { where: 'odp.csv:3', ...message('longitude-not-number', { value: '=HYPERLINK("x")', at: message('in-column', { column: 'kinh_do' }) }), also: [message('missing-latitude', { at: message('in-column', { column: 'vi_do' }) })] },
      ],
      warnings: [
        { where: 'F1', ...message('outside-vietnam', { count: 1, total: 1 }) },
        { where: 'odp.csv:1', ...message('unknown-operator', { value: listOf(['Gtel', 'SPT'], { quoted: true }), known: listOf(['Viettel', 'VinaPhone'], { quoted: false }) }), places: { count: 1234, first: ['odp.csv:1', 'odp.csv:4'], noun: 'rows' } },
      ],
    },
    { file: 'odp.csv', kind: 'fibre-routes', rowsRead: 1, rowsUsed: 1, skipped: [], warnings: [] },
  ],
  crs: GUESSED,
};

describe('import report', () => {
  it('adds up the summaries of one file (fibre points and routes)', () => {
    const report = reportFromParsed('odp.csv', 'fibre', PARSED, 12.4);
    expect(report).toMatchObject({ rowsRead: 4, rowsUsed: 2, problem: null, format: 'csv', encoding: 'windows-1258', parseMs: 12 });
    expect(report.skipped).toHaveLength(2);
    expect(report.warnings[0].code).toBe('outside-vietnam');
  });

  it('downloads as CSV in the user\'s language, every skipped row and warning in words, formulas defused', () => {
    const csv = formatImportReportCsv(reportFromParsed('odp.csv', 'fibre', PARSED), 'vi');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFMục,Vị trí,Nội dung,Mã');
    expect(lines).toContain('Định dạng,odp.csv,CSV (văn bản),csv');
    expect(lines).toContain('Số dòng đọc,odp.csv,4,');
    expect(lines).toContain('Bảng mã,odp.csv,Windows-1258 (bảng mã tiếng Việt),windows-1258');
    expect(lines).toContain('Dòng bị bỏ qua,odp.csv:2,"thiếu kinh độ (cột ""kinh_do"")",missing-longitude');
    expect(lines).toContain('Dòng bị bỏ qua,odp.csv:3,"kinh độ ""=HYPERLINK(""x"")"" không phải là số (cột ""kinh_do""); thiếu vĩ độ (cột ""vi_do"")",longitude-not-number');
    expect(lines).toContain('Cảnh báo,F1,"1 trong 1 đối tượng nằm ngoài lãnh thổ Việt Nam (102–110° Đ, 8–24° B); hãy kiểm tra hệ tọa độ và dấu của tọa độ (vẫn giữ)",outside-vietnam');
    expect(lines).toContain('Cảnh báo,odp.csv:1,"nhà mạng ""Gtel"", ""SPT"" không có trong danh sách (Viettel, VinaPhone); giữ nguyên như trong tệp (1.234 dòng, đầu tiên: odp.csv:1, odp.csv:4 và 1.232 mục khác)",unknown-operator');
    expect(csv).toContain('Hệ tọa độ,odp.csv,"Hệ tọa độ: VN-2000 / múi chiếu 3°, kinh tuyến trục 105,5° (đoán từ số liệu) Đoán là VN-2000 / múi chiếu 3°, kinh tuyến trục 105,5°: 100\u00a0% số điểm nằm trong Việt Nam, tâm ở 105,98° Đ, 9,608° B.",vn2000-tm:105.5');
  });

  it('writes the Excel-on-a-Vietnamese-PC variant with semicolons, and the same facts in English', () => {
    const report = reportFromParsed('odp.csv', 'fibre', PARSED);
    expect(formatImportReportCsv(report, 'vi', 'excel-vn').split('\r\n')[0]).toBe('\uFEFFMục;Vị trí;Nội dung;Mã');
    expect(formatImportReportCsv(report, 'vi', 'excel-vn')).toContain('Số dòng đọc;odp.csv;4;');
    expect(formatImportReportCsv(report, 'en').split('\r\n')).toContain('Skipped row,odp.csv:2,"missing longitude (column ""kinh_do"")",missing-longitude');
  });

  it('downloads as text in the user\'s language', () => {
    const text = formatImportReportText(reportFromParsed('odp.csv', 'fibre', PARSED), 'vi');
    expect(text.startsWith('Kết quả nhập odp.csv\n\nSố dòng đọc: 4\nSố dòng dùng: 2\nSố dòng bỏ qua: 2\n')).toBe(true);
    expect(text).toContain('Các dòng bị bỏ qua:\n  odp.csv:2: thiếu kinh độ (cột "kinh_do")');
    expect(text).toContain('  F1: 1 trong 1 đối tượng nằm ngoài lãnh thổ Việt Nam');
    expect(formatImportReportText(reportFromParsed('odp.csv', 'fibre', PARSED), 'en')).toContain('Skipped rows:\n  odp.csv:2: missing longitude (column "kinh_do")');
  });
});

describe('coordinate system confirmation', () => {
  it('asks only for guessed projected, swapped or failed readings', () => {
    expect(needsCrsConfirmation({ crs: GUESSED })).toBe(true);
    expect(needsCrsConfirmation({ crs: { ...GUESSED, source: 'prj' } })).toBe(false);
    expect(needsCrsConfirmation({ crs: { ...GUESSED, crsId: 'EPSG:4326', confidence: 'high' } })).toBe(false);
    expect(needsCrsConfirmation({ crs: { ...GUESSED, crsId: 'EPSG:4326', isSwapped: true } })).toBe(true);
    expect(needsCrsConfirmation({ crs: { ...GUESSED, crsId: 'EPSG:4326', confidence: 'none' } })).toBe(true);
    expect(needsCrsConfirmation({})).toBe(false);
  });

  it('offers the guess, then the alternatives, then every other known system, each once', () => {
    const options = listCrsOptions(GUESSED);
    expect(options.slice(0, 2)).toEqual([
      { id: 'vn2000-tm:105.5', label: GUESSED.crsLabel, role: 'guess' },
      { id: 'EPSG:3405', label: 'VN-2000 / UTM zone 48N', role: 'alternative' },
    ]);
    expect(options.map((option) => option.id)).toContain('EPSG:4326');
    expect(new Set(options.map((option) => option.id)).size).toBe(options.length);
  });
});

describe('preview drawing', () => {
  it('fits the layer and the reference hamlets in the box, north up', () => {
    const drawing = buildPreviewDrawing(PARSED.input, [], 300, 200);
    const [[x1, y1]] = drawing.points;
    expect(x1).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(300);
    expect(y1).toBeGreaterThan(100); // the point is the southernmost position: at the bottom
    expect(drawing.layerPath.startsWith('M')).toBe(true);
  });
  it('draws nothing for an empty layer', () => {
    expect(buildPreviewDrawing({}, [], 300, 200).layerPath).toBe('');
  });
});

describe('coordinate system names', () => {
  it('names the known systems in the user’s language and keeps core’s label for others', async () => {
    const { nameCrs } = await import('../../i18n/crs-name');
    expect(nameCrs('vn2000-tm:105.5', 'x', 'vi')).toBe('VN-2000 / múi chiếu 3°, kinh tuyến trục 105,5°');
    expect(nameCrs('vn2000-tm:105.5', 'x', 'en')).toBe('VN-2000 / TM-3 zone, central meridian 105.5°');
    expect(nameCrs('EPSG:32648', 'x', 'vi')).toBe('WGS 84 / UTM múi 48N');
    expect(nameCrs('custom:tmerc:105.6:0.9998', undefined, 'vi')).toBe('Mercator ngang, kinh tuyến trục 105,6°, hệ số tỷ lệ 0,9998');
    expect(nameCrs('custom:prj', 'Hanoi 1972 / Gauss-Kruger', 'vi')).toBe('Hanoi 1972 / Gauss-Kruger');
  });
  it('counts the fibre that names no operator, in both languages, and says nothing when every item has one', () => {
    const withOperator: ParsedInputBytes = { ...PARSED, input: { fibrePoints: [{ id: 'F1', operator: 'VNPT', lng: 105.9, lat: 9.6 }], fibreRoutes: [{ id: 'R1', operator: 'Viettel', coordinates: [[105.9, 9.6], [106, 9.7]] }] } };
    expect(reportFromParsed('odp.csv', 'fibre', withOperator).fibreWithoutOperator).toBeUndefined();
    const mixed: ParsedInputBytes = { ...PARSED, input: { fibrePoints: [{ id: 'F1', operator: 'VNPT', lng: 105.9, lat: 9.6 }, { id: 'F2', lng: 105.9, lat: 9.6 }], fibreRoutes: [{ id: 'R1', coordinates: [[105.9, 9.6], [106, 9.7]] }] } };
    const report = reportFromParsed('odp.csv', 'fibre', mixed);
    expect(report.fibreWithoutOperator).toEqual({ count: 2, total: 3 });
    expect(formatImportReportText(report, 'vi')).toContain('2 trên 3 điểm, tuyến cáp quang không ghi nhà mạng');
    expect(formatImportReportText(report, 'en')).toContain('2 of 3 fibre points and routes name no operator');
    expect(formatImportReportCsv(report, 'en')).toContain('not when the analysis is filtered by operator');
  });
});
