/**
 * Appends every item to the target array, one at a time. `target.push(...items)` passes each item
 * as an argument on the call stack and throws "Maximum call stack size exceeded" beyond about
 * 100,000 items (200,000 fibre points, a 200,000-row sheet); this does not.
 * @param target the array to extend (changed in place)
 * @param items the items to add, in order
 * @returns the target
 * @example appendAll(warnings, summary.warnings)
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
