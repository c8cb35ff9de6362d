import type { CoverageShapes } from './coverage-shapes';
import { buildBoxIndex, type BoxIndex } from '../spatial/spatial-index';
import { computeHamletFractions, KernelScratch, type PreparedHamlet } from './scanline-kernel';

/** Shapes plus their index, as the coverage loop consumes them. */
export interface IndexedShapes {
  shapes: CoverageShapes;
  index: BoxIndex;
}

/**
 * Indexes coverage shapes by their bounding boxes.
 * @param shapes the shapes (from `buildCoverageShapes`)
 * @returns the shapes with a flatbush index
 * @example indexShapes(buildCoverageShapes(input, config, layerKeys).shapes)
 */
export function indexShapes(shapes: CoverageShapes): IndexedShapes {
  return { shapes, index: buildBoxIndex(shapes.minLng, shapes.minLat, shapes.maxLng, shapes.maxLat) };
}

/**
 * Computes, for every hamlet and layer, the fraction of the hamlet's area inside the union of that
 * layer's shapes. Several shape sets can be given (e.g. the existing sites and a few proposals).
 * @param hamlets prepared hamlets (see `prepareHamlet`)
 * @param shapeSets indexed shape sets
 * @param layerCount number of layers
 * @param hamletIndices which hamlets to compute (default: all); others are left at 0 in `out`
 * @param out optional matrix to fill (row-major, `hamlets.length × layerCount`)
 * @returns the matrix of fractions in [0, 1]
 * @example computeCoverage(hamlets.map((h) => prepareHamlet(h.geometry)), [indexShapes(shapes)], 7)
 */
export function computeCoverage(
  hamlets: PreparedHamlet[],
  shapeSets: IndexedShapes[],
  layerCount: number,
  hamletIndices?: ArrayLike<number>,
  out: Float64Array = new Float64Array(hamlets.length * layerCount),
): Float64Array {
  const scratch = new KernelScratch();
  const count = hamletIndices ? hamletIndices.length : hamlets.length;
  for (let k = 0; k < count; k++) {
    const h = hamletIndices ? hamletIndices[k] : k;
    const hamlet = hamlets[h];
    scratch.count = 0;
    const [minLng, minLat, maxLng, maxLat] = hamlet.bbox;
    for (const set of shapeSets) scratch.addCandidates(hamlet, set.shapes, set.index.search(minLng, minLat, maxLng, maxLat));
    computeHamletFractions(hamlet, scratch, layerCount, out, h * layerCount);
  }
  return out;
}
