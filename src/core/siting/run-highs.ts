import type { HighsLike, SolverOptions } from './siting-types';

/** The outcome of one HiGHS run, by column name. */
export interface HighsRun {
  /** `optimal`, `time-limit`, `infeasible`, … (from the model status code). */
  status: string;
  optimal: boolean;
  /** A primal feasible solution is available. */
  hasSolution: boolean;
  objective: number;
  /** HiGHS' proven bound on the objective (`mip_dual_bound`), when it has one. */
  bound: number | null;
  /** HiGHS' relative gap (`mip_gap`), when it has one. */
  gap: number | null;
  /** Values of the requested columns, in their order (0 without a solution). */
  values: Float64Array;
}

// NOTE: codes of the HiGHS C API (`highs.constants.modelStatus`), stable across versions.
const STATUS_NAMES: Record<number, string> = {
  7: 'optimal',
  8: 'infeasible',
  9: 'unbounded-or-infeasible',
  10: 'unbounded',
  13: 'time-limit',
  14: 'iteration-limit',
  16: 'solution-limit',
  17: 'interrupted',
};
const STATUS_OPTIMAL = 7;
/** `primal_solution_status` = feasible. */
const SOLUTION_FEASIBLE = 2;

function readInfo(read: () => number | bigint): number | null {
  try {
    const value = Number(read());
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Writes a linear expression in LP format, `1 x0 + 3 x1 - 1 y2`, a dozen terms to a line.
 * @param terms coefficient and column name pairs
 * @returns the expression text (callers never pass an empty list)
 * @example formatTerms([[1, 'x0'], [-1, 'y0']]) // '1 x0 - 1 y0'
 */
export function formatTerms(terms: [number, string][]): string {
  const parts = terms.map(([coefficient, name], k) => `${k === 0 ? (coefficient < 0 ? '- ' : '') : coefficient < 0 ? '- ' : '+ '}${Math.abs(coefficient)} ${name}`);
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 12) lines.push(parts.slice(k, k + 12).join(' '));
  return lines.join('\n  ');
}

/**
 * Solves an LP-format model with HiGHS, with an optional warm start, and reads back status, bound,
 * gap and the values of the named columns. The model is always disposed (its WebAssembly memory
 * is not garbage-collected).
 * @param highs a loaded HiGHS module
 * @param lpText the model in CPLEX LP format
 * @param columns names of the columns to read back
 * @param warmStart a feasible value per column of `columns`, or null
 * @param options time limit (seconds) and relative gap
 * @returns the run's outcome
 * @throws whatever HiGHS throws for a model it cannot read (callers fall back to greedy)
 * @example runHighs(highs, 'Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd', ['x'], null, {}).values[0] // 1
 */
export function runHighs(highs: HighsLike, lpText: string, columns: string[], warmStart: readonly number[] | null, options: SolverOptions): HighsRun {
  const model = highs.createModel({ format: 'lp', data: lpText });
  try {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSeconds ?? 10, mip_rel_gap: options.relativeGap ?? 0, random_seed: 0 });
    const indices = columns.map((name) => model.getColByName(name));
    if (warmStart) model.setSolution({ indices, values: warmStart });
    model.run();
    const code = model.getModelStatus();
    const hasSolution = readInfo(() => model.info.get('primal_solution_status')) === SOLUTION_FEASIBLE;
    const solution = hasSolution ? model.getSolution().colValue : null;
    return {
      status: STATUS_NAMES[code] ?? `status-${code}`,
      optimal: code === STATUS_OPTIMAL,
      hasSolution,
      objective: hasSolution ? model.getObjectiveValue() : NaN,
      bound: readInfo(() => model.info.get('mip_dual_bound')),
      gap: readInfo(() => model.info.get('mip_gap')),
      values: Float64Array.from(indices, (index) => (solution ? solution[index] : 0)),
    };
  } finally {
    model.dispose();
  }
}
