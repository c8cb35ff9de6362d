// A pool of worker threads that share one coverage scan: hamlets and shapes live in shared memory
// (SharedArrayBuffer), each thread scans chunks of hamlets and writes their rows of the result.
// The engine is the same pure core code; this file only spreads it over the machine's cores.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assembleCoverageJob, boxIndexFromData, buildJobShapes, completeCoverageAnalysis, locateJobSites, prepareCoverageJob, prepareJobHamlets, shapesNeedHamlets } from '../../src/core/index';
import type { AnalysisOptions, BtsRecord, CoverageAnalysis, CoverageConfig, CoverageInput, CoverageJob, CoverageShapes } from '../../src/core/index';
import type { IndexMessage, IndexReport, JobMessage, ThreadReport } from './coverage-pool-messages';

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

  /**
   * Indexes shape sets on one of the threads (the trees are built on shared buffers) and returns
   * at once; the promise resolves to each set's packed tree, for `boxIndexFromData`.
   */
  indexShapes(shapes: CoverageShapes[]): Promise<(ArrayBufferLike | null)[]> {
    const id = ++this.jobId;
    return exchange(this.workers[0], { kind: 'index', id, shapes } satisfies IndexMessage, (report: IndexReport) => (report.id === id ? report.indexData : undefined));
  }

  /**
   * Starts scanning every hamlet of the job across the threads and returns at once; the promise
   * resolves to the fractions matrix. The threads claim chunks from a shared counter, so this
   * thread is free meanwhile (it only counts progress reports).
   */
  compute(job: CoverageJob, onProgress?: (done: number, total: number) => void): Promise<Float64Array> {
    const id = ++this.jobId;
    const hamletCount = job.prepared.length;
    const out = new Float64Array(shared(Math.max(1, hamletCount * job.layerKeys.length) * 8));
    // A job prepared with shared buffers (see `createCoverageAnalysisInPool`) crosses to the threads
    // by reference; any other is copied once per thread.
    const sets = [job.base, ...(job.extra ? [job.extra] : [])].map((set) => ({ shapes: set.shapes, indexData: set.index.data }));
    // Small chunks balance the threads: hamlets differ a lot in cost.
    const chunkSize = Math.max(8, Math.ceil(hamletCount / (this.workers.length * 32)));
    const message: JobMessage = { kind: 'scan', id, hamlets: job.packed, sets, layerCount: job.layerKeys.length, passes: job.passes, out, next: new Int32Array(shared(4)), chunkSize };
    let done = 0;
    const onReport = (report: ThreadReport): true | undefined => {
      if (report.id !== id) return undefined;
      if ('finished' in report) return true;
      done += report.hamlets;
      onProgress?.(done, hamletCount);
      return undefined;
    };
    return Promise.all(this.workers.map((worker) => exchange(worker, message, onReport))).then(() => out);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * Posts a message to a thread and listens to its reports until `onReport` returns a value (its
 * answer), or the thread fails; reports of other requests are `onReport`'s to pass over.
 */
function exchange<R, T>(worker: Worker, message: JobMessage | IndexMessage, onReport: (report: R) => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (report: R) => {
      const answer = onReport(report);
      if (answer === undefined) return;
      worker.off('message', onMessage);
      worker.off('error', onError);
      resolve(answer);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(message);
  });
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
  const job = await prepareJobInPool(pool, input, config, extraRecords);
  const scanning = pool.compute(job, options.onProgress);
  // Sites are merged and placed here while the threads scan.
  const sites = locateJobSites(job);
  return completeCoverageAnalysis(job, await scanning, sites);
}

/**
 * `prepareCoverageJob` on shared buffers, with the shapes indexed on a pool thread while this
 * thread prepares the hamlets (when the shapes do not depend on the hamlets); same job.
 */
async function prepareJobInPool(pool: CoveragePool, input: CoverageInput, config: CoverageConfig, extraRecords: BtsRecord[]): Promise<CoverageJob> {
  if (shapesNeedHamlets(config)) return prepareCoverageJob(input, config, extraRecords, shared);
  const shapes = buildJobShapes(input, config, extraRecords, null, shared);
  const indexing = pool.indexShapes(shapes.extra ? [shapes.base, shapes.extra] : [shapes.base]);
  const hamlets = prepareJobHamlets(input, shared);
  const [baseData, extraData] = await indexing;
  const indexed = {
    base: { shapes: shapes.base, index: boxIndexFromData(baseData) },
    extra: shapes.extra ? { shapes: shapes.extra, index: boxIndexFromData(extraData ?? null) } : null,
  };
  return assembleCoverageJob(input, config, extraRecords, hamlets, shapes, indexed);
}
