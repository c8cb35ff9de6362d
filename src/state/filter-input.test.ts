import { describe, expect, it } from 'vitest';
import type { CoverageInput } from '../core';
import { filterCoverageInput, NO_FILTERS } from './filter-input';

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
});
