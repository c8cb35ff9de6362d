import { shapeBounds, type CoverageShapes } from './coverage-shapes';
import { buildBoxIndex, type BoxIndex } from '../spatial/spatial-index';
import { computeHamletFractions, KernelScratch, type PreparedHamlet, type ScanPass } from './scanline-kernel';
import type { CoverageConfig } from '../types';
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

/** Strips are a tenth of the smallest configured radius of the pass's layers, within these bounds. */
const STRIP_PER_RADIUS = 7;
const MIN_STRIP_METERS = 5;
const MAX_STRIP_METERS = 200;

/**
 * The scan passes for a set of layers: the mobile layers with strips from the smallest mobile
 * radius in the config, the FTTH layer with strips from the FTTH radius (30 m by default).
 * @param layerKeys the layers
 * @param config the radii
 * @returns two passes (mobile layers, FTTH)
 * @example buildScanPasses(buildLayerKeys([]), DEFAULT_CONFIG) // [{ mask: 0b0111, stripMeters: 125 }, { mask: 0b1000, stripMeters: 37.5 }]
 */
export function buildScanPasses(layerKeys: LayerKey[], config: CoverageConfig): ScanPass[] {
  const strip = (radius: number) => Math.max(MIN_STRIP_METERS, Math.min(MAX_STRIP_METERS, radius / STRIP_PER_RADIUS));
  const mobileRadius = config.mobileBroadband.reduce((smallest, technology) => Math.min(smallest, config.radiiMeters[technology]), Math.min(config.radiiMeters['4G'], config.radiiMeters['5G']));
  let mobileMask = 0;
  let ftthMask = 0;
  layerKeys.forEach((key, i) => {
    if (key.layer === 'ftth') ftthMask |= 1 << i;
    else mobileMask |= 1 << i;
  });
  return [
    { mask: mobileMask, stripMeters: strip(mobileRadius) },
    { mask: ftthMask, stripMeters: strip(config.radiiMeters.ftth) },
  ];
}

/**
 * Computes, for every hamlet and layer, the fraction of the hamlet's area inside the union of that
 * layer's shapes. Several shape sets can be given (e.g. the existing sites and a few proposals).
 * @param hamlets prepared hamlets (see `prepareHamlets`)
 * @param shapeSets indexed shape sets
 * @param layerCount number of layers
 * @param passes layer groups and strip heights (see `buildScanPasses`)
 * @param hamletIndices which hamlets to compute (default: all); others are left at 0 in `out`
 * @param out optional matrix to fill (row-major, `hamlets.length × layerCount`)
 * @returns the matrix of fractions in [0, 1]
 * @example computeCoverage(prepared, [indexShapes(shapes)], 7, buildScanPasses(layerKeys, config))
 */
export function computeCoverage(
  hamlets: PreparedHamlet[],
  shapeSets: IndexedShapes[],
  layerCount: number,
  passes: ScanPass[],
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
    computeHamletFractions(hamlet, scratch, layerCount, passes, out, h * layerCount);
  }
  return out;
}
