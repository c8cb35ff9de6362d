import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHamletsGeoJson } from '../../core';
import { buildApproximateImport, readHamletListFile } from './approximate-import';
import { formatImportReportCsv, formatImportReportText } from './import-report';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/cli-approximate');
const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(FIXTURES, file)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const communesText = readFileSync(path.join(FIXTURES, 'communes.geojson'), 'utf8');
const communes = { fileName: 'xa.geojson', communes: parseHamletsGeoJson(communesText, 'xa.geojson').items, warnings: [] };

describe('readHamletListFile', () => {
  it('reads a table and a GeoJSON of points as hamlet lists, and leaves a polygon layer to the usual import', async () => {
    const table = await readHamletListFile('ap.csv', bytesOf('hamlet-list.csv'));
    expect(table).toMatchObject({ format: 'csv', pointCount: 0, list: { rowsRead: 20, rowsUsed: 20 } });
    const points = await readHamletListFile('ap.geojson', bytesOf('hamlet-points.geojson'));
    expect(points).toMatchObject({ format: 'geojson', pointCount: 88, list: { rowsUsed: 88 } });
    expect(await readHamletListFile('xa.geojson', bytesOf('communes.geojson'))).toBeNull();
    // A polygon past the sniffed start still makes the file a layer when polygons outnumber points.
    const mixed = JSON.parse(communesText);
    mixed.features.unshift({ type: 'Feature', properties: { ma_ap: 'P1', ten_ap: 'Ấp 1', ma_xa: '31498' }, geometry: { type: 'Point', coordinates: [105.97, 9.6] } });
    const text = JSON.stringify(mixed).replace(/"type":"Polygon"/g, '"type" :"Polygon"');
    expect(await readHamletListFile('x.geojson', utf8(`${' '.repeat(300 * 1024)}${text}`))).toBeNull();
    expect(await readHamletListFile('ap.zip', new Uint8Array([0x50, 0x4b, 3, 4]))).toBeNull();
  });
});

describe('buildApproximateImport', () => {
  it('reports what was built, matched and not, in both languages with numbers as the language writes them', async () => {
    const csv = `${readFileSync(path.join(FIXTURES, 'hamlet-list.csv'), 'utf8').trimEnd()}\n99-01,Ấp Lạc,99999,10\n`;
    const reading = (await readHamletListFile('ap.csv', utf8(csv)))!;
    const { hamlets, report } = buildApproximateImport('ap.csv', reading, communes);
    expect(hamlets).toHaveLength(20);
    expect(hamlets.every((hamlet) => hamlet.approximate === true)).toBe(true);
    expect(report).toMatchObject({ rowsRead: 21, rowsUsed: 20, problem: null, approximate: { communeFile: 'xa.geojson', hamlets: 20, communes: 3, voronoi: 0, commune: 20, unmatched: 1 } });
    expect(report.warnings.map((warning) => warning.code)).toContain('approx-commune-unmatched');
    const vi = formatImportReportText(report, 'vi');
    expect(vi).toContain('Đã dựng 20 ấp, khóm gần đúng trong 3 xã (0 từ điểm, 20 theo cả xã) (xa.geojson)');
    expect(vi).toContain('Đã ghép với ranh giới xã: 20 ấp, khóm; không ghép được: 1');
    expect(vi).toContain('không tìm thấy ranh giới xã');
    expect(formatImportReportText(report, 'en')).toContain('Matched to commune boundaries: 20 hamlets; not matched: 1');
    expect(formatImportReportCsv(report, 'vi')).toContain('Đã ghép với ranh giới xã: 20 ấp, khóm');
  });

  it('leaves a GIS file (GeoPackage, FlatGeobuf, DGN) to the usual import, where GDAL reads it as a layer', async () => {
    const gis = path.resolve(import.meta.dirname, '../../../test/fixtures/readGisFiles/in');
    for (const file of ['hamlets.gpkg', 'hamlets.fgb', 'hamlets-drawing.dgn']) expect(await readHamletListFile(file, new Uint8Array(readFileSync(path.join(gis, file)))), file).toBeNull();
  });

  it('refuses the list, naming why, when no hamlet finds its commune', async () => {
    const reading = (await readHamletListFile('ap.csv', utf8('ma_ap,ten_ap,ma_xa\nA1,Ấp 1,11111\nA2,Ấp 2,11111\n')))!;
    const { hamlets, report } = buildApproximateImport('ap.csv', reading, communes);
    expect(hamlets).toHaveLength(0);
    expect(report.problem).toMatchObject({ code: 'no-usable-rows', file: 'ap.csv', params: { count: 2, reason: { code: 'approx-commune-unmatched' } } });
  });
});
