import { encodeUrlState, decodeUrlState, type MapView } from '../state/url-state';
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

/** Reads layer, filters and view from the URL hash, then keeps the hash up to date. */
export function startUrlSync(): () => void {
  const initial = decodeUrlState(window.location.hash);
  const { actions } = useUiStore.getState();
  actions.setLayer(initial.layer);
  actions.setFilters(initial.filters);
  if (initial.view) {
    currentView = initial.view;
    actions.requestView(initial.view);
  }
  return useUiStore.subscribe((state, previous) => {
    if (state.layer !== previous.layer || state.filters !== previous.filters) writeHash();
  });
}
