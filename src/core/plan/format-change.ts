import { LAYER_NAMES, type AreaGeometry, type LayerName } from '../types';
import type { ChangedHamlet, ChangedSite, SnapshotChange } from './compare-snapshots';
import { writeCsv, type CsvCell, type WriteCsvOptions } from '../io/write-csv';

/** Which results a change compares: where they came from, their label and date. */
export interface ChangeSide {
  source: string;
  label: string;
  asOf: string | null;
}

/** What happened to a hamlet on a layer, or to a site. */
export type HamletChangeKind = 'newly-covered' | 'lost' | 'only-before' | 'only-after';
export type SiteChangeKind = 'added' | 'removed' | 'newly-shared' | 'no-longer-shared';

/** Colours of the change classes in exported GeoJSON (simplestyle), colour-blind-safe. */
export const CHANGE_COLORS: Record<HamletChangeKind | SiteChangeKind, string> = {
  'newly-covered': '#1b7837',
  lost: '#c51b7d',
  'only-before': '#999999',
  'only-after': '#4393c3',
  added: '#1b7837',
  removed: '#c51b7d',
  'newly-shared': '#762a83',
  'no-longer-shared': '#e08214',
};

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const perLayer = <T>(make: (layer: LayerName) => T): Record<LayerName, T> => ({ mobile: make('mobile'), '4g': make('4g'), '5g': make('5g'), ftth: make('ftth') });

/** Every hamlet that changed, once, with its changes per layer (and being in one result only). */
function hamletItems(change: SnapshotChange): (ChangedHamlet & { changes: { layer: LayerName | null; change: HamletChangeKind }[] })[] {
  const items = new Map<string, ChangedHamlet & { changes: { layer: LayerName | null; change: HamletChangeKind }[] }>();
  const note = (hamlet: ChangedHamlet, layer: LayerName | null, kind: HamletChangeKind) => {
    const item = items.get(hamlet.id) ?? { ...hamlet, changes: [] };
    item.changes.push({ layer, change: kind });
    items.set(hamlet.id, item);
  };
  for (const layer of LAYER_NAMES) {
    for (const hamlet of change.hamlets.newlyCovered[layer]) note(hamlet, layer, 'newly-covered');
    for (const hamlet of change.hamlets.lost[layer]) note(hamlet, layer, 'lost');
  }
  for (const hamlet of change.hamlets.onlyBefore) note(hamlet, null, 'only-before');
  for (const hamlet of change.hamlets.onlyAfter) note(hamlet, null, 'only-after');
  return [...items.values()];
}

function siteItems(change: SnapshotChange): (ChangedSite & { change: SiteChangeKind })[] {
  return [
    ...change.sites.added.map((site) => ({ ...site, change: 'added' as const })),
    ...change.sites.removed.map((site) => ({ ...site, change: 'removed' as const })),
    ...change.sites.newlyShared.map((site) => ({ ...site, change: 'newly-shared' as const })),
    ...change.sites.noLongerShared.map((site) => ({ ...site, change: 'no-longer-shared' as const })),
  ];
}

/**
 * The change as the `change.json` the compare command writes: id lists per layer
 * (`hamlets.newlyCovered.mobile`, `hamlets.lost.ftth`), site id lists (`sites.added`, `sites.removed`,
 * `sites.newlyShared`), the details of every changed hamlet and site, operators, targets then and now,
 * units and overall KPIs.
 * @param change the change
 * @param sides the two results compared
 * @param options the site match distance used, and whether any side is demo data
 * @returns a JSON-ready object
 * @example formatChangeJson(change, { before, after }, { matchMeters: 30, demo: false }).hamlets.newlyCovered.mobile
 */
export function formatChangeJson(change: SnapshotChange, sides: { before: ChangeSide; after: ChangeSide }, options: { matchMeters: number; demo: boolean }) {
  return {
    ...(options.demo ? { demo: true } : {}),
    before: sides.before,
    after: sides.after,
    matchMeters: options.matchMeters,
    hamlets: {
      matched: change.hamlets.matched,
      newlyCovered: perLayer((layer) => ids(change.hamlets.newlyCovered[layer])),
      lost: perLayer((layer) => ids(change.hamlets.lost[layer])),
      onlyBefore: ids(change.hamlets.onlyBefore),
      onlyAfter: ids(change.hamlets.onlyAfter),
      items: hamletItems(change),
    },
    sites: {
      matched: change.sites.matched,
      added: ids(change.sites.added),
      removed: ids(change.sites.removed),
      newlyShared: ids(change.sites.newlyShared),
      noLongerShared: ids(change.sites.noLongerShared),
      rematched: change.sites.rematched,
      items: siteItems(change),
    },
    operators: change.operators,
    targets: change.targets,
    units: change.units,
    kpis: change.kpis,
  };
}

/**
 * One CSV row per change: a hamlet on a layer (newly covered, lost) or in one result only, a site
 * added, removed, newly shared or no longer shared. Written by the one CSV writer (`writeCsv`: text
 * cells are formula-escaped).
 * @param change the change
 * @param options CSV dialect and byte-order mark (default: comma-separated, with a BOM for Excel)
 * @returns CSV text with a header row (`kind,change,layer,id,name,commune,district,households,operators,lng,lat`)
 * @example formatChangeCsv(change, { bom: false }).split('\r\n')[0]
 */
export function formatChangeCsv(change: SnapshotChange, options: WriteCsvOptions = {}): string {
  const rows: CsvCell[][] = [];
  for (const hamlet of hamletItems(change)) {
    for (const item of hamlet.changes) rows.push(['hamlet', item.change, item.layer ?? '', hamlet.id, hamlet.name, hamlet.commune, hamlet.district, hamlet.households, '', '', '']);
  }
  for (const site of siteItems(change)) rows.push(['site', site.change, '', site.id, '', '', '', '', site.operators.join(';'), Math.round(site.lng * 1e6) / 1e6, Math.round(site.lat * 1e6) / 1e6]);
  return writeCsv(['kind', 'change', 'layer', 'id', 'name', 'commune', 'district', 'households', 'operators', 'lng', 'lat'], rows, options);
}

/**
 * The change on a map: changed hamlets (with their geometry when known) coloured by their mobile
 * broadband change, and changed sites as points.
 * @param change the change
 * @param geometryOf the geometry of a hamlet by id (the later results' hamlets, else the earlier's), or undefined
 * @param demo whether either side is demo data
 * @returns a GeoJSON FeatureCollection
 * @example formatChangeGeoJson(change, (id) => geometries.get(id), false).features.length
 */
export function formatChangeGeoJson(change: SnapshotChange, geometryOf: (id: string) => AreaGeometry | undefined, demo: boolean) {
  const hamletFeatures = hamletItems(change).map((hamlet) => {
    const main = hamlet.changes.find((item) => item.layer === 'mobile') ?? hamlet.changes[0];
    return {
      type: 'Feature' as const,
      properties: {
        kind: 'hamlet',
        id: hamlet.id,
        name: hamlet.name,
        commune: hamlet.commune,
        district: hamlet.district,
        households: hamlet.households,
        changes: hamlet.changes.map((item) => (item.layer ? `${item.layer}:${item.change}` : item.change)).join(';'),
        fill: CHANGE_COLORS[main.change],
        'fill-opacity': 0.6,
        stroke: '#555555',
      },
      geometry: geometryOf(hamlet.id) ?? null,
    };
  });
  const siteFeatures = siteItems(change).map((site) => ({
    type: 'Feature' as const,
    properties: { kind: 'site', id: site.id, change: site.change, operators: site.operators.join(';'), shared: site.shared, 'marker-color': CHANGE_COLORS[site.change] },
    geometry: { type: 'Point' as const, coordinates: [Math.round(site.lng * 1e6) / 1e6, Math.round(site.lat * 1e6) / 1e6] },
  }));
  return { type: 'FeatureCollection' as const, ...(demo ? { demo: true } : {}), features: [...hamletFeatures, ...siteFeatures] };
}
