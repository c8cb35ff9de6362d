import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStoredRecord } from './check-stored-record';
import { parseBtsGeoJson } from './parse-bts-records';
import { parseFibreGeoJson } from './parse-fibre';
import { parseHamletsGeoJson } from './parse-hamlets';
import { parseIndicatorsJson } from './parse-indicators';

const GEODATA = path.resolve(import.meta.dirname, '../../../public/geodata');
const read = (file: string) => readFileSync(path.join(GEODATA, file), 'utf8');
const SITE = { siteId: 'ST01', operator: 'Viettel', lng: 105.97, lat: 9.6, technologies: ['4G'] };

describe('checkStoredRecord', () => {
  it('gives back every record the importers produce from the demo files, unchanged', () => {
    const fibre = parseFibreGeoJson(read('fibre.geojson'), 'fibre.geojson');
    const layers = [
      ['hamlet', parseHamletsGeoJson(read('hamlets.geojson'), 'hamlets.geojson').items],
      ['btsRecord', parseBtsGeoJson(read('sites.geojson'), 'sites.geojson').items],
      ['fibrePoint', fibre.points.items],
      ['indicator', parseIndicatorsJson(read('indicators.json'), 'indicators.json').items],
    ] as const;
    for (const [kind, records] of layers) {
      expect(records.length, kind).toBeGreaterThan(0);
      for (const record of records) {
        const checked = checkStoredRecord(kind, JSON.parse(JSON.stringify(record)));
        expect(checked.ok && JSON.parse(JSON.stringify(checked.record)), `${kind} ${JSON.stringify(record).slice(0, 80)}`).toEqual(JSON.parse(JSON.stringify(record)));
      }
    }
  });

  it.each([
    ['radiusMeters', 'abc', 'radius', '"abc"'],
    ['radiusMeters', -5, 'radius', '-5'],
    ['radiusMeters', 1e308, 'radius', '1e+308'],
    ['lng', 'x', 'number', '"x"'],
    ['lat', 95, 'latitude', '95'],
    ['azimuthDegrees', 360, 'azimuth', '360'],
    ['heightMeters', -1, 'non-negative', '-1'],
    ['frequencyMhz', 50, 'frequency', '50'],
    ['frequencyMhz', '1800', 'frequency', '"1800"'],
    ['technologies', ['4G', 'LTE'], 'technologies', '"LTE"'],
    ['operator', '', 'non-empty', undefined],
  ])('refuses a site with %s = %j (rule %s)', (field, value, rule, shown) => {
    const checked = checkStoredRecord('btsRecord', { ...SITE, [field]: value });
    const expected = { ok: false, field: field === 'technologies' ? 'technologies[1]' : field, rule, ...(shown === undefined ? {} : { value: shown }) };
    expect(checked).toEqual(expected);
  });

  it('reads a fibre route and refuses a line of one position', () => {
    const route = { id: 'R1', operator: 'VNPT', coordinates: [[105.9, 9.6], [105.95, 9.62]] };
    expect(checkStoredRecord('fibreRoute', route)).toEqual({ ok: true, record: route });
    expect(checkStoredRecord('fibreRoute', { ...route, coordinates: [[105.9, 9.6]] })).toMatchObject({ ok: false, field: 'coordinates', rule: 'line' });
    expect(checkStoredRecord('fibreRoute', { ...route, coordinates: [[105.9, 9.6], [200, 9.6]] })).toMatchObject({ ok: false, field: 'coordinates[1]', rule: 'position' });
  });

  it("keeps a site's height and frequency (the reach model reads both after a reload)", () => {
    const site = { ...SITE, heightMeters: 30, frequencyMhz: 1800 };
    expect(checkStoredRecord('btsRecord', site)).toEqual({ ok: true, record: site });
  });

  it('refuses a beamwidth without an azimuth, and a site at 0, 0', () => {
    expect(checkStoredRecord('btsRecord', { ...SITE, beamwidthDegrees: 65 })).toMatchObject({ ok: false, field: 'beamwidthDegrees', rule: 'beamwidth-without-azimuth' });
    expect(checkStoredRecord('btsRecord', { ...SITE, lng: 0, lat: 0 })).toMatchObject({ ok: false, rule: 'placeholder' });
  });

  it('keeps only the known fields', () => {
    const checked = checkStoredRecord('btsRecord', { ...SITE, actions: {}, toString: 'x' });
    expect(checked).toEqual({ ok: true, record: SITE });
  });

  it('copies a hamlet’s properties without letting a key reach a prototype', () => {
    const hamlet = JSON.parse('{"id":"A","name":"Ấp 1","commune":"X","district":"H","properties":{"__proto__":{"polluted":1},"constructor":"c","nested":{"__proto__":{"deep":1}}},"geometry":{"type":"Polygon","coordinates":[[[105.9,9.6],[106,9.6],[106,9.7],[105.9,9.6]]]}}');
    const checked = checkStoredRecord('hamlet', hamlet);
    if (!checked.ok) throw new Error(checked.rule);
    const properties = checked.record.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(['__proto__', 'constructor', 'nested']);
    expect(properties.__proto__.polluted).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(properties)).toBeNull();
    expect(Object.getPrototypeOf(properties.nested)).toBeNull();
  });

  it('keeps an approximate hamlet’s mark and point, and refuses a broken one', () => {
    const base = { id: 'A', name: 'Ấp 1', commune: 'X', district: 'H', properties: {}, geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [106, 9.6], [106, 9.7], [105.9, 9.6]]] } };
    const checked = checkStoredRecord('hamlet', { ...base, approximate: true, point: [105.95, 9.63] });
    expect(checked).toMatchObject({ ok: true, record: { approximate: true, point: [105.95, 9.63] } });
    const plain = checkStoredRecord('hamlet', { ...base, approximate: false });
    expect(plain.ok && 'approximate' in plain.record).toBe(false);
    expect(checkStoredRecord('hamlet', { ...base, approximate: 'yes' })).toMatchObject({ ok: false, field: 'approximate', rule: 'boolean' });
    expect(checkStoredRecord('hamlet', { ...base, point: [500, 9.6] })).toMatchObject({ ok: false, field: 'point', rule: 'position' });
  });

  it('refuses an unclosed ring and a point geometry', () => {
    const base = { id: 'A', name: '', commune: '', district: '', properties: {} };
    expect(checkStoredRecord('hamlet', { ...base, geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [106, 9.6], [106, 9.7], [105.95, 9.65]]] } })).toMatchObject({ ok: false, field: 'geometry' });
    expect(checkStoredRecord('hamlet', { ...base, geometry: { type: 'Point', coordinates: [1, 2] } })).toMatchObject({ ok: false, field: 'geometry' });
  });
});
