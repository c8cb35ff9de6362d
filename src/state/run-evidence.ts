import { evaluateEvidenceInWorker, hexViewInWorker, setMeasurementsInWorker } from '../worker/client';
import type { AnalysisInputRequest } from '../worker/evidence-messages';
import { useAnalysisStore } from './analysis-store';
import { useDatasetStore } from './dataset-store';
import { useMeasurementsStore } from './measurements-store';
import { buildAnalysisInput } from './run-analysis';
import { buildCoverageConfig, selectSettings, useSettingsStore } from './settings-store';
import { useUiStore } from './ui-store';

/** The bootstrap's seed: fixed, so the same tests always give the same calibration interval. */
const CALIBRATION_SEED = 13;

let generation = 0;

/** The analysis the evidence worker judges against: the map's own input, config and groupings. */
function analysisRequest(): AnalysisInputRequest {
  const { input, groupBy } = buildAnalysisInput();
  const settings = useSettingsStore.getState();
  const config = buildCoverageConfig(settings);
  const inputKey = `${useDatasetStore.getState().revision}|${JSON.stringify(useUiStore.getState().filters)}|${JSON.stringify(selectSettings(settings))}`;
  return { input, config, groupBy, inputKey };
}

/** The chosen layer (overall, or the one filtered operator's) on H3 hexagons, as GeoJSON; null when it cannot be drawn. */
export async function fetchHexView(resolution: number): Promise<GeoJSON.FeatureCollection | null> {
  const ui = useUiStore.getState();
  const operators = ui.filters.operators ?? [];
  const operator = ui.layer !== 'ftth' && operators.length === 1 ? operators[0] : null;
  const measurements = useMeasurementsStore.getState();
  const hasTests = measurements.set !== null && measurements.set.count > 0;
  if (hasTests) await sendMeasurements();
  const response = await hexViewInWorker({ ...analysisRequest(), layer: ui.layer, operator, resolution, tests: hasTests ? { rsrpThresholdDbm: measurements.rules.rsrpThresholdDbm } : null });
  return 'kind' in response && response.kind === 'error' ? null : (response as GeoJSON.FeatureCollection);
}
let sentRevision = -1;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Hands the worker the tests when it does not hold the current ones. */
async function sendMeasurements(): Promise<void> {
  const { set, revision } = useMeasurementsStore.getState();
  if (sentRevision === revision) return;
  await setMeasurementsInWorker(set);
  sentRevision = revision;
}

/** Judges the field tests against the current analysis in the evidence worker; a run a newer one overtook is dropped. */
export async function runEvidence(): Promise<void> {
  const measurements = useMeasurementsStore.getState();
  const { actions } = measurements;
  if (measurements.set === null || measurements.set.count === 0 || useAnalysisStore.getState().report === null) return;
  const run = ++generation;
  actions.start();
  try {
    await sendMeasurements();
    const settings = useSettingsStore.getState();
    const response = await evaluateEvidenceInWorker({ ...analysisRequest(), rules: measurements.rules, seed: CALIBRATION_SEED }, settings.radiusOverrides);
    if (run !== generation) return;
    if (response.kind === 'error') actions.fail(response.message);
    else actions.finish({ measurements: response.measurements, targets: response.targets, effects: response.effects, durationMs: response.durationMs });
  } catch (error) {
    if (run === generation) actions.fail(error instanceof Error ? error.message : String(error));
  }
}

function scheduleEvidence(delayMs: number): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void runEvidence();
  }, delayMs);
}

/** Re-judges the tests whenever the analysis or the tests (or their rules) change. Returns the unsubscriber. */
export function startEvidenceRunner(): () => void {
  const unsubscribers = [
    useAnalysisStore.subscribe((state, previous) => {
      if (state.report !== previous.report && state.report !== null) scheduleEvidence(50);
    }),
    useMeasurementsStore.subscribe((state, previous) => {
      if (state.revision !== previous.revision) scheduleEvidence(200);
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
