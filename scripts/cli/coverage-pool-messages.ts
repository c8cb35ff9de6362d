import type { PackedHamlets, ScanPass } from '../../src/core/index';
import type { CoverageShapes } from '../../src/core/index';

/** The main thread sends each thread one message per job; the threads share the work themselves. */
export interface JobMessage {
  id: number;
  hamlets: PackedHamlets;
  sets: { shapes: CoverageShapes; indexData: ArrayBufferLike | null }[];
  layerCount: number;
  passes: ScanPass[];
  /** Shared result matrix, `hamlets × layerCount`. */
  out: Float64Array;
  /** Shared counter: the next hamlet not yet claimed. A thread claims `chunkSize` at a time. */
  next: Int32Array;
  chunkSize: number;
}

/** A thread reports each chunk it finished, then `finished` when no hamlet is left to claim. */
export type ThreadReport = { id: number; hamlets: number } | { id: number; finished: true };
