import { create } from 'zustand';
import type { UnitGrouping } from '../../print/print-content';
import type { Orientation, PaperName } from '../../print/paper-sizes';
import type { PrintPage } from '../../print/print-page';

/** What the print dialog asks; `''` = the default (title for the layer, latest indicator date). */
export interface PrintSettings {
  paper: PaperName;
  orientation: Orientation;
  extent: 'province' | 'district' | 'commune' | 'view';
  /** District or commune name (or code) when `extent` is one unit. */
  unitKey: string;
  atlas: UnitGrouping | '';
  /** Atlas units in GSO code order or by name. */
  atlasOrder: 'code' | 'name';
  title: string;
  dataDate: string;
  /** What the map shows: hamlets by class (''), the challenged H3 hexagons over them, or the layer on H3 hexagons. */
  evidence: '' | 'challenges' | 'h3View';
}

export const DEFAULT_PRINT_SETTINGS: PrintSettings = { paper: 'A4', orientation: 'landscape', extent: 'province', unitKey: '', atlas: '', atlasOrder: 'code', title: '', dataDate: '', evidence: '' };

export interface PrintState {
  isOpen: boolean;
  settings: PrintSettings;
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  progress: { done: number; total: number };
  message: string | null;
  /** The last laid-out pages with object URLs of their map pictures (preview and browser print). */
  preview: { pages: PrintPage[]; imageUrls: Record<string, string> } | null;
  actions: {
    setOpen(isOpen: boolean): void;
    setSettings(patch: Partial<PrintSettings>): void;
    start(): void;
    setProgress(done: number, total: number): void;
    finish(status: 'done' | 'cancelled' | 'error', message: string | null): void;
    setPreview(preview: PrintState['preview']): void;
    reset(): void;
  };
}

const initialState = { isOpen: false, settings: DEFAULT_PRINT_SETTINGS, status: 'idle' as const, progress: { done: 0, total: 0 }, message: null, preview: null };

export const usePrintStore = create<PrintState>()((set) => ({
  ...initialState,
  actions: {
    setOpen: (isOpen) => set({ isOpen }),
    setSettings: (patch) => set((state) => ({ settings: { ...state.settings, ...patch } })),
    start: () => set({ status: 'running', progress: { done: 0, total: 0 }, message: null }),
    setProgress: (done, total) => set({ progress: { done, total } }),
    finish: (status, message) => set({ status, message }),
    setPreview: (preview) =>
      set((state) => {
        for (const url of Object.values(state.preview?.imageUrls ?? {})) URL.revokeObjectURL(url);
        return { preview };
      }),
    reset: () => set({ ...initialState }),
  },
}));
