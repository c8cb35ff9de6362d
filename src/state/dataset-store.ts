import { create } from 'zustand';
import type { BtsRecord, FibrePoint, FibreRoute, Hamlet, IndicatorValue, MergerRow } from '../core';

/** Where a layer's current content came from. */
export type LayerOrigin = 'demo' | 'imported' | 'empty';

export interface DatasetLayers {
  hamlets: Hamlet[];
  btsRecords: BtsRecord[];
  fibrePoints: FibrePoint[];
  fibreRoutes: FibreRoute[];
  /** Indicator rows from the demo file or an import. */
  indicators: IndicatorValue[];
  /** Indicator values typed into the dashboard form; they win over file rows of the same indicator. */
  enteredIndicators: IndicatorValue[];
  merger: MergerRow[];
}

export type DatasetLayerName = keyof DatasetLayers;

/** Every layer of the dataset, in the order files and storage list them. */
export const DATASET_LAYER_NAMES: readonly DatasetLayerName[] = ['hamlets', 'btsRecords', 'fibrePoints', 'fibreRoutes', 'indicators', 'enteredIndicators', 'merger'];

export interface DatasetState extends DatasetLayers {
  origin: Record<DatasetLayerName, LayerOrigin>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Bumped on every change of the analysis input, so runners can tell stale results apart. */
  revision: number;
  actions: {
    startLoading(): void;
    failLoading(message: string): void;
    /** Sets the whole dataset at once (demo load, restore from storage). */
    loadLayers(layers: Partial<DatasetLayers>, origin: Partial<Record<DatasetLayerName, LayerOrigin>>): void;
    /** Replaces a layer with imported items, or appends them to it. */
    importLayer<Name extends DatasetLayerName>(name: Name, items: DatasetLayers[Name], mode: 'replace' | 'add'): void;
    setEnteredIndicator(indicator: string, value: number | null, date?: string): void;
    reset(): void;
  };
}

const EMPTY_LAYERS: DatasetLayers = {
  hamlets: [],
  btsRecords: [],
  fibrePoints: [],
  fibreRoutes: [],
  indicators: [],
  enteredIndicators: [],
  merger: [],
};

const EMPTY_ORIGIN: Record<DatasetLayerName, LayerOrigin> = {
  hamlets: 'empty',
  btsRecords: 'empty',
  fibrePoints: 'empty',
  fibreRoutes: 'empty',
  indicators: 'empty',
  enteredIndicators: 'empty',
  merger: 'empty',
};

const initialState = { ...EMPTY_LAYERS, origin: EMPTY_ORIGIN, status: 'idle' as const, error: null, revision: 0 };

export const useDatasetStore = create<DatasetState>()((set) => ({
  ...initialState,
  actions: {
    startLoading: () => set({ status: 'loading', error: null }),
    failLoading: (message) => set({ status: 'error', error: message }),
    loadLayers: (layers, origin) =>
      set((state) => ({
        ...layers,
        origin: { ...state.origin, ...origin },
        status: 'ready',
        error: null,
        revision: state.revision + 1,
      })),
    importLayer: (name, items, mode) =>
      set((state) => ({
        [name]: mode === 'add' ? [...(state[name] as unknown[]), ...(items as unknown[])] : items,
        origin: { ...state.origin, [name]: 'imported' },
        revision: state.revision + 1,
      })),
    setEnteredIndicator: (indicator, value, date) =>
      set((state) => {
        const others = state.enteredIndicators.filter((row) => row.indicator !== indicator);
        const entered = value === null ? others : [...others, { indicator, value, source: 'entered', ...(date ? { date } : {}) }];
        return { enteredIndicators: entered, origin: { ...state.origin, enteredIndicators: 'imported' }, revision: state.revision + 1 };
      }),
    reset: () => set({ ...initialState }),
  },
}));

/** True while any layer in use is generated demo data. */
export const selectIsDemo = (state: DatasetState): boolean =>
  (['hamlets', 'btsRecords', 'fibrePoints', 'indicators'] as const).some((name) => state.origin[name] === 'demo');

/** Indicator rows the engine sees: file rows first, then entered values, which therefore win on equal dates. */
export const selectIndicatorRows = (state: DatasetState): IndicatorValue[] => {
  const entered = new Set(state.enteredIndicators.map((row) => row.indicator));
  return [...state.indicators.filter((row) => !entered.has(row.indicator)), ...state.enteredIndicators];
};

/** Names of the operators present in the BTS records, sorted. */
export const selectOperators = (state: DatasetState): string[] => [...new Set(state.btsRecords.map((record) => record.operator))].sort();

export const selectDatasetActions = (state: DatasetState) => state.actions;
