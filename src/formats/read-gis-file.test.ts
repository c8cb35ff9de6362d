// The same three hand-made hamlets written by Debian's ogr2ogr (scripts/fixtures/build-gis-fixtures.sh)
// as MapInfo TAB, MIF/MID, GeoPackage, FileGDB and FlatGeobuf give the KPIs of the GeoJSON; as DGN and
// DXF drawings the same geometry, with ids and names from the texts inside the outlines; the VN-2000
// TAB lands where ogr2ogr's own reprojection puts it. gdal3.js is initialised once for the file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, DEFAULT_CONFIG, parseInputBytes, type Hamlet, type ParsedInputBytes } from '../core';
import { loadGdal, parseGisPath, parseGisReferencePath } from '../../scripts/cli/read-gis-input';
import { REPO_ROOT } from '../../test/helpers/run-cli';
import { filledParts, writeHostileZip } from '../../test/helpers/hostile-zip';

const GIS = join(REPO_ROOT, 'test', 'fixtures', 'readGisFiles', 'in');
const IMPORT = join(REPO_ROOT, 'test', 'fixtures', 'parseInputBytes', 'in');
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
const readGis = (name: string) => parseGisPath('hamlets', join(GIS, name), bytesOf(join(GIS, name)), DEFAULT_CONFIG, {});

let reference: ParsedInputBytes;
let sites: ParsedInputBytes;
let fibre: ParsedInputBytes;
beforeAll(async () => {
  await loadGdal();
  reference = await parseInputBytes('hamlets', 'hamlets-geojson-wgs84.geojson', bytesOf(join(IMPORT, 'hamlets-geojson-wgs84.geojson')), DEFAULT_CONFIG);
  sites = await parseInputBytes('sites', 'sites-csv-utf8.csv', bytesOf(join(IMPORT, 'sites-csv-utf8.csv')), DEFAULT_CONFIG);
  fibre = await parseInputBytes('fibre', 'fibre-geojson.geojson', bytesOf(join(IMPORT, 'fibre-geojson.geojson')), DEFAULT_CONFIG);
}, 60_000);

const kpisOf = (hamlets: Hamlet[]) =>
  buildCoverageReport(createCoverageAnalysis({ hamlets, btsRecords: sites.input.btsRecords ?? [], fibrePoints: fibre.input.fibrePoints ?? [], fibreRoutes: [], indicators: [] }, DEFAULT_CONFIG)).kpis;

/** Every vertex of every hamlet, in hamlet order. */
const verticesOf = (hamlets: Hamlet[]): number[][] => hamlets.flatMap((hamlet) => (hamlet.geometry.type === 'Polygon' ? [hamlet.geometry.coordinates] : hamlet.geometry.coordinates).flat(2) as unknown as number[][]);

describe('GIS formats through GDAL', () => {
  it.each([
    ['hamlets-tab.zip', 'mapinfo-tab'],
    ['hamlets-vn2000-tm105_5.tab', 'mapinfo-tab'],
    ['hamlets.mif', 'mapinfo-mif'],
    ['hamlets.gpkg', 'geopackage'],
    ['hamlets-gdb.zip', 'filegdb'],
    ['hamlets.fgb', 'flatgeobuf'],
  ])('%s gives the hamlets and KPIs of the GeoJSON', async (name, format) => {
    const parsed = await readGis(name);
    expect(parsed.format).toBe(format);
    // FlatGeobuf stores features in the order of its spatial index.
    const hamlets = [...(parsed.input.hamlets ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    const expected = reference.input.hamlets ?? [];
    expect(hamlets.map((hamlet) => [hamlet.id, hamlet.name, hamlet.commune, hamlet.district, hamlet.households])).toEqual(
      expected.map((hamlet) => [hamlet.id, hamlet.name, hamlet.commune, hamlet.district, hamlet.households]),
    );
    const expectedKpis = kpisOf(expected);
    const actualKpis = kpisOf(hamlets);
    for (const [key, value] of Object.entries(expectedKpis)) {
      if (typeof value === 'number') expect(actualKpis[key as keyof typeof actualKpis], key).toBeCloseTo(value, 5);
    }
    expect(parsed.encoding).toBe('utf-8');
  });

  it('reads VN-2000 from the MapInfo definition and reprojects as ogr2ogr does', async () => {
    const parsed = await readGis('hamlets-vn2000-tm105_5.tab');
    expect(parsed.crs?.source).toBe('prj');
    expect(parsed.crs?.crsId).toBe('vn2000-tm:105.5');
    const ogr = JSON.parse(readFileSync(join(GIS, 'hamlets-vn2000-tm105_5.ogr2ogr-wgs84.geojson'), 'utf8')) as { features: { geometry: { coordinates: number[][][] } }[] };
    const expected = ogr.features.flatMap((feature) => feature.geometry.coordinates.flat());
    const actual = verticesOf(parsed.input.hamlets ?? []);
    expect(actual).toHaveLength(expected.length);
    // 1e-7° is about 1 cm: proj4 and PROJ apply the same seven-parameter shift.
    actual.forEach(([lng, lat], index) => {
      expect(Math.abs(lng - expected[index][0])).toBeLessThan(1e-7);
      expect(Math.abs(lat - expected[index][1])).toBeLessThan(1e-7);
    });
  });

  it.each([
    ['hamlets-drawing.dxf', 'dxf', 0],
    ['hamlets-drawing.dgn', 'dgn', 1],
  ])('%s gives the geometry of the GeoJSON, ids and names from the texts inside the outlines', async (name, format, generated) => {
    const parsed = await readGis(name);
    expect(parsed.format).toBe(format);
    expect(parsed.crs?.crsId).toBe('vn2000-tm:105.5');
    expect(parsed.crs?.source).toBe('guess');
    const hamlets = parsed.input.hamlets ?? [];
    const expected = reference.input.hamlets ?? [];
    const names = expected.map((hamlet, index) => (index < expected.length - generated ? [hamlet.id, hamlet.name] : ['hamlets-drawing-003', 'hamlets-drawing-003']));
    expect(hamlets.map((hamlet) => [hamlet.id, hamlet.name])).toEqual(names);
    const actual = verticesOf(hamlets);
    const wanted = verticesOf(expected);
    expect(actual).toHaveLength(wanted.length);
    // The drawings hold metres to 1 cm (DGN: 1 cm units): 1e-6° is about 11 cm.
    actual.forEach(([lng, lat], index) => {
      expect(Math.abs(lng - wanted[index][0])).toBeLessThan(1e-6);
      expect(Math.abs(lat - wanted[index][1])).toBeLessThan(1e-6);
    });
    const warnings = parsed.summaries[0].warnings.map((warning) => warning.code);
    expect(warnings.includes('drawing-ids-generated')).toBe(generated > 0);
  });

  it('counts a zipped FileGDB or TAB under the archive budget before GDAL sees it, whatever its headers state', async () => {
    const { parseGisFile } = await import('./read-gis-file');
    const gdal = await loadGdal();
    let opened = 0;
    const open = async () => {
      opened++;
      return { datasets: [], errors: [] };
    };
    const MIB = 1024 * 1024;
    // GDAL would inflate a .gdb folder itself: three 120 MiB tables (stated as 1 KB) are 360 MiB.
    const gdb = writeHostileZip(['ap.gdb/a00000001.gdbtable', 'ap.gdb/a00000002.gdbtable', 'ap.gdb/a00000003.gdbtable'].map((name) => ({ name, parts: filledParts(120 * MIB, 7), statedBytes: 1024 })));
    await expect(parseGisFile(gdal, open, 'hamlets', { name: 'ap.gdb.zip', bytes: gdb }, [], DEFAULT_CONFIG)).rejects.toMatchObject({ code: 'archive-over-ratio', file: 'ap.gdb.zip' });
    const tab = writeHostileZip([{ name: 'ap.tab', parts: filledParts(300 * MIB) }, { name: 'ap.dat', parts: filledParts(10) }, { name: 'ap.map', parts: filledParts(10) }]);
    await expect(parseGisFile(gdal, open, 'hamlets', { name: 'ap.zip', bytes: tab }, [], DEFAULT_CONFIG)).rejects.toMatchObject({ code: 'archive-over-budget', file: 'ap.zip', params: { limitMb: 256 } });
    expect(opened).toBe(0);
  });

  it('a GeoPackage of sites whose operator and technologies are in attributes no alias knows: listed, then read as the user maps them', async () => {
    const { inspectGisFile } = await import('./read-gis-file');
    const gdal = await loadGdal();
    const path = join(GIS, 'sites-odd-attributes.gpkg');
    const folder = mkdtempSync(join(tmpdir(), 'gis-inspect-'));
    try {
      const open = async (files: { name: string; bytes: Uint8Array }[], vsi: string[]) => {
        for (const file of files) writeFileSync(join(folder, file.name), file.bytes);
        return gdal.open(files.map((file) => join(folder, file.name)), [], vsi);
      };
      expect(await inspectGisFile(gdal, open, { name: 'tram.gpkg', bytes: bytesOf(path) }, [])).toEqual(['MA_TRAM', 'DN', 'CN', 'R']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    // Without the mapping no row has an operator: the file is refused, naming it and the first row's reason.
    await expect(parseGisPath('sites', path, bytesOf(path), DEFAULT_CONFIG, {})).rejects.toMatchObject({ code: 'no-usable-rows', file: 'sites-odd-attributes.gpkg', params: { count: 5 } });
    const parsed = await parseGisPath('sites', path, bytesOf(path), DEFAULT_CONFIG, { columns: { operator: 'DN', technologies: 'CN', siteId: 'MA_TRAM', radiusMeters: 'R' } });
    const fields = (records: readonly { siteId: string; operator: string; lng: number; lat: number; technologies: string[]; radiusMeters?: number }[]) =>
      records.map((record) => [record.siteId, record.operator, record.lng, record.lat, record.technologies, record.radiusMeters]);
    expect(fields(parsed.input.btsRecords ?? [])).toEqual(fields(sites.input.btsRecords ?? []));
  });

  it.each(['hamlets.gpkg', 'hamlets-vn2000-tm105_5.tab', 'hamlets-tab.zip'])('%s read as a reference layer gives the shapes and names of the same hamlets', async (name) => {
    const layer = await parseGisReferencePath(join(GIS, name), bytesOf(join(GIS, name)), {});
    const expected = [...(reference.input.hamlets ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    // The layer keeps the file's attributes as text; the hamlets are matched by their names.
    const nameAt = layer.attributes.findIndex((attribute) => attribute.toLowerCase() === 'ten_ap' || attribute.toLowerCase() === 'name');
    expect(nameAt).toBeGreaterThanOrEqual(0);
    expect(layer.features.map((feature) => feature.values[nameAt]).sort()).toEqual(expected.map((hamlet) => hamlet.name).sort());
    for (const feature of layer.features) {
      const hamlet = expected.find((item) => item.name === feature.values[nameAt])!;
      const want = (hamlet.geometry.type === 'Polygon' ? hamlet.geometry.coordinates : hamlet.geometry.coordinates.flat()).flat();
      const got = (feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : (feature.geometry.coordinates as unknown as number[][][][]).flat()).flat() as unknown as number[][];
      expect(got).toHaveLength(want.length);
      // Within 1e-6° (about 10 cm): the VN-2000 TAB through its seven-parameter shift.
      got.forEach(([lng, lat], index) => {
        expect(Math.abs(lng - want[index][0])).toBeLessThan(1e-6);
        expect(Math.abs(lat - want[index][1])).toBeLessThan(1e-6);
      });
    }
  });

  it('refuses a .tab without its .dat and .map, naming them', async () => {
    const tab = join(GIS, 'hamlets-vn2000-tm105_5.tab');
    const { parseGisFile } = await import('./read-gis-file');
    const gdal = await loadGdal();
    await expect(parseGisFile(gdal, async () => ({ datasets: [], errors: [] }), 'hamlets', { name: 'ap.tab', bytes: bytesOf(tab) }, [], DEFAULT_CONFIG)).rejects.toMatchObject({
      code: 'mapinfo-companions-missing',
      file: 'ap.tab',
      params: { main: 'ap.tab', missing: { kind: 'list', items: ['ap.dat', 'ap.map'] } },
    });
  });
});
