import { formatUnitLabel, planAuthorityOn, type CoverageConfig, type CoverageReport, type FibrePoint, type Hamlet, type IndicatorValue, type KpiSet, type LayerName, type PlanProfile } from '../core';
import { formatIsoDate, type Locale } from '../i18n/format';
import type { BasemapOptions } from '../map/layers/build-style';
import { MapController, type OffscreenMap } from '../map/map-controller';
import { computePageFrames, layoutListPage, layoutMapPage, type MapPageContent } from './layout-page';
import type { Orientation, PaperName } from './paper-sizes';
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { buildKpiRows, buildPrintLegend, buildSubtitle, buildUncoveredLines, findReportUnit, hamletsBounds, latestDataDate, reportUnits, type PrintExtent, type ReportUnit, type Translate, type UnitGrouping } from './print-content';
import { loadPrintFonts } from './print-fonts';
import type { PrintImage, PrintPage } from './print-page';
import { CSS_PIXELS_PER_MM, fitPrintView, viewBounds } from './print-scale';
import { buildMaskFilter, buildPrintStyle, NO_MASK, PRINT_MASK_LAYER } from './print-style';

/** Resolution of the map pictures on paper (the issue asks for at least 200 dpi). */
export const PRINT_MAP_DPI = 220;

export interface PrintRequest {
  paper: PaperName;
  orientation: Orientation;
  extent: PrintExtent;
  /** One page per unit of this grouping, or a single page of `extent`. */
  atlas: UnitGrouping | null;
  title: string;
  /** ISO date; null = the latest indicator date. */
  dataDate: string | null;
  locale: Locale;
  t: Translate;
  layer: LayerName;
  operators: string[] | null;
  isDemo: boolean;
  /** Hamlets as analysed (merger table applied). */
  hamlets: Hamlet[];
  report: CoverageReport;
  config: CoverageConfig;
  fibrePoints: FibrePoint[];
  indicators: IndicatorValue[];
  basemap: BasemapOptions;
  printDate: Date;
  /** The plan: a whole-area page is named as the plan's area on the data date (else `print.province`). */
  plan?: PlanProfile;
}

export interface PrintOutput {
  pages: PrintPage[];
  images: PrintImage[];
  /** The same pictures as blobs (for the PNG export and the SVG preview). */
  blobs: Map<string, Blob>;
  renderMs: number;
}

interface PageUnit {
  label: string;
  hamlets: Hamlet[];
  bounds: [number, number, number, number];
  /** The veil over hamlets outside the unit, or null for the province and the current view. */
  mask: FilterSpecification | null;
  /** The unit's own KPIs, as the engine grouped them; null for the province and the current view. */
  kpis: KpiSet | null;
}

function pageUnit(request: PrintRequest, grouping: UnitGrouping, unit: ReportUnit): PageUnit | null {
  const members = request.hamlets.filter((hamlet) => unit.hamletIds.has(hamlet.id));
  const bounds = hamletsBounds(members);
  if (!bounds) return null;
  return { label: formatUnitLabel(unit.row), hamlets: members, bounds, mask: buildMaskFilter(grouping, unit.row.key), kpis: unit.row };
}

function resolveUnits(request: PrintRequest, dataDate: string | null): PageUnit[] {
  const { hamlets, t, report } = request;
  const areaName = request.plan ? planAuthorityOn(request.plan, dataDate ?? request.printDate.toISOString().slice(0, 10)).areaName : t('print.province');
  if (request.atlas) {
    const grouping = request.atlas;
    return reportUnits(report, grouping).flatMap((row) => {
      const unit = findReportUnit(report, grouping, row.key);
      return 'row' in unit ? (pageUnit(request, grouping, unit) ?? []) : [];
    });
  }
  const extent = request.extent;
  if (extent.kind === 'province') return [{ label: areaName, hamlets, bounds: hamletsBounds(hamlets) ?? [105.5, 9.2, 106.3, 9.95], mask: null, kpis: null }];
  if (extent.kind === 'view') return [{ label: t('print.extent.view'), hamlets, bounds: extent.bounds, mask: null, kpis: null }];
  const unit = findReportUnit(report, extent.kind, extent.key);
  const page = 'row' in unit ? pageUnit(request, extent.kind, unit) : null;
  if (!page) throw new Error(`no hamlet in ${extent.kind} "${extent.key}"`);
  return [page];
}

function abortError(): Error {
  return new DOMException('print cancelled', 'AbortError');
}

/**
 * Lays out every page: one per unit (atlas) or one for the extent, each with its map picture rendered
 * offscreen at `PRINT_MAP_DPI`, and the hamlet lists that overflow continued on following pages.
 * Calls `onProgress(done, total)` after each unit; stops with an AbortError when `signal` is aborted.
 */
export async function runPrintJob(request: PrintRequest, onProgress: (done: number, total: number) => void, signal?: AbortSignal): Promise<PrintOutput> {
  const started = performance.now();
  const fonts = await loadPrintFonts();
  const { t, locale } = request;
  const frames = computePageFrames(request.paper, request.orientation);
  const widthCss = Math.round(frames.map.width * CSS_PIXELS_PER_MM);
  const heightCss = Math.round(frames.map.height * CSS_PIXELS_PER_MM);
  const style = buildPrintStyle({ layer: request.layer, basemap: request.basemap, hamlets: request.hamlets, report: request.report, fibrePoints: request.fibrePoints });
  const dataDate = request.dataDate ?? latestDataDate(request.indicators);
  const units = resolveUnits(request, dataDate);
  const printDate = formatIsoDate(request.printDate.toISOString().slice(0, 10), locale);
  const footerRight = t('print.footerRight', { dataDate: dataDate ? formatIsoDate(dataDate, locale) : '—', printDate, page: '{page}', pages: '{pages}' });
  const footerLeft = request.isDemo ? t('print.sourceDemo', { notice: t('demo.notice') }) : t('print.sourceImported');
  const demoMark = request.isDemo ? t('app.demoBanner') : null;
  const layerLabel = t(`layer.${request.layer}`);
  const pages: PrintPage[] = [];
  const images: PrintImage[] = [];
  const blobs = new Map<string, Blob>();
  onProgress(0, units.length);
  let offscreen: OffscreenMap | null = null;
  try {
    const openStarted = performance.now();
    offscreen = await MapController.openOffscreen(style, { widthCss, heightCss, pixelRatio: PRINT_MAP_DPI / 96 });
    performance.measure('print-map-open', { start: openStarted });
    for (const [index, unit] of units.entries()) {
      if (signal?.aborted) throw abortError();
      const view = fitPrintView(unit.bounds, frames.map.width, frames.map.height);
      const mask = unit.mask ?? NO_MASK;
      const renderStarted = performance.now();
      const picture = await offscreen.render({ center: view.center, zoom: view.zoom }, { [PRINT_MASK_LAYER]: mask });
      performance.measure('print-map-render', { start: renderStarted });
      if (signal?.aborted) throw abortError();
      const imageId = `map-${index}`;
      images.push({ id: imageId, bytes: new Uint8Array(await picture.blob.arrayBuffer()), mimeType: 'image/jpeg', widthPx: picture.widthPx, heightPx: picture.heightPx });
      blobs.set(imageId, picture.blob);
      const unitKpis = unit.kpis;
      const memberIds = new Set(unit.hamlets.map((hamlet) => hamlet.id));
      const title = request.atlas ? `${request.title} — ${unit.label}` : request.title;
      const subtitle = buildSubtitle({ extentLabel: unit.label, layer: request.layer, operators: request.operators, dataDate }, t, locale);
      const content: MapPageContent = {
        paper: request.paper,
        orientation: request.orientation,
        title,
        subtitle,
        demoMark,
        mapImageId: imageId,
        scale: view.scale,
        scaleTitle: t('print.scale'),
        northLetter: t('print.north'),
        legendTitle: t('legend.title'),
        legend: buildPrintLegend(
          { layer: request.layer, zoom: view.zoom, bounds: viewBounds(view.center, view.zoom, widthCss, heightCss), hamlets: request.hamlets, report: request.report, fibrePoints: request.fibrePoints, hasFadedOutside: mask !== NO_MASK },
          t,
          locale,
        ),
        kpiTitle: unitKpis ? t('print.kpiUnitTitle', { unit: unit.label }) : t('print.kpiTitle'),
        kpiHeaders: t('print.kpiHeaders').split('|') as [string, string, string, string],
        kpiRows: buildKpiRows(request.layer, request.report, request.config, t, locale, unitKpis),
        list: null,
        footerLeft,
        footerRight,
      };
      if (unit.mask) {
        const lines = buildUncoveredLines(request.report.hamlets.filter((result) => memberIds.has(result.id)), request.layer, t, locale);
        content.list = { title: lines.length > 0 ? t('print.uncoveredList', { layer: layerLabel, count: lines.length }) : t('print.uncoveredNone', { layer: layerLabel }), lines };
      }
      let { page, rest } = layoutMapPage(content, fonts.measure);
      pages.push(page);
      while (rest.length > 0) {
        const listTitle = `${content.list!.title} ${t('print.continued')}`;
        ({ page, rest } = layoutListPage({ ...content, listTitle, lines: rest }, fonts.measure));
        pages.push(page);
      }
      onProgress(index + 1, units.length);
    }
  } finally {
    offscreen?.close();
  }
  const total = String(pages.length);
  const numbered = pages.map((page, i) => ({
    ...page,
    items: page.items.map((item) => (item.type === 'text' && item.text.includes('{page}') ? { ...item, text: item.text.replace('{page}', String(i + 1)).replace('{pages}', total) } : item)),
  }));
  return { pages: numbered, images, blobs, renderMs: performance.now() - started };
}
