import { SHAPE_CAPSULE, SHAPE_DISC, type CoverageShapes } from './coverage-shapes';

/**
 * The hamlet–shape area kernel.
 *
 * Each hamlet gets its own local metric frame (equirectangular on the WGS84 ellipsoid, centred on
 * its bounding box, so distortion over a few kilometres is far below a metre). The hamlet is cut by `n` horizontal
 * lines at the midpoints of `n` equal strips. On each line the hamlet's inside intervals and every
 * shape's interval are exact (edge crossings; circle chords; half-planes), so the covered length
 * per layer is exact; the area fraction is the midpoint-rule integral of covered length over
 * hamlet length. The lines depend on the hamlet alone (never on the shapes), so adding a shape
 * can only add covered length: coverage is monotone by construction. Error is measured against
 * polygon clipping in the tests and the bench.
 */

/** Fewer lines than this are never used, however small the hamlet. */
const MIN_LINES = 24;
/** Upper bound of lines per hamlet (a 20 km tall hamlet). */
const MAX_LINES = 1024;
const EPSILON = 1e-12;

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
  start = new Float64Array(0);
  end = new Float64Array(0);
  highestY = new Float64Array(0);
  firstLine = new Int32Array(0);
  active = new Int32Array(0);
  shapeLine = new Int32Array(64);
  order = new Int32Array(0);
  crossings = new Float64Array(64);
  crossingLine = new Int32Array(256);
  crossingX = new Float64Array(256);
  lineStart = new Int32Array(64);
  lineFill = new Int32Array(64);
  covered = new Float64Array(32);
  runStart = new Float64Array(32);
  runEnd = new Float64Array(32);

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
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
    this.highestY = new Float64Array(capacity);
    this.firstLine = new Int32Array(capacity);
    this.active = new Int32Array(capacity);
    this.order = new Int32Array(capacity);
    this.capacity = capacity;
  }

  growCrossings(): void {
    const line = new Int32Array(this.crossingLine.length * 2);
    line.set(this.crossingLine);
    const x = new Float64Array(this.crossingX.length * 2);
    x.set(this.crossingX);
    this.crossingLine = line;
    this.crossingX = x;
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
  }
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
 * Clips [lo, hi] by the half-plane `a·x ≤ b` (x relative to the apex). Returns NaN-free bounds;
 * an empty result has lo > hi.
 */
function clipHalfPlane(a: number, b: number, lo: number, hi: number, out: Float64Array): void {
  if (a > EPSILON) hi = Math.min(hi, b / a);
  else if (a < -EPSILON) lo = Math.max(lo, b / a);
  else if (b < 0) hi = lo - 1;
  out[0] = lo;
  out[1] = hi;
}

const clipped = new Float64Array(2);

/** The interval of shape c on the line at height y; returns false when the line misses it. */
function shapeInterval(s: KernelScratch, c: number, y: number, out: Float64Array): boolean {
  const r = s.radius[c];
  const kind = s.kind[c];
  const dy = y - s.y1[c];
  let lo = Infinity;
  let hi = -Infinity;
  const chord2 = r * r - dy * dy;
  if (chord2 > 0) {
    const half = Math.sqrt(chord2);
    lo = -half;
    hi = half;
    if (kind === 1) {
      clipHalfPlane(s.sin1[c], s.cos1[c] * dy, lo, hi, clipped);
      clipHalfPlane(-s.sin2[c], -s.cos2[c] * dy, clipped[0], clipped[1], clipped);
      lo = clipped[0];
      hi = clipped[1];
    }
    lo += s.x1[c];
    hi += s.x1[c];
  }
  if (kind === SHAPE_CAPSULE) {
    const dy2 = y - s.y2[c];
    const chordEnd2 = r * r - dy2 * dy2;
    if (chordEnd2 > 0) {
      const half = Math.sqrt(chordEnd2);
      lo = Math.min(lo, s.x2[c] - half);
      hi = Math.max(hi, s.x2[c] + half);
    }
    const ex = s.x2[c] - s.x1[c];
    const ey = s.y2[c] - s.y1[c];
    const length = Math.sqrt(ex * ex + ey * ey);
    if (length > 0) {
      const ux = ex / length;
      const uy = ey / length;
      // Along the segment: 0 ≤ (x − x1)·ux + dy·uy ≤ length.
      let bodyLo = -Infinity;
      let bodyHi = Infinity;
      const along = dy * uy;
      if (Math.abs(ux) > EPSILON) {
        const a = (0 - along) / ux;
        const b = (length - along) / ux;
        bodyLo = Math.min(a, b);
        bodyHi = Math.max(a, b);
      } else if (along < 0 || along > length) {
        bodyHi = bodyLo - 1;
      }
      // Across: −r ≤ −(x − x1)·uy + dy·ux ≤ r.
      const across = dy * ux;
      if (Math.abs(uy) > EPSILON) {
        const a = (across - r) / uy;
        const b = (across + r) / uy;
        bodyLo = Math.max(bodyLo, Math.min(a, b));
        bodyHi = Math.min(bodyHi, Math.max(a, b));
      } else if (Math.abs(across) > r) {
        bodyHi = bodyLo - 1;
      }
      if (bodyHi > bodyLo) {
        lo = Math.min(lo, bodyLo + s.x1[c]);
        hi = Math.max(hi, bodyHi + s.x1[c]);
      }
    }
  }
  out[0] = lo;
  out[1] = hi;
  return hi > lo;
}

function sortCrossings(values: Float64Array, from: number, count: number): void {
  for (let i = from + 1; i < from + count; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= from && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}

const interval = new Float64Array(2);

/**
 * A group of layers scanned with one set of lines. Lines depend on the hamlet and the pass only,
 * never on the shapes, so adding a shape can only add covered length (coverage is monotone).
 */
export interface ScanPass {
  /** Layer bits scanned in this pass. */
  mask: number;
  /** Target strip height; at least `MIN_LINES` lines are used whatever the hamlet's height. */
  stripMeters: number;
}

/**
 * Computes the covered fraction of one hamlet for every layer, from the candidates already in
 * `scratch` (see `KernelScratch.addCandidates`).
 * @param hamlet the prepared hamlet
 * @param scratch candidates and buffers
 * @param layerCount number of layers (bits) in use
 * @param passes layer groups and their strip heights (every layer bit in exactly one pass)
 * @param out receives `layerCount` fractions in [0, 1] from `offset` on
 * @param offset where to write in `out`
 * @example computeHamletFractions(hamlet, scratch, 7, [{ mask: 0x7f, stripMeters: 20 }], fractions, 0)
 */
export function computeHamletFractions(hamlet: PreparedHamlet, scratch: KernelScratch, layerCount: number, passes: ScanPass[], out: Float64Array, offset: number): void {
  const s = scratch;
  for (let l = 0; l < layerCount; l++) out[offset + l] = 0;
  if (s.count === 0 || hamlet.areaM2 <= 0) return;

  // Layers fully covered by one shape need no scanning: a convex shape holding every vertex of
  // the outer rings holds the hamlet.
  let fullMask = 0;
  let anyMask = 0;
  for (let c = 0; c < s.count; c++) {
    anyMask |= s.mask[c];
    if ((fullMask & s.mask[c]) === s.mask[c]) continue;
    if (containsHamlet(s, c, hamlet)) fullMask |= s.mask[c];
  }
  for (let l = 0; l < layerCount; l++) if (fullMask & (1 << l)) out[offset + l] = 1;
  const openMask = anyMask & ~fullMask;
  // Layers drawn from the very same candidates have the same fraction (often `mobile` and `4g`,
  // or one operator's `mobile` and `4g`): scan one of each such group and copy it to the others.
  const twinOf = findTwinLayers(s, openMask, layerCount);
  let scanMask = openMask;
  for (let l = 0; l < layerCount; l++) if (twinOf[l] !== l) scanMask &= ~(1 << l);
  for (const pass of passes) {
    if ((scanMask & pass.mask) !== 0) scanPass(hamlet, s, scanMask & pass.mask, pass.stripMeters, layerCount, out, offset);
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

function scanPass(hamlet: PreparedHamlet, s: KernelScratch, openMask: number, stripMeters: number, layerCount: number, out: Float64Array, offset: number): void {
  const { kind, x1, y1, y2, radius, mask, start: starts, end: ends, highestY } = s;
  const height = hamlet.maxY - hamlet.minY;
  const lines = Math.max(MIN_LINES, Math.min(MAX_LINES, Math.ceil(height / stripMeters)));
  const step = height / lines;
  const crossings = bucketCrossings(hamlet, s, lines, step);
  const lineStart = s.lineStart;

  // Keep only the candidates that matter for the open layers, bucketed by the first line they
  // reach (a counting sort; one line early against rounding), so the lines, which go up, keep an
  // active list instead of testing every candidate on every line.
  if (s.shapeLine.length < lines + 1) s.shapeLine = new Int32Array(Math.max(lines + 1, s.shapeLine.length * 2));
  const shapeLine = s.shapeLine;
  shapeLine.fill(0, 0, lines + 1);
  const firstLine = s.firstLine;
  for (let c = 0; c < s.count; c++) {
    firstLine[c] = -1;
    if ((mask[c] & openMask) === 0) continue;
    highestY[c] = Math.max(y1[c], y2[c]) + radius[c];
    const lowest = Math.min(y1[c], y2[c]) - radius[c];
    const line = Math.max(0, Math.floor((lowest - hamlet.minY) / step - 0.5));
    if (line >= lines || highestY[c] <= hamlet.minY) continue;
    firstLine[c] = line;
    shapeLine[line + 1]++;
  }
  for (let line = 0; line < lines; line++) shapeLine[line + 1] += shapeLine[line];
  const pending = s.order;
  const slot = s.lineFill.length >= lines ? s.lineFill : (s.lineFill = new Int32Array(lines * 2));
  for (let line = 0; line < lines; line++) slot[line] = shapeLine[line];
  for (let c = 0; c < s.count; c++) if (firstLine[c] >= 0) pending[slot[firstLine[c]]++] = c;

  const covered = s.covered;
  const runStart = s.runStart;
  const runEnd = s.runEnd;
  covered.fill(0);
  let totalLength = 0;
  // The active list stays sorted by interval start from one line to the next; intervals move
  // little between lines, so re-sorting it by insertion is close to linear.
  const active = s.active;
  let activeCount = 0;
  let next = 0;

  for (let line = 0; line < lines; line++) {
    const y = hamlet.minY + (line + 0.5) * step;
    const first = lineStart[line];
    const crossingCount = lineStart[line + 1] - first;
    if (crossingCount < 2) continue;
    const lineLo = crossings[first];
    const lineHi = crossings[first + crossingCount - 1];

    let write = 0;
    for (let k = 0; k < activeCount; k++) if (highestY[active[k]] > y) active[write++] = active[k];
    activeCount = write;
    while (next < shapeLine[line + 1]) active[activeCount++] = pending[next++];

    // Intervals on this line, by position in the active list. A shape spanning the whole line
    // inside the hamlet covers its layers on this line outright; an empty or redundant one gets
    // start = +∞ and is passed over.
    let lineFull = 0;
    for (let k = 0; k < activeCount; k++) {
      const c = active[k];
      starts[k] = Infinity;
      if ((mask[c] & openMask & ~lineFull) === 0) continue;
      let lo: number;
      let hi: number;
      if (kind[c] === SHAPE_DISC) {
        // The common case, inlined: a circle's chord.
        const dy = y - y1[c];
        const chord2 = radius[c] * radius[c] - dy * dy;
        if (chord2 <= 0) continue;
        const half = Math.sqrt(chord2);
        lo = x1[c] - half;
        hi = x1[c] + half;
      } else {
        if (!shapeInterval(s, c, y, interval)) continue;
        lo = interval[0];
        hi = interval[1];
      }
      if (lo <= lineLo && hi >= lineHi) {
        lineFull |= mask[c] & openMask;
        continue;
      }
      starts[k] = lo;
      ends[k] = hi;
    }
    // Sort the list by start, moving each shape's interval with it.
    for (let k = 1; k < activeCount; k++) {
      const c = active[k];
      const start = starts[k];
      const end = ends[k];
      let j = k - 1;
      while (j >= 0 && starts[j] > start) {
        active[j + 1] = active[j];
        starts[j + 1] = starts[j];
        ends[j + 1] = ends[j];
        j--;
      }
      active[j + 1] = c;
      starts[j + 1] = start;
      ends[j + 1] = end;
    }

    const sweepMask = openMask & ~lineFull;
    for (let p = first; p + 1 < first + crossingCount; p += 2) {
      const a = crossings[p];
      const b = crossings[p + 1];
      if (b <= a) continue;
      totalLength += b - a;
      for (let m = lineFull; m !== 0; m &= m - 1) covered[31 - Math.clz32(m & -m)] += b - a;
      if (sweepMask === 0) continue;
      if ((openMask & (openMask - 1)) === 0) {
        // One layer open in this pass (the FTTH pass, usually): every active shape counts for it,
        // so the union is one running interval, no per-layer bookkeeping. (Not when other layers
        // merely went full on this line: the shapes left may count for those layers only.)
        let start = -Infinity;
        let end = -Infinity;
        let length = 0;
        for (let k = 0; k < activeCount; k++) {
          if (starts[k] >= b) break;
          const to = ends[k] < b ? ends[k] : b;
          const from = starts[k] > a ? starts[k] : a;
          if (to <= from) continue;
          if (from > end) {
            if (end > start) length += end - start;
            start = from;
            end = to;
          } else if (to > end) {
            end = to;
          }
        }
        if (end > start) length += end - start;
        covered[31 - Math.clz32(openMask)] += length;
        continue;
      }
      for (let m = sweepMask; m !== 0; m &= m - 1) {
        const l = 31 - Math.clz32(m & -m);
        runStart[l] = -Infinity;
        runEnd[l] = -Infinity;
      }
      for (let k = 0; k < activeCount; k++) {
        const c = active[k];
        if (starts[k] >= b) break;
        const end = ends[k] < b ? ends[k] : b;
        const start = starts[k] > a ? starts[k] : a;
        if (end <= start) continue;
        for (let m = mask[c] & sweepMask; m !== 0; m &= m - 1) {
          const l = 31 - Math.clz32(m & -m);
          if (start > runEnd[l]) {
            if (runEnd[l] > runStart[l]) covered[l] += runEnd[l] - runStart[l];
            runStart[l] = start;
            runEnd[l] = end;
          } else if (end > runEnd[l]) {
            runEnd[l] = end;
          }
        }
      }
      for (let m = sweepMask; m !== 0; m &= m - 1) {
        const l = 31 - Math.clz32(m & -m);
        if (runEnd[l] > runStart[l]) covered[l] += runEnd[l] - runStart[l];
      }
    }
  }
  if (totalLength <= 0) return;
  for (let m = openMask; m !== 0; m &= m - 1) {
    const l = 31 - Math.clz32(m & -m);
    if (l < layerCount) out[offset + l] = Math.min(1, covered[l] / totalLength);
  }
}

/**
 * The x of every ring-edge crossing of every line, grouped by line (counting sort) and sorted
 * within a line: line i's crossings are `crossings[lineStart[i] .. lineStart[i + 1])`. One pass
 * over the edges, so a line costs its own crossings, not every edge of the hamlet.
 */
function bucketCrossings(hamlet: PreparedHamlet, s: KernelScratch, lines: number, step: number): Float64Array {
  if (s.lineStart.length < lines + 1) s.lineStart = new Int32Array(Math.max(lines + 1, s.lineStart.length * 2));
  const lineStart = s.lineStart;
  lineStart.fill(0, 0, lines + 1);
  let count = 0;
  let crossingLine = s.crossingLine;
  let crossingX = s.crossingX;
  for (const ring of hamlet.rings) {
    for (let i = 0; i + 3 < ring.length; i += 2) {
      const ay = ring[i + 1];
      const by = ring[i + 3];
      if (ay === by) continue;
      // Lines y with low ≤ y < high (the even–odd rule's half-open edge), widened by one line on
      // each side against rounding, then checked exactly.
      const low = ay < by ? ay : by;
      const high = ay < by ? by : ay;
      const firstLine = Math.max(0, Math.ceil((low - hamlet.minY) / step - 0.5) - 1);
      const lastLine = Math.min(lines - 1, Math.ceil((high - hamlet.minY) / step - 0.5));
      if (count + lastLine - firstLine + 1 > crossingLine.length) {
        while (count + lastLine - firstLine + 1 > s.crossingLine.length) s.growCrossings();
        crossingLine = s.crossingLine;
        crossingX = s.crossingX;
      }
      const ax = ring[i];
      const slope = (ring[i + 2] - ax) / (by - ay);
      for (let line = firstLine; line <= lastLine; line++) {
        const y = hamlet.minY + (line + 0.5) * step;
        if (ay > y === by > y) continue;
        crossingLine[count] = line;
        crossingX[count++] = ax + (y - ay) * slope;
      }
    }
  }
  for (let k = 0; k < count; k++) lineStart[crossingLine[k] + 1]++;
  for (let line = 0; line < lines; line++) lineStart[line + 1] += lineStart[line];
  if (s.crossings.length < count) s.crossings = new Float64Array(count * 2);
  const crossings = s.crossings;
  const fill = s.lineFill.length >= lines ? s.lineFill : (s.lineFill = new Int32Array(lines * 2));
  for (let line = 0; line < lines; line++) fill[line] = lineStart[line];
  for (let k = 0; k < count; k++) crossings[fill[crossingLine[k]]++] = crossingX[k];
  for (let line = 0; line < lines; line++) sortCrossings(crossings, lineStart[line], lineStart[line + 1] - lineStart[line]);
  return crossings;
}
