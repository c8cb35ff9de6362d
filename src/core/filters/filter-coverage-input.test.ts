import { describe, expect, it } from 'vitest';
import type { CoverageInput } from '../types';
import { filterCoverageInput, NO_FILTERS } from './filter-coverage-input';

const input: CoverageInput = {
  hamlets: [],
  btsRecords: [
    { siteId: 'V1', operator: 'Viettel', lng: 105, lat: 9, technologies: ['2G', '4G'] },
    { siteId: 'M1', operator: 'MobiFone', lng: 105, lat: 9, technologies: ['4G', '5G'] },
    { siteId: 'V2', operator: 'Viettel', lng: 105, lat: 9, technologies: ['2G'] },
  ],
  fibrePoints: [
    { id: 'F1', operator: 'Viettel', lng: 105, lat: 9 },
    { id: 'F2', lng: 105, lat: 9 },
  ],
  fibreRoutes: [],
  indicators: [],
};

describe('filterCoverageInput', () => {
  it('returns the input itself without filters', () => {
    expect(filterCoverageInput(input, NO_FILTERS)).toBe(input);
  });
  it('keeps one operator, its fibre, and narrows technologies', () => {
    const filtered = filterCoverageInput(input, { operators: ['Viettel'], technologies: ['4G'] });
    expect(filtered.btsRecords).toEqual([{ siteId: 'V1', operator: 'Viettel', lng: 105, lat: 9, technologies: ['4G'] }]);
    expect(filtered.fibrePoints.map((point) => point.id)).toEqual(['F1']);
    expect(input.btsRecords[0].technologies).toEqual(['2G', '4G']);
  });
  it('keeps every operator’s records, technology-filtered, for co-location', () => {
    const filtered = filterCoverageInput(input, { operators: ['Viettel'], technologies: ['4G'] });
    expect(filtered.operatorFilter?.operators).toEqual(['Viettel']);
    expect(filtered.operatorFilter?.otherBtsRecords.map((record) => [record.siteId, record.technologies])).toEqual([['M1', ['4G']]]);
    expect(filterCoverageInput(input, { operators: null, technologies: ['4G'] }).operatorFilter).toBeUndefined();
  });
});
