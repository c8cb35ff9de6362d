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
 * Builds a packed Hilbert R-tree (flatbush) over `count` bounding boxes.
 * @param count number of boxes
 * @param boxOf writes box i as west, south, east, north (degrees) into `out`
 * @param allocate where the tree lives (e.g. `(bytes) => new SharedArrayBuffer(bytes)` to share it
 *   with worker threads); an ordinary ArrayBuffer by default
 * @returns an index whose `search` returns box numbers
 * @example buildBoxIndex(1, (i, out) => out.set([0, 0, 1, 1])).search(0.5, 0.5, 2, 2) // [0]
 */
export function buildBoxIndex(count: number, boxOf: (i: number, out: Float64Array) => void, allocate?: (bytes: number) => ArrayBufferLike): BoxIndex {
  if (count === 0) return EMPTY_INDEX;
  // flatbush takes a buffer constructor; adapt the allocator to one.
  const BufferType = allocate ? (function (this: unknown, bytes: number) { return allocate(bytes); } as unknown as ArrayBufferConstructor) : ArrayBuffer;
  const index = new Flatbush(count, 16, Float64Array, BufferType);
  const box = new Float64Array(4);
  for (let i = 0; i < count; i++) {
    boxOf(i, box);
    index.add(box[0], box[1], box[2], box[3]);
  }
  index.finish();
  return wrap(index);
}

/**
 * Reopens an index from its packed tree (no copy), e.g. in a worker thread.
 * @param data `BoxIndex.data` of an index built elsewhere, or null for an empty index
 * @returns the same index
 * @example boxIndexFromData(buildBoxIndex(1, (i, out) => out.set([0, 0, 1, 1])).data).search(0, 0, 1, 1) // [0]
 */
export function boxIndexFromData(data: ArrayBufferLike | null): BoxIndex {
  return data ? wrap(Flatbush.from(data)) : EMPTY_INDEX;
}
