import { parseMergerCsv } from '../core';
import { parseLayerInWorker } from '../worker/client';
import type { LayerKind, ParsedLayer } from '../worker/messages';
import { useAnalysisStore } from './analysis-store';
import { allowedBasemapOrigin, rememberBasemapOrigin, tileOrigin } from './connection-policy';
import { useDatasetStore, type DatasetLayerName, type DatasetLayers, type LayerOrigin } from './dataset-store';
import { clearStored, forgetLayers, listStoredLayers, loadStored } from './persistence';
import { afterMapDrawn, askAboutUnfinishedRestore, clearRestoreMarker, readRestoreMarker, useRestoreStore, writeRestoreMarker } from './restore-guard';
import { useSettingsStore, type Settings } from './settings-store';
import { useMeasurementsStore } from './measurements-store';
import { useReferenceStore } from './reference-store';

const DEMO_FILES: Record<LayerKind, string> = {
  hamlets: 'hamlets.geojson',
  sites: 'sites.geojson',
  fibre: 'fibre.geojson',
  indicators: 'indicators.json',
};
const DEMO_MERGER_FILE = 'merger-2025.csv';

function demoUrl(file: string): string {
  return `${import.meta.env.BASE_URL}geodata/${file}`;
}

async function fetchDemo(file: string): Promise<Response> {
  const response = await fetch(demoUrl(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response;
}

async function fetchText(file: string): Promise<string> {
  return (await fetchDemo(file)).text();
}

/** A demo layer, fetched as bytes and decoded and parsed in the worker (the page's thread draws the map meanwhile). */
async function parseDemo(kind: LayerKind): Promise<ParsedLayer> {
  const bytes = await (await fetchDemo(DEMO_FILES[kind])).arrayBuffer();
  const parsed = await parseLayerInWorker({ kind, bytes, fileName: DEMO_FILES[kind], format: 'json' });
  if (parsed.kind === 'error') throw new Error(parsed.message);
  return parsed;
}

/**
 * The stored layers to restore: all of them, unless the last restore of some never finished (the tab
 * crashed) and the user chooses to open without those, which are then forgotten.
 */
async function chooseStoredLayers(): Promise<DatasetLayerName[]> {
  const stored = await listStoredLayers().catch((): DatasetLayerName[] => []);
  const unfinished = (readRestoreMarker() ?? []).filter((name) => stored.includes(name));
  if (unfinished.length === 0) return stored;
  if ((await askAboutUnfinishedRestore(unfinished)) === 'retry') return stored;
  await forgetLayers(unfinished).catch(() => undefined);
  return stored.filter((name) => !unfinished.includes(name));
}

/**
 * Clears the restore marker once the restored dataset has been analysed (the step that runs out of
 * memory) and the map has drawn it (a crash there counts as a failed restore too). Tied to the draw,
 * not to a fixed delay, so a reload just after the map appears is not asked about a restore that finished.
 */
function clearMarkerAfterAnalysis(): void {
  if (useDatasetStore.getState().hamlets.length === 0) return clearRestoreMarker();
  const unsubscribe = useAnalysisStore.subscribe((state) => {
    if (state.status !== 'done') return;
    unsubscribe();
    afterMapDrawn(clearRestoreMarker);
  });
}

/** Stored settings, without a basemap this page may not connect to (its host was not allowed at load). */
function usableSettings(settings: Settings): Settings {
  if (!settings.basemap.isEnabled || tileOrigin(settings.basemap.url) === allowedBasemapOrigin()) return settings;
  return { ...settings, basemap: { ...settings.basemap, isEnabled: false } };
}

/** Loads the demo dataset (in parallel, parsed in the worker), then lays the stored layers over it. */
export async function loadDataset(): Promise<void> {
  const { actions } = useDatasetStore.getState();
  actions.startLoading();
  // The demo is fetched and parsed while the stored layers are listed (and perhaps asked about).
  const demo = Promise.all([parseDemo('hamlets'), parseDemo('sites'), parseDemo('fibre'), parseDemo('indicators'), fetchText(DEMO_MERGER_FILE)]);
  demo.catch(() => undefined);
  try {
    const names = await chooseStoredLayers();
    if (names.length > 0) writeRestoreMarker(names);
    const [[hamlets, sites, fibre, indicators, mergerText], stored] = await Promise.all([
      demo,
      loadStored(names).catch((): Awaited<ReturnType<typeof loadStored>> => ({ layers: {}, origin: {}, settings: undefined, problems: [] })),
    ]);
    const layers: DatasetLayers = {
      hamlets: hamlets.result.items as DatasetLayers['hamlets'],
      btsRecords: sites.result.items as DatasetLayers['btsRecords'],
      fibrePoints: fibre.result.items as DatasetLayers['fibrePoints'],
      fibreRoutes: fibre.kind === 'fibre' ? fibre.routes.items : [],
      indicators: indicators.result.items as DatasetLayers['indicators'],
      enteredIndicators: [],
      merger: parseMergerCsv(mergerText, DEMO_MERGER_FILE).items,
    };
    const origin = Object.fromEntries(Object.keys(layers).map((name) => [name, 'demo'])) as Record<DatasetLayerName, LayerOrigin>;
    origin.enteredIndicators = 'empty';
    for (const name of names) {
      const items = stored.layers[name];
      if (items === undefined) continue;
      (layers as Record<DatasetLayerName, unknown>)[name] = items;
      // A layer restored from a project keeps its origin (a project's demo layer stays marked as demo).
      origin[name] = stored.origin[name] ?? 'imported';
    }
    if (stored.settings) useSettingsStore.getState().actions.load(usableSettings(stored.settings));
    useRestoreStore.getState().actions.setUnreadable(stored.problems);
    actions.loadLayers(layers, origin);
    clearMarkerAfterAnalysis();
    performance.mark('dataset-ready');
  } catch (error) {
    actions.failLoading(error instanceof Error ? error.message : String(error));
  }
}

/**
 * "Back to demo data": forgets imports (the reference layers and field tests among them), entered
 * values, settings and the proposals, then reloads the demo. The plan and its snapshots stay.
 */
export async function resetToDemo(): Promise<void> {
  await clearStored();
  clearRestoreMarker();
  rememberBasemapOrigin(null);
  useSettingsStore.getState().actions.reset();
  useMeasurementsStore.getState().actions.clear();
  useReferenceStore.getState().actions.load([]);
  await loadDataset();
}
