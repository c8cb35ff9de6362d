import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import type { ImportResult } from '../types';
import { CoverageInputError } from './input-error';
import { parseBtsCsv, parseBtsGeoJson } from './parse-bts-records';
import { refusal, untranslatedMessages } from '../../../test/helpers/messages';

describeGolden('parseBtsCsv', (input) => parseBtsCsv(input.text, input.fileName));
describeGolden('parseBtsGeoJson', (input) => parseBtsGeoJson(input.json(), input.fileName));

/** Runs a parser and checks the accounting; any throw other than CoverageInputError fails the property. */
function expectAccounted(parse: () => ImportResult<unknown>): void {
  let result: ImportResult<unknown>;
  try {
    result = parse();
  } catch (error) {
    expect(error).toBeInstanceOf(CoverageInputError);
    return;
  }
  expect(result.rowsRead).toBe(result.rowsUsed + result.skipped.length);
  expect(result.rowsUsed).toBe(result.items.length);
  for (const { where } of result.skipped) expect(where.length).toBeGreaterThan(0);
  expect(untranslatedMessages(result.skipped, result.warnings)).toEqual([]);
}

const cell = fc.oneof(
  fc.constantFrom('', 'Viettel', 'vnpt', 'FPT', '4G', '2G/3G', 'LTE;NR', 'wifi', '105,97', '9.6', '0', '-1', 'abc', '"', '""', '1.500', '370'),
  fc.double({ noNaN: true }).map(String),
  fc.string({ maxLength: 8 }),
);
const header = fc.constantFrom('site_id', 'Mã trạm', 'nha_mang', 'operator', 'kinh_do', 'lon', 'vi_do', 'lat', 'cong_nghe', 'radius_m', 'azimuth', 'beamwidth', 'height_m', 'ghi_chu');

describe('parseBtsCsv', () => {
  it('reads the band a reach model needs: MHz, or GHz when the cell says so; refuses what no network uses', () => {
    const text = ['ma_tram,nha_mang,kinh_do,vi_do,cong_nghe,do_cao_m,tan_so_mhz', 'A,Viettel,105.9,9.6,4G,30,1800', 'B,Viettel,105.91,9.6,5G,25,"3,5 GHz"', 'C,Viettel,105.92,9.6,4G,30,2.100 MHz', 'D,Viettel,105.93,9.6,4G,30,50', 'E,Viettel,105.94,9.6,4G,30,'].join('\n');
    const result = parseBtsCsv(text, 'tram.csv');
    expect(result.items.map((record) => [record.siteId, record.heightMeters, record.frequencyMhz])).toEqual([['A', 30, 1800], ['B', 25, 3500], ['C', 30, 2100], ['D', 30, undefined], ['E', 30, undefined]]);
    expect(result.warnings.map((warning) => [warning.code, warning.where])).toEqual([['invalid-frequency', 'tram.csv:4']]);
  });

  it('accepts the same text as GeoJSON text or object', () => {
    const json = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { operator: 'vtl', tech: '4G' }, geometry: { type: 'Point', coordinates: [105.9, 9.6] } }] };
    expect(parseBtsGeoJson(JSON.stringify(json), 'b.geojson')).toEqual(parseBtsGeoJson(json, 'b.geojson'));
  });

  it('names the file and the accepted names when coordinates columns are missing', () => {
    expect(refusal(() => parseBtsCsv('site_id,operator,tech\nA,Viettel,4G\n', 'bts.csv'))).toEqual({
      code: 'no-coordinate-columns',
      text: 'bts.csv: no longitude/latitude or x/y column (looked for lon, lng, longitude, kinh_do, x, x_m, toa_do_x, toa_do_x_m, easting and lat, latitude, vi_do, y, y_m, toa_do_y, toa_do_y_m, northing); the header has "site_id", "operator", "tech"',
    });
    expect(refusal(() => parseBtsCsv('site_id,operator,tech\nA,Viettel,4G\n', 'bts.csv'), 'vi').text).toBe(
      'bts.csv: không có cột kinh độ/vĩ độ hay x/y (đã tìm các tên lon, lng, longitude, kinh_do, x, x_m, toa_do_x, toa_do_x_m, easting và lat, latitude, vi_do, y, y_m, toa_do_y, toa_do_y_m, northing); dòng tiêu đề có "site_id", "operator", "tech"',
    );
  });

  it('never throws anything but CoverageInputError on arbitrary text, and accounts for every row (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => expectAccounted(() => parseBtsCsv(text, 'fuzz.csv'))), { seed: 42, numRuns: 1000 });
  });

  it('accounts for every row of plausible but messy site lists (property)', () => {
    const table = fc.record({
      delimiter: fc.constantFrom(',', ';', '\t'),
      headers: fc.array(header, { minLength: 1, maxLength: 8 }),
      rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(table, ({ delimiter, headers, rows }) => {
        const text = [headers, ...rows].map((row) => row.join(delimiter)).join('\n');
        expectAccounted(() => parseBtsCsv(text, 'fuzz.csv'));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('parseBtsGeoJson', () => {
  it('never throws anything but CoverageInputError on arbitrary JSON, and accounts for every row (property)', () => {
    const feature = fc.record({
      type: fc.constantFrom('Feature', 'Feature', 'Point', undefined),
      properties: fc.oneof(fc.constant(null), fc.dictionary(header, cell, { maxKeys: 6 })),
      geometry: fc.oneof(
        fc.constant(null),
        fc.record({ type: fc.constantFrom('Point', 'MultiPoint', 'LineString', 'Polygon'), coordinates: fc.jsonValue({ maxDepth: 3 }) }),
        fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(fc.double(), fc.double()) }),
      ),
    }, { requiredKeys: [] });
    const input = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(fc.oneof(feature, fc.jsonValue({ maxDepth: 2 })), { maxLength: 10 }) }));
    fc.assert(fc.property(input, (json) => expectAccounted(() => parseBtsGeoJson(json, 'fuzz.geojson'))), { seed: 42, numRuns: 1000 });
  });
});
