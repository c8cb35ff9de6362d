import { shapeBounds, type CoverageShapes } from './coverage-shapes';
import { buildBoxIndex, type BoxIndex } from '../spatial/spatial-index';
import { computeHamletFractions, KernelScratch, type PreparedHamlet, type ScanPass } from './area-kernel';
import type { LayerKey } from './coverage-shapes';

/** Shapes plus their index, as the coverage loop consumes them. */
export interface IndexedShapes {
  shapes: CoverageShapes;
  index: BoxIndex;
}

/**
 * Indexes coverage shapes by their bounding boxes.
 * @param shapes the shapes (from `buildCoverageShapes`)
 * @param allocate buffer allocator for the index (shared memory for worker threads)
 * @returns the shapes with a flatbush index
 * @example indexShapes(buildCoverageShapes(input, config, layerKeys).shapes)
 */
export function indexShapes(shapes: CoverageShapes, allocate?: (bytes: number) => ArrayBufferLike): IndexedShapes {
  return { shapes, index: buildBoxIndex(shapes.count, (i, out) => shapeBounds(shapes, i, out), allocate) };
}

/**
 * The layer groups for a set of layers: the mobile layers, then the FTTH layer. Every layer is
 * exact whatever the grouping (see `computeHamletFractions`).
 * @param layerKeys the layers
 * @returns two passes (mobile layers, FTTH)
 * @example buildScanPasses(buildLayerKeys([])) // [{ mask: 0b0111 }, { mask: 0b1000 }]
 */
export function buildScanPasses(layerKeys: LayerKey[]): ScanPass[] {
  let mobileMask = 0;
  let ftthMask = 0;
  layerKeys.forEach((key, i) => {
    if (key.layer === 'ftth') ftthMask |= 1 << i;
    else mobileMask |= 1 << i;
  });
  return [{ mask: mobileMask }, { mask: ftthMask }];
}

let scratch: KernelScratch | undefined;

/**
 * Computes, for every hamlet and layer, the fraction of the hamlet's area inside the union of that
 * layer's shapes. Several shape sets can be given (e.g. the existing sites and a few proposals).
 * @param hamlets prepared hamlets (see `prepareHamlets`)
 * @param shapeSets indexed shape sets
 * @param layerCount number of layers
 * @param passes the layers to compute (see `buildScanPasses`)
 * @param hamletIndices which hamlets to compute (default: all); others are left at 0 in `out`
 * @param out optional matrix to fill (row-major, `hamlets.length × layerCount`)
 * @returns the matrix of fractions in [0, 1]
 * @example computeCoverage(prepared, [indexShapes(shapes)], 7, buildScanPasses(layerKeys))
 */
export function computeCoverage(
  hamlets: PreparedHamlet[],
  shapeSets: IndexedShapes[],
  layerCount: number,
  passes: ScanPass[],
  hamletIndices?: ArrayLike<number>,
  out: Float64Array = new Float64Array(hamlets.length * layerCount),
): Float64Array {
  // One set of buffers for every call (callers scan in chunks; the kernel keeps nothing between
  // hamlets but its grown buffers and the last hamlet's edge index).
  scratch ??= new KernelScratch();
  const count = hamletIndices ? hamletIndices.length : hamlets.length;
  for (let k = 0; k < count; k++) {
    const h = hamletIndices ? hamletIndices[k] : k;
    const hamlet = hamlets[h];
    scratch.count = 0;
    const [minLng, minLat, maxLng, maxLat] = hamlet.bbox;
    for (const set of shapeSets) scratch.addCandidates(hamlet, set.shapes, set.index.search(minLng, minLat, maxLng, maxLat));
    computeHamletFractions(hamlet, scratch, layerCount, passes, out, h * layerCount);
  }
  return out;
}
