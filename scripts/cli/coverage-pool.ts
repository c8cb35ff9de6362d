// A pool of worker threads that share one coverage scan: hamlets and shapes live in shared memory
// (SharedArrayBuffer), each thread scans chunks of hamlets and writes their rows of the result.
// The engine is the same pure core code; this file only spreads it over the machine's cores.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { completeCoverageAnalysis, packHamlets, prepareCoverageJob, shareShapes } from '../../src/core/index';
import type { AnalysisOptions, BtsRecord, CoverageAnalysis, CoverageConfig, CoverageInput, CoverageJob } from '../../src/core/index';
import type { ChunkDone, PoolMessage } from './coverage-pool-messages';

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

export class CoveragePool {
  private jobId = 0;

  private constructor(private readonly workers: Worker[]) {}

  /** Starts `size` threads (default: one per core) and waits until each has loaded the engine. */
  static async start(size = availableParallelism()): Promise<CoveragePool> {
    const workers = await Promise.all(
      Array.from({ length: Math.max(1, size) }, async () => {
        const worker = new Worker(new URL('./coverage-pool-worker.mjs', import.meta.url));
        await new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        });
        return worker;
      }),
    );
    return new CoveragePool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Scans every hamlet of the job across the threads; resolves to the fractions matrix. */
  async compute(job: CoverageJob, onProgress?: (done: number, total: number) => void): Promise<Float64Array> {
    const id = ++this.jobId;
    const hamletCount = job.prepared.length;
    const out = new Float64Array(shared(Math.max(1, hamletCount * job.layerKeys.length) * 8));
    const sets = [job.base, ...(job.extra ? [job.extra] : [])].map((set) => ({ shapes: shareShapes(set.shapes, shared), indexData: set.index.data }));
    const jobMessage: PoolMessage = { type: 'job', id, hamlets: packHamlets(job.prepared, shared), sets, layerCount: job.layerKeys.length, passes: job.passes, out };
    // Small chunks balance the threads: hamlets differ a lot in cost.
    const chunkSize = Math.max(16, Math.ceil(hamletCount / (this.workers.length * 16)));
    let next = 0;
    let done = 0;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sendNext = () => {
              if (next >= hamletCount) {
                worker.off('message', onMessage);
                worker.off('error', reject);
                resolve();
                return;
              }
              const start = next;
              next = Math.min(hamletCount, next + chunkSize);
              worker.postMessage({ type: 'chunk', id, start, end: next } satisfies PoolMessage);
            };
            const onMessage = (message: ChunkDone) => {
              if (message.id !== id) return;
              done += message.end - message.start;
              onProgress?.(done, hamletCount);
              sendNext();
            };
            worker.on('message', onMessage);
            worker.on('error', reject);
            worker.postMessage(jobMessage);
            sendNext();
          }),
      ),
    );
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * `createCoverageAnalysis` with the scan spread over the pool's threads; same result.
 * @example await createCoverageAnalysisInPool(pool, input, DEFAULT_CONFIG)
 */
export async function createCoverageAnalysisInPool(
  pool: CoveragePool,
  input: CoverageInput,
  config: CoverageConfig,
  options: AnalysisOptions = {},
  extraRecords: BtsRecord[] = [],
): Promise<CoverageAnalysis> {
  const job = prepareCoverageJob(input, config, extraRecords, shared);
  const fractions = await pool.compute(job, options.onProgress);
  return completeCoverageAnalysis(job, fractions);
}
