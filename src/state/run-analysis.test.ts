import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BtsRecord, Hamlet } from '../core';

// The worker client, replaced by one that records every call and what it carried.
const calls = vi.hoisted(() => ({ list: [] as { name: string; argument: unknown }[], revision: null as number | null }));
vi.mock('../worker/client', () => {
  const record = (name: string) => (argument: unknown) => {
    calls.list.push({ name, argument });
  };
  return {
    engineRevision: () => calls.revision,
    setEngineDataset: (dataset: { revision: number }) => {
      record('setEngineDataset')(dataset);
      calls.revision = dataset.revision;
      return Promise.resolve();
    },
    analyzeInWorker: (request: unknown) => {
      record('analyzeInWorker')(request);
      return Promise.resolve({ report: { kpis: {}, hamlets: [], sites: [] }, durationMs: 1 });
    },
  };
});

const { runAnalysis } = await import('./run-analysis');
const { useDatasetStore } = await import('./dataset-store');
const { useSettingsStore } = await import('./settings-store');
const { useUiStore } = await import('./ui-store');

const hamlet: Hamlet = {
  id: 'H1',
  name: 'Ấp 1',
  commune: 'Xã A',
  district: 'Huyện B',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [105.91, 9.6], [105.91, 9.61], [105.9, 9.6]]] },
};
const site: BtsRecord = { siteId: 'S1', operator: 'Viettel', lng: 105.905, lat: 9.605, technologies: ['4G'] };

/** Whether a value handed to the worker carries the hamlets (at any depth up to three). */
function carriesHamlets(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 3) return false;
  const hamlets = (value as { hamlets?: unknown }).hamlets;
  if (Array.isArray(hamlets) && hamlets.length > 0) return true;
  return Object.values(value).some((item) => carriesHamlets(item, depth + 1));
}

const datasetPosts = () => calls.list.filter((call) => carriesHamlets(call.argument)).length;
const analyses = () => calls.list.filter((call) => call.name === 'analyzeInWorker').length;

describe('runAnalysis', () => {
  beforeEach(() => {
    calls.list.length = 0;
    calls.revision = null;
    useSettingsStore.getState().actions.reset();
    useDatasetStore.getState().actions.loadLayers({ hamlets: [hamlet], btsRecords: [site] }, { hamlets: 'imported', btsRecords: 'imported' });
  });

  it('posts the dataset once per revision: a settings or filter change sends no dataset', async () => {
    await runAnalysis();
    expect(datasetPosts()).toBe(1);
    useSettingsStore.getState().actions.setRadius('4G', 1234);
    await runAnalysis();
    useUiStore.getState().actions.setFilters({ operators: ['Viettel'], technologies: null });
    await runAnalysis();
    expect(analyses()).toBe(3);
    expect(datasetPosts()).toBe(1);
    // Each run still carries what changed.
    const last = calls.list.at(-1)!.argument as { config: { radiiMeters: Record<string, number> }; filters: unknown };
    expect(last.config.radiiMeters['4G']).toBe(1234);
    expect(last.filters).toEqual({ operators: ['Viettel'], technologies: null });
    useUiStore.getState().actions.setFilters({ operators: null, technologies: null });
  });

  it('posts the dataset again for a new revision, before the analysis of it', async () => {
    await runAnalysis();
    useDatasetStore.getState().actions.importLayer('btsRecords', [{ ...site, siteId: 'S2' }], 'add');
    await runAnalysis();
    expect(datasetPosts()).toBe(2);
    expect(calls.list.map((call) => call.name)).toEqual(['setEngineDataset', 'analyzeInWorker', 'setEngineDataset', 'analyzeInWorker']);
    const posted = calls.list[2].argument as { revision: number; columns: { btsRecords: { count: number } } };
    expect(posted.revision).toBe(useDatasetStore.getState().revision);
    expect(posted.columns.btsRecords.count).toBe(2);
  });
});
