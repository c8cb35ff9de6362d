/**
 * Ranking a proposal set by what each proposal adds, and crediting each newly covered hamlet to
 * one proposal. The same rule ranks the solver's answer and any set the planner edited.
 */

/** What the ranking needs: per proposal, the newly covered elements it covers alone and reaches. */
export interface RankingInput {
  /** Cost weight of each proposal (an upgrade is cheaper than a new tower). */
  weights: number[];
  /** Per proposal: newly covered elements it brings to covered on its own. */
  alone: number[][];
  /** Per proposal: newly covered elements its disc reaches (covered only together with others). */
  reach: number[][];
  /** Value of each element: 1 (a hamlet) or its households (zero still counts a hair). */
  elementValues: number[];
  /** Per element: true for a preference element (counted after the target elements). */
  elementIsPreference: boolean[];
}

/** The ranking: proposal indices in rank order, and the elements credited to each proposal. */
export interface Ranking {
  order: number[];
  credited: number[][];
}

const TIE = 1e-12;

/**
 * Ranks proposals: repeatedly the one that newly covers the most still-uncredited value on its
 * own (target elements first, then preference elements), then — for elements no proposal covers
 * alone — the most value among those it reaches; ties go to the lower weight, then to the earlier
 * proposal. An element is credited to the first proposal in rank order that covers it alone, else
 * to the first that reaches it.
 * @param input weights, per-proposal elements covered alone and reached, element values and kinds
 * @returns the order and the credited elements per proposal (in input order)
 * @example rankByGain({ weights: [3, 1], alone: [[0], [0, 1]], reach: [[], []], elementValues: [1, 1], elementIsPreference: [false, false] }).order // [1, 0]
 */
export function rankByGain(input: RankingInput): Ranking {
  const count = input.weights.length;
  const isAlone = new Uint8Array(input.elementValues.length);
  for (const list of input.alone) for (const element of list) isAlone[element] = 1;
  const isTaken = new Uint8Array(input.elementValues.length);
  const value = (element: number) => Math.max(input.elementValues[element], 1e-9);
  const left = Array.from({ length: count }, (_, p) => p);
  const order: number[] = [];
  while (left.length > 0) {
    let bestK = 0;
    let best: [number, number, number] = [-1, -1, -1];
    left.forEach((p, k) => {
      const score: [number, number, number] = [0, 0, 0];
      for (const element of input.alone[p]) if (!isTaken[element]) score[input.elementIsPreference[element] ? 1 : 0] += value(element);
      for (const element of input.reach[p]) if (!isAlone[element] && !isTaken[element]) score[2] += value(element);
      const current = left[bestK];
      const compare = score[0] - best[0] || score[1] - best[1] || score[2] - best[2];
      if (compare > TIE || (Math.abs(compare) <= TIE && input.weights[p] < input.weights[current])) {
        bestK = k;
        best = score;
      }
    });
    const p = left.splice(bestK, 1)[0];
    order.push(p);
    for (const element of input.alone[p]) isTaken[element] = 1;
    for (const element of input.reach[p]) if (!isAlone[element]) isTaken[element] = 1;
  }
  const credited: number[][] = input.weights.map(() => []);
  const owner = new Int32Array(input.elementValues.length).fill(-1);
  for (const p of order) for (const element of input.alone[p]) if (owner[element] < 0) owner[element] = p;
  for (const p of order) for (const element of input.reach[p]) if (owner[element] < 0) owner[element] = p;
  owner.forEach((p, element) => {
    if (p >= 0) credited[p].push(element);
  });
  return { order, credited };
}
