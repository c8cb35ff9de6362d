import type { InputFilters } from '../core';
import { encodeUrlState, decodeUrlState, type MapView, type UrlState } from '../state/url-state';
import { useUiStore } from '../state/ui-store';

// The map view changes on every pan; it lives here, not in a store, and only reaches the URL.
let currentView: MapView | null = null;

function writeHash(): void {
  const { layer, filters } = useUiStore.getState();
  const hash = encodeUrlState({ layer, filters, view: currentView });
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
}

/** Called by the map after each move. */
export function reportMapView(center: [number, number], zoom: number): void {
  currentView = { center, zoom };
  writeHash();
}

function isSameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((item, k) => item === b[k]));
}

function isSameFilters(a: InputFilters, b: InputFilters): boolean {
  return isSameList(a.operators, b.operators) && isSameList(a.technologies, b.technologies);
}

/** Puts the stores in the state a URL names; what is already so is left alone (no needless re-analysis). */
function applyUrlState(state: UrlState): void {
  const ui = useUiStore.getState();
  // The view first: changing the layer or filters rewrites the hash, which must keep the new view.
  if (state.view) currentView = state.view;
  if (ui.layer !== state.layer) ui.actions.setLayer(state.layer);
  if (!isSameFilters(ui.filters, state.filters)) ui.actions.setFilters(state.filters);
  if (state.view) ui.actions.requestView(state.view);
}

/**
 * Reads layer, filters and view from the URL hash, then keeps the hash up to date; a hash changed
 * in the open tab (a pasted link, back and forward) moves the map and panels to that state.
 */
export function startUrlSync(): () => void {
  applyUrlState(decodeUrlState(window.location.hash));
  const onUrlChange = () => {
    // Our own writes use replaceState, which fires neither event; skip a hash that says what is shown.
    const { layer, filters } = useUiStore.getState();
    if (window.location.hash === encodeUrlState({ layer, filters, view: currentView })) return;
    applyUrlState(decodeUrlState(window.location.hash));
  };
  window.addEventListener('hashchange', onUrlChange);
  window.addEventListener('popstate', onUrlChange);
  const unsubscribe = useUiStore.subscribe((state, previous) => {
    if (state.layer !== previous.layer || state.filters !== previous.filters) writeHash();
  });
  return () => {
    window.removeEventListener('hashchange', onUrlChange);
    window.removeEventListener('popstate', onUrlChange);
    unsubscribe();
  };
}
