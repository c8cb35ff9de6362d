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
import { useMeasurementsStore } from '../../state/measurements-store';
import { useReferenceStore } from '../../state/reference-store';
import { fetchHexView, runEvidence } from '../../state/run-evidence';
import type { H3ViewCell, PrintEvidence } from '../../print/evidence-print';

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
    title: settings.title.trim() || (settings.evidence === 'challenges' ? t('print.titleDefault.challenges') : settings.evidence === 'h3View' ? t('print.titleDefault.h3View', { layer: t(`layer.inSentence.${ui.layer}`) }) : t(`print.titleDefault.${ui.layer}`)),
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
    referenceLayers: useReferenceStore.getState().layers,
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

/** The H3 view's hexagons from the evidence worker's GeoJSON (covered shares outside [0, 1] or not numbers are left out). */
export function readHexViewCells(collection: GeoJSON.FeatureCollection): H3ViewCell[] {
  const cells: H3ViewCell[] = [];
  for (const feature of collection.features) {
    const h3 = feature.properties?.h3;
    const share = feature.properties?.covered_share;
    if (typeof h3 === 'string' && typeof share === 'number' && share >= 0 && share <= 1) cells.push({ h3, coveredShare: share });
  }
  return cells;
}

/** The evidence the dialog asked for, computed afresh for the current analysis (the tests judged again). */
async function loadPrintEvidence(kind: PrintSettings['evidence']): Promise<PrintEvidence | undefined> {
  if (kind === '') return undefined;
  const { rules } = useMeasurementsStore.getState();
  if (kind === 'h3View') {
    const collection = await fetchHexView(rules.h3Resolution);
    if (collection === null) throw new Error('H3 view not available');
    return { kind: 'h3View', resolution: rules.h3Resolution, cells: readHexViewCells(collection) };
  }
  if (useMeasurementsStore.getState().set === null) throw new Error(translate(useUiStore.getState().locale, 'print.mapContent.needsMeasurements'));
  await runEvidence();
  // A run started meanwhile (the analysis changed) overtakes ours: wait for it.
  if (useMeasurementsStore.getState().status === 'running') {
    await new Promise<void>((resolve) => {
      const unsubscribe = useMeasurementsStore.subscribe((state) => {
        if (state.status !== 'running') {
          unsubscribe();
          resolve();
        }
      });
    });
  }
  return { kind: 'challenges', challenges: useMeasurementsStore.getState().result?.measurements.challenges ?? [] };
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
    const request = { ...buildPrintRequest(store.settings), evidence: await loadPrintEvidence(store.settings.evidence) };
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
