// A restore from storage that crashed the tab (a layer too big for the page) must not crash it again on
// every load. A marker naming the layers being restored is written before the restore and cleared once
// the restored data has been analysed and drawn; a marker still there at the next load means that restore never
// finished, and the user is offered to open without those layers. localStorage is used because it is
// written at once (IndexedDB writes may not land before a crash).
import { create } from 'zustand';
import { DATASET_LAYER_NAMES, type DatasetLayerName } from './dataset-store';
import type { StoredPartProblem } from './persistence';

const MARKER_KEY = 'soctrang-coverage:restore-pending';

/** The layers named by the marker of an unfinished restore, or null when there is none. */
export function readRestoreMarker(): DatasetLayerName[] | null {
  try {
    const text = window.localStorage.getItem(MARKER_KEY);
    if (text === null) return null;
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return null;
    return DATASET_LAYER_NAMES.filter((name) => parsed.includes(name));
  } catch {
    return null;
  }
}

/** Marks a restore of these layers as started. */
export function writeRestoreMarker(layers: readonly DatasetLayerName[]): void {
  try {
    window.localStorage.setItem(MARKER_KEY, JSON.stringify(layers));
  } catch {
    // No storage: the guard cannot work, the restore still does.
  }
}

/** Marks the restore as finished. */
export function clearRestoreMarker(): void {
  try {
    window.localStorage.removeItem(MARKER_KEY);
  } catch {
    // See writeRestoreMarker.
  }
}

let hasMapDrawn = false;
let drawnWaiters: (() => void)[] = [];

/** Called by the map when it has first drawn analysed hamlets. */
export function mapHasDrawn(): void {
  hasMapDrawn = true;
  const waiters = drawnWaiters;
  drawnWaiters = [];
  for (const waiter of waiters) waiter();
}

/**
 * Runs `then` once the map has drawn the analysed hamlets. At page load that is the map's first draw;
 * a dataset loaded later (back to demo data) redraws a map already drawn, given a moment.
 */
export function afterMapDrawn(then: () => void): void {
  if (hasMapDrawn) setTimeout(then, 2000);
  else drawnWaiters.push(then);
}

/** What the user is asked at load, and what storage held that could not be read. */
export interface RestoreState {
  /** Layers whose last restore never finished: open without them, or try again. */
  unfinished: DatasetLayerName[] | null;
  /** Stored parts left out because they failed the stored-state schema. */
  unreadable: StoredPartProblem[];
  actions: {
    ask(layers: DatasetLayerName[]): void;
    answered(): void;
    setUnreadable(parts: StoredPartProblem[]): void;
    /** Adds one part that could not be read (a part restored on its own: proposals, measurements). */
    addUnreadable(part: StoredPartProblem): void;
    dismissUnreadable(): void;
  };
}

export const useRestoreStore = create<RestoreState>()((set) => ({
  unfinished: null,
  unreadable: [],
  actions: {
    ask: (layers) => set({ unfinished: layers }),
    answered: () => set({ unfinished: null }),
    setUnreadable: (parts) => set({ unreadable: parts }),
    addUnreadable: (part) => set((state) => ({ unreadable: [...state.unreadable, part] })),
    dismissUnreadable: () => set({ unreadable: [] }),
  },
}));

let answer: ((choice: 'without' | 'retry') => void) | null = null;

/** Asks whether to open without the layers of an unfinished restore; resolves with the user's choice. */
export function askAboutUnfinishedRestore(layers: DatasetLayerName[]): Promise<'without' | 'retry'> {
  return new Promise((resolve) => {
    answer = resolve;
    useRestoreStore.getState().actions.ask(layers);
  });
}

/** The user's answer to {@link askAboutUnfinishedRestore}. */
export function answerUnfinishedRestore(choice: 'without' | 'retry'): void {
  useRestoreStore.getState().actions.answered();
  answer?.(choice);
  answer = null;
}
