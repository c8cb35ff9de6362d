import { describe, expect, it } from 'vitest';
import type { Hamlet, Site } from '../../core';
import { distanceToHamletMeters, findCoveringSites } from './find-covering-sites';

// A square of about 1.1 km at the equator.
const hamlet: Hamlet = { id: 'A', name: 'A', commune: '', district: '', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]] } };
const site = (id: string, lng: number, technologies: Site['technologies']): Site => ({ id, lng, lat: 0.005, operators: ['Viettel'], technologies, recordSiteIds: [id], shared: false });

describe('distanceToHamletMeters', () => {
  it('is 0 inside and the gap to the nearest edge outside', () => {
    expect(distanceToHamletMeters(hamlet, 0.005, 0.005)).toBe(0);
    expect(distanceToHamletMeters(hamlet, 0.02, 0.005)).toBeCloseTo(1113.2, 0);
  });
});

describe('findCoveringSites', () => {
  it('keeps sites whose widest broadband radius reaches the hamlet, nearest first, never 2G-only', () => {
    const radii = { radiiMeters: { '2G': 5000, '3G': 3000, '4G': 3000, '5G': 1000, ftth: 300 }, mobileBroadband: ['3G', '4G', '5G'] as Site['technologies'] };
    const sites = [site('far5g', 0.02, ['5G']), site('far4g', 0.03, ['4G']), site('in', 0.005, ['5G']), site('near2g', 0.02, ['2G'])];
    const found = findCoveringSites(hamlet, sites, radii);
    expect(found.map((entry) => entry.site.id)).toEqual(['in', 'far4g']);
  });
});
