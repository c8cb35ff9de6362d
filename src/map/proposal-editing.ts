import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { PROPOSAL_LAYER, PROPOSAL_SOURCE } from './layers/proposal-layers';

export interface ProposalEditingCallbacks {
  /** A proposal was dragged to a new point (called once, on release). */
  onProposalMove(id: string, lng: number, lat: number): void;
  onProposalClick(id: string): void;
  /** The map was clicked in add-site mode. */
  onAddSite(lng: number, lat: number): void;
}

/**
 * Dragging proposals and the add-site mode on the controller's map. While a point is dragged only
 * the map source moves (every frame); the store hears of it once, on release, so the worker
 * re-analyses one edit, not every mouse move.
 */
export class ProposalEditing {
  private collection: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };
  private isAddMode = false;

  constructor(private readonly map: maplibregl.Map, private readonly callbacks: ProposalEditingCallbacks) {
    map.on('mousedown', PROPOSAL_LAYER, (event) => this.startDrag(event));
    map.on('mouseenter', PROPOSAL_LAYER, () => {
      if (!this.isAddMode) map.getCanvas().style.cursor = 'move';
    });
    map.on('mouseleave', PROPOSAL_LAYER, () => {
      if (!this.isAddMode) map.getCanvas().style.cursor = '';
    });
  }

  setCollection(collection: FeatureCollection<Point>): void {
    this.collection = collection;
    this.apply(collection);
  }

  setAddMode(isAddMode: boolean): void {
    this.isAddMode = isAddMode;
    this.map.getCanvas().style.cursor = isAddMode ? 'crosshair' : '';
  }

  /** Handles a map click; true when it was about proposals (add mode or a proposal point). */
  handleClick(event: { point: maplibregl.Point; lngLat: maplibregl.LngLat }): boolean {
    if (this.isAddMode) {
      this.callbacks.onAddSite(event.lngLat.lng, event.lngLat.lat);
      return true;
    }
    if (!this.map.getLayer(PROPOSAL_LAYER)) return false;
    const hit = this.map.queryRenderedFeatures(event.point, { layers: [PROPOSAL_LAYER] })[0];
    if (!hit) return false;
    this.callbacks.onProposalClick(String(hit.properties.id));
    return true;
  }

  private apply(collection: FeatureCollection<Point>): void {
    (this.map.getSource(PROPOSAL_SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(collection);
  }

  private startDrag(event: maplibregl.MapLayerMouseEvent): void {
    if (this.isAddMode || event.originalEvent.button !== 0) return;
    const feature = event.features?.[0];
    if (!feature) return;
    // Keeps the map from panning while a proposal is dragged.
    event.preventDefault();
    const id = String(feature.properties.id);
    // Picking it lets the worker fold the other proposals into its base before the drop.
    this.callbacks.onProposalClick(id);
    const start = event.point;
    let last: maplibregl.LngLat | null = null;
    const canvas = this.map.getCanvas();
    canvas.style.cursor = 'grabbing';
    const onMove = (moveEvent: maplibregl.MapMouseEvent) => {
      if (last === null && moveEvent.point.dist(start) < 3) return;
      last = moveEvent.lngLat;
      const coordinates: [number, number] = [last.lng, last.lat];
      this.apply({
        ...this.collection,
        features: this.collection.features.map((item) => (item.properties?.id === id ? { ...item, geometry: { type: 'Point', coordinates } } : item)),
      });
    };
    this.map.on('mousemove', onMove);
    this.map.once('mouseup', () => {
      this.map.off('mousemove', onMove);
      canvas.style.cursor = '';
      if (last) this.callbacks.onProposalMove(id, last.lng, last.lat);
    });
  }
}
