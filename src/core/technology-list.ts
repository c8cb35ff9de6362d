import { TECHNOLOGIES, type Technology } from './types';

// A million site records or sites hold a handful of distinct technology lists. Each list is made once,
// frozen (no record may change a list it shares) and handed to every record or site that has it,
// instead of a million arrays; a structured clone to or from a worker keeps the sharing.
const LISTS = new Map<number, Technology[]>();

function listOfMask(mask: number): Technology[] {
  let list = LISTS.get(mask);
  if (list === undefined) {
    list = Object.freeze(TECHNOLOGIES.filter((_, bit) => (mask & (1 << bit)) !== 0)) as Technology[];
    LISTS.set(mask, list);
  }
  return list;
}

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
  return listOfMask(mask);
}

/**
 * `technologyList` of a list that may repeat technologies or hold them in any order (one record's).
 * @param technologies the technologies present, repeats allowed
 * @returns the shared list (the same array as `technologyList(new Set(technologies))`)
 * @example technologyListOf(['5G', '4G', '5G']) // ['4G', '5G']
 */
export function technologyListOf(technologies: readonly Technology[]): Technology[] {
  let mask = 0;
  for (const technology of technologies) {
    const bit = TECHNOLOGIES.indexOf(technology);
    if (bit >= 0) mask |= 1 << bit;
  }
  return listOfMask(mask);
}
