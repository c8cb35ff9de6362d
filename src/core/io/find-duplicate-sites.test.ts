import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BtsRecord, Technology } from '../types';
import { findDuplicateSites, mergeSites } from './find-duplicate-sites';
import { combineInputFiles } from './parse-input-file';

const site = (siteId: string, operator: string, lng: number, lat: number, technologies: Technology[] = ['4G']): BtsRecord => ({ siteId, operator, lng, lat, technologies });
const layer = [site('ST01', 'Viettel', 105.9, 9.6), site('ST02', 'Viettel', 105.91, 9.61), site('ST01', 'MobiFone', 105.9, 9.6)];

describe('findDuplicateSites / mergeSites', () => {
  it('finds every site of a list added twice, and tells codes from identical records', () => {
    expect(findDuplicateSites(layer, layer)).toEqual({ sameIdCount: 3, identicalCount: 3, count: 3, examples: ['ST01', 'ST02', 'ST01'] });
    // Same code, moved: a code duplicate; another code at the same place with the same technologies: identical.
    const incoming = [site(' st02 ', 'Viettel', 105.95, 9.65), site('X9', 'MobiFone', 105.9, 9.6), site('ST02', 'VinaPhone', 105.91, 9.61)];
    expect(findDuplicateSites(layer, incoming)).toEqual({ sameIdCount: 1, identicalCount: 1, count: 2, examples: [' st02 ', 'X9'] });
  });

  it('keeps both, keeps the newer or skips, as chosen', () => {
    const moved = site('ST02', 'Viettel', 105.95, 9.65);
    const fresh = site('ST03', 'Viettel', 105.99, 9.7);
    expect(mergeSites(layer, [moved, fresh], 'keep-both')).toEqual([...layer, moved, fresh]);
    expect(mergeSites(layer, [moved, fresh], 'keep-newer')).toEqual([layer[0], layer[2], moved, fresh]);
    expect(mergeSites(layer, [moved, fresh], 'skip')).toEqual([...layer, fresh]);
  });

  it('adding a list twice with "skip" or "keep the newer" gives the list once (property)', () => {
    const record = fc.record({ siteId: fc.constantFrom('A', 'B', 'C', 'D'), operator: fc.constantFrom('Viettel', 'MobiFone'), lng: fc.constantFrom(105.9, 105.95), lat: fc.constantFrom(9.6, 9.65), technologies: fc.constant<Technology[]>(['4G']) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.array(record, { maxLength: 12 }), (first, second) => {
        const once = mergeSites([], first, 'skip');
        expect(mergeSites(once, first, 'skip')).toEqual(once);
        const newer = mergeSites(first, second, 'keep-newer');
        for (const incoming of second) expect(newer).toContain(incoming);
        const skipped = mergeSites(first, second, 'skip');
        expect(skipped.length).toBe(first.length + second.length - findDuplicateSites(first, second).count);
      }),
      { numRuns: 200, seed: 10 },
    );
  });

  it('warns when a later file gives sites an earlier one gave (the command line keeps both)', () => {
    const file = (name: string) => ({ input: { btsRecords: layer }, demo: false, summaries: [{ file: name, kind: 'sites' as const, rowsRead: 3, rowsUsed: 3, skipped: [], warnings: [] }] });
    const combined = combineInputFiles([file('a.csv'), file('b.csv')]);
    expect(combined.input.btsRecords).toHaveLength(6);
    expect(combined.summaries[0].warnings).toEqual([]);
    expect(combined.summaries[1].warnings[0]).toMatchObject({ code: 'sites-already-given', where: 'b.csv', params: { count: 3, sameId: 3, identical: 3 } });
  });
});
