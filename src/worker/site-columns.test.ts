import { describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, DEFAULT_CONFIG, type BtsRecord, type CoverageReport, type Hamlet } from '../core';
import { decodeSiteColumns, encodeSiteColumns, siteColumnBuffers } from './site-columns';

const square = (id: string, lng: number): Hamlet => ({
  id,
  name: id,
  district: 'D',
  commune: 'C',
  households: 10,
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[lng, 9.6], [lng + 0.01, 9.6], [lng + 0.01, 9.61], [lng, 9.61], [lng, 9.6]]] },
});

const record = (siteId: string, operator: string, lng: number, technologies: BtsRecord['technologies'] = ['4G']): BtsRecord => ({ siteId, operator, lng, lat: 9.605, technologies });

function reportOf(records: BtsRecord[]): CoverageReport {
  return buildCoverageReport(createCoverageAnalysis({ hamlets: [square('H1', 105.9), square('H2', 106)], btsRecords: records, fibrePoints: [], fibreRoutes: [], indicators: [] }, DEFAULT_CONFIG));
}

describe('site columns', () => {
  it('give back the report and its sites exactly, through a transfer', () => {
    const report = reportOf([
      record('A', 'Viettel', 105.905),
      record('B', 'MobiFone', 105.905, ['4G', '5G']),
      record('C', 'Viettel', 106.005, ['2G']),
      record('C', 'VinaPhone', 106.5),
      record('D', 'Viettel', 107),
    ]);
    // Merged (A with B), renamed (the second C), outside every hamlet (C#2, D): every case of the columns.
    expect(report.sites.map((site) => [site.id, site.recordSiteIds, site.hamletId])).toEqual([
      ['A', ['A', 'B'], 'H1'],
      ['C', ['C'], 'H2'],
      ['C#2', ['C'], null],
      ['D', ['D'], null],
    ]);
    const encoded = encodeSiteColumns(report);
    expect(encoded.report.sites).toEqual([]);
    const buffers = siteColumnBuffers(encoded.sites);
    const received = structuredClone(encoded, { transfer: buffers });
    expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
    const decoded = decodeSiteColumns(received);
    expect(decoded).toEqual(report);
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(report));
    expect(decoded.sites[3].operators).toBe(decoded.sites[1].operators);
  });

  it('carry an empty report', () => {
    const report = reportOf([]);
    expect(decodeSiteColumns(structuredClone(encodeSiteColumns(report)))).toEqual(report);
  });
});
