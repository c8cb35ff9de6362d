import { parseMergerCsv } from '../core';
import { parseLayerInWorker } from '../worker/client';
import type { LayerKind, ParsedLayer } from '../worker/messages';
import { useDatasetStore, type DatasetLayerName, type DatasetLayers, type LayerOrigin } from './dataset-store';
import { clearStored, loadStored } from './persistence';
import { useSettingsStore } from './settings-store';
import { useMeasurementsStore } from './measurements-store';

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

async function fetchText(file: string): Promise<string> {
  const response = await fetch(demoUrl(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.text();
}

async function parseDemo(kind: LayerKind): Promise<ParsedLayer> {
  const text = await fetchText(DEMO_FILES[kind]);
  const parsed = await parseLayerInWorker({ kind, text, fileName: DEMO_FILES[kind], format: 'json' });
  if (parsed.kind === 'error') throw new Error(parsed.message);
  return parsed;
}

/** Loads the demo dataset (in parallel, parsed in the worker), then lays the stored imports over it. */
export async function loadDataset(): Promise<void> {
  const { actions } = useDatasetStore.getState();
  actions.startLoading();
  try {
    const [hamlets, sites, fibre, indicators, mergerText, stored] = await Promise.all([
      parseDemo('hamlets'),
      parseDemo('sites'),
      parseDemo('fibre'),
      parseDemo('indicators'),
      fetchText(DEMO_MERGER_FILE),
      loadStored().catch(() => ({ layers: {}, settings: undefined })),
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
    for (const [name, items] of Object.entries(stored.layers)) {
      (layers as unknown as Record<string, unknown>)[name] = items;
      origin[name as DatasetLayerName] = 'imported';
    }
    if (stored.settings) useSettingsStore.getState().actions.load(stored.settings);
    actions.loadLayers(layers, origin);
    performance.mark('dataset-ready');
  } catch (error) {
    actions.failLoading(error instanceof Error ? error.message : String(error));
  }
}

/** "Back to demo data": forgets imports, entered values and settings, then reloads the demo. */
export async function resetToDemo(): Promise<void> {
  await clearStored();
  useSettingsStore.getState().actions.reset();
  useMeasurementsStore.getState().actions.clear();
  await loadDataset();
}
