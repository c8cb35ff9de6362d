// One thread of the coverage pool: on each job it claims chunks of hamlets from a shared counter
// until none are left, scans them, and writes their rows straight into the shared result. No
// round trip to the main thread per chunk, so the main thread can do other work meanwhile.
// Before a job, one thread may be asked to index the job's shapes while the main thread prepares
// the hamlets.
import { parentPort } from 'node:worker_threads';
import { boxIndexFromData, computeCoverage, indexShapes, unpackHamlets } from '../../src/core/index';
import type { IndexMessage, IndexReport, JobMessage, ThreadReport } from './coverage-pool-messages';

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

parentPort!.on('message', (message: JobMessage | IndexMessage) => {
  if (message.kind === 'index') {
    const indexData = message.shapes.map((shapes) => indexShapes(shapes, shared).index.data);
    parentPort!.postMessage({ id: message.id, indexData } satisfies IndexReport);
    return;
  }
  const job = message;
  const sets = job.sets.map((set) => ({ shapes: set.shapes, index: boxIndexFromData(set.indexData) }));
  const total = job.hamlets.hamletRings.length - 1;
  for (let start = Atomics.add(job.next, 0, job.chunkSize); start < total; start = Atomics.add(job.next, 0, job.chunkSize)) {
    const end = Math.min(total, start + job.chunkSize);
    // Only this chunk's hamlets become objects (short-lived); their rows of the shared result are
    // a view starting at the chunk's first row.
    const prepared = unpackHamlets(job.hamlets, start, end);
    computeCoverage(prepared, sets, job.layerCount, job.passes, undefined, job.out.subarray(start * job.layerCount, end * job.layerCount));
    parentPort!.postMessage({ id: job.id, hamlets: end - start } satisfies ThreadReport);
  }
  parentPort!.postMessage({ id: job.id, finished: true } satisfies ThreadReport);
});
parentPort!.postMessage('ready');
