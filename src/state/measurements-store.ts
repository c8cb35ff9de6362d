import { create } from 'zustand';
import { concatMeasurementSets, DEFAULT_MEASUREMENT_OPTIONS, type ChallengeHex, type MeasurementOptions, type MeasurementReport, type MeasurementSet, type TargetResult } from '../core';
import type { CalibrationEffect } from '../worker/evidence-messages';

/** One imported measurement file. */
export interface MeasurementFile {
  fileName: string;
  format: string;
  rowsUsed: number;
}

/** What the field tests say about the current analysis (computed in the evidence worker). */
export interface EvidenceResult {
  measurements: MeasurementReport;
  /** The plan's targets with the measured speeds in, where the tests are enough. */
  targets: TargetResult[];
  /** What each calibrated radius would do to the KPIs, applied alone. */
  effects: CalibrationEffect[];
  /** Time in the evidence worker. */
  durationMs: number;
}

export interface MeasurementsState {
  /** Every imported test, in one set (null: none imported). */
  set: MeasurementSet | null;
  files: MeasurementFile[];
  rules: MeasurementOptions;
  result: EvidenceResult | null;
  status: 'idle' | 'running' | 'done' | 'error';
  error: string | null;
  /** Bumped when the tests or the rules change, so runners can tell stale results apart. */
  revision: number;
  showChallenges: boolean;
  showHexView: boolean;
  /** The challenge picked in the list (drawn highlighted, zoomed to). */
  selectedH3: string | null;
  actions: {
    importSet(set: MeasurementSet, file: MeasurementFile, mode: 'replace' | 'add'): void;
    load(set: MeasurementSet | null, files: MeasurementFile[], rules?: MeasurementOptions): void;
    clear(): void;
    setRules(patch: Partial<MeasurementOptions>): void;
    start(): void;
    finish(result: EvidenceResult): void;
    fail(message: string): void;
    setShowChallenges(isShown: boolean): void;
    setShowHexView(isShown: boolean): void;
    selectChallenge(h3: string | null): void;
  };
}

const initialState = {
  set: null,
  files: [],
  rules: DEFAULT_MEASUREMENT_OPTIONS,
  result: null,
  status: 'idle' as const,
  error: null,
  revision: 0,
  showChallenges: true,
  showHexView: false,
  selectedH3: null,
};

export const useMeasurementsStore = create<MeasurementsState>()((set) => ({
  ...initialState,
  actions: {
    importSet: (added, file, mode) =>
      set((state) => ({
        set: mode === 'add' && state.set !== null ? concatMeasurementSets([state.set, added]) : added,
        files: mode === 'add' ? [...state.files, file] : [file],
        revision: state.revision + 1,
      })),
    load: (loaded, files, rules) => set((state) => ({ set: loaded, files, rules: rules ?? state.rules, revision: state.revision + 1 })),
    clear: () => set((state) => ({ ...initialState, rules: state.rules, revision: state.revision + 1 })),
    setRules: (patch) => set((state) => ({ rules: { ...state.rules, ...patch }, revision: state.revision + 1 })),
    start: () => set({ status: 'running', error: null }),
    finish: (result) => set({ result, status: 'done', error: null }),
    fail: (message) => set({ status: 'error', error: message }),
    setShowChallenges: (isShown) => set({ showChallenges: isShown }),
    setShowHexView: (isShown) => set({ showHexView: isShown }),
    selectChallenge: (h3) => set({ selectedH3: h3 }),
  },
}));

/** The flagged hexagons of the last evidence run (empty without one). */
export const selectChallenges = (state: MeasurementsState): ChallengeHex[] => state.result?.measurements.challenges ?? [];
