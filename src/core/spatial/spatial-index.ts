import Flatbush from 'flatbush';

/** A static index of bounding boxes (degrees) that answers box queries with item indices. */
export interface BoxIndex {
  search(minLng: number, minLat: number, maxLng: number, maxLat: number): number[];
  /** The packed tree, to rebuild the same index elsewhere with `boxIndexFromData` (null when empty). */
  data: ArrayBufferLike | null;
}

const EMPTY_INDEX: BoxIndex = { search: () => [], data: null };

function wrap(index: Flatbush): BoxIndex {
  return { search: (a, b, c, d) => index.search(a, b, c, d), data: index.data };
}

/**
 * Builds a packed Hilbert R-tree (flatbush) over bounding boxes given as four columns.
 * @param minLng west edges, degrees
 * @param minLat south edges, degrees
 * @param maxLng east edges, degrees
 * @param maxLat north edges, degrees
 * @param allocate where the tree lives (e.g. `(bytes) => new SharedArrayBuffer(bytes)` to share it
 *   with worker threads); an ordinary ArrayBuffer by default
 * @returns an index whose `search` returns indices into the columns
 * @example buildBoxIndex([0], [0], [1], [1]).search(0.5, 0.5, 2, 2) // [0]
 */
export function buildBoxIndex(
  minLng: ArrayLike<number>,
  minLat: ArrayLike<number>,
  maxLng: ArrayLike<number>,
  maxLat: ArrayLike<number>,
  allocate?: (bytes: number) => ArrayBufferLike,
): BoxIndex {
  const count = minLng.length;
  if (count === 0) return EMPTY_INDEX;
  // flatbush takes a buffer constructor; adapt the allocator to one.
  const BufferType = allocate ? (function (this: unknown, bytes: number) { return allocate(bytes); } as unknown as ArrayBufferConstructor) : ArrayBuffer;
  const index = new Flatbush(count, 16, Float64Array, BufferType);
  for (let i = 0; i < count; i++) index.add(minLng[i], minLat[i], maxLng[i], maxLat[i]);
  index.finish();
  return wrap(index);
}

/**
 * Reopens an index from its packed tree (no copy), e.g. in a worker thread.
 * @param data `BoxIndex.data` of an index built elsewhere, or null for an empty index
 * @returns the same index
 * @example boxIndexFromData(buildBoxIndex([0], [0], [1], [1]).data).search(0, 0, 1, 1) // [0]
 */
export function boxIndexFromData(data: ArrayBufferLike | null): BoxIndex {
  return data ? wrap(Flatbush.from(data)) : EMPTY_INDEX;
}
