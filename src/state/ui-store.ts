import { create } from 'zustand';
import { NO_FILTERS, type InputFilters, type LayerName } from '../core';
import type { Locale } from '../i18n/format';
import type { MapView } from './url-state';
import type { UncoveredListFilters } from './analysis-store';

export type Selection = { kind: 'hamlet'; id: string } | { kind: 'site'; id: string } | null;
export type PanelName = 'kpi' | 'hamlets' | 'filters' | 'import' | 'settings' | 'proposals' | 'evidence' | 'cycle';
export type SortKey = 'households' | 'fraction';

export type ListFilters = UncoveredListFilters;

/** A view asked of the map: a centre and zoom, or an extent `[west, south, east, north]` to fit (its centre and zoom are the fallback). */
export type ViewRequest = MapView & { bounds?: [number, number, number, number] };

export interface UiState {
  locale: Locale;
  layer: LayerName;
  filters: InputFilters;
  panel: PanelName;
  selection: Selection;
  listFilters: ListFilters;
  groupBy: 'district' | 'commune' | 'new_commune';
  /** A view the map should move to (URL on load or change, list click, a unit to fit); the map reports its own moves elsewhere. */
  requestedView: (ViewRequest & { seq: number }) | null;
  /** Bumped to ask the map to zoom to the selected feature. */
  zoomRequest: number;
  actions: {
    setLocale(locale: Locale): void;
    setLayer(layer: LayerName): void;
    setFilters(filters: InputFilters): void;
    setPanel(panel: PanelName): void;
    select(selection: Selection, zoom?: boolean): void;
    setListFilters(patch: Partial<ListFilters>): void;
    setGroupBy(groupBy: UiState['groupBy']): void;
    requestView(view: ViewRequest): void;
    reset(): void;
  };
}

const initialState = {
  locale: 'vi' as Locale,
  layer: 'mobile' as LayerName,
  filters: NO_FILTERS,
  panel: 'kpi' as PanelName,
  selection: null as Selection,
  listFilters: { district: '', commune: '', operator: '', sortBy: 'households' as SortKey },
  groupBy: 'district' as UiState['groupBy'],
  requestedView: null,
  zoomRequest: 0,
};

export const useUiStore = create<UiState>()((set) => ({
  ...initialState,
  actions: {
    setLocale: (locale) => set({ locale }),
    setLayer: (layer) => set({ layer }),
    setFilters: (filters) => set({ filters }),
    setPanel: (panel) => set({ panel }),
    select: (selection, zoom = false) => set((state) => ({ selection, zoomRequest: zoom ? state.zoomRequest + 1 : state.zoomRequest })),
    setListFilters: (patch) => set((state) => ({ listFilters: { ...state.listFilters, ...patch } })),
    setGroupBy: (groupBy) => set({ groupBy }),
    requestView: (view) => set((state) => ({ requestedView: { ...view, seq: (state.requestedView?.seq ?? 0) + 1 } })),
    reset: () => set({ ...initialState }),
  },
}));

export const selectLocale = (state: UiState) => state.locale;
export const selectLayer = (state: UiState) => state.layer;
export const selectFilters = (state: UiState) => state.filters;
export const selectSelection = (state: UiState) => state.selection;
export const selectUiActions = (state: UiState) => state.actions;
