import { create } from 'zustand';
import { DEFAULT_CONFIG, type CoverageConfig, type Meters, type Technology } from '../core';

/** The analysis settings a user can change, plus the opt-in online basemap. */
export interface Settings {
  radiiMeters: Record<Technology | 'ftth', number>;
  coveredThreshold: { mobile: number; ftth: number };
  colocationMeters: number;
  basemap: { isEnabled: boolean; url: string; attribution: string };
}

export const DEFAULT_SETTINGS: Settings = {
  radiiMeters: { ...DEFAULT_CONFIG.radiiMeters },
  coveredThreshold: { ...DEFAULT_CONFIG.coveredThreshold },
  colocationMeters: DEFAULT_CONFIG.colocationMeters,
  basemap: { isEnabled: false, url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
};

export interface SettingsState extends Settings {
  actions: {
    setRadius(technology: Technology | 'ftth', meters: number): void;
    setThreshold(layer: 'mobile' | 'ftth', share: number): void;
    setColocation(meters: number): void;
    setBasemap(patch: Partial<Settings['basemap']>): void;
    load(settings: Partial<Settings>): void;
    reset(): void;
  };
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  ...DEFAULT_SETTINGS,
  actions: {
    setRadius: (technology, meters) => set((state) => ({ radiiMeters: { ...state.radiiMeters, [technology]: meters } })),
    setThreshold: (layer, share) => set((state) => ({ coveredThreshold: { ...state.coveredThreshold, [layer]: share } })),
    setColocation: (meters) => set({ colocationMeters: meters }),
    setBasemap: (patch) => set((state) => ({ basemap: { ...state.basemap, ...patch } })),
    load: (settings) => set(settings),
    reset: () => set({ ...DEFAULT_SETTINGS }),
  },
}));

/** The persisted part of the settings (no actions). */
export const selectSettings = (state: SettingsState): Settings => ({
  radiiMeters: state.radiiMeters,
  coveredThreshold: state.coveredThreshold,
  colocationMeters: state.colocationMeters,
  basemap: state.basemap,
});

/** The engine configuration for these settings; everything else keeps the plan's defaults. */
export function buildCoverageConfig(settings: Pick<Settings, 'radiiMeters' | 'coveredThreshold' | 'colocationMeters'>): CoverageConfig {
  return {
    ...DEFAULT_CONFIG,
    radiiMeters: settings.radiiMeters as Record<Technology | 'ftth', Meters>,
    coveredThreshold: settings.coveredThreshold,
    colocationMeters: settings.colocationMeters as Meters,
  };
}
