// The engine's report for what the app shows, computed in Node from the same files and the same
// input-building steps (merger table, filters, default settings).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildCoverageReport,
  createCoverageAnalysis,
  parseBtsCsv,
  parseBtsGeoJson,
  parseFibreGeoJson,
  parseHamletsGeoJson,
  parseIndicatorsJson,
  type BtsRecord,
  type CoverageInput,
  type CoverageReport,
  applyMergerTable,
  filterCoverageInput,
  NEW_COMMUNE_FIELD,
  parseMergerCsv,
  type InputFilters,
  type Hamlet,
} from '../../src/core';
import { buildCoverageConfig, DEFAULT_SETTINGS, type Settings } from '../../src/state/settings-store';

const GEODATA = path.resolve(import.meta.dirname, '../../public/geodata');

function readGeodata(file: string): string {
  return readFileSync(path.join(GEODATA, file), 'utf8');
}

/** The demo dataset as the app loads it. */
export function loadDemoInput(): CoverageInput & { merger: ReturnType<typeof parseMergerCsv>['items'] } {
  const fibre = parseFibreGeoJson(readGeodata('fibre.geojson'), 'fibre.geojson');
  return {
    hamlets: parseHamletsGeoJson(readGeodata('hamlets.geojson'), 'hamlets.geojson').items,
    btsRecords: parseBtsGeoJson(readGeodata('sites.geojson'), 'sites.geojson').items,
    fibrePoints: fibre.points.items,
    fibreRoutes: fibre.routes.items,
    indicators: parseIndicatorsJson(readGeodata('indicators.json'), 'indicators.json').items,
    demo: true,
    merger: parseMergerCsv(readGeodata('merger-2025.csv'), 'merger-2025.csv').items,
  };
}

export interface ExpectedOptions {
  filters?: InputFilters;
  extraCsvSites?: { fileName: string; text: string };
  extraHamlets?: Hamlet[];
  /** Hamlets in place of the demo's (an imported hamlet layer in "replace" mode). */
  hamlets?: Hamlet[];
  settings?: Partial<Settings>;
}

/** The report the app should show for the demo data plus optional imports and filters. */
export function computeExpectedReport(options: ExpectedOptions = {}): CoverageReport {
  const demo = loadDemoInput();
  const extraRecords: BtsRecord[] = options.extraCsvSites ? parseBtsCsv(options.extraCsvSites.text, options.extraCsvSites.fileName).items : [];
  const input: CoverageInput = {
    hamlets: applyMergerTable([...(options.hamlets ?? demo.hamlets), ...(options.extraHamlets ?? [])], demo.merger),
    btsRecords: [...demo.btsRecords, ...extraRecords],
    fibrePoints: demo.fibrePoints,
    fibreRoutes: demo.fibreRoutes,
    indicators: demo.indicators,
    demo: true,
  };
  const filtered = filterCoverageInput(input, options.filters ?? { operators: null, technologies: null });
  const analysis = createCoverageAnalysis(filtered, buildCoverageConfig({ ...DEFAULT_SETTINGS, ...options.settings }));
  return buildCoverageReport(analysis, ['district', 'commune', NEW_COMMUNE_FIELD]);
}
