import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BtsRecord } from '../types';
import { haversineMeters, metersToDegrees } from '../units';
import { clusterSites } from './cluster-sites';
import { describeGolden } from '../../../test/helpers/golden';

const [dLng] = metersToDegrees(1, 9.6);

function record(siteId: string, operator: string, eastMeters: number): BtsRecord {
  return { siteId, operator, lng: 105.9 + eastMeters * dLng, lat: 9.6, technologies: ['4G'] };
}

/** Brute force: O(n²) single linkage by repeated merging. */
function bruteForceGroups(records: BtsRecord[], distance: number): string[][] {
  const groups = records.map((_, i) => new Set([i]));
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const near = [...groups[a]].some((i) => [...groups[b]].some((j) => haversineMeters(records[i].lng, records[i].lat, records[j].lng, records[j].lat) <= distance));
        if (near) {
          for (const j of groups[b]) groups[a].add(j);
          groups.splice(b, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  return groups.map((group) => [...group].map((i) => records[i].siteId).sort()).sort((x, y) => x[0].localeCompare(y[0]));
}

describe('clusterSites', () => {
  it('joins records within the co-location distance and marks two operators as shared', () => {
    const sites = clusterSites([record('A', 'Viettel', 0), record('B', 'MobiFone', 20), record('C', 'Viettel', 500)], 30);
    expect(sites.map((s) => [s.id, s.operators, s.shared])).toEqual([
      ['A', ['MobiFone', 'Viettel'], true],
      ['C', ['Viettel'], false],
    ]);
  });

  it('joins chains (single linkage): 0–25–50 m is one site at 30 m', () => {
    const sites = clusterSites([record('A', 'Viettel', 0), record('B', 'VinaPhone', 25), record('C', 'MobiFone', 50)], 30);
    expect(sites).toHaveLength(1);
    expect(sites[0].recordSiteIds).toEqual(['A', 'B', 'C']);
  });

  it('does not share a site between cells of one operator', () => {
    const sites = clusterSites([record('A', 'Viettel', 0), record('A', 'Viettel', 1)], 30);
    expect(sites).toHaveLength(1);
    expect(sites[0].shared).toBe(false);
  });

  it('keeps two far-apart sites with the same id apart', () => {
    const sites = clusterSites([record('X', 'Viettel', 0), record('X', 'MobiFone', 5000)], 30);
    expect(sites.map((s) => s.id)).toEqual(['X', 'X#2']);
  });

  it('equals brute-force single linkage on random records', () => {
    const arbitrary = fc.array(
      fc.record({ east: fc.integer({ min: 0, max: 300 }), operator: fc.constantFrom('Viettel', 'VinaPhone', 'MobiFone') }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 0, max: 60 }), (rows, distance) => {
        const records = rows.map((row, i) => record(`S${String(i).padStart(2, '0')}`, row.operator, row.east));
        const sites = clusterSites(records, distance);
        expect(sites.map((site) => site.recordSiteIds).sort((x, y) => x[0].localeCompare(y[0]))).toEqual(bruteForceGroups(records, distance));
        for (const site of sites) expect(site.shared).toBe(site.operators.length >= 2);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describeGolden('clusterSites', (goldenCase) => {
  const { records, colocationMeters } = goldenCase.json() as { records: BtsRecord[]; colocationMeters: number };
  return clusterSites(records, colocationMeters);
});
