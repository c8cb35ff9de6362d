/** Toggles one value of a filter list; `null` (= all) is kept when every value ends up chosen. */
export function toggleFilterValue<T extends string>(current: T[] | null, all: readonly T[], value: T): T[] | null {
  const chosen = current ?? [...all];
  const next = chosen.includes(value) ? chosen.filter((item) => item !== value) : [...chosen, value];
  return all.every((item) => next.includes(item)) ? null : all.filter((item) => next.includes(item));
}
