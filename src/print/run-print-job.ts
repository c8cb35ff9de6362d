import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { buildBasemap } from '../map/layers/build-style';
import { BACKGROUND_COLOR } from '../map/layers/palette';
import { MapController, type OffscreenMap } from '../map/map-controller';
import { buildPrintPages, type PrintRequest, type RenderBasemap } from './build-print-pages';
import { loadPrintFonts } from './print-fonts';
import type { PrintImage, PrintPage } from './print-page';

export type { PrintRequest } from './build-print-pages';

/** Resolution of the basemap picture on paper, when one is printed (the map itself is vector). */
export const PRINT_MAP_DPI = 220;

export interface PrintOutput {
  /** The pages kept for the preview and the browser's print (all, or the first when `keepPages` is 'first'). */
  pages: PrintPage[];
  pageCount: number;
  images: PrintImage[];
  /** The same pictures as blobs (for the PNG export and the SVG preview). */
  blobs: Map<string, Blob>;
  renderMs: number;
}

export interface PrintJobOptions {
  /** Receives every page as soon as it is drawn (the PDF writer). */
  onPage?: (page: PrintPage, images: Map<string, PrintImage>) => void | Promise<void>;
  /** 'first' keeps only the first page in memory (a PDF export needs no more for its preview). */
  keepPages?: 'all' | 'first';
}

/** The basemap alone (no data layers), drawn offscreen at the frame's size, for under the vector map. */
function basemapRenderer(request: PrintRequest, blobs: Map<string, Blob>): { render: RenderBasemap; close(): void } {
  let offscreen: Promise<OffscreenMap> | null = null;
  const basemap = buildBasemap(request.basemap);
  const style: StyleSpecification = { version: 8, sources: basemap.sources, layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }, ...basemap.layers] };
  return {
    async render(view, size, id) {
      offscreen ??= MapController.openOffscreen(style, { ...size, pixelRatio: PRINT_MAP_DPI / 96 });
      const started = performance.now();
      const picture = await (await offscreen).render({ center: view.center, zoom: view.zoom });
      performance.measure('print-map-render', { start: started });
      blobs.set(id, picture.blob);
      return { id, bytes: new Uint8Array(await picture.blob.arrayBuffer()), mimeType: 'image/jpeg', widthPx: picture.widthPx, heightPx: picture.heightPx };
    },
    close() {
      void offscreen?.then((map) => map.close());
    },
  };
}

/**
 * Lays out every page (one per unit for an atlas, or one for the extent, with the hamlet lists that
 * overflow continued on following pages), each map drawn as vectors; the basemap, when switched on, is
 * the only picture. Calls `onProgress(done, total)` after each unit; stops with an AbortError when
 * `signal` is aborted.
 */
export async function runPrintJob(request: PrintRequest, onProgress: (done: number, total: number) => void, signal?: AbortSignal, options: PrintJobOptions = {}): Promise<PrintOutput> {
  const started = performance.now();
  const fonts = await loadPrintFonts();
  const pages: PrintPage[] = [];
  const images: PrintImage[] = [];
  const blobs = new Map<string, Blob>();
  const basemap = request.basemap.isEnabled ? basemapRenderer(request, blobs) : null;
  try {
    const pageCount = await buildPrintPages(request, {
      measure: fonts.measure,
      onProgress,
      signal,
      renderBasemap: basemap?.render,
      async onPage(page, pageImages) {
        if (options.keepPages !== 'first' || pages.length === 0) {
          pages.push(page);
          for (const image of pageImages.values()) images.push(image);
        }
        await options.onPage?.(page, pageImages);
      },
    });
    return { pages, pageCount, images, blobs, renderMs: performance.now() - started };
  } finally {
    basemap?.close();
  }
}
