import { describe, expect, it } from 'vitest';
import type { ParsedInputBytes } from '../../core';
import { needsCrsConfirmation, listCrsOptions } from './crs-choice';
import { formatImportReportCsv, formatImportReportText, reportFromParsed } from './import-report';
import { buildPreviewDrawing } from './preview-geometry';

const GUESSED = {
  source: 'guess' as const,
  crsId: 'vn2000-tm:105.5',
  crsLabel: 'VN-2000 / TM-3 zone, central meridian 105.5°',
  isSwapped: false,
  confidence: 'low' as const,
  description: 'guessed',
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
    { file: 'odp.csv', kind: 'fibre', rowsRead: 3, rowsUsed: 1, skipped: [{ where: 'odp.csv:2', reason: 'no position' }, { where: 'odp.csv:3', reason: '=HYPERLINK("x")' }], warnings: [{ code: 'outside-vietnam', message: '1 of 1 items lie outside Vietnam', where: 'F1' }] },
    { file: 'odp.csv', kind: 'fibre-routes', rowsRead: 1, rowsUsed: 1, skipped: [], warnings: [] },
  ],
  crs: GUESSED,
};

describe('import report', () => {
  it('adds up the summaries of one file (fibre points and routes)', () => {
    const report = reportFromParsed('odp.csv', 'fibre', PARSED, 12.4);
    expect(report).toMatchObject({ rowsRead: 4, rowsUsed: 2, error: null, format: 'csv', encoding: 'windows-1258', parseMs: 12 });
    expect(report.skipped).toHaveLength(2);
    expect(report.warnings[0].code).toBe('outside-vietnam');
  });

  it('downloads as CSV with every skipped row and warning, formulas defused', () => {
    const csv = formatImportReportCsv(reportFromParsed('odp.csv', 'fibre', PARSED));
    expect(csv.startsWith('\uFEFFtype,where,code,message\r\n')).toBe(true);
    expect(csv).toContain('rows-read,odp.csv,,4');
    expect(csv).toContain('skipped,odp.csv:2,row-skipped,no position');
    expect(csv).toContain(`skipped,odp.csv:3,row-skipped,"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('warning,F1,outside-vietnam,1 of 1 items lie outside Vietnam');
    expect(csv).toContain('coordinate-system,odp.csv,guess:low,"vn2000-tm:105.5 (VN-2000');
  });

  it('downloads as text with translated headings and labels', () => {
    const text = formatImportReportText(reportFromParsed('odp.csv', 'fibre', PARSED), { title: 'Kết quả', counts: ['Đọc: 4'], crs: 'Hệ tọa độ: VN-2000', skipped: 'Bỏ qua', warnings: 'Cảnh báo' }, (code) => `«${code}»`);
    expect(text).toContain('Bỏ qua:\n  odp.csv:2: no position');
    expect(text).toContain('  [«outside-vietnam»] F1: 1 of 1 items lie outside Vietnam');
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
    const { nameCrs } = await import('./crs-name');
    const { translate } = await import('../../i18n/use-t');
    const vi = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('vi', key, values);
    const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('en', key, values);
    expect(nameCrs('vn2000-tm:105.5', 'x', 'vi', vi)).toBe('VN-2000 / múi chiếu 3°, kinh tuyến trục 105,5°');
    expect(nameCrs('vn2000-tm:105.5', 'x', 'en', en)).toBe('VN-2000 / TM-3 zone, central meridian 105.5°');
    expect(nameCrs('EPSG:32648', 'x', 'vi', vi)).toBe('WGS 84 / UTM múi 48N');
    expect(nameCrs('custom:prj', 'Hanoi 1972 / Gauss-Kruger', 'vi', vi)).toBe('Hanoi 1972 / Gauss-Kruger');
  });
});
