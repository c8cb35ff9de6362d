import { buildCoverageConfig, useSettingsStore } from '../../state/settings-store';
import { selectIndicatorRows, selectIsDemo, useDatasetStore } from '../../state/dataset-store';
import { useAnalysisStore } from '../../state/analysis-store';
import { applyMergerTable } from '../../core';
import { decodeUrlState } from '../../state/url-state';
import { useUiStore } from '../../state/ui-store';
import { formatNumber } from '../../i18n/format';
import { translate } from '../../i18n/use-t';
import { viewBounds } from '../../print/print-scale';
import type { PrintExtent } from '../../print/print-content';
import type { PrintRequest } from '../../print/run-print-job';
import { usePrintStore, type PrintSettings } from './print-store';
import { fileNameFromTitle } from '../../print/file-name';
import { planShortTitle } from '../../core';
import { usePlanStore } from '../../state/plan-store';
import { downloadFile } from '../download-file';

export type PrintOutputKind = 'pdf' | 'png' | 'browser';

let controller: AbortController | null = null;

function currentViewExtent(): PrintExtent {
  const view = decodeUrlState(window.location.hash).view;
  const element = document.querySelector('[data-testid="map"]');
  if (!view || !element) return { kind: 'province' };
  const box = element.getBoundingClientRect();
  return { kind: 'view', bounds: viewBounds(view.center, view.zoom, box.width, box.height) };
}

function extentOf(settings: PrintSettings): PrintExtent {
  if (settings.extent === 'view') return currentViewExtent();
  if ((settings.extent === 'district' || settings.extent === 'commune') && settings.unitKey) return { kind: settings.extent, key: settings.unitKey };
  return { kind: 'province' };
}

/** The print request for the current stores and dialog settings. */
export function buildPrintRequest(settings: PrintSettings): PrintRequest {
  const dataset = useDatasetStore.getState();
  const report = useAnalysisStore.getState().report;
  if (!report) throw new Error('no analysis yet');
  const ui = useUiStore.getState();
  const t: PrintRequest['t'] = (key, values) => translate(ui.locale, key, values);
  return {
    paper: settings.paper,
    orientation: settings.orientation,
    extent: extentOf(settings),
    atlas: settings.atlas || null,
    atlasOrder: settings.atlasOrder,
    title: settings.title.trim() || t(`print.titleDefault.${ui.layer}`),
    dataDate: settings.dataDate || null,
    locale: ui.locale,
    t,
    layer: ui.layer,
    operators: ui.filters.operators,
    isDemo: selectIsDemo(dataset),
    hamlets: applyMergerTable(dataset.hamlets, dataset.merger),
    report,
    config: buildCoverageConfig(useSettingsStore.getState(), usePlanStore.getState().profile.targets),
    plan: usePlanStore.getState().profile,
    fibrePoints: dataset.fibrePoints,
    fibreRoutes: dataset.fibreRoutes,
    indicators: selectIndicatorRows(dataset),
    basemap: useSettingsStore.getState().basemap,
    // The print date: the one place the clock is read (UI only, never core).
    printDate: new Date(),
  };
}


/** The title in Vietnamese without diacritics (`tap-ban-do-ban-do-phu-song-…-A4.pdf` for an atlas). */
function fileNameOf(request: PrintRequest, extension: string): string {
  return `${request.atlas ? 'tap-' : ''}${fileNameFromTitle(request.title)}-${request.paper}.${extension}`;
}

/** Lays out the pages and delivers them as a PDF download, a PNG of the first page, or the browser's print. */
export async function startPrint(kind: PrintOutputKind): Promise<void> {
  const store = usePrintStore.getState();
  if (store.status === 'running') return;
  const { actions } = store;
  controller = new AbortController();
  const started = performance.now();
  actions.start();
  try {
    const request = buildPrintRequest(store.settings);
    // pdf-lib, fontkit and the layout load on the first print only, not with the app.
    const [{ runPrintJob }, { createPdfWriter }, { renderPagePng }, { loadPrintFonts }] = await Promise.all([
      import('../../print/run-print-job'),
      import('../../print/render-pdf'),
      import('../../print/render-canvas'),
      import('../../print/print-fonts'),
    ]);
    const fonts = await loadPrintFonts();
    // A PDF is written page by page as the maps are drawn; only the first page stays for the preview.
    const writer = kind === 'pdf' ? await createPdfWriter(fonts, { title: request.title, subject: request.t('app.title', { plan: planShortTitle(request.plan ?? usePlanStore.getState().profile, request.locale) }), language: request.locale === 'vi' ? 'vi-VN' : 'en-GB', createdAt: request.printDate }) : null;
    const output = await runPrintJob(request, (done, total) => actions.setProgress(done, total), controller.signal, {
      keepPages: kind === 'browser' ? 'all' : 'first',
      onPage: writer ? (page, images) => writer.addPage(page, images) : undefined,
    });
    const imageUrls = Object.fromEntries([...output.blobs].map(([id, blob]) => [id, URL.createObjectURL(blob)]));
    actions.setPreview({ pages: output.pages, imageUrls });
    if (writer) {
      const bytes = await writer.save();
      downloadFile(bytes, fileNameOf(request, 'pdf'), 'application/pdf');
    } else if (kind === 'png') {
      downloadFile(await renderPagePng(output.pages[0], 200, output.blobs), fileNameOf(request, 'png'), 'image/png');
    }
    const totalMs = performance.now() - started;
    performance.mark('print-done', { detail: { kind, pages: output.pageCount, layoutMs: Math.round(output.renderMs), totalMs: Math.round(totalMs) } });
    actions.finish('done', request.t('print.done', { pages: formatNumber(output.pageCount, request.locale), seconds: formatNumber(totalMs / 1000, request.locale, 1) }));
    if (kind === 'browser') requestAnimationFrame(() => setTimeout(() => window.print(), 50));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') actions.finish('cancelled', null);
    else actions.finish('error', error instanceof Error ? error.message : String(error));
  } finally {
    controller = null;
  }
}

/** Stops a running print after the page being drawn. */
export function cancelPrint(): void {
  controller?.abort();
}
