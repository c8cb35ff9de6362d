import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BtsRecord, FibrePoint } from '../core';
import { ProblemList } from '../state/stored-state-schema';
import { decodeRecordColumns, encodeRecordColumns, recordColumnBuffers } from './record-columns';

const site = (fields: Partial<BtsRecord> = {}): BtsRecord => ({ siteId: 'VTL-1', operator: 'Viettel', lng: 105.9, lat: 9.6, technologies: ['2G', '4G'], source: 'sites.csv:2', ...fields });

function roundTrip(kind: 'btsRecord' | 'fibrePoint', records: BtsRecord[] | FibrePoint[]) {
  const problems = new ProblemList();
  // Through a structured clone, as IndexedDB and a worker's message see it.
  const decoded = decodeRecordColumns(kind, structuredClone(encodeRecordColumns(kind, records as never)), 'btsRecords', problems);
  return { decoded, problems: problems.items };
}

describe('record columns', () => {
  it('give back the records exactly: optional fields absent stay absent, sources with and without a row', () => {
    const records: BtsRecord[] = [
      site(),
      site({ siteId: 'VNP-7', operator: 'VinaPhone', technologies: ['5G'], radiusMeters: 1200, azimuthDegrees: 0, beamwidthDegrees: 65, heightMeters: 30, source: 'trạm:năm 2025.csv:0' }),
      { siteId: 'C', operator: 'MobiFone', lng: 106.2, lat: 9.1, technologies: ['3G'] },
      site({ siteId: 'x:1', source: 'project.json' }),
      site({ source: 'a.csv:007' }),
    ];
    expect(roundTrip('btsRecord', records)).toEqual({ decoded: records, problems: [] });
    const points: FibrePoint[] = [{ id: 'ODP-1', lng: 106, lat: 9.5 }, { id: 'ODP-2', operator: 'VNPT', kind: 'splitter', lng: 106.1, lat: 9.4, radiusMeters: 300, source: 'fibre.csv:3' }];
    expect(roundTrip('fibrePoint', points)).toEqual({ decoded: points, problems: [] });
  });

  it('hold a site in a few numbers, not objects: a million sites in typed arrays', () => {
    const table = encodeRecordColumns('btsRecord', [site(), site({ siteId: 'B', source: 'sites.csv:3' })]);
    expect(Object.keys(table.columns).sort()).toEqual(['lat', 'lng', 'operator', 'siteId', 'source', 'technologies']);
    expect(table.columns.operator).toMatchObject({ values: ['Viettel'] });
    expect(table.columns.source).toMatchObject({ prefixes: ['sites.csv'], row: new Uint32Array([2, 3]) });
    // One buffer per typed column (a source has two), transferred to a worker rather than copied.
    expect(recordColumnBuffers(table)).toHaveLength(7);
  });

  it('refuse broken columns and broken records by place, through the import rules', () => {
    const table = structuredClone(encodeRecordColumns('btsRecord', [site(), site({ siteId: 'B' })]));
    const read = (value: unknown) => {
      const problems = new ProblemList();
      return { decoded: decodeRecordColumns('btsRecord', value, 'btsRecords', problems), problems: problems.items.map((problem) => `${problem.code} ${problem.path}${problem.rule ? ` ${problem.rule}` : ''}`) };
    };
    expect(read({ ...table, count: 3 })).toEqual({ decoded: undefined, problems: ['invalid btsRecords.siteId', 'invalid btsRecords.operator', 'invalid btsRecords.lng', 'invalid btsRecords.lat', 'invalid btsRecords.technologies', 'invalid btsRecords.source'] });
    expect(read({ ...table, columns: { ...table.columns, __proto__: 1, extra: 1 } }).problems).toEqual(['unknown-key btsRecords.extra']);
    const lat = { kind: 'number', values: new Float64Array([9.6, 95]) };
    expect(read({ ...table, columns: { ...table.columns, lat } }).problems).toEqual(['invalid btsRecords[1].lat latitude']);
    const operator = { kind: 'category', values: ['Viettel'], index: new Uint32Array([0, 1]) };
    expect(read({ ...table, columns: { ...table.columns, operator } }).problems).toEqual(['invalid btsRecords.operator']);
    expect(read({ ...table, kind: 'fibrePoint' }).problems).toEqual(['invalid btsRecords']);
    expect(read([site()]).problems).toEqual(['invalid btsRecords']);
  });

  it('round-trip any valid records (property)', () => {
    const technology = fc.subarray(['2G', '3G', '4G', '5G'] as const, { minLength: 1 });
    const optional = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    const record = fc.record({
      siteId: fc.string({ minLength: 1 }).filter((id) => id.trim() === id),
      operator: fc.constantFrom('Viettel', 'VinaPhone', 'MobiFone', 'Chung'),
      lng: fc.double({ min: 102, max: 110, noNaN: true }),
      lat: fc.double({ min: 8, max: 24, noNaN: true }),
      technologies: technology.map((list) => [...list]),
      radiusMeters: optional(fc.integer({ min: 1, max: 30_000 })),
      source: optional(fc.oneof(fc.string(), fc.tuple(fc.string(), fc.nat()).map(([file, row]) => `${file}:${row}`))),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (generated) => {
        const records = generated.map((item) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as unknown as BtsRecord);
        expect(roundTrip('btsRecord', records)).toEqual({ decoded: records, problems: [] });
      }),
      { seed: 12_201, numRuns: 300 },
    );
  });
});
