import { applyMergerTable, filterCoverageInput, NEW_COMMUNE_FIELD, type CoverageInput } from '../core';
import { analyzeInWorker, engineRevision, setEngineDataset } from '../worker/client';
import type { EngineDataset } from '../worker/messages';
import { encodeRecordColumns } from '../worker/record-columns';
import { useAnalysisStore } from './analysis-store';
import { selectIndicatorRows, selectIsDemo, useDatasetStore, type DatasetState } from './dataset-store';
import { usePlanStore } from './plan-store';
import { buildCoverageConfig, useSettingsStore } from './settings-store';
import { useUiStore } from './ui-store';

let generation = 0;
// Post-2025 communes come from the merger table or from the hamlet layer's own new_code / new_name;
// with neither, the engine's grouping has one unassigned row and the dashboard leaves it out.
const ANALYSIS_GROUP_BY = ['district', 'commune', NEW_COMMUNE_FIELD];
let timer: ReturnType<typeof setTimeout> | null = null;

/** The engine input for the current dataset, merger table and filters. */
export function buildAnalysisInput(): { input: CoverageInput; groupBy: string[] } {
  const dataset = useDatasetStore.getState();
  const hamlets = applyMergerTable(dataset.hamlets, dataset.merger);
  const input: CoverageInput = {
    hamlets,
    btsRecords: dataset.btsRecords,
    fibrePoints: dataset.fibrePoints,
    fibreRoutes: dataset.fibreRoutes,
    indicators: selectIndicatorRows(dataset),
    demo: selectIsDemo(dataset),
  };
  return { input: filterCoverageInput(input, useUiStore.getState().filters), groupBy: ANALYSIS_GROUP_BY };
}

/** What the engine worker keeps of a revision: the unfiltered input, sites and fibre points as columns. */
function buildEngineDataset(dataset: DatasetState): EngineDataset {
  return {
    revision: dataset.revision,
    input: { hamlets: applyMergerTable(dataset.hamlets, dataset.merger), fibreRoutes: dataset.fibreRoutes, indicators: selectIndicatorRows(dataset), demo: selectIsDemo(dataset) },
    columns: { btsRecords: encodeRecordColumns('btsRecord', dataset.btsRecords), fibrePoints: encodeRecordColumns('fibrePoint', dataset.fibrePoints) },
  };
}

/**
 * Runs the engine in the worker now; a result that a newer run overtook is dropped. The dataset goes
 * to the worker once per revision; a run sends only the filters and the settings.
 */
export async function runAnalysis(): Promise<void> {
  const dataset = useDatasetStore.getState();
  if (dataset.status !== 'ready' || dataset.hamlets.length === 0) return;
  const run = ++generation;
  const { actions } = useAnalysisStore.getState();
  actions.start();
  try {
    // Posted before the analysis, in the same queue: the worker takes them in order.
    if (engineRevision() !== dataset.revision) setEngineDataset(buildEngineDataset(dataset)).catch(() => undefined);
    const config = buildCoverageConfig(useSettingsStore.getState(), usePlanStore.getState().profile.targets);
    const request = { revision: dataset.revision, filters: useUiStore.getState().filters, config, groupBy: ANALYSIS_GROUP_BY };
    const response = await analyzeInWorker(request, (done, total) => {
      if (run === generation) actions.setProgress(total === 0 ? 1 : done / total);
    });
    if (run === generation) {
      actions.finish(response.report, response.durationMs);
      performance.mark('analysis-done', { detail: { workerMs: response.durationMs } });
    }
  } catch (error) {
    if (run === generation) actions.fail(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Resolves once no analysis is waiting to start or running, so what is written from the report (the
 * annual report) reflects every change made before (a plan's new targets, a setting, a filter).
 */
export function whenAnalysisSettled(): Promise<void> {
  const isSettled = () => timer === null && useAnalysisStore.getState().status !== 'running';
  if (isSettled()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!isSettled()) return;
      unsubscribe();
      clearInterval(poll);
      resolve();
    };
    const unsubscribe = useAnalysisStore.subscribe(check);
    // A run still waiting on its timer changes no store until it starts.
    const poll = setInterval(check, 50);
  });
}

/** Runs the analysis after `delayMs` of quiet, so dragging a slider does not queue a run per step. */
export function scheduleAnalysis(delayMs = 250): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void runAnalysis();
  }, delayMs);
}

/** Re-runs the analysis whenever its input changes: dataset, filters or settings. Returns the unsubscriber. */
export function startAnalysisRunner(): () => void {
  const unsubscribers = [
    useDatasetStore.subscribe((state, previous) => {
      // At once, not after a timer: the dataset and the run reach the worker before the page renders the new dataset.
      if (state.revision !== previous.revision) {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        void runAnalysis();
      }
    }),
    useUiStore.subscribe((state, previous) => {
      if (state.filters !== previous.filters) scheduleAnalysis(0);
    }),
    usePlanStore.subscribe((state, previous) => {
      if (state.profile.targets !== previous.profile.targets) scheduleAnalysis(0);
    }),
    useSettingsStore.subscribe((state, previous) => {
      if (state.radiiMeters !== previous.radiiMeters || state.coveredThreshold !== previous.coveredThreshold || state.colocationMeters !== previous.colocationMeters || state.radiusOverrides !== previous.radiusOverrides) {
        scheduleAnalysis(300);
      }
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
