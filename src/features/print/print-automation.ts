import type { BtsRecord, FibrePoint, FibreRoute, Hamlet, IndicatorValue, LayerName, PlanProfile, ReferenceLayer } from '../../core';
import { usePlanStore } from '../../state/plan-store';
import type { Locale } from '../../i18n/format';
import { useDatasetStore, type DatasetLayerName, type LayerOrigin } from '../../state/dataset-store';
import { useSettingsStore, type Settings } from '../../state/settings-store';
import { useUiStore } from '../../state/ui-store';
import { usePrintStore, type PrintSettings } from './print-store';
import { useMeasurementsStore } from '../../state/measurements-store';
import { decodeReferenceLayers } from '../../state/reference-schema';
import { useReferenceStore } from '../../state/reference-store';
import { decodeStoredMeasurements, ProblemList, type StoredMeasurements } from '../../state/stored-state-schema';

/** What `npm run print` hands the page: the layers it read and parsed, as the CLI's analyze does. */
export interface AutomationInput {
  layers: { hamlets: Hamlet[]; btsRecords: BtsRecord[]; fibrePoints: FibrePoint[]; fibreRoutes: FibreRoute[]; indicators: IndicatorValue[] };
  isDemo: boolean;
  settings: Pick<Settings, 'radiiMeters' | 'coveredThreshold' | 'colocationMeters'>;
  layer: LayerName;
  operators: string[] | null;
  locale: Locale;
  print: Partial<PrintSettings>;
  /** The plan the configuration named (its area names whole-area pages, its targets fill the KPI box). */
  plan?: PlanProfile;
  /** Field tests the CLI read (`--measurements`), judged by the app as its own imports are. */
  measurements?: StoredMeasurements;
  /** Context layers the CLI read (`--reference`), drawn under the coverage. */
  referenceLayers?: ReferenceLayer[];
}

export interface PrintAutomation {
  load(input: AutomationInput): void;
}

declare global {
  interface Window {
    printAutomation?: PrintAutomation;
  }
}

/**
 * For the print CLI only: with `#print-automation` in the URL, exposes `window.printAutomation.load`,
 * which replaces every layer (nothing of the demo is kept unless the CLI passed it), sets layer,
 * operator filter, language and print settings, and opens the print dialog.
 */
export function startPrintAutomation(): void {
  if (!window.location.hash.includes('print-automation')) return;
  window.printAutomation = {
    load(input) {
      const origin: LayerOrigin = input.isDemo ? 'demo' : 'imported';
      const origins: Partial<Record<DatasetLayerName, LayerOrigin>> = { hamlets: origin, btsRecords: origin, fibrePoints: origin, fibreRoutes: origin, indicators: origin, enteredIndicators: 'empty', merger: 'empty' };
      const { radiiMeters, coveredThreshold, colocationMeters } = input.settings;
      const current = useSettingsStore.getState();
      useSettingsStore.getState().actions.load({ radiiMeters, coveredThreshold, colocationMeters, basemap: current.basemap, radiusOverrides: current.radiusOverrides });
      if (input.plan) usePlanStore.getState().actions.setProfile(input.plan);
      if (input.referenceLayers) {
        const problems = new ProblemList();
        const layers = decodeReferenceLayers(input.referenceLayers, 'referenceLayers', problems);
        if (!layers) throw new Error(`referenceLayers: ${JSON.stringify(problems.items.slice(0, 5))}`);
        useReferenceStore.getState().actions.load(layers);
      }
      if (input.measurements) {
        // Decoded as a stored record is: the columns' kinds and lengths, indices in range.
        const problems = new ProblemList();
        const decoded = decodeStoredMeasurements(input.measurements, 'measurements', problems);
        if (!decoded) throw new Error(`measurements: ${JSON.stringify(problems.items.slice(0, 5))}`);
        useMeasurementsStore.getState().actions.load(decoded.set, decoded.files, decoded.rules);
      }
      const ui = useUiStore.getState().actions;
      ui.setLocale(input.locale);
      ui.setLayer(input.layer);
      ui.setFilters({ operators: input.operators, technologies: null });
      useDatasetStore.getState().actions.loadLayers({ ...input.layers, enteredIndicators: [], merger: [] }, origins);
      const print = usePrintStore.getState().actions;
      print.setSettings(input.print);
      print.setOpen(true);
    },
  };
}
