import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInputProblem } from '../io/input-error';
import { parseReferenceBytes, readReferenceCollection, readReferenceGeometry } from './parse-reference-layer';
import { guessLabelAttribute } from './reference-layer';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/reference');
const read = (file: string) => new Uint8Array(readFileSync(path.join(FIXTURES, file)));

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isInputProblem(error)) return error.code;
    throw error;
  }
  return 'none';
}

describe('parseReferenceBytes', () => {
  it('reads a zipped Shapefile of rivers in VN-2000 (written by ogr2ogr) back to the WGS84 lines it came from', async () => {
    const parsed = await parseReferenceBytes('song-kenh-vn2000.zip', read('song-kenh-vn2000.zip'));
    const original = JSON.parse(readFileSync(path.join(FIXTURES, 'song-kenh-wgs84.geojson'), 'utf8')) as { features: { properties: Record<string, string>; geometry: { type: string; coordinates: number[][] | number[][][] } }[] };
    const lines = original.features.filter((feature) => feature.geometry.type !== 'Point');
    expect(parsed.features).toHaveLength(lines.length);
    expect(parsed.labelAttribute).toBe('TEN');
    const nameAt = parsed.attributes.indexOf('TEN');
    expect(parsed.features.map((feature) => feature.values[nameAt])).toEqual(lines.map((feature) => feature.properties.TEN));
    // The first river's vertices, through VN-2000 metres and back: within a few centimetres.
    const first = parsed.features[0].geometry;
    const positions = first.type === 'MultiLineString' ? first.coordinates.flat() : first.type === 'LineString' ? first.coordinates : [];
    (lines[0].geometry.coordinates as number[][]).forEach(([lng, lat], i) => {
      expect(positions[i][0]).toBeCloseTo(lng, 6);
      expect(positions[i][1]).toBeCloseTo(lat, 6);
    });
    expect(parsed.crs.crsId).not.toBe('EPSG:4326');
  });

  it('reads polygons of a GeoJSON and guesses the name attribute; a point is left out and counted', async () => {
    const provinces = await parseReferenceBytes('tinh-lan-can.geojson', read('tinh-lan-can.geojson'));
    expect(provinces.features.map((feature) => feature.geometry.type)).toEqual(['Polygon', 'Polygon', 'Polygon']);
    expect(provinces.labelAttribute).toBe('ten_tinh');
    expect(provinces.skipped).toBe(0);
    const rivers = await parseReferenceBytes('song-kenh-wgs84.geojson', read('song-kenh-wgs84.geojson'));
    expect(rivers.features).toHaveLength(3);
    expect(rivers.skipped).toBe(1);
    expect(rivers.warnings).toContainEqual({ code: 'reference-features-skipped', params: { count: 1 }, where: 'song-kenh-wgs84.geojson' });
  });

  it('refuses a table, a file without areas or lines, and an empty file', async () => {
    expect(await problemOf(parseReferenceBytes('bang.csv', new TextEncoder().encode('ten,lat,lon\nA,9.6,105.9\n')))).toBe('reference-format-unsupported');
    const points = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [105.9, 9.6] } }] });
    expect(await problemOf(parseReferenceBytes('diem.geojson', new TextEncoder().encode(points)))).toBe('reference-no-shapes');
    expect(await problemOf(parseReferenceBytes('rong.geojson', new Uint8Array()))).toBe('file-empty');
  });
});

describe('readReferenceCollection', () => {
  it('keeps every attribute as text in one list, whatever its name (a name like __proto__ is data)', () => {
    const read = readReferenceCollection('x.geojson', {
      features: [
        { geometry: { type: 'LineString', coordinates: [[105.9, 9.6], [106, 9.7]] }, properties: JSON.parse('{"__proto__":"a","rong_m":120}') },
        { geometry: { type: 'LineString', coordinates: [[105.8, 9.6], [105.9, 9.7]] }, properties: JSON.parse('{"__proto__":"b","toString":"c"}') },
      ],
    });
    expect(read.attributes).toEqual(['__proto__', 'rong_m', 'toString']);
    expect(read.features.map((feature) => feature.values)).toEqual([
      ['a', '120', null],
      ['b', null, 'c'],
    ]);
    expect(read.labelAttribute).toBe('__proto__');
  });
});

describe('readReferenceGeometry', () => {
  it('closes rings, drops broken holes and refuses points, short lines and positions that are not degrees', () => {
    expect(readReferenceGeometry({ type: 'Polygon', coordinates: [[[105, 9], [106, 9], [106, 10]], [[1]]] })).toEqual({ type: 'Polygon', coordinates: [[[105, 9], [106, 9], [106, 10], [105, 9]]] });
    expect(readReferenceGeometry({ type: 'Point', coordinates: [105, 9] })).toBeNull();
    expect(readReferenceGeometry({ type: 'LineString', coordinates: [[105, 9]] })).toBeNull();
    expect(readReferenceGeometry({ type: 'LineString', coordinates: [[585000, 1060000], [586000, 1061000]] })).toBeNull();
    expect(readReferenceGeometry(null)).toBeNull();
  });
});

describe('guessLabelAttribute', () => {
  const values = (...list: (string | null)[]) => ({ values: list });
  it('prefers a known name column with values, ignoring case and diacritics, else the first text column', () => {
    expect(guessLabelAttribute(['ID', 'Tên'], [values('1', 'Sông Hậu')])).toBe('Tên');
    expect(guessLabelAttribute(['ID', 'NAME_1', 'ten'], [values('1', 'Bạc Liêu', null)])).toBe('NAME_1');
    expect(guessLabelAttribute(['so', 'ghi_chu'], [values('12', 'đê bao')])).toBe('ghi_chu');
    expect(guessLabelAttribute(['ma_ap', 'TEN_AP'], [values('A1', 'Ấp Hòa Thành')])).toBe('TEN_AP');
    expect(guessLabelAttribute(['so'], [values('12')])).toBeNull();
  });
});

describe('a reference file is untrusted', () => {
  const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'name', 'TEN'];
  const prototypeKeys = (): string => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
  const coordinate = fc.oneof(fc.double({ min: 105, max: 107, noNaN: true }), fc.double({ min: 9, max: 11, noNaN: true }), fc.constantFrom(Number.NaN, 1e308, -1e308, '105.9', null));
  const ring = fc.array(fc.tuple(coordinate, coordinate), { maxLength: 6 });
  const geometry = fc.oneof(
    fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'Point', 'GeometryCollection', '__proto__'), coordinates: fc.oneof(ring, fc.array(ring, { maxLength: 3 }), fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 })) }),
    fc.constantFrom(null, 7, 'x', {}),
  );
  const properties = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 5 })), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), fc.constant({ polluted: 1 }))), fc.constant(null));
  const collection = fc.record({ type: fc.constantFrom('FeatureCollection', 'Feature', 'x'), features: fc.array(fc.record({ type: fc.constant('Feature'), properties, geometry }), { maxLength: 5 }) });

  it('never changes Object.prototype, never throws but a refusal that names the file, and keeps only areas and lines with finite positions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(collection.map((value) => JSON.stringify(value)), fc.string({ maxLength: 40 })), async (text) => {
        const before = prototypeKeys();
        try {
          const parsed = await parseReferenceBytes('lop-nen.geojson', new TextEncoder().encode(text));
          for (const feature of parsed.features) {
            expect(feature.values.length).toBeLessThanOrEqual(parsed.attributes.length);
            expect(JSON.stringify(feature.geometry)).not.toMatch(/null|NaN|e\+308/);
          }
          expect(new Set(parsed.attributes).size).toBe(parsed.attributes.length);
        } catch (error) {
          if (!isInputProblem(error)) throw error;
          expect(error.file).toBe('lop-nen.geojson');
        } finally {
          expect(prototypeKeys()).toBe(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });
});
