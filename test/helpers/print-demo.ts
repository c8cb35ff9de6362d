// The print job on the demo dataset in Node: the request the app would build (default settings,
// merger table applied), the fonts from the installed package, and a PDF written page by page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  applyMergerTable,
  buildCoverageReport,
  createCoverageAnalysis,
  NEW_COMMUNE_FIELD,
  parseBtsGeoJson,
  parseFibreGeoJson,
  parseHamletsGeoJson,
  parseIndicatorsJson,
  parseMergerCsv,
  SOC_TRANG_2025_PROFILE,
  type CoverageAnalysis,
  type CoverageReport,
  type Hamlet,
  type IndicatorValue,
  type FibrePoint,
} from '../../src/core';
import { translate } from '../../src/i18n/use-t';
import { buildPrintPages, type PrintRequest } from '../../src/print/build-print-pages';
import { createMeasure } from '../../src/print/print-measure';
import { createPdfWriter } from '../../src/print/render-pdf';
import { buildCoverageConfig, DEFAULT_SETTINGS } from '../../src/state/settings-store';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GEODATA = path.join(ROOT, 'public/geodata');
const FONT_DIR = path.join(ROOT, 'node_modules/@expo-google-fonts/be-vietnam-pro');

export const PRINT_FONT_BYTES = {
  regular: new Uint8Array(readFileSync(path.join(FONT_DIR, '400Regular/BeVietnamPro_400Regular.ttf'))),
  bold: new Uint8Array(readFileSync(path.join(FONT_DIR, '700Bold/BeVietnamPro_700Bold.ttf'))),
};
export const printMeasure = createMeasure(PRINT_FONT_BYTES.regular, PRINT_FONT_BYTES.bold);

interface DemoAnalysis {
  analysis: CoverageAnalysis;
  hamlets: Hamlet[];
  report: CoverageReport;
  fibrePoints: FibrePoint[];
  indicators: IndicatorValue[];
}

let demo: DemoAnalysis | null = null;

/** The demo dataset analysed as the app does it on first load (computed once per process). */
export function loadDemoAnalysis(): DemoAnalysis {
  if (demo) return demo;
  const read = (file: string) => readFileSync(path.join(GEODATA, file), 'utf8');
  const fibre = parseFibreGeoJson(read('fibre.geojson'), 'fibre.geojson');
  const merger = parseMergerCsv(read('merger-2025.csv'), 'merger-2025.csv').items;
  const hamlets = applyMergerTable(parseHamletsGeoJson(read('hamlets.geojson'), 'hamlets.geojson').items, merger);
  const indicators = parseIndicatorsJson(read('indicators.json'), 'indicators.json').items;
  const input = { hamlets, btsRecords: parseBtsGeoJson(read('sites.geojson'), 'sites.geojson').items, fibrePoints: fibre.points.items, fibreRoutes: fibre.routes.items, indicators, demo: true };
  const analysis = createCoverageAnalysis(input, buildCoverageConfig(DEFAULT_SETTINGS));
  const report = buildCoverageReport(analysis, ['district', 'commune', NEW_COMMUNE_FIELD]);
  demo = { analysis, hamlets, report, fibrePoints: fibre.points.items, indicators };
  return demo;
}

/** The app's print request for the demo (A4 landscape province, mobile, Vietnamese) with `patch` applied. */
export function demoPrintRequest(patch: Partial<PrintRequest> = {}): PrintRequest {
  const analysis = loadDemoAnalysis();
  const locale = patch.locale ?? 'vi';
  const t: PrintRequest['t'] = (key, values) => translate(locale, key, values);
  const layer = patch.layer ?? 'mobile';
  return {
    paper: 'A4',
    orientation: 'landscape',
    extent: { kind: 'province' },
    atlas: null,
    title: t(`print.titleDefault.${layer}`),
    dataDate: null,
    locale,
    t,
    layer,
    operators: null,
    isDemo: true,
    hamlets: analysis.hamlets,
    report: analysis.report,
    config: buildCoverageConfig(DEFAULT_SETTINGS),
    fibrePoints: analysis.fibrePoints,
    indicators: analysis.indicators,
    basemap: { isEnabled: false, url: '', attribution: '' },
    printDate: new Date('2026-03-02T08:00:00Z'),
    plan: SOC_TRANG_2025_PROFILE,
    ...patch,
  };
}

/** The request's PDF, written page by page as the app's export does; `pages` = page count. */
export async function writeDemoPdf(request: PrintRequest): Promise<{ bytes: Uint8Array; pages: number }> {
  const writer = await createPdfWriter(PRINT_FONT_BYTES, { title: request.title, subject: 'Phủ sóng số', language: 'vi-VN', createdAt: request.printDate });
  const pages = await buildPrintPages(request, { measure: printMeasure, onPage: (page, images) => writer.addPage(page, images) });
  return { bytes: await writer.save(), pages };
}
