// One thread of the coverage pool: keeps the current job's shared hamlets and shapes, scans the
// chunks of hamlets it is sent, and writes their rows straight into the shared result.
import { parentPort } from 'node:worker_threads';
import { boxIndexFromData, computeCoverage, unpackHamlets } from '../../src/core/index';
import type { IndexedShapes, PreparedHamlet } from '../../src/core/index';
import type { ChunkDone, PoolMessage } from './coverage-pool-messages';

let current: { id: number; prepared: PreparedHamlet[]; sets: IndexedShapes[]; message: Extract<PoolMessage, { type: 'job' }> } | null = null;

parentPort!.on('message', (message: PoolMessage) => {
  if (message.type === 'job') {
    current = {
      id: message.id,
      prepared: unpackHamlets(message.hamlets),
      sets: message.sets.map((set) => ({ shapes: set.shapes, index: boxIndexFromData(set.indexData) })),
      message,
    };
    return;
  }
  if (!current || current.id !== message.id) return;
  const indices = Array.from({ length: message.end - message.start }, (_, i) => message.start + i);
  computeCoverage(current.prepared, current.sets, current.message.layerCount, current.message.passes, indices, current.message.out);
  parentPort!.postMessage({ id: message.id, start: message.start, end: message.end } satisfies ChunkDone);
});
parentPort!.postMessage('ready');
