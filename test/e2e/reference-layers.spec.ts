// Reference layers in a real browser: a neighbouring-province GeoJSON and a river Shapefile in VN-2000
// (made with ogr2ogr, test/fixtures/reference) imported through the import dialog, drawn under the
// coverage, labelled from the attribute picked, kept in the project file and the browser's storage,
// and printed with their names.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';
import { readPdfText } from './print-pdf-tools';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'reference');
/** The same hand-made hamlets as the GIS-format tests (ogr2ogr), here a GeoPackage read through GDAL. */
const GIS_FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'readGisFiles', 'in');
/** The area fill (#E3DED4 at 0.9 over the map background #EEF2F0), written out here. */
const AREA_ON_MAP = [0xe4, 0xdf, 0xd5];

describe('reference layers', () => {
  const app = openAppForSuite();

  it('imports a province GeoJSON and a VN-2000 river Shapefile, draws them under the coverage, and keeps them in the project file', async () => {
    const before = await app.countMapPixelsNear(AREA_ON_MAP, 12);
    const provinces = await app.importReferenceLayer(path.join(FIXTURES, 'tinh-lan-can.geojson'), 'replace');
    expect(provinces).toMatch(/3/);
    const rivers = await app.importReferenceLayer(path.join(FIXTURES, 'song-kenh-vn2000.zip'), 'add');
    expect(rivers).toMatch(/VN-2000/);
    expect(await app.readReferenceLayers()).toEqual([
      { text: 'tinh-lan-can.geojson: 3 đối tượng', label: 'ten_tinh' },
      { text: 'song-kenh-vn2000.zip: 3 đối tượng', label: 'TEN' },
    ]);
    await expect.poll(() => app.countMapPixelsNear(AREA_ON_MAP, 12), { timeout: 15_000 }).toBeGreaterThan(before + 5000);
    const drawn = await app.countMapPixelsNear(AREA_ON_MAP, 12);
    await app.screenshot('reference-layers-province');
    // The screen legend names what the map draws, as the print legend does.
    expect(await app.readLegendReferences()).toEqual(['Vùng tham chiếu: tinh-lan-can', 'Đường tham chiếu: song-kenh-vn2000']);

    await app.setReferenceLabel(1, 'MA');
    const saved = await app.saveProject();
    const project = JSON.parse(saved.text) as { referenceLayers: { fileName: string; labelAttribute: string; features: unknown[] }[] };
    expect(project.referenceLayers.map((layer) => [layer.fileName, layer.labelAttribute, layer.features.length])).toEqual([
      ['tinh-lan-can.geojson', 'ten_tinh', 3],
      ['song-kenh-vn2000.zip', 'MA', 3],
    ]);

    await app.removeReferenceLayer(1);
    await app.removeReferenceLayer(0);
    expect(await app.readReferenceLayers()).toEqual([]);
    await expect.poll(() => app.countMapPixelsNear(AREA_ON_MAP, 12), { timeout: 15_000 }).toBeLessThan(before + 500);

    await app.openProject(saved.path);
    expect((await app.readReferenceLayers()).map((layer) => layer.label)).toEqual(['ten_tinh', 'MA']);
    await expect.poll(() => app.countMapPixelsNear(AREA_ON_MAP, 12), { timeout: 15_000 }).toBeGreaterThan(drawn - 2000);

    // Kept in the browser's storage too.
    await app.reload();
    expect((await app.readReferenceLayers()).map((layer) => layer.text)).toEqual(['tinh-lan-can.geojson: 3 đối tượng', 'song-kenh-vn2000.zip: 3 đối tượng']);
  });

  it('prints them with their names, from the attribute picked', async () => {
    await app.setReferenceLabel(1, 'TEN');
    const printed = await app.exportPrint('pdf', 'reference-layers-a4.pdf');
    const text = readPdfText(printed.path, 1).replace(/\s+/g, ' ');
    for (const name of ['Tỉnh Bạc Liêu', 'Tỉnh Trà Vinh', 'Sông Hậu']) expect(text).toContain(name);
    expect(text).toContain('Vùng tham chiếu: tinh-lan-can');
    expect(text).toContain('Đường tham chiếu: song-kenh-vn2000');
  });

  it('reads a GeoPackage through GDAL (loaded only now) as a reference layer', async () => {
    const report = await app.importReferenceLayer(path.join(GIS_FIXTURES, 'hamlets.gpkg'), 'add');
    expect(report).toMatch(/3/);
    expect((await app.readReferenceLayers()).at(-1)).toEqual({ text: 'hamlets.gpkg: 3 đối tượng', label: 'ten_ap' });
  });

  it('reads a MapInfo table in VN-2000 picked with its .dat, .map and .id as a reference layer', async () => {
    const files = ['tab', 'dat', 'map', 'id'].map((extension) => path.join(GIS_FIXTURES, `hamlets-vn2000-tm105_5.${extension}`));
    const report = await app.importReferenceFileSet(files, 'add');
    expect(report).toMatch(/VN-2000/);
    expect((await app.readReferenceLayers()).at(-1)).toEqual({ text: 'hamlets-vn2000-tm105_5.tab: 3 đối tượng', label: 'ten_ap' });
  });
});
