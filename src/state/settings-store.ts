import { create } from 'zustand';
import { DEFAULT_CONFIG, type CoverageConfig, type Meters, type RadiusOverride, type Technology } from '../core';

/** The analysis settings a user can change, plus the opt-in online basemap. */
export interface Settings {
  radiiMeters: Record<Technology | 'ftth', number>;
  coveredThreshold: { mobile: number; ftth: number };
  colocationMeters: number;
  basemap: { isEnabled: boolean; url: string; attribution: string };
  /** Radii per operator and technology applied from a field-test calibration (none by default). */
  radiusOverrides: RadiusOverride[];
}

export const DEFAULT_SETTINGS: Settings = {
  radiiMeters: { ...DEFAULT_CONFIG.radiiMeters },
  coveredThreshold: { ...DEFAULT_CONFIG.coveredThreshold },
  colocationMeters: DEFAULT_CONFIG.colocationMeters,
  basemap: { isEnabled: false, url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
  radiusOverrides: [],
};

export interface SettingsState extends Settings {
  actions: {
    setRadius(technology: Technology | 'ftth', meters: number): void;
    setThreshold(layer: 'mobile' | 'ftth', share: number): void;
    setColocation(meters: number): void;
    setBasemap(patch: Partial<Settings['basemap']>): void;
    /** Applies (radius) or removes (null) the radius of one operator's technology. */
    setRadiusOverride(operator: string, technology: Technology, radiusMeters: number | null): void;
    /** Replaces the settings with decoded ones (a project file, storage), field by field. */
    load(settings: Settings): void;
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
    setRadiusOverride: (operator, technology, radiusMeters) =>
      set((state) => {
        const others = state.radiusOverrides.filter((override) => override.operator !== operator || override.technology !== technology);
        return { radiusOverrides: radiusMeters === null ? others : [...others, { operator, technology, radiusMeters }] };
      }),
    load: (settings) =>
      set({
        radiiMeters: { ...settings.radiiMeters },
        coveredThreshold: { ...settings.coveredThreshold },
        colocationMeters: settings.colocationMeters,
        basemap: { ...settings.basemap },
        radiusOverrides: settings.radiusOverrides.map((override) => ({ ...override })),
      }),
    reset: () => set({ ...DEFAULT_SETTINGS }),
  },
}));

/** The persisted part of the settings (no actions). */
export const selectSettings = (state: SettingsState): Settings => ({
  radiiMeters: state.radiiMeters,
  coveredThreshold: state.coveredThreshold,
  colocationMeters: state.colocationMeters,
  basemap: state.basemap,
  radiusOverrides: state.radiusOverrides,
});

/** The engine configuration for these settings and the plan's targets; everything else keeps the defaults. */
export function buildCoverageConfig(
  settings: Pick<Settings, 'radiiMeters' | 'coveredThreshold' | 'colocationMeters'> & Partial<Pick<Settings, 'radiusOverrides'>>,
  targets: CoverageConfig['targets'] = DEFAULT_CONFIG.targets,
): CoverageConfig {
  const config: CoverageConfig = {
    ...DEFAULT_CONFIG,
    targets,
    radiiMeters: settings.radiiMeters as Record<Technology | 'ftth', Meters>,
    coveredThreshold: settings.coveredThreshold,
    colocationMeters: settings.colocationMeters as Meters,
  };
  if (settings.radiusOverrides !== undefined && settings.radiusOverrides.length > 0) config.radiusOverrides = settings.radiusOverrides;
  return config;
}
