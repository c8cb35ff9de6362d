/// <reference lib="webworker" />
// gdal3.js in the import worker, loaded only when a GIS file is opened: its script is a chunk of its
// own and its WebAssembly (27 MB) and data (12 MB) come from the app's own origin (`/gdal/`, copied
// there by the build). They are fetched here with progress and handed to gdal3.js, which would
// otherwise download them again without telling anyone how far it is.
import { CoverageInputError } from '../core/io/input-error';
import type { GdalApi } from './read-gis-layers';

/** Bytes of the reader received so far, and in all (0 when the server does not say). */
export type GdalLoadProgress = (loaded: number, total: number) => void;

const FILES = ['gdal3WebAssembly.wasm', 'gdal3WebAssembly.data'] as const;

let loading: Promise<GdalApi> | null = null;

/**
 * Loads gdal3.js once per worker. A failed load is forgotten, so the next GIS file tries again.
 * @param baseUrl the folder of gdal3WebAssembly.wasm and .data (absolute URL, ends in `/`)
 * @param onProgress bytes received, of all
 * @returns the initialised gdal3.js
 */
export function loadGdalInWorker(baseUrl: string, onProgress: GdalLoadProgress): Promise<GdalApi> {
  if (loading === null) {
    loading = load(baseUrl, onProgress).catch((error: unknown) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

/**
 * Loads gdal3.js to open a file: a reader that cannot be loaded (the network or the server failed, the
 * WebAssembly refused) is told as the file's problem, `gis-reader-unavailable`, naming the file; the
 * technical detail is kept as the problem's cause, never shown as the reason.
 * @param fileName the file to open, named in the problem
 * @param baseUrl see {@link loadGdalInWorker}
 * @param onProgress see {@link loadGdalInWorker}
 * @throws {CoverageInputError} `gis-reader-unavailable`
 */
export async function loadGdalForFile(fileName: string, baseUrl: string, onProgress: GdalLoadProgress): Promise<GdalApi> {
  try {
    return await loadGdalInWorker(baseUrl, onProgress);
  } catch (error) {
    throw new CoverageInputError({ code: 'gis-reader-unavailable', file: fileName, cause: error });
  }
}

async function load(baseUrl: string, onProgress: GdalLoadProgress): Promise<GdalApi> {
  const urls = FILES.map((name) => new URL(name, baseUrl).href);
  const buffers = await fetchWithProgress(urls, onProgress);
  const prefetched = new Map(urls.map((url, index) => [url, buffers[index]]));
  const module = (await import('gdal3.js')) as unknown as { default: (config: object) => Promise<GdalApi> };
  // NOTE: gdal3.js, loaded inside any worker, installs an `onmessage` for its own worker protocol; this
  // worker talks through comlink's listener, so that handler is removed.
  self.onmessage = null;
  const restore = serveFrom(prefetched);
  try {
    return await module.default({ path: baseUrl, useWorker: false, logHandler: () => undefined, errorHandler: () => undefined });
  } finally {
    restore();
  }
}

async function fetchWithProgress(urls: string[], onProgress: GdalLoadProgress): Promise<ArrayBuffer[]> {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  for (const [index, response] of responses.entries()) if (!response.ok) throw new Error(`${urls[index]}: HTTP ${response.status}`);
  const totals = responses.map((response) => Number(response.headers.get('content-length') ?? 0));
  const total = totals.every((value) => value > 0) ? totals.reduce((sum, value) => sum + value, 0) : 0;
  const loaded = responses.map(() => 0);
  const report = () => onProgress(loaded.reduce((sum, value) => sum + value, 0), total);
  return Promise.all(
    responses.map(async (response, index) => {
      if (response.body === null) return response.arrayBuffer();
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded[index] += value.byteLength;
        report();
      }
      const bytes = new Uint8Array(loaded[index]);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return bytes.buffer;
    }),
  );
}

/**
 * While gdal3.js starts, its requests for the prefetched files (the WebAssembly by `fetch`, the data
 * by `XMLHttpRequest`) are answered from memory; every other request goes out as usual.
 */
function serveFrom(prefetched: Map<string, ArrayBuffer>): () => void {
  const originalFetch = self.fetch;
  const OriginalRequest = self.XMLHttpRequest;
  self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, self.location.href).href;
    const buffer = prefetched.get(url);
    return buffer === undefined ? originalFetch(input, init) : Promise.resolve(new Response(buffer, { headers: { 'Content-Type': url.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } }));
  };
  class PrefetchedRequest extends OriginalRequest {
    #url = '';
    override open(method: string, url: string | URL, ...rest: unknown[]): void {
      this.#url = new URL(url, self.location.href).href;
      Reflect.apply(super.open, this, [method, url, ...rest]);
    }
    override send(body?: Document | XMLHttpRequestBodyInit | null): void {
      const buffer = prefetched.get(this.#url);
      if (buffer === undefined) return super.send(body);
      Object.defineProperty(this, 'status', { value: 200 });
      Object.defineProperty(this, 'response', { value: buffer });
      queueMicrotask(() => this.onload?.(new ProgressEvent('load') as ProgressEvent<XMLHttpRequestEventTarget>));
    }
  }
  self.XMLHttpRequest = PrefetchedRequest;
  return () => {
    self.fetch = originalFetch;
    self.XMLHttpRequest = OriginalRequest;
  };
}
