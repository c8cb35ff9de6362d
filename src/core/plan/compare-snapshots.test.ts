import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { haversineMeters } from '../units';
import { compareSnapshots } from './compare-snapshots';
import { snapshotResults as results } from '../../../test/helpers/snapshot-results';


describeGolden('compareSnapshots', (goldenCase) => {
  const input = goldenCase.json() as { before: object; after: object; options: object };
  return compareSnapshots(results(input.before), results(input.after), input.options);
});

describe('compareSnapshots', () => {
  const site = (id: string, lng: number, lat: number) => ({ id, lng, lat, operators: ['Viettel'], technologies: ['4G'], shared: false, recordSiteIds: [id] });

  it('matches a site moved 20 m under a new id, and not one moved past the match distance', () => {
    const moved = 105.97 + 20 / 109_638;
    expect(haversineMeters(105.97, 9.6, moved, 9.6)).toBeCloseTo(20, 0);
    const before = results({ hamlets: [], sites: [site('A', 105.97, 9.6)] });
    const near = compareSnapshots(before, results({ hamlets: [], sites: [site('B', moved, 9.6)] }));
    expect(near.sites.rematched.map((item) => [item.beforeId, item.afterId, item.by])).toEqual([['A', 'B', 'position']]);
    expect(near.sites.added).toEqual([]);
    expect(near.sites.removed).toEqual([]);
    const far = compareSnapshots(before, results({ hamlets: [], sites: [site('B', moved, 9.6)] }), { matchMeters: 15 });
    expect(far.sites.added.map((item) => item.id)).toEqual(['B']);
    expect(far.sites.removed.map((item) => item.id)).toEqual(['A']);
  });

  it('does not depend on the order of the sites', () => {
    const before = [site('A', 106, 9.6), site('B', 106.0001, 9.6)];
    const after = [site('X', 106.00005, 9.6), site('Y', 106.00016, 9.6)];
    const forward = compareSnapshots(results({ hamlets: [], sites: before }), results({ hamlets: [], sites: after }));
    const backward = compareSnapshots(results({ hamlets: [], sites: [...before].reverse() }), results({ hamlets: [], sites: [...after].reverse() }));
    const pairs = (change: typeof forward) => change.sites.rematched.map((item) => `${item.beforeId}→${item.afterId}`).sort();
    expect(pairs(backward)).toEqual(pairs(forward));
    expect(pairs(forward)).toEqual(['A→X', 'B→Y']);
  });
});
