import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, DEFAULT_CONFIG, parseBtsGeoJson, parseHamletsGeoJson, parseIndicatorsJson, type CoverageReport, type Hamlet } from '../core';
import { translate } from '../i18n/use-t';
import { buildKpiRows, buildPrintLegend, findReportUnit, hamletsBounds, latestDataDate, reportUnits } from './print-content';

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

  it('takes each unit from the engine’s grouping: its hamlets by code, its KPIs from the group row', () => {
    for (const row of reportUnits(report, 'district')) {
      const unit = findReportUnit(report, 'district', row.code ?? row.key);
      expect('row' in unit && unit.row).toBe(row);
      // Independently of the engine: the demo hamlets carry their district's code.
      const expected = hamlets.filter((hamlet) => String(hamlet.properties.district_code) === row.code).map((hamlet) => hamlet.id);
      expect('row' in unit ? [...unit.hamletIds].sort() : [], row.label).toEqual(expected.sort());
      expect(row.hamlets).toBe(expected.length);
    }
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
  it('writes a layer in lower case inside a sentence', () => {
    // The plan has no 5G target: the box carries the layer's share, named in a sentence.
    expect(buildKpiRows('5g', report, DEFAULT_CONFIG, t, 'vi', null)[0].label).toBe('Ấp, khóm được phủ 5G');
    expect(t('print.uncoveredNone', { layer: t('layer.inSentence.mobile') })).toBe('Mọi ấp, khóm đều được phủ di động băng rộng');
    expect(t('print.layerShare', { layer: t('layer.inSentence.ftth') })).toBe('Ấp, khóm được phủ cáp quang FTTH');
  });

  it('lists in the legend only what the frame draws, each class with its rule', () => {
    const all = buildPrintLegend({ layer: 'mobile', zoom: 8.5, bounds: hamletsBounds(hamlets)!, hamlets, report, fibrePoints: [], hasFadedOutside: false, keyCount: 0 }, t, 'vi').map((entry) => entry.label);
    expect(all).toEqual(expect.arrayContaining(['Được phủ (≥ 50\u00a0% diện tích)', 'Phủ một phần (> 0\u00a0% và < 50\u00a0%)', 'Trạm dùng chung', 'Ranh giới tỉnh', 'Ranh giới huyện']));
    // Fibre classes as a report with some fibre would give them (the legend maps flags to classes).
    const withFibre: CoverageReport = { ...report, hamlets: report.hamlets.map((result, i) => ({ ...result, covered: { ...result.covered, ftth: i % 3 === 0 }, fraction: { ...result.fraction, ftth: [0.3, 0.04, 0][i % 3] } })) };
    const ftth = buildPrintLegend({ layer: 'ftth', zoom: 8.5, bounds: hamletsBounds(hamlets)!, hamlets, report: withFibre, fibrePoints: [], hasFadedOutside: false, keyCount: 0 }, t, 'vi').map((entry) => entry.label);
    expect(ftth).toEqual(expect.arrayContaining(['Được phủ (≥ 10\u00a0% diện tích)', 'Phủ một phần (> 0\u00a0% và < 10\u00a0%)', 'Chưa phủ (0\u00a0%)']));
    const english = buildPrintLegend({ layer: 'ftth', zoom: 8.5, bounds: hamletsBounds(hamlets)!, hamlets, report: withFibre, fibrePoints: [], hasFadedOutside: false, keyCount: 0 }, (key, values) => translate('en', key, values), 'en').map((entry) => entry.label);
    expect(english).toEqual(expect.arrayContaining(['Covered (≥ 10% of area)', 'Partly covered (> 0% and < 10%)', 'Not covered (0%)']));
    expect(all).not.toContain('Ranh giới xã');
    expect(all).not.toContain('Điểm cáp quang');
    const zoomedIn = buildPrintLegend({ layer: 'mobile', zoom: 12, bounds: hamletsBounds(hamlets)!, hamlets, report, fibrePoints: [{ lng: 105.97, lat: 9.6 }], hasFadedOutside: true, keyCount: 4 }, t, 'vi').map((entry) => entry.label);
    expect(zoomedIn).toEqual(expect.arrayContaining(['Ranh giới xã', 'Ngoài đơn vị (làm mờ)', 'Số của ấp, khóm chưa phủ (4), như trong danh sách']));
    // Each map its own symbols: no fibre on a mobile map, no sites on an FTTH map.
    expect(zoomedIn).not.toContain('Điểm cáp quang');
    const ftthZoomedIn = buildPrintLegend({ layer: 'ftth', zoom: 12, bounds: hamletsBounds(hamlets)!, hamlets, report, fibrePoints: [{ lng: 105.97, lat: 9.6 }], hasFadedOutside: true, keyCount: 0 }, t, 'vi').map((entry) => entry.label);
    expect(ftthZoomedIn).toContain('Điểm cáp quang');
    expect(ftthZoomedIn).not.toContain('Trạm dùng chung');
    expect(ftthZoomedIn).not.toContain('Trạm một nhà mạng');
  });

  it('refuses a commune name three communes share, and finds each by its code', async () => {
    const collection = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/analyzeCoverage/in/same-named-communes-keyed-by-code.geojson'), 'utf8'));
    const byRole = (role: string) => ({ type: 'FeatureCollection', features: collection.features.filter((feature: { properties: { role: string } }) => feature.properties.role === role) });
    const input = { hamlets: parseHamletsGeoJson(byRole('hamlet'), 'f').items, btsRecords: parseBtsGeoJson(byRole('bts'), 'f').items, fibrePoints: [], fibreRoutes: [], indicators: [] };
    const sameNames = buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG), ['district', 'commune']);
    const byName = findReportUnit(sameNames, 'commune', 'Phường 1');
    expect('matches' in byName ? byName.matches.map((row) => row.code) : null).toEqual(['31522', '31732', '31783']);
    const vinhChau = findReportUnit(sameNames, 'commune', '31783');
    expect('row' in vinhChau ? [vinhChau.row.label, vinhChau.row.parentLabel, [...vinhChau.hamletIds]] : null).toEqual(['Phường 1', 'Thị xã Vĩnh Châu', ['F']]);
    expect('row' in findReportUnit(sameNames, 'commune', 'Phường 1 — Thị xã Ngã Năm')).toBe(true);
    // A unit page's KPI box: the unit's own row (hamlet E of Phường 2, Ngã Năm, has no site).
    const ngaNam2 = findReportUnit(sameNames, 'commune', '31735');
    const rows = buildKpiRows('mobile', sameNames, DEFAULT_CONFIG, t, 'vi', 'row' in ngaNam2 ? ngaNam2.row : null);
    expect(rows.find((row) => row.label === 'Ấp, khóm được phủ sóng di động băng rộng')?.value).toBe('0\u00a0%');
  });

  it('takes the data date from the latest indicator row', () => {
    expect(latestDataDate([{ indicator: 'a', value: 1, date: '2024-06-30' }, { indicator: 'b', value: 1, date: '2024-12-31' }, { indicator: 'c', value: 1 }])).toBe('2024-12-31');
    expect(latestDataDate([])).toBeNull();
  });
});
