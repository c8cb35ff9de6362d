/**
 * Headline figures of a demo dataset (counts, shared-site share, estimated uncovered hamlets),
 * computed from the same shapes as the files so tests can run it on the committed data.
 */
import KDBush from 'kdbush';
import { DEFAULT_CONFIG, type PolygonGeometry, type Position, type Technology } from '../../src/core';
import { estimateCoveredShares } from './estimate-coverage';
import type { DemoFeatureCollection, FibreProperties, HamletProperties, PointGeometry, SiteProperties } from './generate-demo-dataset';
import { toLocalMeters } from './geometry-utils';

export interface DemoDatasetSummary {
  districts: number;
  communes: number;
  hamlets: number;
  households: number;
  population: number;
  btsRecords: number;
  recordsPerOperator: Record<string, number>;
  sites: number;
  sharedSites: number;
  sharedSiteShare: number;
  fibrePoints: number;
  /** Hamlets with less than half their area within reach of a 3G/4G/5G record (omni estimate). */
  uncoveredMobileShare: number;
  /** Hamlets with less than 10 % of their area within 300 m of a fibre point. */
  uncoveredFtthShare: number;
}

/**
 * Groups points closer than `linkMeters` (single linkage), like the engine's site merge.
 * @param positions `[lng, lat]` points
 * @param linkMeters co-location distance
 * @returns a group number per point (0-based, in order of first appearance)
 * @example clusterPositions([[105.9, 9.6], [105.90001, 9.6]], 30) // [0, 0]
 */
export function clusterPositions(positions: Position[], linkMeters: number): number[] {
  const parent = positions.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]];
    return index;
  };
  const index = new KDBush(Math.max(1, positions.length));
  const local = positions.map(toLocalMeters);
  for (const [x, y] of local) index.add(x, y);
  index.finish();
  local.forEach(([x, y], self) => {
    for (const other of index.within(x, y, linkMeters)) parent[find(other)] = find(self);
  });
  const numbers = new Map<number, number>();
  return positions.map((_, self) => {
    const root = find(self);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root) as number;
  });
}

function coveringRadiusMeters(properties: SiteProperties): number | null {
  const broadband = properties.technologies
    .split(';')
    .filter((technology): technology is Technology => DEFAULT_CONFIG.mobileBroadband.includes(technology as Technology));
  if (broadband.length === 0) return null;
  return properties.radius_m ?? broadband.reduce((largest, technology) => Math.max(largest, DEFAULT_CONFIG.radiiMeters[technology]), -Infinity);
}

/**
 * Computes the headline figures of a demo dataset.
 * @param hamlets hamlet FeatureCollection
 * @param sites BTS FeatureCollection
 * @param fibre fibre FeatureCollection
 * @returns counts and shares (shares in [0, 1])
 * @example summarizeDemoDataset(dataset.hamlets, dataset.sites, dataset.fibre).sharedSiteShare
 */
export function summarizeDemoDataset(
  hamlets: DemoFeatureCollection<PolygonGeometry, HamletProperties>,
  sites: DemoFeatureCollection<PointGeometry, SiteProperties>,
  fibre: DemoFeatureCollection<PointGeometry, FibreProperties>,
): DemoDatasetSummary {
  const polygons = hamlets.features.map((feature) => feature.geometry);
  const siteOf = clusterPositions(sites.features.map((feature) => feature.geometry.coordinates), DEFAULT_CONFIG.colocationMeters);
  const operatorsPerSite = new Map<number, Set<string>>();
  const recordsPerOperator: Record<string, number> = {};
  sites.features.forEach((feature, index) => {
    const operators = operatorsPerSite.get(siteOf[index]) ?? new Set<string>();
    operators.add(feature.properties.operator);
    operatorsPerSite.set(siteOf[index], operators);
    recordsPerOperator[feature.properties.operator] = (recordsPerOperator[feature.properties.operator] ?? 0) + 1;
  });
  const sharedSites = [...operatorsPerSite.values()].filter((operators) => operators.size >= 2).length;
  const mobilePoints = sites.features.flatMap((feature) => {
    const radiusMeters = coveringRadiusMeters(feature.properties);
    return radiusMeters === null ? [] : [{ position: feature.geometry.coordinates, radiusMeters }];
  });
  const fibrePoints = fibre.features.map((feature) => ({ position: feature.geometry.coordinates, radiusMeters: DEFAULT_CONFIG.radiiMeters.ftth }));
  const mobileShares = estimateCoveredShares(polygons, mobilePoints, 40);
  const ftthShares = estimateCoveredShares(polygons, fibrePoints, 60);
  const count = Math.max(1, polygons.length);
  return {
    districts: new Set(hamlets.features.map((feature) => feature.properties.district_code)).size,
    communes: new Set(hamlets.features.map((feature) => feature.properties.commune_code)).size,
    hamlets: hamlets.features.length,
    households: hamlets.features.reduce((sum, feature) => sum + feature.properties.households, 0),
    population: hamlets.features.reduce((sum, feature) => sum + feature.properties.population, 0),
    btsRecords: sites.features.length,
    recordsPerOperator,
    sites: operatorsPerSite.size,
    sharedSites,
    sharedSiteShare: sharedSites / Math.max(1, operatorsPerSite.size),
    fibrePoints: fibre.features.length,
    uncoveredMobileShare: mobileShares.filter((share) => share < DEFAULT_CONFIG.coveredThreshold.mobile).length / count,
    uncoveredFtthShare: ftthShares.filter((share) => share < DEFAULT_CONFIG.coveredThreshold.ftth).length / count,
  };
}
