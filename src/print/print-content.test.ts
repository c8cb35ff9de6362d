import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, DEFAULT_CONFIG, parseBtsGeoJson, parseHamletsGeoJson, parseIndicatorsJson, type CoverageReport, type Hamlet } from '../core';
import { translate } from '../i18n/use-t';
import { buildKpiRows, buildPrintLegend, computeUnitKpis, hamletsBounds, hamletsOfUnit, isPointInHamlet, latestDataDate } from './print-content';

const GEODATA = path.resolve(import.meta.dirname, '../../public/geodata');
const read = (file: string) => readFileSync(path.join(GEODATA, file), 'utf8');
const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('vi', key, values);

describe('print content on the demo dataset', () => {
  let hamlets: Hamlet[];
  let report: CoverageReport;

  beforeAll(() => {
    hamlets = parseHamletsGeoJson(read('hamlets.geojson'), 'hamlets.geojson').items;
    const input = {
      hamlets,
      btsRecords: parseBtsGeoJson(read('sites.geojson'), 'sites.geojson').items,
      fibrePoints: [],
      fibreRoutes: [],
      indicators: parseIndicatorsJson(read('indicators.json'), 'indicators.json').items,
      demo: true,
    };
    report = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG), ['district', 'commune']);
  });

  it('computes each district’s KPIs as the engine groups them (sites by the hamlet they stand in)', () => {
    for (const group of report.groups.district) {
      const { key, code: _code, label: _label, parentKey: _parentKey, parentLabel: _parentLabel, ...kpis } = group;
      expect(computeUnitKpis(hamletsOfUnit(hamlets, 'district', key), report), key).toEqual(kpis);
    }
  });

  it('finds a unit by name or by code, and a point inside its hamlet', () => {
    const byCode = hamletsOfUnit(hamlets, 'district', '941');
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((hamlet) => hamlet.district === 'Thành phố Sóc Trăng')).toBe(true);
    const ring = (byCode[0].geometry.type === 'Polygon' ? byCode[0].geometry.coordinates : byCode[0].geometry.coordinates[0])[0];
    const [lng, lat] = ring.slice(0, -1).reduce(([x, y], [px, py]) => [x + px / (ring.length - 1), y + py / (ring.length - 1)], [0, 0]);
    expect(isPointInHamlet(byCode[0], lng, lat)).toBe(true);
    const bounds = hamletsBounds(byCode)!;
    expect(isPointInHamlet(byCode[0], bounds[2] + 0.01, lat)).toBe(false);
  });

  it('puts the layer’s plan targets in the KPI box, with met / not met', () => {
    const rows = buildKpiRows('mobile', report, DEFAULT_CONFIG, t, 'vi', null);
    expect(rows.map((row) => row.label)).toContain('Ấp, khóm được phủ sóng di động băng rộng');
    expect(rows.map((row) => row.label)).not.toContain('Ấp, khóm có cáp quang (FTTH)');
    expect(rows.every((row) => ['met', 'not-met', 'missing'].includes(row.status))).toBe(true);
    const ftth = buildKpiRows('ftth', report, DEFAULT_CONFIG, t, 'vi', null);
    expect(ftth[0].label).toBe('Ấp, khóm có cáp quang (FTTH)');
    const fourG = buildKpiRows('4g', report, DEFAULT_CONFIG, t, 'vi', null);
    expect(fourG[0]).toMatchObject({ label: 'Ấp, khóm được phủ 4G', status: 'info' });
  });

  it('lists in the legend only what the frame draws', () => {
    const all = buildPrintLegend({ layer: 'mobile', zoom: 8.5, bounds: hamletsBounds(hamlets)!, hamlets, report, fibrePoints: [], hasFadedOutside: false }, t).map((entry) => entry.label);
    expect(all).toEqual(expect.arrayContaining(['Được phủ', 'Chưa được phủ', 'Trạm dùng chung', 'Ranh giới tỉnh', 'Ranh giới huyện']));
    expect(all).not.toContain('Ranh giới xã');
    expect(all).not.toContain('Điểm cáp quang');
    const zoomedIn = buildPrintLegend({ layer: 'mobile', zoom: 12, bounds: hamletsBounds(hamlets)!, hamlets, report, fibrePoints: [{ lng: 105.97, lat: 9.6 }], hasFadedOutside: true }, t).map((entry) => entry.label);
    expect(zoomedIn).toEqual(expect.arrayContaining(['Ranh giới xã', 'Điểm cáp quang', 'Ngoài đơn vị (làm mờ)']));
  });

  it('takes the data date from the latest indicator row', () => {
    expect(latestDataDate([{ indicator: 'a', value: 1, date: '2024-06-30' }, { indicator: 'b', value: 1, date: '2024-12-31' }, { indicator: 'c', value: 1 }])).toBe('2024-12-31');
    expect(latestDataDate([])).toBeNull();
  });
});
