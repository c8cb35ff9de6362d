import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { companionNamesOf, detectGisFormat, groupGisFiles, isGisFileName } from './gis-format';

const zip = (names: string[]) => zipSync(Object.fromEntries(names.map((name) => [name, new Uint8Array([1, 2, 3])])));

describe('detectGisFormat', () => {
  it('names the GIS formats by extension and leaves the others to the existing readers', () => {
    expect(detectGisFormat('Ranh gioi ap.TAB', new Uint8Array([33]))).toBe('mapinfo-tab');
    expect(detectGisFormat('ap.mif', new Uint8Array([86]))).toBe('mapinfo-mif');
    expect(['ap.gpkg', 'ap.dxf', 'ap.dgn', 'ap.fgb'].map((name) => detectGisFormat(name, new Uint8Array(4)))).toEqual(['geopackage', 'dxf', 'dgn', 'flatgeobuf']);
    expect(detectGisFormat('ap.geojson', new Uint8Array([123]))).toBeNull();
    expect(detectGisFormat('ap.csv', new Uint8Array([65]))).toBeNull();
  });

  it('looks into a zip: a .gdb folder, a MapInfo table; a Shapefile stays with its reader', () => {
    expect(detectGisFormat('ap.zip', zip(['ap.gdb/a00000001.gdbtable', 'ap.gdb/gdb']))).toBe('filegdb');
    expect(detectGisFormat('ap.zip', zip(['ap.TAB', 'ap.DAT', 'ap.MAP']))).toBe('mapinfo-tab');
    expect(detectGisFormat('ap.zip', zip(['ap.shp', 'ap.dbf', 'ap.tab']))).toBeNull();
    expect(detectGisFormat('ap.zip', zip(['doc.kml']))).toBeNull();
  });
});

describe('groupGisFiles', () => {
  it('puts each .tab with its .dat/.map/.id and each .mif with its .mid, and lists what is missing', () => {
    const files = ['AP.TAB', 'ap.dat', 'Ap.Map', 'ap.id', 'tram.csv', 'xa.mif', 'le.dat'].map((name) => ({ name, file: name }));
    const { groups, rest } = groupGisFiles(files);
    expect(groups.map((group) => [group.main.name, group.companions.map((c) => c.name), group.missing])).toEqual([
      ['AP.TAB', ['ap.dat', 'Ap.Map', 'ap.id'], []],
      ['xa.mif', [], ['xa.mid']],
    ]);
    expect(rest.map((file) => file.name)).toEqual(['tram.csv', 'le.dat']);
  });

  it('knows the companions by name', () => {
    expect(companionNamesOf('AP.TAB')).toEqual(['AP.DAT', 'AP.MAP', 'AP.ID', 'AP.IND']);
    expect(companionNamesOf('xa.mif')).toEqual(['xa.mid']);
    expect(isGisFileName('x.MID') && isGisFileName('x.gpkg') && !isGisFileName('x.shp')).toBe(true);
  });
});
