import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { parseCsvTable } from '../io/parse-csv-table';
import { placeOfMeasurement, technologyAt, type MeasurementSet } from './measurement-set';
import { detectMeasurementFormat, parseMeasurementGeoJson, parseMeasurementTable } from './parse-measurement-table';

/** The tests of a set as plain rows, for golden files. */
function rowsOf(set: MeasurementSet) {
  return Array.from({ length: set.count }, (_, i) => ({
    where: placeOfMeasurement(set, i),
    lng: set.lng[i],
    lat: set.lat[i],
    time: Number.isNaN(set.timeMs[i]) ? null : new Date(set.timeMs[i]).toISOString(),
    operator: set.operator[i] < 0 ? null : set.operators[set.operator[i]],
    technology: technologyAt(set, i),
    downMbps: Number.isNaN(set.downMbps[i]) ? null : set.downMbps[i],
    upMbps: Number.isNaN(set.upMbps[i]) ? null : set.upMbps[i],
    latencyMs: Number.isNaN(set.latencyMs[i]) ? null : set.latencyMs[i],
    rsrpDbm: Number.isNaN(set.rsrpDbm[i]) ? null : set.rsrpDbm[i],
    status: set.status[i],
    weight: set.weight[i],
  }));
}

describeGolden('parseMeasurementTable', (goldenCase) => {
  const { set, ...rest } = parseMeasurementTable(parseCsvTable(goldenCase.text, goldenCase.fileName), goldenCase.fileName);
  return { ...rest, tests: rowsOf(set) };
});

describe('parseMeasurementTable', () => {
  it('recognises the exports by their columns', () => {
    expect(detectMeasurementFormat(['Timestamp', 'Longitude', 'Latitude', 'Operator', 'NetworkTech', 'Level', 'DL_bitrate', 'UL_bitrate'])).toBe('gnettrack');
    expect(detectMeasurementFormat(['time', 'lat', 'long', 'cat_technology', 'network_type', 'download_kbit', 'upload_kbit', 'ping_ms', 'lte_rsrp'])).toBe('netmetr');
    expect(detectMeasurementFormat(['quadkey', 'tile', 'avg_d_kbps', 'avg_u_kbps', 'avg_lat_ms', 'tests', 'devices'])).toBe('ookla-tiles');
    expect(detectMeasurementFormat(['lat', 'lon', 'operator', 'technology', 'download_mbps'])).toBe('plain');
    expect(detectMeasurementFormat(['Date', 'ConnType', 'Lat', 'Lon', 'Download', 'Upload', 'Latency', 'ServerName'])).toBe('speedtest');
    expect(detectMeasurementFormat(['Thời gian', 'Vĩ độ', 'Kinh độ', 'Nhà mạng', 'Công nghệ', 'Tốc độ tải xuống (Mbps)'])).toBe('speedtest');
  });

  it('never throws on arbitrary cells, and accounts for every row (property)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '9,6', '105.97', 'LTE', 'WLAN', '452-04', '-200', '1e9', '2025-02-30 10:00', 'NaN', 'Infinity'));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, cell, cell, cell, cell), { maxLength: 30 }), (rows) => {
        const headers = ['time', 'lat', 'lon', 'operator', 'technology', 'download_mbps', 'rsrp'];
        const table = { headers, rows: rows.map((row) => Object.fromEntries(headers.map((header, k) => [header, row[k].trim()]))), rowNumbers: rows.map((_, k) => k + 1), warnings: [] };
        const result = parseMeasurementTable(table, 'fuzz.csv');
        expect(result.rowsRead).toBe(rows.length);
        expect(result.rowsUsed + result.skipped.length).toBe(rows.length);
        for (let i = 0; i < result.set.count; i++) {
          expect(Number.isFinite(result.set.lng[i]) && Number.isFinite(result.set.lat[i])).toBe(true);
          const down = result.set.downMbps[i];
          expect(Number.isNaN(down) || down >= 0).toBe(true);
          const rsrp = result.set.rsrpDbm[i];
          expect(Number.isNaN(rsrp) || (rsrp >= -156 && rsrp <= -31)).toBe(true);
        }
      }),
      { seed: 1306, numRuns: 200 },
    );
  });

  it('reads GeoJSON points and tile polygons', () => {
    const result = parseMeasurementGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [105.97, 9.6] }, properties: { operator: '452-04', technology: 'LTE', download_mbps: 41, time: '2025-03-14T08:00:00+07:00' } },
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[105, 9], [106, 9], [106, 10], [105, 10], [105, 9]]] }, properties: { avg_d_kbps: 30000, tests: 12 } },
          { type: 'Feature', geometry: { type: 'LineString', coordinates: [[105, 9], [106, 9]] }, properties: { download_mbps: 5 } },
        ],
      },
      'do.geojson',
    );
    expect(rowsOf(result.set).map(({ where, lng, lat, operator, technology, downMbps, weight, time }) => ({ where, lng, lat, operator, technology, downMbps, weight, time }))).toEqual([
      { where: 'do.geojson#0', lng: 105.97, lat: 9.6, operator: 'Viettel', technology: '4G', downMbps: 41, weight: 1, time: '2025-03-14T01:00:00.000Z' },
      { where: 'do.geojson#1', lng: 105.5, lat: 9.5, operator: null, technology: 'mobile', downMbps: 30, weight: 12, time: null },
    ]);
    expect(result.skipped.map((item) => item.where)).toEqual(['do.geojson#2']);
  });
});
