import { TECHNOLOGIES, type Technology } from './types';

// A million site records or sites hold a handful of distinct technology lists. Each list is made once,
// frozen (no record may change a list it shares) and handed to every record or site that has it,
// instead of a million arrays; a structured clone to or from a worker keeps the sharing.
const LISTS = new Map<number, Technology[]>();

/**
 * The technologies of `found` in the canonical order (2G, 3G, 4G, 5G), as one shared, frozen list.
 * @param found the technologies present
 * @returns the shared list (the same array for the same technologies)
 * @example technologyList(new Set(['5G', '4G'])) // ['4G', '5G']
 */
export function technologyList(found: ReadonlySet<Technology>): Technology[] {
  let mask = 0;
  TECHNOLOGIES.forEach((technology, bit) => {
    if (found.has(technology)) mask |= 1 << bit;
  });
  let list = LISTS.get(mask);
  if (list === undefined) {
    list = Object.freeze(TECHNOLOGIES.filter((technology) => found.has(technology))) as Technology[];
    LISTS.set(mask, list);
  }
  return list;
}
