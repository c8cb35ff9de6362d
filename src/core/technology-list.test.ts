import { describe, expect, it } from 'vitest';
import { clusterSites } from './coverage/cluster-sites';
import { checkStoredRecord } from './io/check-stored-record';
import { parseTechnologies } from './io/parse-technologies';
import { technologyList, technologyListOf } from './technology-list';
import { TECHNOLOGIES, type Technology } from './types';

describe('technologyList', () => {
  it('gives the technologies in order, one frozen list shared by equal sets', () => {
    const list = technologyList(new Set<Technology>(['5G', '2G', '4G']));
    expect(list).toEqual(['2G', '4G', '5G']);
    expect(technologyList(new Set<Technology>(['4G', '5G', '2G']))).toBe(list);
    expect(technologyList(new Set<Technology>(['4G']))).not.toBe(list);
    expect(Object.isFrozen(list)).toBe(true);
    expect(() => (list as Technology[]).push('3G')).toThrow(TypeError);
  });

  it('is the same shared list from a record\'s list, in any order and with repeats', () => {
    for (let mask = 0; mask < 1 << TECHNOLOGIES.length; mask++) {
      const present = TECHNOLOGIES.filter((_, bit) => (mask & (1 << bit)) !== 0);
      const shuffled = [...present].reverse().concat(present.slice(0, 1));
      expect(technologyListOf(shuffled)).toBe(technologyList(new Set(present)));
    }
  });

  // A million records or sites hold a few lists: one array each, not one per record.
  it('is what parsed, stored and merged records share', () => {
    const parsed = [parseTechnologies('LTE;5G').technologies, parseTechnologies('5G, 4G').technologies];
    expect(parsed[1]).toBe(parsed[0]);
    const stored = ['A', 'B'].map((siteId) => checkStoredRecord('btsRecord', { siteId, operator: 'Viettel', lng: 105.9, lat: 9.6, technologies: ['5G', '4G'] }));
    expect(stored.map((check) => (check.ok ? check.record.technologies : null))).toEqual([parsed[0], parsed[0]]);
    expect(stored[0].ok && stored[0].record.technologies).toBe(parsed[0]);
    const sites = clusterSites(
      [
        { siteId: 'A', operator: 'Viettel', lng: 105.9, lat: 9.6, technologies: ['4G', '5G'] },
        { siteId: 'B', operator: 'Viettel', lng: 106.0, lat: 9.6, technologies: ['5G', '4G'] },
      ],
      30,
    );
    expect(sites).toHaveLength(2);
    expect(sites[1].technologies).toBe(sites[0].technologies);
    expect(sites[1].operators).toBe(sites[0].operators);
    expect(sites[0].technologies).toBe(parsed[0]);
  });
});
