import type { MapViewWindow } from './map-data';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Point } from 'geojson';
import type { FilterSpecification, GeoJSONSourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerName } from '../core';
import { BASEMAP_LAYER, BASEMAP_SOURCE, buildBasemap, buildStyle, splitFirstFrame, type BasemapOptions, type LaterLayers } from './layers/build-style';
import { APPROXIMATE_HATCH_IMAGE, APPROXIMATE_HATCH_LAYER, APPROXIMATE_OUTLINE_LAYER, buildAfterFillColor, buildHamletFillColor, buildHatchPattern, buildHighlightFilter, HAMLET_FILL_LAYER, HAMLET_HIGHLIGHT_LAYER, HAMLET_SOURCE, statusProperty } from './layers/hamlet-layers';
import { buildChangeFillColor } from './layers/change-layers';
import { DISTRICT_OUTLINE_LAYER, OUTLINE_SOURCE } from './layers/outline-layers';
import { COMMUNE_LABEL_SOURCE, DISTRICT_LABEL_LAYER, DISTRICT_LABEL_SOURCE, FIRST_LABEL_LAYER } from './layers/label-layers';
import { buildSymbolVisibility, COVERAGE_SOURCE, FIBRE_ROUTE_SOURCE, FIBRE_SOURCE, SITE_LAYER, SITE_SOURCE } from './layers/site-layers';
import { buildProposalGainFilter, buildProposalLayers, buildProposalSource, PROPOSAL_GAIN_CASING_LAYER, PROPOSAL_GAIN_LAYER } from './layers/proposal-layers';
import { ProposalEditing, type ProposalEditingCallbacks } from './proposal-editing';
import { buildReferenceLabelLayers, buildReferenceShapeLayers, buildReferenceSource, REFERENCE_SOURCE } from './layers/reference-layers';
import { buildEvidenceLayers, buildEvidenceSources, EVIDENCE_CHALLENGE_FILL_LAYER, EVIDENCE_CHALLENGE_LINE_LAYER, EVIDENCE_CHALLENGE_SOURCE, EVIDENCE_HEX_FILL_LAYER, EVIDENCE_HEX_LINE_LAYER, EVIDENCE_HEX_SOURCE } from './layers/evidence-layers';

// NOTE: a production build must tell MapLibre where its worker bundle is, or the map never loads.
maplibregl.setWorkerUrl(workerUrl);
// Its worker starts loading now, while the dataset loads (the map itself is made when that is in).
maplibregl.prewarm();

/** A picture of an offscreen map: encoded bytes and the canvas size in device pixels. */
export interface MapPicture {
  blob: Blob;
  widthPx: number;
  heightPx: number;
}

/** An offscreen map for print: one style, moved and filtered per page, photographed after each move. */
export interface OffscreenMap {
  render(view: { center: [number, number]; zoom: number }, filters?: Record<string, FilterSpecification | null>): Promise<MapPicture>;
  close(): void;
}

export type MapDataName = 'hamlets' | 'outlines' | 'communeLabels' | 'districtLabels' | 'sites' | 'coverage' | 'fibre' | 'fibreRoutes';

/** A rectangle of the map container, in CSS pixels from its top left. */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const SOURCE_OF: Record<MapDataName, string> = {
  hamlets: HAMLET_SOURCE,
  outlines: OUTLINE_SOURCE,
  communeLabels: COMMUNE_LABEL_SOURCE,
  districtLabels: DISTRICT_LABEL_SOURCE,
  sites: SITE_SOURCE,
  coverage: COVERAGE_SOURCE,
  fibre: FIBRE_SOURCE,
  fibreRoutes: FIBRE_ROUTE_SOURCE,
};

export interface MapControllerOptions extends ProposalEditingCallbacks {
  layer: LayerName;
  basemap: BasemapOptions;
  center: [number, number];
  zoom: number;
  /** Fitted from the start instead of `center` and `zoom`: `[west, south, east, north]`. */
  bounds?: [number, number, number, number];
  /** Data the map starts with, in its style: its worker reads it once, before the first tiles. */
  initialData?: Partial<Record<MapDataName, FeatureCollection>>;
  onHamletClick(id: string): void;
  onSiteClick(id: string): void;
  onMoveEnd(center: [number, number], zoom: number): void;
  /** Called once, when the first frame with the hamlets coloured by their coverage has been drawn. */
  onFirstDraw(): void;
  /** Called when the map has settled after a move, a resize or new data (to place the legend). */
  onSettled?(): void;
}

/**
 * Gives a map the hatch image of approximate hamlets: added when the style loads, and again whenever
 * the hatch layer asks for it before (MapLibre's `styleimagemissing`), so it never draws unhatched.
 */
function provideHatchImage(map: maplibregl.Map): void {
  const add = () => {
    if (map.hasImage(APPROXIMATE_HATCH_IMAGE)) return;
    const pattern = buildHatchPattern(window.devicePixelRatio);
    map.addImage(APPROXIMATE_HATCH_IMAGE, { width: pattern.width, height: pattern.height, data: pattern.data }, { pixelRatio: pattern.pixelRatio });
  };
  map.on('styleimagemissing', (event: { id: string }) => event.id === APPROXIMATE_HATCH_IMAGE && add());
  map.on('load', add);
}

/** The rest of the style is added this long after the style loaded if no coloured frame came first. */
const COMPLETE_STYLE_AFTER_MS = 5000;

/** Owns the one maplibre `Map`: React passes plain data in, clicks and moves come back as callbacks. */
export class MapController {
  private readonly map: maplibregl.Map;
  private readonly pending = new Map<string, FeatureCollection>();
  private isStyleLoaded = false;
  private hasHamlets = false;
  private hasStatuses = false;
  private hasDrawn = false;
  private layer: LayerName;
  private isChange = false;
  private afterIds: string[] = [];
  private showDiscs = false;
  private isUnsettled = true;
  private readonly proposals: ProposalEditing;
  /** Whether the layers beyond the first frame's have been added (see `completeStyle`). */
  private isComplete = false;
  private readonly whenCompleteQueue: (() => void)[] = [];
  private completeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The style's sources and layers left out of the first frame, added by `completeStyle`. */
  private readonly later: LaterLayers;
  /** Sources given features since the style loaded (or in it). */
  private readonly filledSources = new Set<string>();

  constructor(container: HTMLElement, private readonly options: MapControllerOptions) {
    this.layer = options.layer;
    performance.mark('map-created');
    const { first: style, later } = splitFirstFrame(buildStyle({ layer: options.layer, selectedId: null, basemap: options.basemap, showDiscs: false }));
    this.later = later;
    for (const [name, data] of Object.entries(options.initialData ?? {}) as [MapDataName, FeatureCollection][]) {
      (style.sources[SOURCE_OF[name]] as GeoJSONSourceSpecification).data = data;
      this.filledSources.add(SOURCE_OF[name]);
      if (name === 'hamlets' && data.features.length > 0) {
        this.hasHamlets = true;
        performance.mark('map-hamlets-given');
      }
    }
    this.map = new maplibregl.Map({
      container,
      style,
      center: options.center,
      zoom: options.zoom,
      ...(options.bounds ? { bounds: options.bounds, fitBoundsOptions: { padding: 40, maxZoom: 15 } } : {}),
      attributionControl: { compact: true },
      fadeDuration: 0,
    });
    provideHatchImage(this.map);
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.proposals = new ProposalEditing(this.map, options);
    this.map.once('style.load', () => {
      this.isStyleLoaded = true;
      performance.mark('map-style-loaded');
      this.applyPending();
      // The rest of the style comes after the first coloured frame; if that never comes (no hamlets,
      // an analysis that failed), after a few seconds all the same.
      this.completeTimer = setTimeout(() => this.completeStyle(), COMPLETE_STYLE_AFTER_MS);
    });
    this.map.on('click', (event) => {
      if (!this.proposals.handleClick(event)) this.handleClick(event.point);
    });
    this.map.on('moveend', () => {
      const center = this.map.getCenter();
      this.isUnsettled = true;
      this.options.onMoveEnd([center.lng, center.lat], this.map.getZoom());
    });
    this.map.on('resize', () => (this.isUnsettled = true));
    this.map.on('idle', () => {
      if (this.hasHamlets && this.hasStatuses && !this.hasDrawn) {
        this.hasDrawn = true;
        this.options.onFirstDraw();
      }
      if (this.hasHamlets && this.isUnsettled) {
        this.isUnsettled = false;
        this.options.onSettled?.();
      }
      // After the settled call: the frame with the rest of the style is settled again when drawn.
      if (this.hasDrawn || !this.hasHamlets) this.completeStyle();
    });
    for (const layer of [HAMLET_FILL_LAYER, SITE_LAYER]) {
      this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = ''));
    }
  }

  private handleClick(point: maplibregl.PointLike): void {
    const features = this.map.queryRenderedFeatures(point, { layers: [SITE_LAYER, HAMLET_FILL_LAYER] });
    const site = features.find((feature) => feature.layer.id === SITE_LAYER);
    const hamlet = features.find((feature) => feature.layer.id === HAMLET_FILL_LAYER);
    if (site) this.options.onSiteClick(String(site.properties.id));
    else if (hamlet) this.options.onHamletClick(String(hamlet.properties.id));
  }

  private applyData(source: string, data: FeatureCollection): void {
    // Nothing for a source that never had anything: setting data makes the worker cut its tiles again.
    if (data.features.length === 0 && !this.filledSources.has(source)) return;
    this.filledSources.add(source);
    (this.map.getSource(source) as maplibregl.GeoJSONSource | undefined)?.setData(data);
  }

  /** Replaces the features of one of the map's data sources. */
  setData(name: MapDataName, data: FeatureCollection): void {
    if (name === 'hamlets' && data.features.length > 0) {
      this.hasHamlets = true;
      performance.mark('map-hamlets-given');
    }
    if (name === 'hamlets') this.isUnsettled = true;
    const source = SOURCE_OF[name];
    if (this.isStyleLoaded && this.map.getSource(source)) this.applyData(source, data);
    else this.pending.set(source, data);
  }

  /** Gives the sources now in the map the data kept for them. */
  private applyPending(): void {
    for (const [source, data] of this.pending) {
      if (!this.map.getSource(source)) continue;
      this.applyData(source, data);
      this.pending.delete(source);
    }
  }

  /**
   * Adds what the first frame leaves out: the boundary lines, unit names, fibre, footprints, then the
   * reference layers, field tests and proposals. Once, after the first frame with coloured hamlets (so
   * the map's one worker and the renderer spend the first second on what the planner looks at).
   */
  private completeStyle(): void {
    if (this.isComplete || !this.isStyleLoaded) return;
    this.isComplete = true;
    if (this.completeTimer !== null) clearTimeout(this.completeTimer);
    for (const [id, source] of this.later.sources) this.map.addSource(id, source);
    for (const { layer, beforeId } of this.later.layers) this.map.addLayer(layer, beforeId);
    // Field-test hexagons above the hamlets and sites, below the proposals.
    // Labels stay above both (every name reads over any symbol).
    // Reference layers (neighbouring provinces, rivers, roads) under the hamlet fills; their names
    // below every other label.
    for (const [id, source] of Object.entries(buildReferenceSource())) this.map.addSource(id, source);
    for (const layer of buildReferenceShapeLayers()) this.map.addLayer(layer, HAMLET_FILL_LAYER);
    for (const layer of buildReferenceLabelLayers()) this.map.addLayer(layer, FIRST_LABEL_LAYER);
    for (const [id, source] of Object.entries(buildEvidenceSources())) this.map.addSource(id, source);
    for (const layer of buildEvidenceLayers()) this.map.addLayer(layer, FIRST_LABEL_LAYER);
    // Site proposals go on top of every data layer (added here so the base style stays the same).
    for (const [id, source] of Object.entries(buildProposalSource())) this.map.addSource(id, source);
    for (const layer of buildProposalLayers(this.options.center[1])) this.map.addLayer(layer, FIRST_LABEL_LAYER);
    this.applyPending();
    this.applySymbolVisibility();
    performance.mark('map-complete');
    for (const action of this.whenCompleteQueue.splice(0)) action();
    // The next settled frame is the complete map (the legend, and what is drawn, are checked again).
    this.isUnsettled = true;
    this.map.once('idle', () => performance.mark('map-complete-draw'));
  }

  /** Runs `action` once the whole style is in the map (see `completeStyle`), at once if it is. */
  whenComplete(action: () => void): void {
    if (this.isComplete) action();
    else this.whenCompleteQueue.push(action);
  }

  /**
   * Colours the hamlets: each one's feature state (see `buildHamletStatuses`), the states of
   * hamlets left out cleared (drawn grey). Cheap: the hamlets' tiles are not built again.
   */
  setHamletStatuses(statuses: Map<string, Record<string, string>> | null): void {
    this.isUnsettled = true;
    this.whenLoaded(() => {
      this.map.removeFeatureState({ source: HAMLET_SOURCE });
      if (statuses === null) return;
      for (const [id, state] of statuses) this.map.setFeatureState({ source: HAMLET_SOURCE, id }, state);
      this.hasStatuses = true;
      performance.mark('map-coloured');
    });
  }

  private whenLoaded(action: () => void): void {
    if (this.isStyleLoaded) action();
    else this.map.once('style.load', action);
  }

  /** Replaces the proposed sites (see `buildProposalCollection`). */
  setProposals(collection: FeatureCollection<Point>): void {
    this.whenComplete(() => this.proposals.setCollection(collection));
  }

  /**
   * Outlines the hamlets the proposals newly cover, and with `isAfterShown` fills them as covered on the
   * mobile broadband map (the map after the proposals are built).
   */
  setProposalGains(hamletIds: string[], isAfterShown = false): void {
    this.afterIds = isAfterShown ? hamletIds : [];
    this.whenComplete(() => {
      for (const layer of [PROPOSAL_GAIN_CASING_LAYER, PROPOSAL_GAIN_LAYER]) this.map.setFilter(layer, buildProposalGainFilter(hamletIds));
      this.applyFill();
    });
  }

  /** In add-site mode a map click adds a proposed site instead of selecting. */
  setAddSiteMode(isAddMode: boolean): void {
    this.proposals.setAddMode(isAddMode);
  }

  /** The challenged hexagons (see `buildChallengeCollection`) and whether they are drawn. */
  setChallenges(collection: FeatureCollection, isVisible: boolean): void {
    this.whenComplete(() => {
      this.applyData(EVIDENCE_CHALLENGE_SOURCE, collection);
      for (const layer of [EVIDENCE_CHALLENGE_FILL_LAYER, EVIDENCE_CHALLENGE_LINE_LAYER]) this.map.setLayoutProperty(layer, 'visibility', isVisible ? 'visible' : 'none');
    });
  }

  /** The reference layers' shapes and names (see `buildReferenceCollection`). */
  setReferenceLayers(collection: FeatureCollection): void {
    this.whenComplete(() => this.applyData(REFERENCE_SOURCE, collection));
  }

  /** The H3 view of the chosen layer (null hides it). */
  setHexView(collection: FeatureCollection | null): void {
    this.whenComplete(() => {
      if (collection !== null) this.applyData(EVIDENCE_HEX_SOURCE, collection);
      for (const layer of [EVIDENCE_HEX_FILL_LAYER, EVIDENCE_HEX_LINE_LAYER]) this.map.setLayoutProperty(layer, 'visibility', collection === null ? 'none' : 'visible');
    });
  }

  /** After the next frame is complete, the challenge hexagons drawn in view (distinct cells). */
  /** How many hamlets the map draws hatched and with a dashed edge (approximate ones in view). */
  countApproximateDrawn(): { hatched: number; dashed: number } {
    if (!this.isStyleLoaded) return { hatched: 0, dashed: 0 };
    const count = (layer: string) => new Set(this.map.queryRenderedFeatures({ layers: [layer] }).map((feature) => String(feature.properties?.id))).size;
    return { hatched: count(APPROXIMATE_HATCH_LAYER), dashed: count(APPROXIMATE_OUTLINE_LAYER) };
  }

  /**
   * How many district boundary lines and district names the map draws in view: none in the first
   * frame, which draws the hamlets and sites only (see `completeStyle`).
   */
  countUnitsDrawn(): { boundaries: number; names: number } {
    const count = (layer: string) => (this.map.getLayer(layer) ? this.map.queryRenderedFeatures({ layers: [layer] }).length : 0);
    return { boundaries: count(DISTRICT_OUTLINE_LAYER), names: count(DISTRICT_LABEL_LAYER) };
  }

  whenChallengesDrawn(callback: (count: number) => void): void {
    this.whenComplete(() =>
      this.map.once('idle', () => {
        const isShown = this.map.getLayoutProperty(EVIDENCE_CHALLENGE_FILL_LAYER, 'visibility') !== 'none';
        const features = isShown ? this.map.queryRenderedFeatures({ layers: [EVIDENCE_CHALLENGE_FILL_LAYER] }) : [];
        callback(new Set(features.map((feature) => String(feature.properties?.h3))).size);
      }),
    );
  }

  /**
   * Colours hamlets by their coverage on `layer`, or by their change on it since the compared snapshot,
   * and shows that layer's own symbols (fibre on the FTTH map, sites on the mobile maps).
   */
  setCoverageLayer(layer: LayerName, isChange = false): void {
    this.layer = layer;
    this.isChange = isChange;
    this.isUnsettled = true;
    this.whenLoaded(() => {
      this.applyFill();
      this.applySymbolVisibility();
    });
  }

  private applyFill(): void {
    const isAfter = !this.isChange && this.layer === 'mobile' && this.afterIds.length > 0;
    this.map.setPaintProperty(HAMLET_FILL_LAYER, 'fill-color', this.isChange ? buildChangeFillColor(this.layer) : isAfter ? buildAfterFillColor(this.layer, this.afterIds) : buildHamletFillColor(this.layer));
  }

  private applySymbolVisibility(): void {
    for (const [id, visibility] of Object.entries(buildSymbolVisibility(this.layer, this.showDiscs))) {
      // Layers still to come (see `completeStyle`) get theirs when they are added.
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visibility);
    }
  }

  /**
   * How many hamlets drawn in `rect` (container CSS px) have `status` on the shown layer, and how many
   * hamlets it touches in all: the legend is placed where it hides none.
   */
  countHamletsIn(rect: ScreenRect, status: string): { withStatus: number; all: number } {
    if (!this.isStyleLoaded) return { withStatus: 0, all: 0 };
    const features = this.map.queryRenderedFeatures([[rect.left, rect.top], [rect.right, rect.bottom]], { layers: [HAMLET_FILL_LAYER] });
    const ids = new Set<string>();
    const withStatus = new Set<string>();
    for (const feature of features) {
      const id = String(feature.properties.id);
      ids.add(id);
      if ((feature.state as Record<string, unknown> | undefined)?.[statusProperty(this.layer)] === status) withStatus.add(id);
    }
    return { withStatus: withStatus.size, all: ids.size };
  }

  setHighlight(hamletId: string | null): void {
    this.whenLoaded(() => this.map.setFilter(HAMLET_HIGHLIGHT_LAYER, buildHighlightFilter(hamletId)));
  }

  setDiscsVisible(isVisible: boolean): void {
    this.showDiscs = isVisible;
    this.whenLoaded(() => this.applySymbolVisibility());
  }

  setBasemap(basemap: BasemapOptions): void {
    this.whenLoaded(() => {
      if (this.map.getLayer(BASEMAP_LAYER)) this.map.removeLayer(BASEMAP_LAYER);
      if (this.map.getSource(BASEMAP_SOURCE)) this.map.removeSource(BASEMAP_SOURCE);
      const { sources, layers } = buildBasemap(basemap);
      for (const [id, source] of Object.entries(sources)) this.map.addSource(id, source);
      // Just above the background, below every data layer.
      for (const layer of layers) this.map.addLayer(layer, HAMLET_FILL_LAYER);
    });
  }

  /** `rightPaddingPixels` keeps the fitted area clear of the details panel on the right. */
  fitBounds(bounds: [number, number, number, number], maxZoom = 15, animate = true, rightPaddingPixels = 40): void {
    this.map.fitBounds(bounds, { padding: { top: 40, bottom: 40, left: 40, right: rightPaddingPixels }, maxZoom, animate, duration: animate ? 600 : 0 });
  }

  /** The view: `[west, south, east, north]` in degrees, and the zoom. */
  getView(): MapViewWindow {
    const bounds = this.map.getBounds();
    return { bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom: this.map.getZoom() };
  }

  jumpTo(center: [number, number], zoom: number): void {
    this.map.jumpTo({ center, zoom });
  }

  /**
   * Opens a hidden map of `widthCss` × `heightCss` CSS pixels whose pictures are drawn at `pixelRatio`
   * (print resolution). Each picture is settled at ratio 1 first, while tiles arrive and every arrival
   * redraws the frame, and only the final frame is drawn at full size: with software WebGL that is
   * several times faster than redrawing a 5-megapixel canvas per tile.
   * NOTE: the drawing buffer is kept (`preserveDrawingBuffer`), else the canvas reads back blank after
   * the frame; the canvas may be as large as 8192 px a side (MapLibre's default cap is 4096), and
   * MapLibre lowers the ratio itself past the GPU's limit, so the returned size is the one drawn.
   */
  static async openOffscreen(style: StyleSpecification, size: { widthCss: number; heightCss: number; pixelRatio: number }): Promise<OffscreenMap> {
    const container = document.createElement('div');
    container.setAttribute('aria-hidden', 'true');
    container.style.cssText = `position:fixed;left:-${size.widthCss + 100}px;top:0;width:${size.widthCss}px;height:${size.heightCss}px;visibility:hidden;pointer-events:none`;
    document.body.append(container);
    const map = new maplibregl.Map({
      container,
      style,
      pixelRatio: 1,
      maxCanvasSize: [8192, 8192],
      canvasContextAttributes: { preserveDrawingBuffer: true },
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
    });
    provideHatchImage(map);
    const settle = () =>
      new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      });
    await new Promise<void>((resolve) => map.once('load', () => resolve()));
    return {
      async render(view, filters = {}) {
        map.setPixelRatio(1);
        map.jumpTo(view);
        for (const [layer, filter] of Object.entries(filters)) map.setFilter(layer, filter);
        await settle();
        map.setPixelRatio(size.pixelRatio);
        await settle();
        const canvas = map.getCanvas();
        const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
        if (!blob) throw new Error('the map canvas could not be encoded');
        return { blob, widthPx: canvas.width, heightPx: canvas.height };
      },
      close() {
        map.remove();
        container.remove();
      },
    };
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    if (this.completeTimer !== null) clearTimeout(this.completeTimer);
    this.map.remove();
  }
}
