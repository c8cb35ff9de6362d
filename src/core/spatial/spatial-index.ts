import Flatbush from 'flatbush';

/** A static index of bounding boxes (degrees) that answers box queries with item indices. */
export interface BoxIndex {
  search(minLng: number, minLat: number, maxLng: number, maxLat: number): number[];
}

const EMPTY_INDEX: BoxIndex = { search: () => [] };

/**
 * Builds a packed Hilbert R-tree (flatbush) over bounding boxes given as four columns.
 * @param minLng west edges, degrees
 * @param minLat south edges, degrees
 * @param maxLng east edges, degrees
 * @param maxLat north edges, degrees
 * @returns an index whose `search` returns indices into the columns
 * @example buildBoxIndex([0], [0], [1], [1]).search(0.5, 0.5, 2, 2) // [0]
 */
export function buildBoxIndex(
  minLng: ArrayLike<number>,
  minLat: ArrayLike<number>,
  maxLng: ArrayLike<number>,
  maxLat: ArrayLike<number>,
): BoxIndex {
  const count = minLng.length;
  if (count === 0) return EMPTY_INDEX;
  const index = new Flatbush(count);
  for (let i = 0; i < count; i++) index.add(minLng[i], minLat[i], maxLng[i], maxLat[i]);
  index.finish();
  return { search: (a, b, c, d) => index.search(a, b, c, d) };
}
