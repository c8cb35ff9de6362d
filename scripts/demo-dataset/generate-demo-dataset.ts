/**
 * The demo-dataset generator: a seeded, deterministic Sóc Trăng dataset on the real
 * administrative frame (district and commune names, GSO codes, census 2019 figures, the 1 July
 * 2025 merger: `soc-trang-frame.ts`) with synthetic shapes, hamlets, BTS records, fibre access
 * points and plan indicators. Pure: no I/O, no clock, no Math.random; the same options give the
 * same objects.
 */
import type { IndicatorValue, PolygonGeometry, Position, Technology } from '../../src/core';
import { DEMO_FILE_NOTE } from '../../src/i18n/messages-demo';
import type { FrameCommune } from './admin-frame';
import { buildAdminUnits, type AdminUnits } from './build-admin-units';
import { buildBtsSites } from './build-bts-sites';
import { buildFibrePoints } from './build-fibre-points';
import { buildIndicators } from './build-indicators';
import { buildMergerTable, type MergerRow } from './build-merger-table';
import { roundCoordinate } from './geometry-utils';
import { createRandom, deriveSeed } from './prng';
import { SOC_TRANG_COMMUNES } from './soc-trang-frame';

/** Top-level note of every demo file: what in it is real and what is generated (Vietnamese, then English). */
export const DEMO_NOTE = DEMO_FILE_NOTE;

/** Version of the generator's output format and content; bump when the output changes on purpose. */
export const DEMO_DATASET_VERSION = '2.0.0';

/** Everything that sizes the demo dataset. */
export interface DemoDatasetOptions {
  seed: number;
  /** Mean households per hamlet: each commune gets about its census households / this many hamlets. */
  householdsPerHamlet: number;
  /** Inclusive bounds on hamlets per commune. */
  hamletsPerCommune: [number, number];
  /** Distinct BTS sites; records ≈ sites × (1 + a bit more than the shared share). */
  siteCount: number;
  /** Share of sites used by two or more operators. */
  sharedSiteShare: number;
  fibrePointCount: number;
  /** Share of hamlets with no fibre access point. */
  unservedFibreHamletShare: number;
}

/** The options `npm run build-dataset` uses. */
export const DEFAULT_DEMO_OPTIONS: DemoDatasetOptions = {
  seed: 20190401,
  householdsPerHamlet: 370,
  hamletsPerCommune: [3, 16],
  siteCount: 1200,
  sharedSiteShare: 0.22,
  fibrePointCount: 7500,
  unservedFibreHamletShare: 0.14,
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
  /** The unit the commune became part of on 1 July 2025. */
  new_code: string;
  new_name: string;
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
  /** The real 1 July 2025 merger table. */
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
 * @param frame the real communes (default: Sóc Trăng's, {@link SOC_TRANG_COMMUNES})
 * @returns the FeatureCollections, indicator rows and merger rows (coordinates rounded to 6 decimals)
 * @throws when a partition step fails or the sites do not fit (see the build modules)
 * @example const small = generateDemoDataset({ householdsPerHamlet: 5000, hamletsPerCommune: [1, 3], siteCount: 150, fibrePointCount: 600 })
 */
export function generateDemoDataset(overrides: Partial<DemoDatasetOptions> = {}, frame: readonly FrameCommune[] = SOC_TRANG_COMMUNES): DemoDataset {
  const options: DemoDatasetOptions = { ...DEFAULT_DEMO_OPTIONS, ...overrides };
  const admin = buildAdminUnits(
    frame,
    { householdsPerHamlet: options.householdsPerHamlet, hamletsPerCommune: options.hamletsPerCommune },
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
  const mergerRows = buildMergerTable(frame);
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
          new_code: hamlet.commune.newCode,
          new_name: hamlet.commune.newName,
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
