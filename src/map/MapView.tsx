import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { buildCoverageFootprints, coveredThresholdOf, DEFAULT_SITE_REACH, resolveRecordRadii } from '../core';
import { useT } from '../i18n/use-t';
import { useAnalysisStore } from '../state/analysis-store';
import { useDatasetStore } from '../state/dataset-store';
import { selectRankedProposals, useProposalsStore } from '../state/proposals-store';
import { addProposalAt } from '../state/run-proposals';
import { buildCoverageConfig, useSettingsStore } from '../state/settings-store';
import { mapHasDrawn } from '../state/restore-guard';
import { useUiStore } from '../state/ui-store';
import { MapController } from './map-controller';
import { buildFibreCollection, buildFibreRouteCollection, buildHamletCollection, buildHamletStatuses, buildHexViewCollection, buildSiteCollection, datasetBounds, hamletBounds, isViewLimited } from './map-data';
import { buildOutlineCollection, buildUnitLabelCollection, joinOutlineSegments } from './outlines';
import { MapLegend } from './MapLegend';
import { chooseLegendCorner, LEGEND_CORNERS, legendRect, type LegendCorner } from './legend-placement';
import { buildProposalCollection } from './layers/proposal-layers';
import { buildChallengeCollection } from './layers/evidence-layers';
import { buildReferenceCollection } from './layers/reference-layers';
import { useReferenceStore } from '../state/reference-store';
import { selectChallenges, useMeasurementsStore } from '../state/measurements-store';
import { fetchHexView } from '../state/run-evidence';
import { buildChangeStatuses } from './layers/change-layers';
import { selectChange, selectComparedResults, usePlanStore } from '../state/plan-store';

/** Sóc Trăng, for the very first frame before the data's bounds are known. */
const INITIAL_CENTER: [number, number] = [105.95, 9.6];
const INITIAL_ZOOM = 8.6;
/** Width of the details panel over the map's right side, plus margins (see app.css). */
const DETAILS_PANEL_WIDTH = 420;
/** Above this many records, footprints are drawn for the records in view only (and none when more are in view). */
const FOOTPRINT_LIMIT = 20_000;
const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface MapViewProps {
  onMoveEnd(center: [number, number], zoom: number): void;
  showDiscs: boolean;
  onShowDiscsChange(show: boolean): void;
}

/** The map container and its legend; all map work goes through one `MapController`, fed from the stores. */
export function MapView({ onMoveEnd, showDiscs, onShowDiscsChange }: MapViewProps) {
  const t = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const legendRef = useRef<HTMLElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const moveRef = useRef(onMoveEnd);
  moveRef.current = onMoveEnd;
  const [legend, setLegend] = useState<{ corner: LegendCorner; position: CSSProperties }>({ corner: 'bottom-left', position: { left: 10, bottom: 34 } });
  const [isLegendCollapsed, setLegendCollapsed] = useState(false);
  const [isAfterShown, setAfterShown] = useState(false);
  const afterRef = useRef(isAfterShown);
  afterRef.current = isAfterShown;
  const placeLegendRef = useRef<() => void>(() => {});
  const showDiscsRef = useRef(showDiscs);
  const pushFootprintsRef = useRef<() => void>(() => {});
  const afterMoveRef = useRef<() => void>(() => {});
  /** The user folded or unfolded the legend: their choice wins over an automatic fold. */
  const hasUserFoldedRef = useRef(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // The map is made once the first dataset is in (demo or restored), with its hamlets in the style
    // and its view fitted from the start: then the map's worker cuts each hamlet tile once, for the view
    // it shows. A map made before, and given the hamlets later, cut them for a first view, and again
    // for the fitted one, and once more as the data reached its worker after those tiles were asked
    // for: with software WebGL on two cores, most of a second before the first map.
    const isSettled = (status: string) => status === 'ready' || status === 'error';
    if (isSettled(useDatasetStore.getState().status)) return mountMap(container);
    let unmount: (() => void) | null = null;
    const unsubscribe = useDatasetStore.subscribe((state) => {
      if (unmount || !isSettled(state.status)) return;
      unsubscribe();
      unmount = mountMap(container);
    });
    return () => {
      unsubscribe();
      unmount?.();
    };
  }, []);

  /** Makes the map on the dataset now in the store and keeps it fed from the stores; returns the unmount. */
  function mountMap(container: HTMLDivElement): () => void {
    const ui = useUiStore.getState();
    const dataset = useDatasetStore.getState();
    const initialBounds = ui.requestedView ? null : datasetBounds(dataset.hamlets);
    const controller = new MapController(container, {
      layer: ui.layer,
      basemap: useSettingsStore.getState().basemap,
      center: ui.requestedView?.center ?? INITIAL_CENTER,
      zoom: ui.requestedView?.zoom ?? INITIAL_ZOOM,
      bounds: initialBounds ?? undefined,
      initialData: { hamlets: buildHamletCollection(dataset.hamlets, null) },
      onHamletClick: (id) => useUiStore.getState().actions.select({ kind: 'hamlet', id }),
      onSiteClick: (id) => useUiStore.getState().actions.select({ kind: 'site', id }),
      onMoveEnd: (center, zoom) => {
        afterMoveRef.current();
        moveRef.current(center, zoom);
      },
      onSettled: () => {
        placeLegendRef.current();
        // What the map draws as approximate, for whoever checks the map (a browser test, a screen reader's user).
        const drawn = controller.countApproximateDrawn();
        container.dataset.approximateHatched = String(drawn.hatched);
        container.dataset.approximateDashed = String(drawn.dashed);
        const units = controller.countUnitsDrawn();
        container.dataset.boundariesDrawn = String(units.boundaries);
        container.dataset.unitNamesDrawn = String(units.names);
      },
      onFirstDraw: () => {
        // Before the mark, so that whoever sees the map drawn also sees the restore finished.
        mapHasDrawn();
        performance.mark('first-map-draw');
      },
      onProposalMove: (id, lng, lat) => useProposalsStore.getState().actions.moveProposal(id, lng, lat),
      onProposalClick: (id) => {
        useProposalsStore.getState().actions.select(id);
        useUiStore.getState().actions.setPanel('proposals');
      },
      onAddSite: (lng, lat) => addProposalAt(lng, lat),
    });
    controllerRef.current = controller;
    let hasView = ui.requestedView !== null || initialBounds !== null;

    // The legend goes to the corner that hides no uncovered hamlet (never over the data a planner seeks).
    let corner: LegendCorner = 'bottom-left';
    // Corners are judged with the unfolded legend's size, else folding would free a corner and unfold it again.
    let unfoldedSize: { width: number; height: number } | null = null;
    placeLegendRef.current = () => {
      const element = legendRef.current;
      if (!element) return;
      if (element.dataset.collapsed === 'false') unfoldedSize = { width: element.offsetWidth, height: element.offsetHeight };
      const size = unfoldedSize ?? { width: element.offsetWidth, height: element.offsetHeight };
      const mapSize = { width: container.clientWidth, height: container.clientHeight };
      // The details panel covers the top right while a hamlet or site is shown.
      const corners = LEGEND_CORNERS.filter((candidate) => candidate !== 'top-right' || useUiStore.getState().selection === null);
      const covers = corners.map((candidate) => {
        const counts = controller.countHamletsIn(legendRect(candidate, size, mapSize).rect, 'none');
        return { corner: candidate, uncovered: counts.withStatus, all: counts.all };
      });
      const choice = chooseLegendCorner(covers, corner);
      corner = choice.corner;
      container.dataset.legendCorner = corner;
      setLegend({ corner, position: legendRect(corner, size, mapSize).style });
      if (!hasUserFoldedRef.current) setLegendCollapsed(!choice.isFree);
    };

    // Whether the hamlets' map data carries change properties (then a plain view draws them again without).
    let hasChangeData = false;
    /** The hamlets' shapes (grey until their coverage arrives), with their changes while those are shown. */
    const pushHamletShapes = (changes: ReturnType<typeof changeStatuses>) => {
      hasChangeData = changes !== null;
      controller.setData('hamlets', buildHamletCollection(useDatasetStore.getState().hamlets, changes));
    };
    const pushDataset = (hamletsChanged: boolean) => {
      const dataset = useDatasetStore.getState();
      // The first view first: the map then tiles the data once, for the view it shows.
      const bounds = hasView ? null : datasetBounds(dataset.hamlets);
      if (bounds) {
        hasView = true;
        controller.fitBounds(bounds, 15, false);
      }
      if (hamletsChanged) {
        // Drawn at once, before the analysis: the outlines first, the colours when the report comes.
        pushHamletShapes(changeStatuses());
        controller.setHamletStatuses(null);
      }
      // Boundary lines, unit names and fibre are drawn after the first coloured frame (see `whenComplete`).
      controller.whenComplete(() => {
        const { hamlets, fibrePoints, fibreRoutes } = useDatasetStore.getState();
        controller.setData('outlines', joinOutlineSegments(buildOutlineCollection(hamlets)));
        controller.setData('communeLabels', buildUnitLabelCollection(hamlets, 'commune'));
        controller.setData('districtLabels', buildUnitLabelCollection(hamlets, 'district'));
        controller.setData('fibre', buildFibreCollection(fibrePoints, controller.getView()));
        controller.setData('fibreRoutes', buildFibreRouteCollection(fibreRoutes));
      });
    };
    /** Each hamlet's change since the compared snapshot, while the change is shown. */
    const changeStatuses = () => {
      const plan = usePlanStore.getState();
      if (!plan.isChangeShown) return null;
      const report = useAnalysisStore.getState().report;
      const { coveredThreshold, colocationMeters } = useSettingsStore.getState();
      const compared = selectComparedResults(plan, report, coveredThreshold);
      const change = selectChange(plan, report, { coveredThreshold, matchMeters: colocationMeters });
      return compared && change ? buildChangeStatuses(change, compared.after.hamlets) : null;
    };
    /** The hamlets' colours from the report (feature state), and their changes while those are shown. */
    const pushHamlets = () => {
      const report = useAnalysisStore.getState().report;
      if (!report) return;
      const changes = changeStatuses();
      if (changes !== null || hasChangeData) pushHamletShapes(changes);
      controller.setHamletStatuses(buildHamletStatuses(report));
      controller.setCoverageLayer(useUiStore.getState().layer, changes !== null);
    };
    const pushReport = () => {
      const report = useAnalysisStore.getState().report;
      if (!report) return;
      pushHamlets();
      controller.setData('sites', buildSiteCollection(report.sites, controller.getView()));
      pushFootprints();
    };
    // Footprints are 65-vertex polygons: built only while they are shown, and for a large site list only
    // for the records in view (a million of them would take gigabytes in the map's worker).
    let footprintsInView = false;
    const pushFootprints = () => {
      const report = useAnalysisStore.getState().report;
      footprintsInView = false;
      if (!report || !showDiscsRef.current) return controller.setData('coverage', EMPTY_COLLECTION);
      // The footprints of the records behind the shown sites (the filters apply), as the engine counts them.
      const shown = new Set(report.sites.flatMap((site) => site.recordSiteIds));
      let records = useDatasetStore.getState().btsRecords.filter((record) => shown.has(record.siteId));
      if (records.length > FOOTPRINT_LIMIT) {
        footprintsInView = true;
        const [west, south, east, north] = controller.getView().bounds;
        const inView = records.filter((record) => record.lng >= west && record.lng <= east && record.lat >= south && record.lat <= north);
        records = inView.length > FOOTPRINT_LIMIT ? [] : inView;
      }
      // Drawn with the radii the engine used (an applied calibration, the reach model).
      const config = buildCoverageConfig(useSettingsStore.getState());
      const resolved = resolveRecordRadii(records, { radiusOverrides: config.radiusOverrides ?? [], siteReach: config.siteReach ?? DEFAULT_SITE_REACH }).records;
      controller.setData('coverage', buildCoverageFootprints(resolved, config) as FeatureCollection);
    };
    pushFootprintsRef.current = pushFootprints;
    // Large layers hold only what the view needs, so they follow it.
    afterMoveRef.current = () => {
      if (footprintsInView) pushFootprints();
      const sites = useAnalysisStore.getState().report?.sites ?? [];
      if (isViewLimited(sites.length)) controller.setData('sites', buildSiteCollection(sites, controller.getView()));
      const { fibrePoints } = useDatasetStore.getState();
      if (isViewLimited(fibrePoints.length)) controller.setData('fibre', buildFibreCollection(fibrePoints, controller.getView()));
    };
    const zoomToSelection = () => {
      const selection = useUiStore.getState().selection;
      if (selection?.kind === 'site') {
        const site = useAnalysisStore.getState().report?.sites.find((item) => item.id === selection.id);
        // A site has no extent: frame about a kilometre around it.
        if (site) controller.fitBounds([site.lng - 0.005, site.lat - 0.005, site.lng + 0.005, site.lat + 0.005], 14, true, DETAILS_PANEL_WIDTH);
        return;
      }
      if (selection?.kind !== 'hamlet') return;
      const hamlet = useDatasetStore.getState().hamlets.find((item) => item.id === selection.id);
      const bounds = hamlet ? hamletBounds(hamlet) : null;
      if (bounds) controller.fitBounds(bounds, 14, true, DETAILS_PANEL_WIDTH);
    };
    const pushProposals = () => {
      const state = useProposalsStore.getState();
      controller.setProposals(buildProposalCollection(selectRankedProposals(state), state.selectedId));
      controller.setProposalGains((state.evaluation?.proposals ?? []).flatMap((proposal) => proposal.helped.map((hamlet) => hamlet.hamletId)), afterRef.current);
    };
    const pushChallenges = () => {
      const state = useMeasurementsStore.getState();
      controller.setChallenges(buildChallengeCollection(selectChallenges(state), state.selectedH3), state.showChallenges);
      controller.whenChallengesDrawn((count) => (container.dataset.challengesDrawn = String(count)));
    };
    const zoomToChallenge = () => {
      const { selectedH3 } = useMeasurementsStore.getState();
      const feature = buildChallengeCollection(selectChallenges(useMeasurementsStore.getState()), selectedH3).features.find((item) => item.properties?.h3 === selectedH3);
      if (!feature || feature.geometry.type !== 'Polygon') return;
      const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [lng, lat] of feature.geometry.coordinates[0]) {
        bounds[0] = Math.min(bounds[0], lng);
        bounds[1] = Math.min(bounds[1], lat);
        bounds[2] = Math.max(bounds[2], lng);
        bounds[3] = Math.max(bounds[3], lat);
      }
      controller.fitBounds(bounds, 14, true, DETAILS_PANEL_WIDTH);
    };
    let hexRequest = 0;
    const pushHexView = async () => {
      const state = useMeasurementsStore.getState();
      const request = ++hexRequest;
      if (!state.showHexView) return controller.setHexView(null);
      const collection = await fetchHexView(state.rules.h3Resolution);
      if (request !== hexRequest || !useMeasurementsStore.getState().showHexView) return;
      // Classed as the hamlets are: the engine's rule with the shown layer's threshold.
      const threshold = coveredThresholdOf(useSettingsStore.getState().coveredThreshold, useUiStore.getState().layer);
      controller.setHexView(collection === null ? null : buildHexViewCollection(collection, threshold));
    };
    const pushReferenceLayers = () => controller.setReferenceLayers(buildReferenceCollection(useReferenceStore.getState().layers));
    // The hamlets are in the map's style already (drawn grey until their coverage arrives).
    let shown: Pick<typeof dataset, 'hamlets' | 'fibrePoints' | 'fibreRoutes'> = dataset;
    pushDataset(false);
    pushReport();
    pushProposals();
    pushChallenges();
    pushReferenceLayers();
    controller.setAddSiteMode(useProposalsStore.getState().isAddMode);

    const unsubscribers = [
      useReferenceStore.subscribe((state, previous) => {
        if (state.layers !== previous.layers) pushReferenceLayers();
      }),
      // Against what the map was given, not the previous state: the map may be made during the very
      // change that brought the dataset, whose listeners then include this one.
      useDatasetStore.subscribe((state) => {
        if (state.hamlets === shown.hamlets && state.fibrePoints === shown.fibrePoints && state.fibreRoutes === shown.fibreRoutes) return;
        const hamletsChanged = state.hamlets !== shown.hamlets;
        shown = state;
        pushDataset(hamletsChanged);
      }),
      useAnalysisStore.subscribe((state, previous) => {
        if (state.report !== previous.report) {
          pushReport();
          if (useMeasurementsStore.getState().showHexView) void pushHexView();
        }
      }),
      useMeasurementsStore.subscribe((state, previous) => {
        if (state.result !== previous.result || state.showChallenges !== previous.showChallenges || state.selectedH3 !== previous.selectedH3) pushChallenges();
        if (state.selectedH3 !== previous.selectedH3 && state.selectedH3 !== null) zoomToChallenge();
        if (state.showHexView !== previous.showHexView || (state.showHexView && state.rules.h3Resolution !== previous.rules.h3Resolution)) void pushHexView();
      }),
      useUiStore.subscribe((state, previous) => {
        if (state.layer !== previous.layer) {
          controller.setCoverageLayer(state.layer, usePlanStore.getState().isChangeShown);
          if (useMeasurementsStore.getState().showHexView) void pushHexView();
        }
        if (state.selection !== previous.selection) controller.setHighlight(state.selection?.kind === 'hamlet' ? state.selection.id : null);
        if (state.zoomRequest !== previous.zoomRequest) zoomToSelection();
        const view = state.requestedView;
        if (view !== previous.requestedView && view) {
          if (view.bounds) controller.fitBounds(view.bounds, 14, true);
          else controller.jumpTo(view.center, view.zoom);
        }
      }),
      useSettingsStore.subscribe((state, previous) => {
        if (state.basemap !== previous.basemap) controller.setBasemap(state.basemap);
      }),
      usePlanStore.subscribe((state, previous) => {
        if (state.isChangeShown !== previous.isChangeShown || (state.isChangeShown && (state.comparison !== previous.comparison || state.snapshots !== previous.snapshots || state.profile !== previous.profile))) pushHamlets();
      }),
      useProposalsStore.subscribe((state, previous) => {
        if (state.proposals !== previous.proposals || state.selectedId !== previous.selectedId || state.evaluation !== previous.evaluation) pushProposals();
        if (state.isAddMode !== previous.isAddMode) controller.setAddSiteMode(state.isAddMode);
      }),
    ];
    return () => {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      controller.destroy();
      controllerRef.current = null;
      placeLegendRef.current = () => {};
    };
  }

  useEffect(() => {
    showDiscsRef.current = showDiscs;
    controllerRef.current?.setDiscsVisible(showDiscs);
    pushFootprintsRef.current();
  }, [showDiscs]);

  useEffect(() => {
    const state = useProposalsStore.getState();
    controllerRef.current?.setProposalGains((state.evaluation?.proposals ?? []).flatMap((proposal) => proposal.helped.map((hamlet) => hamlet.hamletId)), isAfterShown);
  }, [isAfterShown]);

  // A legend that grows or shrinks (folded, proposals shown) may need another corner.
  useEffect(() => {
    const element = legendRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let last = '';
    const observer = new ResizeObserver(() => {
      const size = `${element.offsetWidth}x${element.offsetHeight}`;
      if (size !== last) {
        last = size;
        placeLegendRef.current();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <>
      <div ref={containerRef} className="map-view" data-testid="map" role="region" aria-label={t('app.map')} />
      <MapLegend
        legendRef={legendRef}
        position={legend.position}
        showDiscs={showDiscs}
        onShowDiscsChange={onShowDiscsChange}
        isCollapsed={isLegendCollapsed}
        onCollapsedChange={(isCollapsed) => {
          hasUserFoldedRef.current = true;
          setLegendCollapsed(isCollapsed);
        }}
        isAfterShown={isAfterShown}
        onAfterShownChange={setAfterShown}
      />
    </>
  );
}
