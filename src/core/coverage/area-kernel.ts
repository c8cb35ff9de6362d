import { SHAPE_CAPSULE, SHAPE_DISC, type CoverageShapes } from './coverage-shapes';

/**
 * The hamlet–shape area kernel: the exact area of a hamlet covered by the union of each layer's
 * shapes.
 *
 * Each hamlet gets its own local metric frame (equirectangular on the WGS84 ellipsoid, centred on
 * its bounding box, so distortion over a few kilometres is far below a metre). In that plane the
 * covered region of a layer, hamlet ∩ (union of the layer's shapes), is bounded by two kinds of
 * pieces: stretches of hamlet edges that lie inside some shape, and stretches of shape boundaries
 * (circle arcs, sector radii, the straight sides of fibre-route capsules) that lie inside the
 * hamlet and inside no other shape of the layer. Its area is ½∮(x dy − y dx) over those pieces
 * (Green's theorem), each integral in closed form: a segment gives its cross product, an arc
 * r²Δθ plus two cross terms. Nothing is sampled, so the only error is floating-point rounding, and
 * adding a shape can only add covered area.
 *
 * Where boundaries coincide (two operators on one mast: the same circle, or sectors sharing a
 * radius), one of them is kept by index: a piece lying on another shape's equal piece counts as
 * covered by it when that shape comes first, and a radius shared by two sectors on opposite sides
 * counts as covered by both. Hamlet rings are walked with the inside on the left (see
 * `prepareHamlets`); inside or outside of a hamlet is the even–odd rule.
 */

const TWO_PI = 2 * Math.PI;
/** Circles closer than this in centre and radius are one circle (co-located records). */
const SAME_CIRCLE_METERS = 1e-6;
/** A segment whose two ends are within this of a line lies on it. */
const ON_LINE_METERS = 1e-6;
const EPSILON = 1e-12;
/** Edges per run of `EdgeIndex.chains`, and the margin by which a run must clear a circle to be decided whole. */
const CHAIN = 8;
const CHAIN_MARGIN_METERS = 1e-6;
/** Pseudo-angles run from 0 (east) to 4 (east again), counter-clockwise; see `pseudoAngle`. */
const TURN = 4;

/** A hamlet projected into its local frame, ready for the kernel (see `prepareHamlets`). */
export interface PreparedHamlet {
  lng0: number;
  lat0: number;
  /** Metres per degree of longitude / latitude at lat0. */
  kx: number;
  ky: number;
  /** Rings as interleaved x,y in metres from the frame's centre, closed (first = last); float32 is
   * finer than a millimetre over a 20 km hamlet. */
  rings: Float32Array[];
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /** Bounding box in degrees: minLng, minLat, maxLng, maxLat. */
  bbox: [number, number, number, number];
  /** Planar area in the local frame (holes subtracted), m². */
  areaM2: number;
}

/** Reusable buffers, so the kernel allocates nothing per hamlet once warmed up. */
export class KernelScratch {
  capacity = 0;
  count = 0;
  kind = new Uint8Array(0);
  x1 = new Float64Array(0);
  y1 = new Float64Array(0);
  x2 = new Float64Array(0);
  y2 = new Float64Array(0);
  radius = new Float64Array(0);
  sin1 = new Float64Array(0);
  cos1 = new Float64Array(0);
  sin2 = new Float64Array(0);
  cos2 = new Float64Array(0);
  mask = new Uint32Array(0);
  /** Candidate bounding boxes in the frame. */
  boxMinX = new Float64Array(0);
  boxMaxX = new Float64Array(0);
  boxMinY = new Float64Array(0);
  boxMaxY = new Float64Array(0);
  /** Candidates the current layers use, in candidate order. */
  active = new Int32Array(0);
  activeCount = 0;

  /** The hamlet whose edges are indexed below (edges are re-indexed only for a new hamlet). */
  edgeHamlet: PreparedHamlet | null = null;
  edges = new EdgeIndex();

  /** Stretches of hamlet edges inside a shape: edge, parameter range, the shape's layers. */
  pairCount = 0;
  pairEdge = new Int32Array(256);
  pairLo = new Float64Array(256);
  pairHi = new Float64Array(256);
  pairMask = new Uint32Array(256);
  pairOrder = new Int32Array(256);
  edgePairs = new Int32Array(64);

  /** Parameter ranges of the current boundary piece covered by other shapes, with their layers. */
  coverCount = 0;
  coverLo = new Float64Array(64);
  coverHi = new Float64Array(64);
  coverMask = new Uint32Array(64);

  /** Split parameters of the current piece, and the parts of it inside the hamlet. */
  splitCount = 0;
  splits = new Float64Array(64);
  insideCount = 0;
  insideLo = new Float64Array(32);
  insideHi = new Float64Array(32);

  /** Twice the covered area per layer. */
  twiceArea = new Float64Array(32);

  reserve(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(size, this.capacity * 2, 64);
    const grow = <T extends Float64Array | Uint32Array | Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.count) as never);
      return next;
    };
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.x1 = grow(this.x1, (n) => new Float64Array(n));
    this.y1 = grow(this.y1, (n) => new Float64Array(n));
    this.x2 = grow(this.x2, (n) => new Float64Array(n));
    this.y2 = grow(this.y2, (n) => new Float64Array(n));
    this.radius = grow(this.radius, (n) => new Float64Array(n));
    this.sin1 = grow(this.sin1, (n) => new Float64Array(n));
    this.cos1 = grow(this.cos1, (n) => new Float64Array(n));
    this.sin2 = grow(this.sin2, (n) => new Float64Array(n));
    this.cos2 = grow(this.cos2, (n) => new Float64Array(n));
    this.mask = grow(this.mask, (n) => new Uint32Array(n));
    this.boxMinX = grow(this.boxMinX, (n) => new Float64Array(n));
    this.boxMaxX = grow(this.boxMaxX, (n) => new Float64Array(n));
    this.boxMinY = grow(this.boxMinY, (n) => new Float64Array(n));
    this.boxMaxY = grow(this.boxMaxY, (n) => new Float64Array(n));
    this.active = new Int32Array(capacity);
    this.capacity = capacity;
  }

  pushPair(edge: number, lo: number, hi: number, mask: number): void {
    if (this.pairCount === this.pairEdge.length) this.growPairs();
    const k = this.pairCount++;
    this.pairEdge[k] = edge;
    this.pairLo[k] = lo;
    this.pairHi[k] = hi;
    this.pairMask[k] = mask;
  }

  growPairs(): void {
    this.pairEdge = grown(this.pairEdge, new Int32Array(2 * this.pairCount));
    this.pairLo = grown(this.pairLo, new Float64Array(2 * this.pairCount));
    this.pairHi = grown(this.pairHi, new Float64Array(2 * this.pairCount));
    this.pairMask = grown(this.pairMask, new Uint32Array(2 * this.pairCount));
    this.pairOrder = new Int32Array(2 * this.pairCount);
  }

  /** Adds a covered range of pseudo-angles or segment parameters; a range that wraps past east is two. */
  pushCover(lo: number, hi: number, mask: number): void {
    if (this.coverCount + 2 > this.coverLo.length) this.growCovers();
    let k = this.coverCount;
    if (lo > hi) {
      this.coverLo[k] = 0;
      this.coverHi[k] = hi;
      this.coverMask[k++] = mask;
      hi = TURN;
    }
    this.coverLo[k] = lo;
    this.coverHi[k] = hi;
    this.coverMask[k++] = mask;
    this.coverCount = k;
  }

  growCovers(): void {
    this.coverLo = grown(this.coverLo, new Float64Array(2 * this.coverLo.length));
    this.coverHi = grown(this.coverHi, new Float64Array(2 * this.coverHi.length));
    this.coverMask = grown(this.coverMask, new Uint32Array(2 * this.coverMask.length));
  }

  pushSplit(value: number): void {
    if (this.splitCount === this.splits.length) this.growSplits();
    this.splits[this.splitCount++] = value;
  }

  growSplits(): void {
    this.splits = grown(this.splits, new Float64Array(2 * this.splitCount));
  }

  pushInside(lo: number, hi: number): void {
    if (this.insideCount > 0 && this.insideHi[this.insideCount - 1] === lo) {
      this.insideHi[this.insideCount - 1] = hi;
      return;
    }
    if (this.insideCount === this.insideLo.length) this.growInside();
    this.insideLo[this.insideCount] = lo;
    this.insideHi[this.insideCount++] = hi;
  }

  growInside(): void {
    this.insideLo = grown(this.insideLo, new Float64Array(2 * this.insideCount));
    this.insideHi = grown(this.insideHi, new Float64Array(2 * this.insideCount));
  }

  /** Appends shapes (by index) to the candidate list, projected into the hamlet's frame. */
  addCandidates(hamlet: PreparedHamlet, shapes: CoverageShapes, indices: ArrayLike<number>): void {
    this.reserve(this.count + indices.length);
    const { lng0, lat0, kx, ky } = hamlet;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k];
      const c = this.count++;
      const kind = shapes.kind[i];
      const x = (shapes.lng[i] - lng0) * kx;
      const y = (shapes.lat[i] - lat0) * ky;
      this.kind[c] = kind;
      this.x1[c] = x;
      this.y1[c] = y;
      this.radius[c] = shapes.radiusMeters[i];
      this.mask[c] = shapes.mask[i];
      if (kind === SHAPE_DISC) {
        this.x2[c] = x;
        this.y2[c] = y;
        continue;
      }
      const row = 4 * shapes.detailRow[i];
      if (kind === SHAPE_CAPSULE) {
        this.x2[c] = (shapes.detail[row] - lng0) * kx;
        this.y2[c] = (shapes.detail[row + 1] - lat0) * ky;
      } else {
        this.x2[c] = x;
        this.y2[c] = y;
        this.sin1[c] = shapes.detail[row];
        this.cos1[c] = shapes.detail[row + 1];
        this.sin2[c] = shapes.detail[row + 2];
        this.cos2[c] = shapes.detail[row + 3];
      }
    }
    // Boxes: a sector's is its disc's (loose, never too small); a capsule's covers both ends.
    for (let c = this.count - indices.length; c < this.count; c++) {
      const r = this.radius[c];
      this.boxMinX[c] = Math.min(this.x1[c], this.x2[c]) - r;
      this.boxMaxX[c] = Math.max(this.x1[c], this.x2[c]) + r;
      this.boxMinY[c] = Math.min(this.y1[c], this.y2[c]) - r;
      this.boxMaxY[c] = Math.max(this.y1[c], this.y2[c]) + r;
    }
  }
}

function grown<T extends Float64Array | Int32Array | Uint32Array>(old: T, next: T): T {
  next.set(old as never);
  return next;
}

function containsPoint(s: KernelScratch, c: number, x: number, y: number): boolean {
  const r = s.radius[c];
  if (s.kind[c] === SHAPE_CAPSULE) {
    const dx = s.x2[c] - s.x1[c];
    const dy = s.y2[c] - s.y1[c];
    const length2 = dx * dx + dy * dy;
    const t = length2 > 0 ? Math.max(0, Math.min(1, ((x - s.x1[c]) * dx + (y - s.y1[c]) * dy) / length2)) : 0;
    const ex = x - (s.x1[c] + t * dx);
    const ey = y - (s.y1[c] + t * dy);
    return ex * ex + ey * ey <= r * r;
  }
  const px = x - s.x1[c];
  const py = y - s.y1[c];
  if (px * px + py * py > r * r) return false;
  if (s.kind[c] === SHAPE_DISC) return true;
  return s.sin1[c] * px <= s.cos1[c] * py + EPSILON && s.sin2[c] * px >= s.cos2[c] * py - EPSILON;
}

function containsHamlet(s: KernelScratch, c: number, hamlet: PreparedHamlet): boolean {
  // Cheap reject first: the bounding box's centre must be inside.
  if (!containsPoint(s, c, (hamlet.minX + hamlet.maxX) / 2, (hamlet.minY + hamlet.maxY) / 2)) return false;
  for (const ring of hamlet.rings) {
    for (let i = 0; i < ring.length; i += 2) if (!containsPoint(s, c, ring[i], ring[i + 1])) return false;
  }
  return true;
}


/**
 * A hamlet's edges, bucketed into horizontal bands: each edge is listed in every band its height
 * spans, so the edges near a point or a box are a few bands' lists, not every edge of the hamlet.
 */
class EdgeIndex {
  count = 0;
  ax = new Float64Array(64);
  ay = new Float64Array(64);
  bx = new Float64Array(64);
  by = new Float64Array(64);
  /** cross(a, b) per edge: twice the area its whole length contributes. */
  cross = new Float64Array(64);
  bands = 1;
  bandHeight = 1;
  bandStart = new Int32Array(65);
  /** The bands' entries, band by band: the edge, its box, and the first band it is listed in. */
  bandEdges = new Int32Array(256);
  entryMinX = new Float64Array(256);
  entryMaxX = new Float64Array(256);
  entryMinY = new Float64Array(256);
  entryMaxY = new Float64Array(256);
  entryFirst = new Int32Array(256);
  near = new Int32Array(64);
  nearCount = 0;
  /** The hamlet's box in its frame: minX, maxX, minY, maxY (read here on the hot paths, not from the hamlet). */
  box = new Float64Array(4);
  /**
   * Runs of `CHAIN` consecutive edges, each with a circle around its ends (centre x, y and radius,
   * three numbers per run): a large circle decides a whole run at once when the run lies wholly
   * inside it or wholly outside it.
   */
  chains = new Float64Array(3 * 16);
  chainCount = 0;

  build(hamlet: PreparedHamlet): void {
    let n = 0;
    for (const ring of hamlet.rings) n += Math.max(0, ring.length / 2 - 1);
    if (this.ax.length < n) {
      const size = Math.max(n, 2 * this.ax.length);
      this.ax = new Float64Array(size);
      this.ay = new Float64Array(size);
      this.bx = new Float64Array(size);
      this.by = new Float64Array(size);
      this.cross = new Float64Array(size);
      this.near = new Int32Array(size);
    }
    let e = 0;
    for (const ring of hamlet.rings) {
      for (let i = 0; i + 3 < ring.length; i += 2) {
        const ax = ring[i];
        const ay = ring[i + 1];
        const bx = ring[i + 2];
        const by = ring[i + 3];
        if (ax === bx && ay === by) continue;
        this.ax[e] = ax;
        this.ay[e] = ay;
        this.bx[e] = bx;
        this.by[e] = by;
        this.cross[e] = ax * by - bx * ay;
        e++;
      }
    }
    this.count = e;
    this.buildChains();
    this.box[0] = hamlet.minX;
    this.box[1] = hamlet.maxX;
    this.box[2] = hamlet.minY;
    this.box[3] = hamlet.maxY;
    const height = hamlet.maxY - hamlet.minY;
    this.bands = height > 0 ? Math.max(1, Math.min(256, Math.ceil(e / 3))) : 1;
    this.bandHeight = height > 0 ? height / this.bands : 1;
    if (this.bandStart.length < this.bands + 1) this.bandStart = new Int32Array(2 * this.bands + 1);
    const start = this.bandStart;
    start.fill(0, 0, this.bands + 1);
    let listed = 0;
    for (let k = 0; k < e; k++) {
      const first = this.bandOf(Math.min(this.ay[k], this.by[k]));
      const last = this.bandOf(Math.max(this.ay[k], this.by[k]));
      for (let b = first; b <= last; b++) start[b + 1]++;
      listed += last - first + 1;
    }
    for (let b = 0; b < this.bands; b++) start[b + 1] += start[b];
    if (this.bandEdges.length < listed) {
      const size = 2 * listed;
      this.bandEdges = new Int32Array(size);
      this.entryMinX = new Float64Array(size);
      this.entryMaxX = new Float64Array(size);
      this.entryMinY = new Float64Array(size);
      this.entryMaxY = new Float64Array(size);
      this.entryFirst = new Int32Array(size);
    }
    const fill = this.near.length >= this.bands ? this.near : (this.near = new Int32Array(2 * this.bands));
    for (let b = 0; b < this.bands; b++) fill[b] = start[b];
    for (let k = 0; k < e; k++) {
      const minY = Math.min(this.ay[k], this.by[k]);
      const maxY = Math.max(this.ay[k], this.by[k]);
      const minX = Math.min(this.ax[k], this.bx[k]);
      const maxX = Math.max(this.ax[k], this.bx[k]);
      const first = this.bandOf(minY);
      const last = this.bandOf(maxY);
      for (let b = first; b <= last; b++) {
        const entry = fill[b]++;
        this.bandEdges[entry] = k;
        this.entryMinX[entry] = minX;
        this.entryMaxX[entry] = maxX;
        this.entryMinY[entry] = minY;
        this.entryMaxY[entry] = maxY;
        this.entryFirst[entry] = first;
      }
    }
  }

  private buildChains(): void {
    const count = Math.ceil(this.count / CHAIN);
    if (this.chains.length < 3 * count) this.chains = new Float64Array(6 * count);
    for (let k = 0; k < count; k++) {
      const from = k * CHAIN;
      const to = Math.min(this.count, from + CHAIN);
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (let e = from; e < to; e++) {
        minX = Math.min(minX, this.ax[e], this.bx[e]);
        maxX = Math.max(maxX, this.ax[e], this.bx[e]);
        minY = Math.min(minY, this.ay[e], this.by[e]);
        maxY = Math.max(maxY, this.ay[e], this.by[e]);
      }
      const x = (minX + maxX) / 2;
      const y = (minY + maxY) / 2;
      let far2 = 0;
      for (let e = from; e < to; e++) {
        far2 = Math.max(far2, (this.ax[e] - x) ** 2 + (this.ay[e] - y) ** 2, (this.bx[e] - x) ** 2 + (this.by[e] - y) ** 2);
      }
      this.chains[3 * k] = x;
      this.chains[3 * k + 1] = y;
      this.chains[3 * k + 2] = Math.sqrt(far2) * (1 + 1e-12) + CHAIN_MARGIN_METERS;
    }
    this.chainCount = count;
  }

  bandOf(y: number): number {
    const b = Math.floor((y - this.box[2]) / this.bandHeight);
    return b < 0 ? 0 : b >= this.bands ? this.bands - 1 : b;
  }

  /** Lists in `near` the edges whose boxes meet the box (each once). */
  collect(minX: number, maxX: number, minY: number, maxY: number): number {
    let count = 0;
    const from = this.bandOf(minY);
    const last = this.bandOf(maxY);
    const end = this.bandStart[last + 1];
    // An edge listed in several of the bands is taken in the first of them the box reaches.
    for (let k = this.bandStart[from], b = from, bandEnd = this.bandStart[from + 1]; k < end; k++) {
      while (k >= bandEnd) bandEnd = this.bandStart[++b + 1];
      if (this.entryFirst[k] !== b && b !== from) continue;
      if (this.entryMaxX[k] < minX || this.entryMinX[k] > maxX || this.entryMaxY[k] < minY || this.entryMinY[k] > maxY) continue;
      this.near[count++] = this.bandEdges[k];
    }
    this.nearCount = count;
    return count;
  }

  /** Even–odd point-in-hamlet, from the one band holding the point's height. */
  contains(x: number, y: number): boolean {
    const box = this.box;
    if (y < box[2] || y > box[3] || x < box[0] || x > box[1]) return false;
    const b = this.bandOf(y);
    let inside = false;
    for (let k = this.bandStart[b]; k < this.bandStart[b + 1]; k++) {
      const e = this.bandEdges[k];
      const ay = this.ay[e];
      const by = this.by[e];
      if (ay > y !== by > y && x < this.ax[e] + ((y - ay) * (this.bx[e] - this.ax[e])) / (by - ay)) inside = !inside;
    }
    return inside;
  }
}


/**
 * A monotone stand-in for the angle of (x, y): 0 east, 1 north, 2 west, 3 south, 4 east again,
 * with no trigonometry: 1 − u north of the x-axis and 3 + u south of it, u = x / (|x| + |y|).
 * Written as one expression of `south` (0 or 1) so that no branch depends on the quadrant: the
 * four-way branch was mispredicted about half the time in the circle-pair loop.
 */
function pseudoAngle(x: number, y: number): number {
  const u = x / (Math.abs(x) + Math.abs(y));
  const south = y < 0 ? 1 : 0;
  return 1 + 2 * south + (2 * south - 1) * u;
}

/** A direction (not unit length) whose pseudo-angle is p, 0 ≤ p ≤ 4; x is written to `direction[0]`. */
const direction = new Float64Array(2);
function directionOf(p: number): void {
  if (p < 1) {
    direction[0] = 1 - p;
    direction[1] = p;
  } else if (p < 2) {
    direction[0] = 1 - p;
    direction[1] = 2 - p;
  } else if (p < 3) {
    direction[0] = p - 3;
    direction[1] = 2 - p;
  } else {
    direction[0] = p - 3;
    direction[1] = p - 4;
  }
}

/** The point of circle (cx, cy, r) at pseudo-angle p, written to `point`. */
const point = new Float64Array(2);
function pointOnCircle(cx: number, cy: number, r: number, p: number): void {
  directionOf(p);
  const scale = r / Math.sqrt(direction[0] * direction[0] + direction[1] * direction[1]);
  point[0] = cx + direction[0] * scale;
  point[1] = cy + direction[1] * scale;
}

/** ∮(x dy − y dx) along the arc of circle (cx, cy, r) from pseudo-angle p0 counter-clockwise to p1 ≥ p0. */
function arcTwiceArea(cx: number, cy: number, r: number, p0: number, p1: number): number {
  pointOnCircle(cx, cy, r, p0);
  const x0 = point[0];
  const y0 = point[1];
  pointOnCircle(cx, cy, r, p1);
  const ux = x0 - cx;
  const uy = y0 - cy;
  const vx = point[0] - cx;
  const vy = point[1] - cy;
  const span = p1 - p0;
  let angle = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  if (angle < 0) angle += TWO_PI;
  // The pseudo-angle's quadrant settles rounding at 0 and at a full turn.
  if (span < 1 && angle > 1.5 * Math.PI) angle = 0;
  else if (span > 3 && angle < 0.5 * Math.PI) angle += TWO_PI;
  return r * r * angle + cx * (point[1] - y0) - cy * (point[0] - x0);
}

/**
 * Layers computed together. Every layer of a hamlet is exact whatever the grouping; the groups
 * stay so that a caller can ask for some layers only.
 */
export interface ScanPass {
  /** Layer bits computed in this pass. */
  mask: number;
}

/**
 * Computes the covered fraction of one hamlet for every layer, from the candidates already in
 * `scratch` (see `KernelScratch.addCandidates`).
 * @param hamlet the prepared hamlet
 * @param scratch candidates and buffers
 * @param layerCount number of layers (bits) in use
 * @param passes the layers to compute (bits outside every pass are left at 0)
 * @param out receives `layerCount` fractions in [0, 1] from `offset` on
 * @param offset where to write in `out`
 * @example computeHamletFractions(hamlet, scratch, 7, [{ mask: 0x7f }], fractions, 0)
 */
export function computeHamletFractions(hamlet: PreparedHamlet, scratch: KernelScratch, layerCount: number, passes: ScanPass[], out: Float64Array, offset: number): void {
  const s = scratch;
  for (let l = 0; l < layerCount; l++) out[offset + l] = 0;
  if (s.count === 0 || hamlet.areaM2 <= 0) return;
  let wanted = 0;
  for (const pass of passes) wanted |= pass.mask;

  // Layers fully covered by one shape need no area: a convex shape holding every vertex of
  // the outer rings holds the hamlet.
  let fullMask = 0;
  let anyMask = 0;
  for (let c = 0; c < s.count; c++) {
    if ((s.mask[c] & wanted) === 0) continue;
    anyMask |= s.mask[c];
    if ((fullMask & s.mask[c]) === s.mask[c]) continue;
    if (containsHamlet(s, c, hamlet)) fullMask |= s.mask[c];
  }
  fullMask &= wanted;
  for (let l = 0; l < layerCount; l++) if (fullMask & (1 << l)) out[offset + l] = 1;
  const openMask = anyMask & wanted & ~fullMask;
  if (openMask === 0) return;
  // Layers drawn from the very same candidates have the same fraction (often `mobile` and `4g`,
  // or one operator's `mobile` and `4g`): compute one of each such group and copy it to the others.
  const twinOf = findTwinLayers(s, openMask, layerCount);
  let areaMask = openMask;
  for (let l = 0; l < layerCount; l++) if (twinOf[l] !== l) areaMask &= ~(1 << l);
  coveredTwiceArea(hamlet, s, areaMask);
  for (let m = areaMask; m !== 0; m &= m - 1) {
    const l = 31 - Math.clz32(m & -m);
    if (l < layerCount) out[offset + l] = Math.min(1, Math.max(0, s.twiceArea[l] / (2 * hamlet.areaM2)));
  }
  for (let l = 0; l < layerCount; l++) if (twinOf[l] !== l) out[offset + l] = out[offset + twinOf[l]];
}

const twins = new Int32Array(32);
const columns = new Uint32Array(32 * 8);

/**
 * For each open layer, the lowest layer whose candidate set is identical (itself when none).
 * Each layer's candidate set is a bitset over candidates; sets wider than 256 candidates are
 * compared on their first 256 and then confirmed candidate by candidate.
 */
function findTwinLayers(s: KernelScratch, openMask: number, layerCount: number): Int32Array {
  const words = Math.min(8, Math.ceil(s.count / 32));
  columns.fill(0, 0, 32 * 8);
  for (let c = 0; c < Math.min(s.count, words * 32); c++) {
    for (let m = s.mask[c] & openMask; m !== 0; m &= m - 1) {
      const l = 31 - Math.clz32(m & -m);
      columns[l * 8 + (c >>> 5)] |= 1 << (c & 31);
    }
  }
  for (let l = 0; l < layerCount; l++) {
    twins[l] = l;
    if ((openMask & (1 << l)) === 0) continue;
    for (let k = 0; k < l; k++) {
      if (twins[k] !== k || (openMask & (1 << k)) === 0) continue;
      let same = true;
      for (let w = 0; w < words && same; w++) same = columns[l * 8 + w] === columns[k * 8 + w];
      for (let c = words * 32; c < s.count && same; c++) same = ((s.mask[c] >>> l) & 1) === ((s.mask[c] >>> k) & 1);
      if (same) {
        twins[l] = k;
        break;
      }
    }
  }
  return twins;
}


/** Whether two circles are one (centre and radius within `SAME_CIRCLE_METERS`). */
function sameCircle(ax: number, ay: number, ar: number, bx: number, by: number, br: number): boolean {
  return Math.abs(ar - br) <= SAME_CIRCLE_METERS && Math.abs(ax - bx) <= SAME_CIRCLE_METERS && Math.abs(ay - by) <= SAME_CIRCLE_METERS;
}

/**
 * Twice the area of hamlet ∩ (union of each layer's shapes), into `s.twiceArea` by layer bit:
 * ∮(x dy − y dx) over the hamlet's edges inside the union and over the shapes' boundaries inside
 * the hamlet and outside every other shape of the layer.
 */
function coveredTwiceArea(hamlet: PreparedHamlet, s: KernelScratch, layerMask: number): void {
  s.twiceArea.fill(0);
  if (s.edgeHamlet !== hamlet) {
    s.edges.build(hamlet);
    s.edgeHamlet = hamlet;
  }
  const box = s.edges.box;
  let n = 0;
  for (let c = 0; c < s.count; c++) {
    if ((s.mask[c] & layerMask) === 0) continue;
    if (s.boxMaxX[c] < box[0] || s.boxMinX[c] > box[1] || s.boxMaxY[c] < box[2] || s.boxMinY[c] > box[3]) continue;
    // By the west side of the box (insertion), so that a search for shapes near a box stops at
    // the first shape east of it.
    let k = n++;
    while (k > 0 && s.boxMinX[s.active[k - 1]] > s.boxMinX[c]) {
      s.active[k] = s.active[k - 1];
      k--;
    }
    s.active[k] = c;
  }
  s.activeCount = n;
  s.pairCount = 0;
  for (let k = 0; k < n; k++) shapeBoundary(s, s.active[k], layerMask);
  edgesInsideShapes(s, layerMask);
}

// The parameter range [clip[LO], clip[HI]] of a segment inside a shape, built up by the clips
// below. A typed array, not two module-level `let`s: V8 boxes a double on every store to one.
const clip = new Float64Array(2);
const LO = 0;
const HI = 1;
/** Set when a segment on a half-plane's line was left outside by the rule on equal pieces. */
let onLineOutside = false;

/** Narrows the clip range to the parameters t of A + t·D inside the circle (cx, cy, r). */
function clipDisc(ax: number, ay: number, dx: number, dy: number, cx: number, cy: number, r: number): void {
  const a = dx * dx + dy * dy;
  const fx = ax - cx;
  const fy = ay - cy;
  const b = fx * dx + fy * dy;
  const c = fx * fx + fy * fy - r * r;
  const discriminant = b * b - a * c;
  if (discriminant <= 0 || a === 0) {
    clip[HI] = clip[LO] - 1;
    return;
  }
  const root = Math.sqrt(discriminant);
  // The two roots without cancellation: t1·t2 = c / a.
  const q = b >= 0 ? -(b + root) : -(b - root);
  const t1 = q / a;
  const t2 = q !== 0 ? c / q : -t1;
  clip[LO] = Math.max(clip[LO], Math.min(t1, t2));
  clip[HI] = Math.min(clip[HI], Math.max(t1, t2));
}

/**
 * Narrows the clip range to the parameters of A + t·D in the half-plane q·(X − P) ≥ 0 (q a unit
 * vector). A segment lying on the half-plane's line is inside when the piece's inside (normal n)
 * faces the other way (the line is then inside the union), or when the shape comes first (`shape`
 * before `rank`): of two equal pieces, one is kept.
 */
function clipHalfPlane(ax: number, ay: number, dx: number, dy: number, qx: number, qy: number, px: number, py: number, nx: number, ny: number, shape: number, rank: number): void {
  const fa = qx * (ax - px) + qy * (ay - py);
  const fd = qx * dx + qy * dy;
  if (Math.abs(fa) <= ON_LINE_METERS && Math.abs(fa + fd) <= ON_LINE_METERS) {
    if (!(qx * nx + qy * ny < 0 || shape < rank)) {
      clip[HI] = clip[LO] - 1;
      onLineOutside = true;
    }
    return;
  }
  if (fd > 0) clip[LO] = Math.max(clip[LO], -fa / fd);
  else if (fd < 0) clip[HI] = Math.min(clip[HI], -fa / fd);
  else if (fa < 0) clip[HI] = clip[LO] - 1;
}

const range = new Float64Array(2);

/**
 * The parameter range [range[0], range[1]] ⊂ [0, 1] of segment A→B inside shape c (empty when
 * range[1] ≤ range[0]). (nx, ny) is the inside normal of the piece the segment belongs to and
 * `rank` its shape, for the rule on equal pieces; a hamlet edge passes rank ∞.
 */
function segmentInShape(s: KernelScratch, c: number, ax: number, ay: number, bx: number, by: number, nx: number, ny: number, rank: number): void {
  const dx = bx - ax;
  const dy = by - ay;
  const r = s.radius[c];
  const x1 = s.x1[c];
  const y1 = s.y1[c];
  if (s.kind[c] !== SHAPE_CAPSULE) {
    clip[LO] = 0;
    clip[HI] = 1;
    clipDisc(ax, ay, dx, dy, x1, y1, r);
    if (s.kind[c] !== SHAPE_DISC && clip[HI] > clip[LO]) {
      clipHalfPlane(ax, ay, dx, dy, -s.sin1[c], s.cos1[c], x1, y1, nx, ny, c, rank);
      clipHalfPlane(ax, ay, dx, dy, s.sin2[c], -s.cos2[c], x1, y1, nx, ny, c, rank);
    }
    range[0] = clip[LO];
    range[1] = clip[HI];
    return;
  }
  // A capsule is convex: its range is the hull of its two end discs' and its body's ranges.
  let lo = Infinity;
  let hi = -Infinity;
  const x2 = s.x2[c];
  const y2 = s.y2[c];
  const ex = x2 - x1;
  const ey = y2 - y1;
  const length = Math.sqrt(ex * ex + ey * ey);
  if (length > 0) {
    const ux = ex / length;
    const uy = ey / length;
    clip[LO] = 0;
    clip[HI] = 1;
    onLineOutside = false;
    clipHalfPlane(ax, ay, dx, dy, ux, uy, x1, y1, nx, ny, c, rank);
    if (clip[HI] > clip[LO]) clipHalfPlane(ax, ay, dx, dy, -ux, -uy, x2, y2, nx, ny, c, rank);
    if (clip[HI] > clip[LO]) clipHalfPlane(ax, ay, dx, dy, -uy, ux, x1 + uy * r, y1 - ux * r, nx, ny, c, rank);
    if (clip[HI] > clip[LO]) clipHalfPlane(ax, ay, dx, dy, uy, -ux, x1 - uy * r, y1 + ux * r, nx, ny, c, rank);
    if (onLineOutside) {
      // The segment lies on this capsule's side and is left to the other piece: the end discs
      // only touch it.
      range[0] = 0;
      range[1] = -1;
      return;
    }
    if (clip[HI] > clip[LO]) {
      lo = clip[LO];
      hi = clip[HI];
    }
  }
  for (let end = 0; end < 2; end++) {
    clip[LO] = 0;
    clip[HI] = 1;
    clipDisc(ax, ay, dx, dy, end === 0 ? x1 : x2, end === 0 ? y1 : y2, r);
    if (clip[HI] > clip[LO]) {
      lo = Math.min(lo, clip[LO]);
      hi = Math.max(hi, clip[HI]);
    }
  }
  range[0] = lo;
  range[1] = hi;
}

/**
 * The hamlet's edges inside each layer's union: their share of the covered area. Discs have
 * left their stretches of edges in the pairs already (see `arcInsideHamlet`); the other shapes'
 * are added here.
 */
function edgesInsideShapes(s: KernelScratch, layerMask: number): void {
  const edges = s.edges;
  for (let k = 0; k < s.activeCount; k++) {
    const c = s.active[k];
    if (s.kind[c] === SHAPE_DISC) continue;
    const count = edges.collect(s.boxMinX[c], s.boxMaxX[c], s.boxMinY[c], s.boxMaxY[c]);
    for (let q = 0; q < count; q++) {
      const e = edges.near[q];
      segmentInShape(s, c, edges.ax[e], edges.ay[e], edges.bx[e], edges.by[e], 0, 0, Infinity);
      if (range[1] > range[0]) s.pushPair(e, range[0], range[1], s.mask[c] & layerMask);
    }
  }
  if (s.pairCount === 0) return;
  // Group the stretches by edge (a counting sort): edge e's are order[end[e − 1] … end[e]).
  if (s.edgePairs.length < edges.count + 1) s.edgePairs = new Int32Array(2 * edges.count + 1);
  const end = s.edgePairs;
  end.fill(0, 0, edges.count + 1);
  for (let p = 0; p < s.pairCount; p++) end[s.pairEdge[p] + 1]++;
  for (let e = 0; e < edges.count; e++) end[e + 1] += end[e];
  const order = s.pairOrder;
  for (let p = 0; p < s.pairCount; p++) order[end[s.pairEdge[p]]++] = p;
  const lo = s.pairLo;
  const hi = s.pairHi;
  for (let e = 0; e < edges.count; e++) {
    const from = e === 0 ? 0 : end[e - 1];
    const to = end[e];
    if (to === from) continue;
    // Layers with a stretch over the whole edge take its whole share; the rest need the union.
    let edgeMask = 0;
    let wholeMask = 0;
    for (let k = from; k < to; k++) {
      const p = order[k];
      edgeMask |= s.pairMask[p];
      if (lo[p] <= 0 && hi[p] >= 1) wholeMask |= s.pairMask[p];
    }
    for (let m = wholeMask; m !== 0; m &= m - 1) s.twiceArea[31 - Math.clz32(m & -m)] += edges.cross[e];
    edgeMask &= ~wholeMask;
    if (edgeMask === 0) continue;
    for (let k = from + 1; k < to; k++) {
      const p = order[k];
      let j = k - 1;
      while (j >= from && lo[order[j]] > lo[p]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = p;
    }
    for (let m = edgeMask; m !== 0; m &= m - 1) {
      const bit = m & -m;
      let covered = 0;
      let runLo = 0;
      let runHi = -1;
      for (let k = from; k < to; k++) {
        const p = order[k];
        if ((s.pairMask[p] & bit) === 0) continue;
        if (lo[p] > runHi) {
          if (runHi > runLo) covered += runHi - runLo;
          runLo = lo[p];
          runHi = hi[p];
        } else if (hi[p] > runHi) {
          runHi = hi[p];
        }
      }
      if (runHi > runLo) covered += runHi - runLo;
      s.twiceArea[31 - Math.clz32(bit)] += covered * edges.cross[e];
    }
  }
}

/** Each boundary piece of shape i: arcs counter-clockwise, segments with the inside on the left. */
function shapeBoundary(s: KernelScratch, i: number, layerMask: number): void {
  const r = s.radius[i];
  const x1 = s.x1[i];
  const y1 = s.y1[i];
  if (s.kind[i] === SHAPE_DISC) {
    arcPiece(s, i, x1, y1, r, 0, TURN, layerMask);
    return;
  }
  if (s.kind[i] !== SHAPE_CAPSULE) {
    const c1 = s.cos1[i];
    const s1 = s.sin1[i];
    const c2 = s.cos2[i];
    const s2 = s.sin2[i];
    arcRange(s, i, x1, y1, r, pseudoAngle(c1, s1), pseudoAngle(c2, s2), layerMask);
    segmentPiece(s, i, x1, y1, x1 + r * c1, y1 + r * s1, -s1, c1, layerMask);
    segmentPiece(s, i, x1 + r * c2, y1 + r * s2, x1, y1, s2, -c2, layerMask);
    return;
  }
  const x2 = s.x2[i];
  const y2 = s.y2[i];
  const ex = x2 - x1;
  const ey = y2 - y1;
  const length = Math.sqrt(ex * ex + ey * ey);
  if (length === 0) {
    arcPiece(s, i, x1, y1, r, 0, TURN, layerMask);
    return;
  }
  // Left normal of the route's direction.
  const nx = -ey / length;
  const ny = ex / length;
  const left = pseudoAngle(nx, ny);
  const right = pseudoAngle(-nx, -ny);
  segmentPiece(s, i, x1 - r * nx, y1 - r * ny, x2 - r * nx, y2 - r * ny, nx, ny, layerMask);
  arcRange(s, i, x2, y2, r, right, left, layerMask);
  segmentPiece(s, i, x2 + r * nx, y2 + r * ny, x1 + r * nx, y1 + r * ny, -nx, -ny, layerMask);
  arcRange(s, i, x1, y1, r, left, right, layerMask);
}

/** An arc from pseudo-angle p0 counter-clockwise to p1, which may pass east. */
function arcRange(s: KernelScratch, i: number, cx: number, cy: number, r: number, p0: number, p1: number, layerMask: number): void {
  if (p0 <= p1) {
    arcPiece(s, i, cx, cy, r, p0, p1, layerMask);
  } else {
    arcPiece(s, i, cx, cy, r, p0, TURN, layerMask);
    arcPiece(s, i, cx, cy, r, 0, p1, layerMask);
  }
}

function sortSplits(s: KernelScratch): void {
  const v = s.splits;
  for (let k = 1; k < s.splitCount; k++) {
    const value = v[k];
    let j = k - 1;
    while (j >= 0 && v[j] > value) {
      v[j + 1] = v[j];
      j--;
    }
    v[j + 1] = value;
  }
}

function sortCovers(s: KernelScratch): void {
  const lo = s.coverLo;
  const hi = s.coverHi;
  const mask = s.coverMask;
  for (let k = 1; k < s.coverCount; k++) {
    const l = lo[k];
    const h = hi[k];
    const m = mask[k];
    let j = k - 1;
    while (j >= 0 && lo[j] > l) {
      lo[j + 1] = lo[j];
      hi[j + 1] = hi[j];
      mask[j + 1] = mask[j];
      j--;
    }
    lo[j + 1] = l;
    hi[j + 1] = h;
    mask[j + 1] = m;
  }
}

// The stretches of [from, to] outside the sorted covers of one layer (grown as needed: a circle
// that many small discs cross has as many stretches).
let gapLo = new Float64Array(64);
let gapHi = new Float64Array(64);

function pushGap(count: number, lo: number, hi: number): number {
  if (count === gapLo.length) {
    gapLo = grown(gapLo, new Float64Array(2 * count));
    gapHi = grown(gapHi, new Float64Array(2 * count));
  }
  gapLo[count] = lo;
  gapHi[count] = hi;
  return count + 1;
}

/** Fills gapLo/gapHi with the parts of [from, to] no cover of layer `bit` holds; returns their count. */
function gapsOf(s: KernelScratch, bit: number, from: number, to: number): number {
  let count = 0;
  let cursor = from;
  for (let k = 0; k < s.coverCount && cursor < to; k++) {
    if ((s.coverMask[k] & bit) === 0) continue;
    const lo = s.coverLo[k];
    if (lo >= to) break;
    const hi = s.coverHi[k];
    if (hi <= cursor) continue;
    if (lo > cursor) count = pushGap(count, cursor, lo);
    if (hi > cursor) cursor = hi;
  }
  if (cursor < to) count = pushGap(count, cursor, to);
  return count;
}

/** Crossings this close to an edge's ends, or splits this close together, are not trusted to alternate. */
const CLEAN_CROSSING = 1e-9;
const CLEAN_SPLIT = 1e-9;

/** Splits the arc [p0, p1] of circle (cx, cy, r) where it crosses hamlet edges; keeps the parts inside. */
function arcInsideHamlet(s: KernelScratch, cx: number, cy: number, r: number, p0: number, p1: number, discMask: number): void {
  const edges = s.edges;
  s.splitCount = 0;
  s.insideCount = 0;
  s.pushSplit(p0);
  let clean = true;
  const box = edges.box;
  // A circle as large as the hamlet meets most of its edges' boxes: runs of edges wholly inside
  // or outside it are settled at once; the others are listed edge by edge.
  let count = 0;
  if (2 * r >= Math.max(box[1] - box[0], box[3] - box[2])) {
    const chains = edges.chains;
    for (let k = 0; k < edges.chainCount; k++) {
      const mx = chains[3 * k] - cx;
      const my = chains[3 * k + 1] - cy;
      const rho = chains[3 * k + 2];
      const m2 = mx * mx + my * my;
      const from = k * CHAIN;
      const to = Math.min(edges.count, from + CHAIN);
      if (m2 > (r + rho) * (r + rho)) continue;
      if (r > rho && m2 < (r - rho) * (r - rho)) {
        if (discMask !== 0) for (let e = from; e < to; e++) s.pushPair(e, 0, 1, discMask);
        continue;
      }
      for (let e = from; e < to; e++) edges.near[count++] = e;
    }
  } else {
    count = edges.collect(cx - r, cx + r, cy - r, cy + r);
  }
  for (let q = 0; q < count; q++) {
    const e = edges.near[q];
    const ax = edges.ax[e];
    const ay = edges.ay[e];
    const dx = edges.bx[e] - ax;
    const dy = edges.by[e] - ay;
    // Both ends strictly inside the circle: the edge is inside the disc (convex) and meets no crossing.
    const ex = edges.bx[e] - cx;
    const ey = edges.by[e] - cy;
    if ((ax - cx) * (ax - cx) + (ay - cy) * (ay - cy) < r * r && ex * ex + ey * ey < r * r) {
      if (discMask !== 0) s.pushPair(e, 0, 1, discMask);
      continue;
    }
    clip[LO] = -Infinity;
    clip[HI] = Infinity;
    clipDisc(ax, ay, dx, dy, cx, cy, r);
    if (clip[HI] <= clip[LO]) continue;
    // A whole disc's circle: the same roots give the stretch of the edge inside the disc.
    if (discMask !== 0 && clip[HI] > 0 && clip[LO] < 1) s.pushPair(e, Math.max(0, clip[LO]), Math.min(1, clip[HI]), discMask);
    for (let root = 0; root < 2; root++) {
      const t = root === 0 ? clip[LO] : clip[HI];
      if (t < 0 || t > 1) continue;
      // A crossing near an edge's end (a vertex) may be met twice or be a touch.
      if (t < CLEAN_CROSSING || t > 1 - CLEAN_CROSSING) clean = false;
      const p = pseudoAngle(ax + t * dx - cx, ay + t * dy - cy);
      if (p > p0 && p < p1) s.pushSplit(p);
      else if (p === p0 || p === p1) clean = false;
    }
  }
  s.pushSplit(p1);
  sortSplits(s);
  // Where every split is a clean crossing of one edge, the parts alternate inside and outside:
  // one point decides them all. Otherwise each part's middle is tested.
  for (let k = 0; clean && k + 1 < s.splitCount; k++) if (s.splits[k + 1] - s.splits[k] <= CLEAN_SPLIT) clean = false;
  if (clean && p1 - p0 === TURN && s.splitCount % 2 === 1) clean = false;
  let inside = false;
  for (let k = 0; k + 1 < s.splitCount; k++) {
    const a = s.splits[k];
    const b = s.splits[k + 1];
    if (b <= a) continue;
    if (k === 0 || !clean) {
      pointOnCircle(cx, cy, r, (a + b) / 2);
      inside = edges.contains(point[0], point[1]);
    } else {
      inside = !inside;
    }
    if (inside) s.pushInside(a, b);
  }
}

/**
 * Bins of the turn for a quick proof that an arc is covered: 64 bins of pseudo-angle (16 per
 * unit), as bits in two 32-bit words. Words 0 and 1 hold the bins the arc's inside parts touch;
 * words 2 and 3 the bins that some cover of every open layer holds whole. When the second set
 * holds the first, the covers' union holds the inside parts, exactly (bin edges are dyadic).
 */
const BINS_PER_UNIT = 16;
const bins = new Int32Array(4);
/** Sets bins from, …, to − 1 (0 ≤ from, to ≤ 64) in the pair of words at `at`. */
function markBins(from: number, to: number, at: number): void {
  if (to <= from) return;
  if (from < 32) bins[at] |= rangeBits(from, Math.min(to, 32));
  if (to > 32) bins[at + 1] |= rangeBits(Math.max(from, 32) - 32, to - 32);
}
/** Bits from, …, to − 1 of a 32-bit word (0 ≤ from < to ≤ 32). */
function rangeBits(from: number, to: number): number {
  const high = to === 32 ? -1 : (1 << to) - 1;
  return high & ~((1 << from) - 1);
}

/** One arc of shape i's boundary: its parts inside the hamlet and outside the layer's other shapes. */
function arcPiece(s: KernelScratch, i: number, cx: number, cy: number, r: number, p0: number, p1: number, layerMask: number): void {
  const box = s.edges.box;
  if (cx + r < box[0] || cx - r > box[1] || cy + r < box[2] || cy - r > box[3] || p1 <= p0) return;
  arcInsideHamlet(s, cx, cy, r, p0, p1, s.kind[i] === SHAPE_DISC ? s.mask[i] & layerMask : 0);
  if (s.insideCount === 0) return;
  const pieceMask = s.mask[i] & layerMask;
  let wholeMask = 0;
  s.coverCount = 0;
  // The bins the inside parts touch; covers then fill theirs (see `bins`).
  bins[0] = 0;
  bins[1] = 0;
  for (let k = 0; k < s.insideCount; k++) markBins(Math.floor(s.insideLo[k] * BINS_PER_UNIT), Math.ceil(s.insideHi[k] * BINS_PER_UNIT), 0);
  const needLow = bins[0];
  const needHigh = bins[1];
  bins[2] = 0;
  bins[3] = 0;
  for (let k = 0; k < s.activeCount; k++) {
    const j = s.active[k];
    if (s.boxMinX[j] > cx + r) break;
    if (j === i || (s.mask[j] & pieceMask & ~wholeMask) === 0) continue;
    if (s.boxMaxX[j] < cx - r || s.boxMaxY[j] < cy - r || s.boxMinY[j] > cy + r) continue;
    const before = s.coverCount;
    if (s.kind[j] === SHAPE_DISC) discOnCircle(s, i, j, cx, cy, r);
    else shapeOnCircle(s, i, j, cx, cy, r);
    // A cover holding every inside part of the arc settles its layers.
    const open = pieceMask & ~wholeMask;
    for (let k = before; k < s.coverCount; k++) {
      if (s.coverLo[k] <= s.insideLo[0] && s.coverHi[k] >= s.insideHi[s.insideCount - 1]) wholeMask |= s.coverMask[k] & pieceMask;
      if ((s.coverMask[k] & open) === open) markBins(Math.ceil(s.coverLo[k] * BINS_PER_UNIT), Math.floor(s.coverHi[k] * BINS_PER_UNIT), 2);
    }
    if (wholeMask === pieceMask || ((needLow & ~bins[2]) === 0 && (needHigh & ~bins[3]) === 0)) return;
  }
  sortCovers(s);
  for (let m = pieceMask & ~wholeMask; m !== 0; m &= m - 1) {
    const bit = m & -m;
    const l = 31 - Math.clz32(bit);
    for (let k = 0; k < s.insideCount; k++) {
      const gaps = gapsOf(s, bit, s.insideLo[k], s.insideHi[k]);
      for (let g = 0; g < gaps; g++) s.twiceArea[l] += arcTwiceArea(cx, cy, r, gapLo[g], gapHi[g]);
    }
  }
}

// Where two circles cross: the arc of the first inside the second runs from `crossing[0]`
// counter-clockwise to `crossing[1]` (pseudo-angles about the first circle's centre).
const crossing = new Float64Array(2);

/** Whether circle (cx, cy, r) crosses circle (ox, oy, or) at two points (not apart, nested or concentric); if so, where (see `crossing`). */
function circlesCross(cx: number, cy: number, r: number, ox: number, oy: number, or: number): boolean {
  const dx = ox - cx;
  const dy = oy - cy;
  const d2 = dx * dx + dy * dy;
  if (d2 === 0 || d2 >= (r + or) * (r + or) || d2 <= (r - or) * (r - or)) return false;
  solveCrossing(dx, dy, d2, r, or);
  return true;
}

/**
 * Where circle (0, 0, r) crosses the circle of radius `or` centred at (dx, dy), d2 = dx² + dy², the
 * two known to cross (see `crossing`). The crossings' directions are taken scaled by 2·d², which
 * pseudo-angles ignore: along the centre line a = d² + r² − or², across it h = √(4r²d² − a²), with
 * neither the distance's square root nor a division.
 */
function solveCrossing(dx: number, dy: number, d2: number, r: number, or: number): void {
  const a = d2 + r * r - or * or;
  const h = Math.sqrt(Math.max(0, 4 * r * r * d2 - a * a));
  crossing[0] = pseudoAngle(a * dx + h * dy, a * dy - h * dx);
  crossing[1] = pseudoAngle(a * dx - h * dy, a * dy + h * dx);
}

/**
 * The arc of circle (cx, cy, r) inside disc j, as a cover. The hot path of the kernel (one call per
 * overlapping pair of discs), so it tests the pair itself rather than through `sameCircle` and
 * `circlesCross` (with the same outcome), reusing the tests' numbers for `solveCrossing`.
 */
function discOnCircle(s: KernelScratch, i: number, j: number, cx: number, cy: number, r: number): void {
  const dx = s.x1[j] - cx;
  const dy = s.y1[j] - cy;
  const rj = s.radius[j];
  const d2 = dx * dx + dy * dy;
  const reach = r + rj;
  if (d2 >= reach * reach) return;
  const gap = rj - r;
  if (Math.abs(gap) <= SAME_CIRCLE_METERS && Math.abs(dx) <= SAME_CIRCLE_METERS && Math.abs(dy) <= SAME_CIRCLE_METERS) {
    if (j < i) s.pushCover(0, TURN, s.mask[j]);
    return;
  }
  if (d2 === 0 || d2 <= gap * gap) {
    // Nested: a larger disc around the circle covers all of it.
    if (gap > 0) s.pushCover(0, TURN, s.mask[j]);
    return;
  }
  solveCrossing(dx, dy, d2, r, rj);
  s.pushCover(crossing[0], crossing[1], s.mask[j]);
}

/** Pseudo-angles where circle (cx, cy, r) meets circle (ox, oy, or), added to the splits. */
function circleSplits(s: KernelScratch, cx: number, cy: number, r: number, ox: number, oy: number, or: number): void {
  if (!circlesCross(cx, cy, r, ox, oy, or)) return;
  s.pushSplit(crossing[0]);
  s.pushSplit(crossing[1]);
}

/** Pseudo-angles where circle (cx, cy, r) meets segment A→B, added to the splits. */
function segmentSplits(s: KernelScratch, cx: number, cy: number, r: number, ax: number, ay: number, bx: number, by: number): void {
  const dx = bx - ax;
  const dy = by - ay;
  clip[LO] = -Infinity;
  clip[HI] = Infinity;
  clipDisc(ax, ay, dx, dy, cx, cy, r);
  if (clip[HI] <= clip[LO]) return;
  for (let root = 0; root < 2; root++) {
    const t = root === 0 ? clip[LO] : clip[HI];
    if (t >= -EPSILON && t <= 1 + EPSILON) s.pushSplit(pseudoAngle(ax + t * dx - cx, ay + t * dy - cy));
  }
}

/**
 * Whether point (x, y) on circle (cx, cy, r) lies inside shape j, leaving out j's parts bounded
 * by that same circle (their inside holds no point of it; their boundary is the cover by rank).
 */
function insideOtherShape(s: KernelScratch, j: number, x: number, y: number, cx: number, cy: number, r: number): boolean {
  const rj = s.radius[j];
  const x1 = s.x1[j];
  const y1 = s.y1[j];
  if (s.kind[j] !== SHAPE_CAPSULE) {
    if (sameCircle(x1, y1, rj, cx, cy, r)) return false;
    const px = x - x1;
    const py = y - y1;
    return px * px + py * py <= rj * rj && s.sin1[j] * px <= s.cos1[j] * py && s.sin2[j] * px >= s.cos2[j] * py;
  }
  const x2 = s.x2[j];
  const y2 = s.y2[j];
  if (!sameCircle(x1, y1, rj, cx, cy, r) && (x - x1) ** 2 + (y - y1) ** 2 <= rj * rj) return true;
  if (!sameCircle(x2, y2, rj, cx, cy, r) && (x - x2) ** 2 + (y - y2) ** 2 <= rj * rj) return true;
  const ex = x2 - x1;
  const ey = y2 - y1;
  const length2 = ex * ex + ey * ey;
  if (length2 === 0) return false;
  const along = (x - x1) * ex + (y - y1) * ey;
  const across = (x - x1) * ey - (y - y1) * ex;
  return along >= 0 && along <= length2 && across * across <= rj * rj * length2;
}

/** The arcs of circle (cx, cy, r) inside sector or capsule j, as covers. */
function shapeOnCircle(s: KernelScratch, i: number, j: number, cx: number, cy: number, r: number): void {
  const mask = s.mask[j];
  const rj = s.radius[j];
  const x1 = s.x1[j];
  const y1 = s.y1[j];
  s.splitCount = 0;
  if (s.kind[j] !== SHAPE_CAPSULE) {
    const c1 = s.cos1[j];
    const s1 = s.sin1[j];
    const c2 = s.cos2[j];
    const s2 = s.sin2[j];
    if (sameCircle(x1, y1, rj, cx, cy, r)) {
      if (j < i) s.pushCover(pseudoAngle(c1, s1), pseudoAngle(c2, s2), mask);
      return;
    }
    circleSplits(s, cx, cy, r, x1, y1, rj);
    segmentSplits(s, cx, cy, r, x1, y1, x1 + rj * c1, y1 + rj * s1);
    segmentSplits(s, cx, cy, r, x1, y1, x1 + rj * c2, y1 + rj * s2);
  } else {
    const x2 = s.x2[j];
    const y2 = s.y2[j];
    const ex = x2 - x1;
    const ey = y2 - y1;
    const length = Math.sqrt(ex * ex + ey * ey);
    const sameFirst = sameCircle(x1, y1, rj, cx, cy, r);
    const sameSecond = sameCircle(x2, y2, rj, cx, cy, r);
    if (length === 0) {
      if (sameFirst) {
        if (j < i) s.pushCover(0, TURN, mask);
        return;
      }
      circleSplits(s, cx, cy, r, x1, y1, rj);
    } else {
      const nx = -ey / length;
      const ny = ex / length;
      if (sameFirst || sameSecond) {
        // The circle is this capsule's end circle: its cap is the cover by rank, the rest lies
        // in the body. The sides only touch the circle, so split where the cap meets them.
        if (j < i) s.pushCover(pseudoAngle(sameFirst ? nx : -nx, sameFirst ? ny : -ny), pseudoAngle(sameFirst ? -nx : nx, sameFirst ? -ny : ny), mask);
        s.pushSplit(pseudoAngle(nx, ny));
        s.pushSplit(pseudoAngle(-nx, -ny));
      }
      if (!sameFirst) circleSplits(s, cx, cy, r, x1, y1, rj);
      if (!sameSecond) circleSplits(s, cx, cy, r, x2, y2, rj);
      segmentSplits(s, cx, cy, r, x1 - rj * nx, y1 - rj * ny, x2 - rj * nx, y2 - rj * ny);
      segmentSplits(s, cx, cy, r, x1 + rj * nx, y1 + rj * ny, x2 + rj * nx, y2 + rj * ny);
    }
  }
  // Between consecutive crossings the circle is wholly inside j or wholly outside: test a midpoint.
  if (s.splitCount < 2) {
    if (insideOtherShape(s, j, cx + r, cy, cx, cy, r)) s.pushCover(0, TURN, mask);
    return;
  }
  sortSplits(s);
  for (let k = 0; k < s.splitCount; k++) {
    const a = s.splits[k];
    const b = k + 1 < s.splitCount ? s.splits[k + 1] : s.splits[0] + TURN;
    if (b <= a) continue;
    let middle = (a + b) / 2;
    if (middle >= TURN) middle -= TURN;
    pointOnCircle(cx, cy, r, middle);
    if (insideOtherShape(s, j, point[0], point[1], cx, cy, r)) s.pushCover(a, b >= TURN ? b - TURN : b, mask);
  }
}

/** One straight piece of shape i's boundary, A→B with its inside on the left (normal n). */
function segmentPiece(s: KernelScratch, i: number, ax: number, ay: number, bx: number, by: number, nx: number, ny: number, layerMask: number): void {
  const minX = Math.min(ax, bx);
  const maxX = Math.max(ax, bx);
  const minY = Math.min(ay, by);
  const maxY = Math.max(ay, by);
  const box = s.edges.box;
  if (maxX < box[0] || minX > box[1] || maxY < box[2] || minY > box[3]) return;
  const dx = bx - ax;
  const dy = by - ay;
  if (dx === 0 && dy === 0) return;
  const edges = s.edges;
  s.splitCount = 0;
  s.insideCount = 0;
  s.pushSplit(0);
  const count = edges.collect(minX, maxX, minY, maxY);
  for (let q = 0; q < count; q++) {
    const e = edges.near[q];
    const fx = edges.bx[e] - edges.ax[e];
    const fy = edges.by[e] - edges.ay[e];
    const denominator = dx * fy - dy * fx;
    if (denominator === 0) continue;
    const gx = edges.ax[e] - ax;
    const gy = edges.ay[e] - ay;
    const t = (gx * fy - gy * fx) / denominator;
    const u = (gx * dy - gy * dx) / denominator;
    if (t > 0 && t < 1 && u >= 0 && u <= 1) s.pushSplit(t);
  }
  s.pushSplit(1);
  sortSplits(s);
  for (let k = 0; k + 1 < s.splitCount; k++) {
    const a = s.splits[k];
    const b = s.splits[k + 1];
    if (b <= a) continue;
    const t = (a + b) / 2;
    if (edges.contains(ax + t * dx, ay + t * dy)) s.pushInside(a, b);
  }
  if (s.insideCount === 0) return;
  const pieceMask = s.mask[i] & layerMask;
  let wholeMask = 0;
  s.coverCount = 0;
  for (let k = 0; k < s.activeCount; k++) {
    const j = s.active[k];
    if (s.boxMinX[j] > maxX) break;
    if (j === i || (s.mask[j] & pieceMask & ~wholeMask) === 0) continue;
    if (s.boxMaxX[j] < minX || s.boxMaxY[j] < minY || s.boxMinY[j] > maxY) continue;
    segmentInShape(s, j, ax, ay, bx, by, nx, ny, i);
    if (range[1] <= range[0]) continue;
    s.pushCover(range[0], range[1], s.mask[j]);
    if (range[0] <= s.insideLo[0] && range[1] >= s.insideHi[s.insideCount - 1]) {
      wholeMask |= s.mask[j] & pieceMask;
      if (wholeMask === pieceMask) return;
    }
  }
  sortCovers(s);
  const cross = ax * by - bx * ay;
  for (let m = pieceMask & ~wholeMask; m !== 0; m &= m - 1) {
    const bit = m & -m;
    const l = 31 - Math.clz32(bit);
    for (let k = 0; k < s.insideCount; k++) {
      const gaps = gapsOf(s, bit, s.insideLo[k], s.insideHi[k]);
      for (let g = 0; g < gaps; g++) s.twiceArea[l] += (gapHi[g] - gapLo[g]) * cross;
    }
  }
}
