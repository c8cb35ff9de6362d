// Huge or implausible input gives short messages and refused values, not megabytes of text, 100,000
// warnings or a silent 0.
import { describe, expect, it } from 'vitest';
import { refusal } from '../../../test/helpers/messages';
import { formatWarning } from '../../i18n/format-message';
import { DEFAULT_CONFIG } from '../config/default-config';
import { parseBtsCsv } from './parse-bts-records';
import { parseCsvTable } from './parse-csv-table';
import { parseHamletsGeoJson } from './parse-hamlets';
import { parseInputBytes } from './parse-input-bytes';

const square = (x: number, y: number, size = 0.01): number[][] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
const hamlet = (properties: Record<string, unknown>, coordinates: number[][][]) => ({ type: 'Feature', properties: { ma_ap: 'A', ten_ap: 'Ấp', xa: 'X', huyen: 'H', ...properties }, geometry: { type: 'Polygon', coordinates } });

describe('messages stay short', () => {
  it('refuses a one-line file of 1.2 million cells naming a few of them, not all', () => {
    const line = Array.from({ length: 1_200_000 }, (_, index) => `v${index}`).join(',');
    const { code, text } = refusal(() => parseCsvTable(line, 'mot-dong.csv'));
    expect(code).toBe('too-many-columns');
    expect(text).toBe('mot-dong.csv: the header row has 1,200,000 cells, more than the 2,000 of a data table (it starts "v0", "v1", "v2", "v3", "v4" and 1,199,995 more); this is not a table with a header row');
  });

  it('quotes a few extra cells, each cut short, and one warning for every ragged row', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const rows = Array.from({ length: 1000 }, (_, index) => `ST${index},105.9,9.6,${huge.slice(0, index === 0 ? undefined : 10)}`);
    const table = parseCsvTable(`ma_tram,kinh_do,vi_do\n${rows.join('\n')}`, 'rong.csv');
    const extra = table.warnings.filter((warning) => warning.code === 'extra-cells');
    expect(extra).toHaveLength(1);
    const text = formatWarning('en', extra[0]);
    expect(text.length).toBeLessThan(400);
    expect(text).toMatch(/^the row has more cells than the 3 columns of the header; extra cells ignored: "x{59}…" .*\(1,000 rows, first: rong\.csv:1, rong\.csv:2, rong\.csv:3 and 997 more\)$/);
  });

  it('gives one warning for 100,000 unknown technology tokens, quoting a few and counting them', () => {
    const rows = Array.from({ length: 100_000 }, (_, index) => `ST${index},Viettel,105.9,9.6,4G/X${index}`);
    const result = parseBtsCsv(`ma_tram,nha_mang,kinh_do,vi_do,cong_nghe\n${rows.join('\n')}`, 'tram.csv');
    expect(result.rowsUsed).toBe(100_000);
    const unknown = result.warnings.filter((warning) => warning.code === 'unknown-technology');
    expect(unknown).toHaveLength(1);
    expect(formatWarning('vi', unknown[0])).toBe('không nhận ra công nghệ "X0", "X1", "X2", "X3", "X4" và 99.995 mục khác (cột "cong_nghe"); bỏ qua (100.000 dòng, đầu tiên: tram.csv:1, tram.csv:2, tram.csv:3 và 99.997 mục khác)');
  });
});

describe('implausible values are refused or warned', () => {
  it('uses the default radius for a radius of 1e9 m, with a warning', () => {
    const result = parseBtsCsv('ma_tram,nha_mang,kinh_do,vi_do,cong_nghe,ban_kinh_m\nST1,Viettel,105.9,9.6,4G,1000000000\nST2,Viettel,105.9,9.6,4G,2500\n', 'tram.csv');
    expect(result.items.map((record) => record.radiusMeters)).toEqual([undefined, 2500]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['implausible-radius']);
  });

  it('leaves out households of 1e308 (they were written out as null) with a warning', () => {
    const result = parseHamletsGeoJson({ type: 'FeatureCollection', features: [hamlet({ so_ho: 1e308 }, [square(105.9, 9.6)])] }, 'ap.geojson');
    expect(result.items[0].households).toBeUndefined();
    expect(formatWarning('en', result.warnings.find((warning) => warning.code === 'implausible-households')!)).toBe('households 1.00e+308 is more than 1,000,000, not plausible for a hamlet (property "so_ho"); left out');
  });

  it('drops a hole that lies outside its shell (it made the area 0), with a warning, and keeps one inside', () => {
    const outside = parseHamletsGeoJson({ type: 'FeatureCollection', features: [hamlet({}, [square(105.9, 9.6), square(106.5, 9.6, 0.001)])] }, 'ap.geojson');
    expect(outside.items[0].geometry.coordinates).toEqual([square(105.9, 9.6)]);
    expect(outside.warnings.map((warning) => warning.code)).toContain('hole-outside-shell');
    const inside = parseHamletsGeoJson({ type: 'FeatureCollection', features: [hamlet({}, [square(105.9, 9.6), square(105.902, 9.602, 0.001)])] }, 'ap.geojson');
    expect(inside.items[0].geometry.coordinates).toHaveLength(2);
    expect(inside.warnings.map((warning) => warning.code)).not.toContain('hole-outside-shell');
  });

  it('skips a hamlet with no area (a flat ring, a hole as big as its shell), saying so', () => {
    const flat = [[105.9, 9.6], [105.91, 9.6], [105.92, 9.6], [105.9, 9.6]];
    const result = parseHamletsGeoJson({ type: 'FeatureCollection', features: [hamlet({ ma_ap: 'F' }, [flat]), hamlet({ ma_ap: 'H' }, [square(105.9, 9.6), square(105.9, 9.6)]), hamlet({ ma_ap: 'OK' }, [square(105.9, 9.6)])] }, 'ap.geojson');
    expect(result.items.map((item) => item.id)).toEqual(['OK']);
    expect(result.skipped.map((item) => [item.where, item.code])).toEqual([['ap.geojson#0', 'area-zero'], ['ap.geojson#1', 'area-zero']]);
  });
});

describe('a UTF-8 file with a damaged byte', () => {
  it('stays UTF-8: the good rows read right and the damaged one is named', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => `ODP${index},Tủ cáp ấp Hòa Đông ${index},105.9,9.6`);
    const bytes = new TextEncoder().encode(`ma_diem,loai,kinh_do,vi_do\n${rows.join('\n')}\n`);
    const at = bytes.indexOf(0x0a, 200) + 5;
    const damaged = Uint8Array.from([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at)]);
    const parsed = await parseInputBytes('fibre', 'odp.csv', damaged, DEFAULT_CONFIG);
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.input.fibrePoints!.filter((point) => point.kind?.includes('Hòa Đông'))).toHaveLength(30);
    const warning = parsed.summaries[0].warnings.find((item) => item.code === 'invalid-utf8-row')!;
    expect(warning.where).toMatch(/^odp\.csv:\d+$/);
    expect(parsed.summaries[0].warnings.map((item) => item.code)).not.toContain('encoding-guessed');
  });
});
