/**
 * The demo-dataset generator: a seeded, deterministic, synthetic Sóc Trăng dataset (hamlets,
 * BTS records, fibre access points, plan indicators, a commune merger table). Pure: no I/O,
 * no clock, no Math.random; the same options give the same objects.
 */
import type { IndicatorValue, PolygonGeometry, Position, Technology } from '../../src/core';
import { buildAdminUnits, type AdminUnits } from './build-admin-units';
import { buildBtsSites } from './build-bts-sites';
import { buildFibrePoints } from './build-fibre-points';
import { buildIndicators } from './build-indicators';
import { buildMergerTable, type MergerRow } from './build-merger-table';
import { roundCoordinate } from './geometry-utils';
import { createRandom, deriveSeed } from './prng';

/** Top-level note of every demo file. */
export const DEMO_NOTE =
  'Dữ liệu minh họa (demo) — không phải dữ liệu chính thức. Ranh giới ấp, trạm BTS và điểm cáp quang do máy sinh ngẫu nhiên.';

/** Version of the generator's output format and content; bump when the output changes on purpose. */
export const DEMO_DATASET_VERSION = '1.0.0';

/** Everything that sizes the demo dataset. */
export interface DemoDatasetOptions {
  seed: number;
  /** Multiplies each district's commune count (1 ≈ 100 communes). */
  communeScale: number;
  /** Inclusive range of hamlets per commune. */
  hamletsPerCommune: [number, number];
  /** Distinct BTS sites; records ≈ sites × (1 + a bit more than the shared share). */
  siteCount: number;
  /** Share of sites used by two or more operators. */
  sharedSiteShare: number;
  fibrePointCount: number;
  /** Share of hamlets with no fibre access point. */
  unservedFibreHamletShare: number;
  /** Communes after the (demo) July 2025 mergers. */
  mergedCommuneCount: number;
}

/** The options `npm run build-dataset` uses. */
export const DEFAULT_DEMO_OPTIONS: DemoDatasetOptions = {
  seed: 20190401,
  communeScale: 1,
  hamletsPerCommune: [6, 11],
  siteCount: 1200,
  sharedSiteShare: 0.22,
  fibrePointCount: 7500,
  unservedFibreHamletShare: 0.14,
  mergedCommuneCount: 43,
};

export interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}

export interface HamletProperties {
  id: string;
  name: string;
  commune: string;
  commune_code: string;
  district: string;
  district_code: string;
  households: number;
  population: number;
}

export interface SiteProperties {
  site_id: string;
  operator: string;
  /** `;`-separated, e.g. `2G;3G;4G`. */
  technologies: string;
  radius_m?: number;
  azimuth?: number;
  beamwidth?: number;
}

export interface FibreProperties {
  id: string;
  operator: string;
  kind: 'splitter' | 'ODP' | 'cabinet';
}

/** A FeatureCollection flagged as demo data at the top level. */
export interface DemoFeatureCollection<G, P> {
  type: 'FeatureCollection';
  demo: true;
  note: string;
  features: { type: 'Feature'; properties: P; geometry: G }[];
}

export interface DemoDataset {
  options: DemoDatasetOptions;
  hamlets: DemoFeatureCollection<PolygonGeometry, HamletProperties>;
  sites: DemoFeatureCollection<PointGeometry, SiteProperties>;
  fibre: DemoFeatureCollection<PointGeometry, FibreProperties>;
  indicators: { demo: true; note: string; rows: IndicatorValue[] };
  mergerRows: MergerRow[];
  /** The administrative tree behind `hamlets` (districts and communes with geometry). */
  admin: AdminUnits;
}

function toPoint(position: Position): PointGeometry {
  return { type: 'Point', coordinates: [roundCoordinate(position[0]), roundCoordinate(position[1])] };
}

function collection<G, P>(features: { properties: P; geometry: G }[]): DemoFeatureCollection<G, P> {
  return {
    type: 'FeatureCollection',
    demo: true,
    note: DEMO_NOTE,
    features: features.map((entry) => ({ type: 'Feature', properties: entry.properties, geometry: entry.geometry })),
  };
}

function joinTechnologies(technologies: Technology[]): string {
  return technologies.join(';');
}

/**
 * Generates the whole demo dataset. Each layer draws from its own seeded stream, so changing
 * e.g. the fibre point count leaves hamlets and BTS unchanged.
 * @param overrides options to change from {@link DEFAULT_DEMO_OPTIONS}
 * @returns the FeatureCollections, indicator rows and merger rows (coordinates rounded to 6 decimals)
 * @throws when a partition step fails or the sites do not fit (see the build modules)
 * @example const small = generateDemoDataset({ communeScale: 0.3, hamletsPerCommune: [3, 4], siteCount: 150, fibrePointCount: 600 })
 */
export function generateDemoDataset(overrides: Partial<DemoDatasetOptions> = {}): DemoDataset {
  const options: DemoDatasetOptions = { ...DEFAULT_DEMO_OPTIONS, ...overrides };
  const admin = buildAdminUnits(
    { communeScale: options.communeScale, hamletsPerCommune: options.hamletsPerCommune },
    createRandom(deriveSeed(options.seed, 'admin')),
  );
  const btsRecords = buildBtsSites(
    admin.hamlets,
    { siteCount: options.siteCount, sharedSiteShare: options.sharedSiteShare, minSiteSpacingMeters: 160 },
    createRandom(deriveSeed(options.seed, 'bts')),
  );
  const fibrePoints = buildFibrePoints(
    admin.hamlets,
    { pointCount: options.fibrePointCount, unservedHamletShare: options.unservedFibreHamletShare },
    createRandom(deriveSeed(options.seed, 'fibre')),
  );
  const mergerRows = buildMergerTable(admin.communes, admin.hamlets, options.mergedCommuneCount, createRandom(deriveSeed(options.seed, 'merger')));
  return {
    options,
    hamlets: collection(
      admin.hamlets.map((hamlet) => ({
        properties: {
          id: hamlet.id,
          name: hamlet.name,
          commune: hamlet.commune.name,
          commune_code: hamlet.commune.code,
          district: hamlet.commune.district.name,
          district_code: hamlet.commune.district.code,
          households: hamlet.households,
          population: hamlet.population,
        },
        geometry: hamlet.geometry,
      })),
    ),
    sites: collection(
      btsRecords.map((record) => {
        const properties: SiteProperties = { site_id: record.siteId, operator: record.operator, technologies: joinTechnologies(record.technologies) };
        if (record.radiusMeters !== undefined) properties.radius_m = record.radiusMeters;
        if (record.azimuthDegrees !== undefined) properties.azimuth = record.azimuthDegrees;
        if (record.beamwidthDegrees !== undefined) properties.beamwidth = record.beamwidthDegrees;
        return { properties, geometry: toPoint(record.position) };
      }),
    ),
    fibre: collection(
      fibrePoints.map((point) => ({ properties: { id: point.id, operator: point.operator, kind: point.kind }, geometry: toPoint(point.position) })),
    ),
    indicators: { demo: true, note: DEMO_NOTE, rows: buildIndicators() },
    mergerRows,
    admin,
  };
}
