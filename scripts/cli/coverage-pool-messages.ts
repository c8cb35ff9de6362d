import type { PackedHamlets, ScanPass } from '../../src/core/index';
import type { CoverageShapes } from '../../src/core/index';

export type PoolMessage =
  | {
      type: 'job';
      id: number;
      hamlets: PackedHamlets;
      sets: { shapes: CoverageShapes; indexData: ArrayBufferLike | null }[];
      layerCount: number;
      passes: ScanPass[];
      out: Float64Array;
    }
  | { type: 'chunk'; id: number; start: number; end: number };

export interface ChunkDone {
  id: number;
  start: number;
  end: number;
}
