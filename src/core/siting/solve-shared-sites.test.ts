// The shared-site ratio in the minimum-set model: hand-made cases whose answer follows from
// reasoning, and the exact solver against brute force (every subset of ≤ 10 candidates) on random
// problems with a ratio to reach, merging candidates and preference groups.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSelection, greedyCover } from './greedy-cover';
import { countSharing, isSharingMet } from './sharing-requirement';
import { solveMinSet } from './solve-min-set';
import type { CoverProblem, HighsLike, SharingRequirement } from './siting-types';

const SEED = 20261201;
let highs: HighsLike;

beforeAll(async () => {
  highs = await (await import('highs')).default();
});

function sharing(patch: Partial<SharingRequirement> & Pick<SharingRequirement, 'candidateHost'>): SharingRequirement {
  const count = patch.candidateHost.length;
  return { sitesBefore: 10, sharedBefore: 3, share: 0.3, comparator: '>=', candidateNewSites: Array(count).fill(0), candidateNewShared: Array(count).fill(0), conflicts: [], ...patch };
}

describe('isSharingMet', () => {
  it('compares as the plan’s KPI does: "over 30 %" is not met at exactly 30 %', () => {
    expect(isSharingMet({ share: 0.3, comparator: '>' }, { sites: 10, shared: 3 })).toBe(false);
    expect(isSharingMet({ share: 0.3, comparator: '>=' }, { sites: 10, shared: 3 })).toBe(true);
    expect(isSharingMet({ share: 0.3, comparator: '>' }, { sites: 10, shared: 4 })).toBe(true);
  });
});

describe('solveMinSet with a shared-site ratio', () => {
  it('finds the fewest sites where greedy, blind to what a single-operator tower does to the ratio, pays more', () => {
    // 10 sites, 3 shared (30 %, met as it stands). Four hamlets to cover. N, a new tower of one
    // operator (weight 1.5), covers all four; upgrades U1 (e1, e2) and U2 (e3, e4) weigh 1 each.
    // N alone leaves 3 of 11 shared (27 %), so it needs an upgrade besides: 2.5. U1 + U2 cover
    // everything and make 5 of 10 shared: 2. Greedy takes N first (4 per 1.5 beats 2 per 1).
    const problem: CoverProblem = {
      candidateWeights: [1.5, 1, 1],
      elementValues: [1, 1, 1, 1],
      elementGroups: [0, 0, 0, 0],
      coveredBy: [[0, 1], [0, 1], [0, 2], [0, 2]],
      groupRequired: [4],
      sharing: sharing({ candidateHost: [-1, 0, 1], candidateNewSites: [1, 0, 0] }),
    };
    const greedy = greedyCover(problem, 'min-set');
    expect(greedy).toMatchObject({ selected: [0, 1], objective: 2.5, status: { code: 'greedy' } });
    expect(solveMinSet(problem, highs)).toMatchObject({ selected: [1, 2], objective: 2, optimal: true, status: { code: 'optimal' } });
  });

  it('counts a site once however many operators join it, and needs one site more for "over"', () => {
    // 3 of 10 shared; "over 30 %" needs a fourth. Two upgrades of the same site (hosts 0, 0) make one.
    const problem: CoverProblem = {
      candidateWeights: [1, 1, 1],
      elementValues: [],
      elementGroups: [],
      coveredBy: [],
      groupRequired: [],
      sharing: sharing({ candidateHost: [0, 0, 1], comparator: '>' }),
    };
    expect(countSharing(problem.sharing!, [0, 1])).toEqual({ sites: 10, shared: 4 });
    const exact = solveMinSet(problem, highs);
    expect(exact).toMatchObject({ objective: 1, method: 'exact', optimal: true });
    expect(evaluateSelection(problem, exact.selected).sharing).toEqual({ sites: 10, shared: 4, isMet: true });
  });

  it('keeps apart new towers that would merge into one site', () => {
    // 3 of 10 shared; "over 40 %": one shared tower gives 4 of 11 (36 %), two give 5 of 12 (42 %).
    // Towers 0 and 1 would stand within the co-location distance (one site), so two others are needed.
    const problem: CoverProblem = {
      candidateWeights: [3, 3, 3],
      elementValues: [],
      elementGroups: [],
      coveredBy: [],
      groupRequired: [],
      sharing: sharing({ candidateHost: [-1, -1, -1], candidateNewSites: [1, 1, 1], candidateNewShared: [1, 1, 1], share: 0.4, comparator: '>', conflicts: [[0, 1]] }),
    };
    const exact = solveMinSet(problem, highs);
    expect(exact).toMatchObject({ objective: 6, optimal: true });
    expect(exact.selected).toContain(2);
    expect(evaluateSelection(problem, [0, 1]).meetsRequirement).toBe(false);
    expect(greedyCover(problem, 'min-set').selected).toContain(2);
  });

  it('among the fewest upgrades, prefers those covering the most of the operators’ uncovered hamlets', () => {
    // Two of the three upgrades are needed (3 of 10 shared, "over 40 %" needs 5). Preference sets:
    // A = {2, 3, 4, 5}, B = {1, 2, 3}, C = {4, 5, 6}: B + C covers six, A with either five. Greedy takes A first.
    const sets = [[2, 3, 4, 5], [1, 2, 3], [4, 5, 6]];
    const problem: CoverProblem = {
      candidateWeights: [1, 1, 1],
      elementValues: [1, 1, 1, 1, 1, 1],
      elementGroups: [0, 0, 0, 0, 0, 0],
      coveredBy: Array.from({ length: 6 }, (_, e) => sets.flatMap((set, c) => (set.includes(e + 1) ? [c] : []))),
      groupRequired: [0],
      groupIsPreference: [true],
      sharing: sharing({ candidateHost: [0, 1, 2], share: 0.4, comparator: '>' }),
    };
    const greedy = greedyCover(problem, 'min-set');
    expect(greedy.objective).toBe(2);
    expect(evaluateSelection(problem, greedy.selected).preferenceValue).toBe(5);
    const exact = solveMinSet(problem, highs, { timeLimitSeconds: 10 });
    expect(exact).toMatchObject({ selected: [1, 2], objective: 2, optimal: true, preference: { value: 6, isOptimal: true } });
  });
});

/** A random problem with a ratio: ≤ 9 candidates (upgrades of ≤ 4 sites, new shared or single towers), ≤ 8 elements, a conflict or two. */
const sharedProblem = fc
  .record({
    candidates: fc.integer({ min: 1, max: 9 }),
    elements: fc.integer({ min: 0, max: 8 }),
    bits: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 64, maxLength: 64 }),
    requiredShare: fc.double({ min: 0, max: 1, noNaN: true }),
    share: fc.constantFrom(0.2, 0.3, 0.35, 0.5),
    comparator: fc.constantFrom('>' as const, '>=' as const),
    hasPreference: fc.boolean(),
  })
  .map(({ candidates, elements, bits, requiredShare, share, comparator, hasPreference }): CoverProblem => {
    let k = 0;
    const next = () => bits[k++ % bits.length] + k * 7919;
    const kinds = Array.from({ length: candidates }, () => next() % 3); // 0 upgrade, 1 shared tower, 2 single tower
    const coveredBy = Array.from({ length: elements }, () => Array.from({ length: candidates }, (_, c) => c).filter(() => next() % 3 === 0));
    const elementGroups = Array.from({ length: elements }, (_, e) => (hasPreference && e % 2 === 1 ? 1 : 0));
    const coverable = coveredBy.reduce((sum, list, e) => sum + (list.length > 0 && elementGroups[e] === 0 ? 1 : 0), 0);
    const conflicts: [number, number][] = [];
    for (let a = 0; a < candidates; a++) for (let b = a + 1; b < candidates; b++) if (kinds[a] > 0 && kinds[b] > 0 && next() % 7 === 0) conflicts.push([a, b]);
    return {
      candidateWeights: kinds.map((kind) => (kind === 0 ? 1 : 3)),
      elementValues: coveredBy.map(() => 1),
      elementGroups,
      coveredBy,
      groupRequired: hasPreference ? [Math.ceil(coverable * requiredShare), 0] : [Math.ceil(coverable * requiredShare)],
      ...(hasPreference ? { groupIsPreference: [false, true] } : {}),
      sharing: {
        sitesBefore: 6 + (next() % 6),
        sharedBefore: next() % 3,
        share,
        comparator,
        candidateHost: kinds.map((kind) => (kind === 0 ? next() % 4 : -1)),
        candidateNewSites: kinds.map((kind) => (kind === 0 ? 0 : 1)),
        candidateNewShared: kinds.map((kind) => (kind === 1 ? 1 : 0)),
        conflicts,
      },
    };
  });

function bruteForce(problem: CoverProblem): { weight: number; preference: number } | null {
  let best: { weight: number; preference: number } | null = null;
  const count = problem.candidateWeights.length;
  for (let mask = 0; mask < 1 << count; mask++) {
    const subset = Array.from({ length: count }, (_, c) => c).filter((c) => mask & (1 << c));
    const value = evaluateSelection(problem, subset);
    if (!value.meetsRequirement) continue;
    if (!best || value.weight < best.weight - 1e-9 || (Math.abs(value.weight - best.weight) <= 1e-9 && value.preferenceValue > best.preference)) best = { weight: value.weight, preference: value.preferenceValue };
  }
  return best;
}

describe('solveMinSet with a ratio (property)', () => {
  it('equals brute force: the least weight, then the most preference value; greedy is never lighter', () => {
    fc.assert(
      fc.property(sharedProblem, (problem) => {
        const best = bruteForce(problem);
        fc.pre(best !== null);
        const exact = solveMinSet(problem, highs, { timeLimitSeconds: 10 });
        const value = evaluateSelection(problem, exact.selected);
        expect(value.meetsRequirement).toBe(true);
        expect(exact.optimal).toBe(true);
        expect(exact.objective).toBeCloseTo(best!.weight, 9);
        if (problem.groupIsPreference) expect(value.preferenceValue).toBe(best!.preference);
        const greedy = greedyCover(problem, 'min-set');
        if (greedy.status.code === 'greedy') expect(greedy.objective).toBeGreaterThanOrEqual(exact.objective - 1e-9);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
