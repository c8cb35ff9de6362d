// The exact solvers against brute force on tiny instances (every subset of ≤ 10 candidates), and
// greedy never better than exact. HiGHS runs as WebAssembly here, as in the CLI.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSelection, greedyCover } from './greedy-cover';
import { solveBudget } from './solve-budget';
import { solveMinSet } from './solve-min-set';
import type { CoverProblem, HighsLike } from './siting-types';

const SEED = 20261130;
let highs: HighsLike;

beforeAll(async () => {
  highs = await (await import('highs')).default();
});

/** A random problem: ≤ 10 candidates, ≤ 12 elements in 1–2 groups, unit or household values. */
const problemArbitrary = fc
  .record({
    candidates: fc.integer({ min: 1, max: 10 }),
    elements: fc.integer({ min: 1, max: 12 }),
    groups: fc.integer({ min: 1, max: 2 }),
    isHouseholds: fc.boolean(),
    seedBits: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 64, maxLength: 64 }),
    requiredShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ candidates, elements, groups, isHouseholds, seedBits, requiredShare }): CoverProblem => {
    let k = 0;
    const next = () => seedBits[k++ % seedBits.length] + k * 7919;
    const coveredBy = Array.from({ length: elements }, () => Array.from({ length: candidates }, (_, c) => c).filter(() => next() % 3 === 0));
    const elementValues = Array.from({ length: elements }, () => (isHouseholds ? next() % 60 : 1));
    const elementGroups = Array.from({ length: elements }, () => next() % groups);
    const coverable = Array.from({ length: groups }, (_, g) => coveredBy.reduce((sum, list, e) => sum + (list.length > 0 && elementGroups[e] === g ? elementValues[e] : 0), 0));
    return {
      candidateWeights: Array.from({ length: candidates }, () => [1, 3, 2, 5][next() % 4]),
      elementValues,
      elementGroups,
      coveredBy,
      groupRequired: coverable.map((value) => (isHouseholds ? value * requiredShare : Math.ceil(value * requiredShare))),
    };
  });

function subsets(count: number): number[][] {
  return Array.from({ length: 1 << count }, (_, mask) => Array.from({ length: count }, (__, c) => c).filter((c) => mask & (1 << c)));
}

function bruteMinSet(problem: CoverProblem): number {
  let best = Infinity;
  for (const subset of subsets(problem.candidateWeights.length)) {
    const value = evaluateSelection(problem, subset);
    if (value.meetsRequirement) best = Math.min(best, value.weight);
  }
  return best;
}

function bruteBudget(problem: CoverProblem, budget: number): number {
  let best = 0;
  for (const subset of subsets(problem.candidateWeights.length)) {
    if (subset.length <= budget) best = Math.max(best, evaluateSelection(problem, subset).totalValue);
  }
  return best;
}

describe('solveMinSet', () => {
  it('equals brute force on tiny instances, and greedy is never better', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const exact = solveMinSet(problem, highs);
        expect(exact.method).toBe('exact');
        expect(exact.optimal).toBe(true);
        expect(evaluateSelection(problem, exact.selected).meetsRequirement).toBe(true);
        expect(exact.objective).toBeCloseTo(bruteMinSet(problem), 9);
        const greedy = greedyCover(problem, 'min-set');
        expect(evaluateSelection(problem, greedy.selected).meetsRequirement).toBe(true);
        expect(greedy.objective).toBeGreaterThanOrEqual(exact.objective - 1e-9);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('finds the weighted optimum where greedy does not', () => {
    // Greedy takes the big set (3 elements for weight 3) first, then needs both small ones;
    // the optimum is the two small ones alone (weight 2).
    const problem: CoverProblem = {
      candidateWeights: [1.5, 1, 1],
      elementValues: [1, 1, 1, 1],
      elementGroups: [0, 0, 0, 0],
      coveredBy: [[0, 1], [0, 1], [0, 2], [2]],
      groupRequired: [4],
    };
    expect(solveMinSet(problem, highs)).toMatchObject({ selected: [1, 2], objective: 2, optimal: true, gap: 0 });
    expect(greedyCover(problem, 'min-set').objective).toBe(2.5);
  });

  it('falls back to greedy without HiGHS, and when HiGHS throws', () => {
    const problem: CoverProblem = { candidateWeights: [1], elementValues: [1], elementGroups: [0], coveredBy: [[0]], groupRequired: [1] };
    expect(solveMinSet(problem, null)).toMatchObject({ method: 'greedy', selected: [0], optimal: false, gap: null });
    const broken: HighsLike = {
      createModel: () => {
        throw new Error('wasm trap');
      },
    };
    expect(solveMinSet(problem, broken)).toMatchObject({ method: 'greedy', selected: [0], status: { code: 'fallback-failed', params: { reason: 'wasm trap' } } });
  });

  it('reports the gap from the bound when HiGHS stops at its time limit, and keeps greedy when that is better', () => {
    // A stand-in for HiGHS that stops at the time limit (status 13) with a given incumbent and bound.
    const stopped = (incumbent: number[], bound: number): HighsLike => ({
      createModel: () => {
        const columns: string[] = [];
        return {
          options: { set: () => undefined },
          info: { get: (name: string) => (name === 'primal_solution_status' ? 2 : name === 'mip_dual_bound' ? bound : 0.5) },
          setSolution: () => undefined,
          run: () => undefined,
          getModelStatus: () => 13,
          getObjectiveValue: () => 0,
          getSolution: () => ({ colValue: columns.map((name) => incumbent[Number(name.slice(1))]) }),
          getColByName: (name: string) => columns.push(name) - 1,
          dispose: () => undefined,
        };
      },
    });
    const problem: CoverProblem = {
      candidateWeights: [1.5, 1, 1],
      elementValues: [1, 1, 1, 1],
      elementGroups: [0, 0, 0, 0],
      coveredBy: [[0, 1], [0, 1], [0, 2], [2]],
      groupRequired: [4],
    };
    expect(solveMinSet(problem, stopped([0, 1, 1], 1.5))).toMatchObject({ method: 'exact', optimal: false, status: { code: 'time-limit', params: { gap: 0.25 } }, objective: 2, bound: 1.5, gap: 0.25 });
    expect(solveMinSet(problem, stopped([1, 1, 1], 1.6))).toMatchObject({ method: 'greedy', objective: 2.5, status: { code: 'fallback-greedy-better', params: { highsStatus: 'time-limit' } } });
  });

  it('needs nothing when the requirement is already met', () => {
    const problem: CoverProblem = { candidateWeights: [1], elementValues: [1], elementGroups: [0], coveredBy: [[0]], groupRequired: [0] };
    expect(solveMinSet(problem, highs)).toMatchObject({ selected: [], objective: 0, optimal: true });
  });
});

describe('solveBudget', () => {
  it('equals brute force on tiny instances, and greedy is never better', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 0, max: 4 }), (problem, budget) => {
        const exact = solveBudget(problem, budget, highs);
        expect(exact.selected.length).toBeLessThanOrEqual(budget);
        expect(exact.optimal).toBe(true);
        expect(exact.objective).toBeCloseTo(bruteBudget(problem, budget), 9);
        const greedy = greedyCover(problem, 'budget', budget);
        expect(greedy.selected.length).toBeLessThanOrEqual(budget);
        expect(greedy.objective).toBeLessThanOrEqual(exact.objective + 1e-9);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
