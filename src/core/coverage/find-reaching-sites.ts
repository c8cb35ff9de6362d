import type { BtsRecord, CoverageConfig, Hamlet, Site } from '../types';
import { haversineMeters, metersToDegrees } from '../units';
import { buildCoverageShapes, buildLayerKeys } from './coverage-shapes';
import { buildScanPasses } from './compute-coverage';
import { computeHamletFractions, KernelScratch } from './area-kernel';
import { prepareHamlet } from './prepare-hamlets';

/** A site that reaches a hamlet, with the share of the hamlet its own records cover (mobile layer). */
export interface ReachingSite {
  site: Site;
  fraction: number;
}

/**
 * The sites whose own mobile-broadband shapes reach into a hamlet, by the engine's own geometry
 * (sectors, per-record radii), each with the share of the hamlet it covers alone; largest first.
 * Records that belong to none of `sites` (e.g. filtered out) are ignored.
 * @param hamlet the hamlet
 * @param sites merged sites (e.g. `report.sites`)
 * @param records the BTS records the sites were merged from
 * @param config radii, mobile-broadband technologies, default beamwidth
 * @returns reaching sites with their fraction in (0, 1]
 * @example findReachingSites(hamlet, report.sites, input.btsRecords, DEFAULT_CONFIG)[0].site.id
 */
export function findReachingSites(hamlet: Hamlet, sites: Site[], records: BtsRecord[], config: CoverageConfig): ReachingSite[] {
  const prepared = prepareHamlet(hamlet.geometry);
  const layerKeys = buildLayerKeys([]);
  const passes = buildScanPasses(layerKeys);
  const scratch = new KernelScratch();
  const out = new Float64Array(layerKeys.length);
  const sitesById = new Map<string, Site[]>();
  for (const site of sites) for (const id of site.recordSiteIds) sitesById.set(id, [...(sitesById.get(id) ?? []), site]);
  const [minLng, minLat, maxLng, maxLat] = prepared.bbox;
  const best = new Map<Site, number>();
  for (const record of records) {
    const candidates = sitesById.get(record.siteId);
    if (!candidates) continue;
    const radius = record.technologies.reduce((largest, technology) => Math.max(largest, config.radiiMeters[technology]), record.radiusMeters ?? 0);
    const [dLng, dLat] = metersToDegrees(radius, record.lat);
    if (record.lng < minLng - dLng || record.lng > maxLng + dLng || record.lat < minLat - dLat || record.lat > maxLat + dLat) continue;
    const { shapes } = buildCoverageShapes({ btsRecords: [record], fibrePoints: [], fibreRoutes: [] }, config, layerKeys);
    scratch.count = 0;
    scratch.addCandidates(prepared, shapes, Array.from({ length: shapes.count }, (_, i) => i));
    computeHamletFractions(prepared, scratch, layerKeys.length, passes, out, 0);
    const fraction = out[0];
    if (!(fraction > 0)) continue;
    // Ids can repeat across far-apart sites: the record belongs to the nearest one with its id.
    const site = candidates.reduce((a, b) => (haversineMeters(a.lng, a.lat, record.lng, record.lat) <= haversineMeters(b.lng, b.lat, record.lng, record.lat) ? a : b));
    best.set(site, Math.max(best.get(site) ?? 0, fraction));
  }
  return [...best].map(([site, fraction]) => ({ site, fraction })).sort((a, b) => b.fraction - a.fraction || (a.site.id < b.site.id ? -1 : 1));
}
