/**
 * The print job without a browser: every page of a single map or an atlas, laid out and with its map
 * drawn as vectors, handed to `onPage` one at a time (a PDF writer compresses each at once, so an atlas
 * of a hundred communes never holds a hundred maps). Runs the same in the app and in Node (bench, tests).
 */
import { coveredThresholdOf, formatUnitLabel, planAuthorityOn, type ReferenceLayer, type CoverageConfig, type CoverageReport, type FibrePoint, type Hamlet, type HamletResult, type IndicatorValue, type KpiSet, type LayerName, type PlanProfile, type Position } from '../core';
import { formatIsoDate, type Locale } from '../i18n/format';
import { getResolution } from 'h3-js';
import type { BasemapOptions } from '../map/layers/build-style';
import { buildOutlineCollection } from '../map/outlines';
import { layoutContentsColumns, layoutCoverPage, layoutOverviewPage, overviewFrame, type ContentsEntry } from './atlas-pages';
import { computePageFrames, layoutFooter, layoutHeader, layoutListPage, layoutMapPage, type MapPageContent } from './layout-page';
import { buildUnitLabelPoints } from './map-labels';
import type { Orientation, PaperName } from './paper-sizes';
import { buildKeyedUncovered, buildKpiRows, buildPrintLegend, buildSubtitle, findReportUnit, hamletsBounds, latestDataDate, reportUnits, type PrintExtent, type ReportUnit, type Translate, type UnitGrouping } from './print-content';
import type { MeasureText, PrintImage, PrintItem, PrintPage } from './print-page';
import { CSS_PIXELS_PER_MM, fitPrintView, viewBounds, type Bounds } from './print-scale';
import { buildLocatorInset } from './locator-inset';
import { buildReferenceLegend } from './reference-print';
import { buildChallengeLines, buildEvidenceLegend, buildHexOverlay, numberChallengeHexes, type HexOverlay, type PrintEvidence } from './evidence-print';
import { buildMapFrameItems, type MapFrameInput, type OutlineSegments } from './vector-map';

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
  /** Fibre cable routes, drawn on FTTH maps (none when absent). */
  fibreRoutes?: { coordinates: Position[] }[];
  indicators: IndicatorValue[];
  basemap: BasemapOptions;
  printDate: Date;
  /** Atlas units in GSO code order (default) or by name. */
  atlasOrder?: 'code' | 'name';
  /** The plan: a whole-area page is named as the plan's area on the data date (else `print.province`). */
  plan?: PlanProfile;
  /** Field evidence the map shows: the challenged hexagons over the hamlets, or the layer on H3 hexagons. */
  evidence?: PrintEvidence;
  /** Context layers drawn under the coverage and labelled (neighbouring provinces, rivers, roads, the sea). */
  referenceLayers?: ReferenceLayer[];
}

/** Draws the optional basemap of one map frame as a picture (the app's offscreen map); absent in Node. */
export type RenderBasemap = (view: { center: [number, number]; zoom: number }, size: { widthCss: number; heightCss: number }, id: string) => Promise<PrintImage>;

export interface BuildPagesOptions {
  measure: MeasureText;
  onPage: (page: PrintPage, images: Map<string, PrintImage>) => void | Promise<void>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  renderBasemap?: RenderBasemap;
}

interface PageUnit {
  key: string;
  label: string;
  hamlets: Hamlet[];
  bounds: Bounds;
  /** Ids of the unit's hamlets (the others are veiled), or null for the province and the current view. */
  unitIds: Set<string> | null;
  /** The unit's own KPIs, as the engine grouped them; null for the province and the current view. */
  kpis: KpiSet | null;
}

function pageUnit(request: PrintRequest, unit: ReportUnit): PageUnit | null {
  const members = request.hamlets.filter((hamlet) => unit.hamletIds.has(hamlet.id));
  const bounds = hamletsBounds(members);
  if (!bounds) return null;
  return { key: unit.row.key, label: formatUnitLabel(unit.row), hamlets: members, bounds, unitIds: unit.hamletIds, kpis: unit.row };
}

function resolveUnits(request: PrintRequest, dataDate: string | null): PageUnit[] {
  const { hamlets, t, report } = request;
  const areaName = request.plan ? planAuthorityOn(request.plan, dataDate ?? request.printDate.toISOString().slice(0, 10)).areaName : t('print.province');
  if (request.atlas) {
    const grouping = request.atlas;
    const collator = new Intl.Collator(request.locale === 'vi' ? 'vi' : 'en', { numeric: true });
    const rows = [...reportUnits(report, grouping)].sort((a, b) =>
      request.atlasOrder === 'name' ? collator.compare(formatUnitLabel(a), formatUnitLabel(b)) || collator.compare(a.code ?? a.key, b.code ?? b.key) : collator.compare(a.code ?? a.key, b.code ?? b.key),
    );
    return rows.flatMap((row) => {
      const unit = findReportUnit(report, grouping, row.key);
      return 'row' in unit ? (pageUnit(request, unit) ?? []) : [];
    });
  }
  const extent = request.extent;
  if (extent.kind === 'province') return [{ key: '', label: areaName, hamlets, bounds: hamletsBounds(hamlets) ?? [105.5, 9.2, 106.3, 9.95], unitIds: null, kpis: null }];
  if (extent.kind === 'view') return [{ key: '', label: t('print.extent.view'), hamlets, bounds: extent.bounds, unitIds: null, kpis: null }];
  const unit = findReportUnit(report, extent.kind, extent.key);
  const page = 'row' in unit ? pageUnit(request, unit) : null;
  if (!page) throw new Error(`no hamlet in ${extent.kind} "${extent.key}"`);
  return [page];
}

function abortError(): Error {
  return new DOMException('print cancelled', 'AbortError');
}

function outlineSegments(hamlets: Hamlet[]): OutlineSegments[] {
  return buildOutlineCollection(hamlets).features.map((feature) => ({ level: feature.properties.level, segments: feature.geometry.coordinates as [Position, Position][] }));
}

function unitNames(report: CoverageReport, grouping: UnitGrouping): Map<string, string> {
  return new Map(reportUnits(report, grouping).map((row) => [row.key, row.label]));
}

/** What every page of a job shares: frames, texts of header and footer, the map's data prepared once. */
function prepareJob(request: PrintRequest) {
  const { t, locale } = request;
  const frames = computePageFrames(request.paper, request.orientation);
  const dataDate = request.dataDate ?? latestDataDate(request.indicators);
  const printDate = formatIsoDate(request.printDate.toISOString().slice(0, 10), locale);
  const results = new Map<string, HamletResult>(request.report.hamlets.map((result) => [result.id, result]));
  const northRadius = 6 * frames.fontScale;
  const authority = request.plan ? planAuthorityOn(request.plan, request.printDate.toISOString().slice(0, 10)) : null;
  // "Sở Khoa học và Công nghệ" of "UBND thành phố Cần Thơ" reads "Sở Khoa học và Công nghệ thành phố Cần Thơ".
  const issuer = authority ? `${authority.issuingBody} ${authority.governingBody.replace(/^(UBND|Ủy ban nhân dân)\s+/iu, '')}` : null;
  const notes = [...(issuer ? [t('print.issuedBy', { body: issuer })] : []), t('print.coordinateSystem')];
  return {
    notes,
    areaBounds: hamletsBounds(request.hamlets) ?? ([105.5, 9.2, 106.3, 9.95] as Bounds),
    frames,
    dataDate,
    printDate,
    results,
    footerRight: t('print.footerRight', { dataDate: dataDate ? formatIsoDate(dataDate, locale) : '—', printDate, page: '{page}', pages: '{pages}' }),
    footerLeft: request.isDemo ? t('print.sourceDemo', { notice: t('demo.notice') }) : t('print.sourceImported'),
    demoMark: request.isDemo ? t('app.demoBanner') : null,
    mapBase: {
      layer: request.layer,
      hamlets: request.hamlets,
      results,
      outlines: outlineSegments(request.hamlets),
      sites: request.report.sites,
      fibrePoints: request.fibrePoints,
      fibreRoutes: request.fibreRoutes ?? [],
      referenceLayers: request.referenceLayers ?? [],
      districtLabels: buildUnitLabelPoints(request.hamlets, results, 'district', unitNames(request.report, 'district')),
      communeLabels: buildUnitLabelPoints(request.hamlets, results, 'commune', unitNames(request.report, 'commune')),
      fontScale: frames.fontScale,
      // The north arrow's corner stays free of labels.
      blocked: [[frames.map.x + frames.map.width - 2 * northRadius - 5, frames.map.y, frames.map.x + frames.map.width, frames.map.y + 2 * northRadius + 5]],
    },
  };
}

type Job = ReturnType<typeof prepareJob>;

/** The content of a unit's map page, with `map` the vector frame or null (to count pages first). */
function unitContent(request: PrintRequest, job: Job, unit: PageUnit, map: PrintItem | null): { content: MapPageContent; keys: Map<string, number>; view: ReturnType<typeof fitPrintView>; hexagons: HexOverlay | undefined } {
  const { t, locale, evidence } = request;
  const { frames } = job;
  const view = fitPrintView(unit.bounds, frames.map.width, frames.map.height);
  const widthCss = Math.round(frames.map.width * CSS_PIXELS_PER_MM);
  const heightCss = Math.round(frames.map.height * CSS_PIXELS_PER_MM);
  const bounds = viewBounds(view.center, view.zoom, widthCss, heightCss);
  const threshold = coveredThresholdOf(request.report.coveredThreshold, request.layer);
  // Inside a sentence the layer is written in lower case ("Mọi ấp, khóm đều được phủ di động băng rộng").
  const layerLabel = t(`layer.inSentence.${request.layer}`);
  // An evidence page lists its hexagons, not the uncovered hamlets (which the H3 view does not draw).
  const keyed = unit.unitIds && !evidence ? buildKeyedUncovered(request.report.hamlets.filter((result) => unit.unitIds!.has(result.id)), request.layer, t, locale) : null;
  const hexKeys = evidence?.kind === 'challenges' ? numberChallengeHexes(evidence.challenges, bounds) : new Map<string, number>();
  let list: MapPageContent['list'] = keyed ? { title: keyed.lines.length > 0 ? t('print.uncoveredList', { layer: layerLabel, count: keyed.lines.length }) : t('print.uncoveredNone', { layer: layerLabel }), lines: keyed.lines } : null;
  if (evidence?.kind === 'challenges') {
    const lines = buildChallengeLines(evidence.challenges, hexKeys, t, locale);
    list = { title: lines.length > 0 ? t('print.challengeList', { count: hexKeys.size }) : t('print.challengeNone'), lines };
  }
  const legend = buildPrintLegend(
    { layer: request.layer, zoom: view.zoom, bounds, hamlets: request.hamlets, report: request.report, fibrePoints: request.fibrePoints, fibreRoutes: request.fibreRoutes ?? [], hasFadedOutside: unit.unitIds !== null, keyCount: keyed?.keys.size ?? 0, hasHamletFills: evidence?.kind !== 'h3View' },
    t,
    locale,
  );
  const subtitle = buildSubtitle({ extentLabel: unit.label, layer: request.layer, operators: request.operators, dataDate: job.dataDate }, t, locale);
  const resolution = evidence?.kind === 'h3View' ? evidence.resolution : evidence?.challenges[0] ? getResolution(evidence.challenges[0].h3) : null;
  const content: MapPageContent = {
    paper: request.paper,
    orientation: request.orientation,
    title: request.atlas ? `${request.title} — ${unit.label}` : request.title,
    subtitle: resolution === null ? subtitle : `${subtitle} · ${t('print.hexResolution', { resolution })}`,
    demoMark: job.demoMark,
    map,
    scale: view.scale,
    scaleTitle: t('print.scale'),
    northLetter: t('print.north'),
    legendTitle: t('legend.title'),
    legend: [...(evidence ? buildEvidenceLegend(evidence, threshold, hexKeys.size, t, locale) : []), ...legend, ...buildReferenceLegend(request.referenceLayers ?? [], bounds, t)],
    kpiTitle: unit.kpis ? t('print.kpiUnitTitle', { unit: unit.label }) : t('print.kpiTitle'),
    kpiHeaders: t('print.kpiHeaders').split('|') as [string, string, string, string],
    kpiRows: buildKpiRows(request.layer, request.report, request.config, t, locale, unit.kpis),
    list,
    notes: job.notes,
    footerLeft: job.footerLeft,
    footerRight: job.footerRight,
  };
  return { content, keys: keyed?.keys ?? new Map(), view, hexagons: evidence ? buildHexOverlay(evidence, threshold, hexKeys) : undefined };
}

/** A unit's map page and the list pages that continue it. */
function layoutUnitPages(request: PrintRequest, content: MapPageContent, measure: MeasureText): PrintPage[] {
  const pages: PrintPage[] = [];
  let { page, rest } = layoutMapPage(content, measure);
  pages.push(page);
  while (rest.length > 0) {
    const listTitle = `${content.list!.title} ${request.t('print.continued')}`;
    ({ page, rest } = layoutListPage({ ...content, listTitle, lines: rest }, measure));
    pages.push(page);
  }
  return pages;
}

function numberPage(page: PrintPage, number: number, total: number): PrintPage {
  return { ...page, items: page.items.map((item) => (item.type === 'text' && item.text.includes('{page}') ? { ...item, text: item.text.replace('{page}', String(number)).replace('{pages}', String(total)) } : item)) };
}

/**
 * Builds every page in order and hands each to `options.onPage`: first the page count is found from
 * the text layout alone (so "Trang 3/115" is right on page 3), then each unit's map is drawn and its
 * pages delivered. Calls `onProgress(done, total)` per unit; stops with an AbortError when aborted.
 * @returns the number of pages
 */
export async function buildPrintPages(request: PrintRequest, options: BuildPagesOptions): Promise<number> {
  const job = prepareJob(request);
  const units = resolveUnits(request, job.dataDate);
  const counts = units.map((unit) => layoutUnitPages(request, unitContent(request, job, unit, null).content, options.measure).length);
  const front = request.atlas ? buildAtlasFront(request, job, units, counts, options.measure) : [];
  const total = front.length + counts.reduce((sum, count) => sum + count, 0);
  const { frames } = job;
  let number = 0;
  for (const page of front) {
    number += 1;
    await options.onPage(numberPage(page, number, total), new Map());
  }
  options.onProgress?.(0, units.length);
  for (const [index, unit] of units.entries()) {
    if (options.signal?.aborted) throw abortError();
    const { keys, view, hexagons } = unitContent(request, job, unit, null);
    const images = new Map<string, PrintImage>();
    let basemapImageId: string | null = null;
    if (options.renderBasemap && request.basemap.isEnabled) {
      const image = await options.renderBasemap(view, { widthCss: Math.round(frames.map.width * CSS_PIXELS_PER_MM), heightCss: Math.round(frames.map.height * CSS_PIXELS_PER_MM) }, `basemap-${index}`);
      images.set(image.id, image);
      basemapImageId = image.id;
    }
    // A unit page shows where the unit lies in the whole area; labels keep clear of that corner.
    const inset = unit.unitIds ? buildLocatorInset(frames.map, view, request.hamlets, unit.unitIds, job.areaBounds) : null;
    const mapInput: MapFrameInput = { ...job.mapBase, frame: frames.map, view, unitIds: unit.unitIds, keys, basemapImageId, measure: options.measure, blocked: [...job.mapBase.blocked, ...(inset ? [inset.box] : [])], hexagons };
    const map = buildMapFrameItems(mapInput);
    if (inset && map.type === 'group') map.items.push(inset.item);
    for (const page of layoutUnitPages(request, unitContent(request, job, unit, map).content, options.measure)) {
      number += 1;
      await options.onPage(numberPage(page, number, total), images);
    }
    options.onProgress?.(index + 1, units.length);
    // Let the page breathe (progress bar, cancel button) between units.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return total;
}

/** Cover, overview (every unit numbered as in the contents) and contents pages of an atlas. */
function buildAtlasFront(request: PrintRequest, job: Job, units: PageUnit[], counts: number[], measure: MeasureText): PrintPage[] {
  const { t, locale } = request;
  const grouping = request.atlas!;
  const { frames } = job;
  const scale = frames.fontScale;
  const authority = request.plan ? planAuthorityOn(request.plan, request.printDate.toISOString().slice(0, 10)) : null;
  const area = request.plan ? planAuthorityOn(request.plan, job.dataDate ?? request.printDate.toISOString().slice(0, 10)).areaName : t('print.province');
  const layerLine = [t('print.layer', { layer: t(`layer.${request.layer}`) }), t('print.operators', { list: request.operators === null ? t('print.allOperators') : request.operators.join(', ') || '∅' })].join(' · ');
  const cover = layoutCoverPage(
    {
      paper: request.paper,
      orientation: request.orientation,
      governingBody: authority?.governingBody ?? null,
      issuingBody: authority?.issuingBody ?? null,
      title: request.title,
      kind: `${area} — ${t(`print.atlas.kind.${grouping}`, { count: units.length })}`,
      layerLine,
      dataDateLine: t('print.atlas.dataDate', { date: job.dataDate ? formatIsoDate(job.dataDate, locale) : '—' }),
      dateLine: authority ? t('print.atlas.placeDate', { place: authority.place, date: job.printDate }) : t('print.atlas.printDate', { date: job.printDate }),
      demoMark: job.demoMark,
      footerLeft: job.footerLeft,
    },
    measure,
  );
  // The overview: the whole area, every unit's number on its label point.
  const frame = overviewFrame(request.paper, request.orientation);
  const allBounds = hamletsBounds(request.hamlets) ?? [105.5, 9.2, 106.3, 9.95];
  const view = fitPrintView(allBounds, frame.width, frame.height);
  const names = new Map(units.map((unit) => [unit.key, unit.label]));
  const points = new Map(buildUnitLabelPoints(request.hamlets, job.results, grouping, names).map((point) => [point.key, point]));
  const unitNumbers = units.flatMap((unit, i) => {
    const point = points.get(unit.key);
    return point ? [{ lng: point.lng, lat: point.lat, number: i + 1 }] : [];
  });
  // No sites or fibre here: the overview is for finding a unit, not for reading coverage.
  const map = buildMapFrameItems({ ...job.mapBase, sites: [], fibrePoints: [], fibreRoutes: [], frame, view, unitIds: null, keys: new Map(), basemapImageId: null, measure, unitNumbers, blocked: [] });
  const header = (title: string) => layoutHeader(frames.header, title, `${area} · ${layerLine}`, job.demoMark, scale, measure);
  const footer = layoutFooter(frames.footer, job.footerLeft, job.footerRight, scale, measure);
  const overview = layoutOverviewPage({ paper: request.paper, orientation: request.orientation, title: '', subtitle: '', note: t('print.atlas.overviewNote'), map, header: header(t('print.atlas.overviewTitle', { area })), footer });
  // Contents: counted once with placeholder pages, then with the real first page of each unit.
  const columnCount = request.orientation === 'landscape' ? 2 : 1;
  const bodyTop = frames.header.y + frames.header.height;
  const columnWidth = (frames.header.width - 8 * (columnCount - 1)) / columnCount;
  const columns = Array.from({ length: columnCount }, (_, i) => ({ x: frames.header.x + i * (columnWidth + 8), y: bodyTop, width: columnWidth, height: frames.footer.y - bodyTop - 4 }));
  const layoutContents = (entries: ContentsEntry[]): PrintPage[] => {
    const pages: PrintPage[] = [];
    let rest = entries;
    do {
      const laid = layoutContentsColumns(columns, t('print.atlas.contents'), t('print.atlas.contentsPage'), rest, scale, measure);
      pages.push({ widthMm: frames.page.widthMm, heightMm: frames.page.heightMm, items: [...header(request.title), ...laid.items, ...footer] });
      rest = laid.rest;
    } while (rest.length > 0);
    return pages;
  };
  const placeholder = units.map((unit, i): ContentsEntry => ({ number: i + 1, label: unit.label, page: null }));
  const contentsCount = layoutContents(placeholder).length;
  let next = 2 + contentsCount + 1;
  const entries = units.map((unit, i): ContentsEntry => {
    const entry = { number: i + 1, label: unit.label, page: next };
    next += counts[i];
    return entry;
  });
  return [cover, overview, ...layoutContents(entries)];
}
