import type { Position } from '../types';

/**
 * Whether any two edges of the rings cross at a point inside both (a proper crossing: touching at a
 * vertex and collinear overlaps do not count, nor do the two edges that meet at a ring's vertex).
 *
 * A Shamos–Hoey sweep, O(n log n) in the number of edges: edges enter an ordered set (a treap) at their
 * left end and leave it at their right end, and only edges that become neighbours in the set are
 * tested; the leftmost crossing is always between neighbours, so none is missed. At each x, edges that
 * end there leave first (so edges that met at a point already crossing there become neighbours and are
 * tested), then vertical edges are tested against the edges spanning their x, then new edges enter.
 * A 200,000-vertex zig-zag ring is answered in well under a second, where testing every pair of edges
 * with overlapping x-ranges takes hours.
 * @param rings closed rings (first position repeated at the end), any number, e.g. all rings of a MultiPolygon
 * @returns `true` when some pair of edges crosses
 * @throws never
 * @example hasRingCrossing([[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]) // true (a bow-tie)
 */
export function hasRingCrossing(rings: readonly (readonly Position[])[]): boolean {
  const edges = collectEdges(rings);
  const count = edges.ring.length;
  if (count < 2) return false;
  const { lx, ly, rx, ry } = edges;
  // Event order: by x, then leaving (0) before vertical tests (1) before entering (2).
  const eventX = new Float64Array(2 * count);
  const eventKind = new Uint8Array(2 * count);
  const eventEdge = new Int32Array(2 * count);
  let events = 0;
  for (let edge = 0; edge < count; edge += 1) {
    if (lx[edge] === rx[edge]) {
      eventX[events] = lx[edge];
      eventKind[events] = 1;
      eventEdge[events++] = edge;
    } else {
      eventX[events] = lx[edge];
      eventKind[events] = 2;
      eventEdge[events++] = edge;
      eventX[events] = rx[edge];
      eventKind[events] = 0;
      eventEdge[events++] = edge;
    }
  }
  const order = Array.from({ length: events }, (_, index) => index);
  order.sort((a, b) => eventX[a] - eventX[b] || eventKind[a] - eventKind[b] || eventEdge[a] - eventEdge[b]);

  const set = new EdgeTreap(count);
  const crosses = (a: number, b: number): boolean => a >= 0 && b >= 0 && !edges.areAdjacent(a, b) && isProperCrossing(edges, a, b);
  /** Whether edge `edge` lies below point (x, y) (its line passes under it), for an edge spanning x. */
  const isBelowPoint = (edge: number, x: number, y: number): boolean => orient(lx[edge], ly[edge], rx[edge], ry[edge], x, y) > 0;

  for (const event of order) {
    const edge = eventEdge[event];
    const kind = eventKind[event];
    if (kind === 0) {
      const below = set.previous(edge);
      const above = set.next(edge);
      set.remove(edge);
      if (crosses(below, above)) return true;
    } else if (kind === 1) {
      // A vertical edge crosses exactly the spanning edges whose height at its x lies strictly inside it.
      const x = lx[edge];
      const low = Math.min(ly[edge], ry[edge]);
      const high = Math.max(ly[edge], ry[edge]);
      for (let other = set.firstNotBelow((candidate) => isBelowPoint(candidate, x, low)); other >= 0; other = set.next(other)) {
        if (!isBelowPoint(other, x, high)) break;
        if (crosses(edge, other)) return true;
      }
    } else {
      set.insert(edge, (existing) => isAbove(edges, edge, existing));
      if (crosses(edge, set.previous(edge)) || crosses(edge, set.next(edge))) return true;
    }
  }
  return false;
}

interface EdgeList {
  lx: Float64Array;
  ly: Float64Array;
  rx: Float64Array;
  ry: Float64Array;
  ring: Int32Array;
  index: Int32Array;
  ringLength: Int32Array;
  areAdjacent(a: number, b: number): boolean;
}

function collectEdges(rings: readonly (readonly Position[])[]): EdgeList {
  let total = 0;
  for (const ring of rings) total += Math.max(0, ring.length - 1);
  const lx = new Float64Array(total);
  const ly = new Float64Array(total);
  const rx = new Float64Array(total);
  const ry = new Float64Array(total);
  const ringOf = new Int32Array(total);
  const indexOf = new Int32Array(total);
  const lengthOf = new Int32Array(total);
  let edge = 0;
  rings.forEach((ring, ringNumber) => {
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const [ax, ay] = ring[index];
      const [bx, by] = ring[index + 1];
      const isLeftFirst = ax < bx || (ax === bx && ay <= by);
      lx[edge] = isLeftFirst ? ax : bx;
      ly[edge] = isLeftFirst ? ay : by;
      rx[edge] = isLeftFirst ? bx : ax;
      ry[edge] = isLeftFirst ? by : ay;
      ringOf[edge] = ringNumber;
      indexOf[edge] = index;
      lengthOf[edge] = ring.length - 1;
      edge += 1;
    }
  });
  return {
    lx, ly, rx, ry, ring: ringOf, index: indexOf, ringLength: lengthOf,
    areAdjacent(a, b) {
      if (ringOf[a] !== ringOf[b]) return false;
      const gap = Math.abs(indexOf[a] - indexOf[b]);
      return gap <= 1 || gap === lengthOf[a] - 1;
    },
  };
}

/** Whether edge `edge` (entering at its left end) lies above `existing` just right of that end. */
function isAbove(edges: EdgeList, edge: number, existing: number): boolean {
  const { lx, ly, rx, ry } = edges;
  const side = orient(lx[existing], ly[existing], rx[existing], ry[existing], lx[edge], ly[edge]);
  if (side !== 0) return side > 0;
  const turn = orient(lx[existing], ly[existing], rx[existing], ry[existing], rx[edge], ry[edge]);
  if (turn !== 0) return turn > 0;
  return edge > existing;
}

function isProperCrossing(edges: EdgeList, a: number, b: number): boolean {
  const { lx, ly, rx, ry } = edges;
  if (Math.max(ly[a], ry[a]) < Math.min(ly[b], ry[b]) || Math.max(ly[b], ry[b]) < Math.min(ly[a], ry[a])) return false;
  const d1 = orient(lx[a], ly[a], rx[a], ry[a], lx[b], ly[b]);
  const d2 = orient(lx[a], ly[a], rx[a], ry[a], rx[b], ry[b]);
  const d3 = orient(lx[b], ly[b], rx[b], ry[b], lx[a], ly[a]);
  const d4 = orient(lx[b], ly[b], rx[b], ry[b], rx[a], ry[a]);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * An ordered set of edges (a treap with parent links), ordered bottom to top along the sweep line.
 * Nodes are the edges' numbers; removal and neighbours go by node, never by comparing again, because at
 * an edge's right end its order against edges ending at the same point can no longer be computed.
 */
class EdgeTreap {
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly parent: Int32Array;
  private readonly priority: Uint32Array;
  private root = -1;

  constructor(size: number) {
    this.left = new Int32Array(size).fill(-1);
    this.right = new Int32Array(size).fill(-1);
    this.parent = new Int32Array(size).fill(-1);
    this.priority = new Uint32Array(size);
    // A fixed hash for priorities: the same shape on every run, balanced in expectation.
    for (let node = 0; node < size; node += 1) {
      let hash = Math.imul(node + 1, 0x9e3779b1);
      hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
      hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
      this.priority[node] = (hash ^ (hash >>> 16)) >>> 0;
    }
  }

  /** Inserts `node`; `isAbove(existing)` says whether the node goes above an existing node. */
  insert(node: number, isAbove: (existing: number) => boolean): void {
    if (this.root < 0) {
      this.root = node;
      return;
    }
    let current = this.root;
    for (;;) {
      if (isAbove(current)) {
        if (this.right[current] < 0) {
          this.right[current] = node;
          break;
        }
        current = this.right[current];
      } else {
        if (this.left[current] < 0) {
          this.left[current] = node;
          break;
        }
        current = this.left[current];
      }
    }
    this.parent[node] = current;
    while (this.parent[node] >= 0 && this.priority[node] < this.priority[this.parent[node]]) this.rotateUp(node);
  }

  remove(node: number): void {
    while (this.left[node] >= 0 || this.right[node] >= 0) {
      const left = this.left[node];
      const right = this.right[node];
      const child = left < 0 ? right : right < 0 ? left : this.priority[left] < this.priority[right] ? left : right;
      this.rotateUp(child);
    }
    const parent = this.parent[node];
    if (parent < 0) this.root = -1;
    else if (this.left[parent] === node) this.left[parent] = -1;
    else this.right[parent] = -1;
    this.parent[node] = -1;
  }

  next(node: number): number {
    if (this.right[node] >= 0) {
      let current = this.right[node];
      while (this.left[current] >= 0) current = this.left[current];
      return current;
    }
    let current = node;
    let parent = this.parent[current];
    while (parent >= 0 && this.right[parent] === current) {
      current = parent;
      parent = this.parent[current];
    }
    return parent;
  }

  previous(node: number): number {
    if (this.left[node] >= 0) {
      let current = this.left[node];
      while (this.right[current] >= 0) current = this.right[current];
      return current;
    }
    let current = node;
    let parent = this.parent[current];
    while (parent >= 0 && this.left[parent] === current) {
      current = parent;
      parent = this.parent[current];
    }
    return parent;
  }

  /** The lowest node for which `isBelow` is false (`isBelow` is true for a bottom run of the order), or -1. */
  firstNotBelow(isBelow: (node: number) => boolean): number {
    let found = -1;
    let current = this.root;
    while (current >= 0) {
      if (isBelow(current)) current = this.right[current];
      else {
        found = current;
        current = this.left[current];
      }
    }
    return found;
  }

  /** Rotates `node` above its parent, keeping the order. */
  private rotateUp(node: number): void {
    const parent = this.parent[node];
    const grand = this.parent[parent];
    if (this.left[parent] === node) {
      const moved = this.right[node];
      this.left[parent] = moved;
      if (moved >= 0) this.parent[moved] = parent;
      this.right[node] = parent;
    } else {
      const moved = this.left[node];
      this.right[parent] = moved;
      if (moved >= 0) this.parent[moved] = parent;
      this.left[node] = parent;
    }
    this.parent[parent] = node;
    this.parent[node] = grand;
    if (grand < 0) this.root = node;
    else if (this.left[grand] === parent) this.left[grand] = node;
    else this.right[grand] = node;
  }
}
