import type { PackedHamlets, ScanPass } from '../../src/core/index';
import type { CoverageShapes } from '../../src/core/index';

/** The main thread sends each thread one message per job; the threads share the work themselves. */
export interface JobMessage {
  kind: 'scan';
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

/** Asks one thread to index shape sets (in shared memory) while the main thread prepares the hamlets. */
export interface IndexMessage {
  kind: 'index';
  id: number;
  shapes: CoverageShapes[];
}

/** Each set's packed tree, on shared buffers, in the order asked. */
export interface IndexReport {
  id: number;
  indexData: (ArrayBufferLike | null)[];
}
