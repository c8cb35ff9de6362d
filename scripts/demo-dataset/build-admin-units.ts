/**
 * Builds the synthetic administrative tree of the demo dataset: 11 districts (real names and
 * codes, synthetic shapes), their communes (synthetic names and codes) and hamlets, with the
 * 2019 census households and population spread exactly over the hamlets.
 */
import { area, booleanPointInPolygon, centerOfMass } from '@turf/turf';
import type { PolygonGeometry, Position } from '../../src/core';
import { allocateIntegers } from './allocate-integers';
import { localDistanceMeters } from './geometry-utils';
import { partitionBySeedGroups, partitionPolygon } from './partition-polygon';
import type { Random } from './prng';
import { DISTRICTS, PROVINCE_CODE, PROVINCE_OUTLINE, type DistrictLayout, type DistrictKind } from './province-layout';
import { makeCommuneBaseName, makeHamletNames } from './vietnamese-names';

/** Level of a commune-level unit before July 2025. */
export type CommuneType = 'Xã' | 'Phường' | 'Thị trấn';

export interface DistrictUnit {
  code: string;
  name: string;
  kind: DistrictKind;
  households: number;
  population: number;
  geometry: PolygonGeometry;
}

export interface CommuneUnit {
  code: string;
  /** Full name with prefix, e.g. `Xã An Lạc Tây`. */
  name: string;
  /** Name without prefix, e.g. `An Lạc Tây` (`3` for `Phường 3`). */
  baseName: string;
  type: CommuneType;
  isUrban: boolean;
  district: DistrictUnit;
  geometry: PolygonGeometry;
  /** Hand-placed town (district seat) this commune holds, if any. */
  town?: Position;
}

export interface HamletUnit {
  id: string;
  name: string;
  commune: CommuneUnit;
  households: number;
  population: number;
  areaM2: number;
  geometry: PolygonGeometry;
}

export interface AdminUnits {
  districts: DistrictUnit[];
  communes: CommuneUnit[];
  hamlets: HamletUnit[];
}

/** Sizes of the administrative tree. */
export interface AdminOptions {
  /** Multiplies each district's commune count (1 = the layout's ~100 communes). */
  communeScale: number;
  /** Inclusive range of hamlets drawn per commune. */
  hamletsPerCommune: [number, number];
}

/** The province outline as a polygon. */
export const PROVINCE_POLYGON: PolygonGeometry = { type: 'Polygon', coordinates: [PROVINCE_OUTLINE] };

function centreOf(polygon: PolygonGeometry): Position {
  return centerOfMass(polygon).geometry.coordinates as Position;
}

/** North to south, then west to east, on a 0.01° band: a stable, readable numbering order. */
function byReadingOrder(a: Position, b: Position): number {
  return Math.round((b[1] - a[1]) * 100) || a[0] - b[0];
}

function pickUrbanIndexes(layout: DistrictLayout, polygons: PolygonGeometry[], urbanCount: number): Map<number, Position | undefined> {
  const urban = new Map<number, Position | undefined>();
  const centres = polygons.map(centreOf);
  const nearestFree = (target: Position): number =>
    centres
      .map((centre, index) => ({ index, distance: localDistanceMeters(centre, target) }))
      .filter((entry) => !urban.has(entry.index))
      .sort((a, b) => a.distance - b.distance)[0].index;
  for (const town of layout.towns) {
    if (urban.size >= urbanCount) break;
    const holder = polygons.findIndex((polygon, index) => !urban.has(index) && booleanPointInPolygon(town, polygon));
    urban.set(holder >= 0 ? holder : nearestFree(town), town);
  }
  // A thị xã has several phường: the communes nearest its seat.
  while (urban.size < Math.min(urbanCount, polygons.length)) urban.set(nearestFree(layout.towns[0]), undefined);
  return urban;
}

function communeTypeOf(kind: DistrictKind, isUrban: boolean): CommuneType {
  if (!isUrban) return 'Xã';
  return kind === 'rural' ? 'Thị trấn' : 'Phường';
}

function buildCommunes(district: DistrictUnit, layout: DistrictLayout, options: AdminOptions, random: Random, usedNames: Set<string>): CommuneUnit[] {
  const wanted = Math.max(2, Math.round(layout.communeCount * options.communeScale));
  const polygons = partitionPolygon(district.geometry, wanted, random)
    .map((geometry) => ({ geometry, centre: centreOf(geometry) }))
    .sort((a, b) => byReadingOrder(a.centre, b.centre))
    .map((entry) => entry.geometry);
  const urbanCount = layout.kind === 'city' ? polygons.length : Math.min(layout.urbanCommuneCount, polygons.length - 1);
  const urban = pickUrbanIndexes(layout, polygons, urbanCount);
  return polygons.map((geometry, index) => {
    const isUrban = urban.has(index);
    const type = communeTypeOf(layout.kind, isUrban);
    // The city numbers its phường, as Sóc Trăng city did; every other unit gets a synthetic name.
    const baseName = layout.kind === 'city' ? String(index + 1) : makeCommuneBaseName(random, usedNames);
    return {
      code: `${district.code}${String(index + 1).padStart(2, '0')}`,
      name: `${type} ${baseName}`,
      baseName,
      type,
      isUrban,
      district,
      geometry,
      town: urban.get(index),
    };
  });
}

function buildHamlets(commune: CommuneUnit, communeIndex: number, options: AdminOptions, random: Random): HamletUnit[] {
  const [minCount, maxCount] = options.hamletsPerCommune;
  const polygons = partitionPolygon(commune.geometry, random.int(minCount, maxCount), random)
    .map((geometry) => ({ geometry, centre: centreOf(geometry) }))
    .sort((a, b) => byReadingOrder(a.centre, b.centre));
  const names = makeHamletNames(polygons.length, commune.isUrban, random);
  const communeNumber = String(communeIndex + 1).padStart(2, '0');
  return polygons.map((entry, index) => ({
    id: `${PROVINCE_CODE}-${commune.district.code}-${communeNumber}-${String(index + 1).padStart(2, '0')}`,
    name: names[index],
    commune,
    households: 0,
    population: 0,
    areaM2: area(entry.geometry),
    geometry: entry.geometry,
  }));
}

/** Spreads the district's census totals over its hamlets: denser in towns, with some noise. */
function allocateCensus(district: DistrictUnit, hamlets: HamletUnit[], random: Random): HamletUnit[] {
  const householdWeights = hamlets.map(
    (hamlet) => Math.sqrt(hamlet.areaM2) * (hamlet.commune.isUrban ? 2.5 : 1) * Math.exp(0.3 * random.normal()),
  );
  const households = allocateIntegers(district.households, householdWeights);
  const populationWeights = households.map((count) => count * Math.exp(0.05 * random.normal()));
  const population = allocateIntegers(district.population, populationWeights);
  return hamlets.map((hamlet, index) => ({ ...hamlet, households: households[index], population: population[index] }));
}

/**
 * Builds districts, communes and hamlets. Households and population of every district's
 * hamlets add up exactly to its census 2019 totals.
 * @param options sizes of the tree
 * @param random seeded random source
 * @returns the tree, hamlets ordered by id
 * @throws when a partition step fails (see `partitionPolygon`)
 * @example buildAdminUnits({ communeScale: 1, hamletsPerCommune: [6, 12] }, createRandom(1))
 */
export function buildAdminUnits(options: AdminOptions, random: Random): AdminUnits {
  const districtPolygons = partitionBySeedGroups(PROVINCE_POLYGON, DISTRICTS.map((layout) => layout.seeds));
  const districts: DistrictUnit[] = DISTRICTS.map((layout, index) => ({
    code: layout.code,
    name: layout.name,
    kind: layout.kind,
    households: layout.households,
    population: layout.population,
    geometry: districtPolygons[index],
  }));
  const usedNames = new Set<string>();
  const communes: CommuneUnit[] = [];
  const hamlets: HamletUnit[] = [];
  districts.forEach((district, districtIndex) => {
    const districtCommunes = buildCommunes(district, DISTRICTS[districtIndex], options, random, usedNames);
    const districtHamlets = districtCommunes.flatMap((commune, communeIndex) => buildHamlets(commune, communeIndex, options, random));
    for (const commune of districtCommunes) communes.push(commune);
    for (const hamlet of allocateCensus(district, districtHamlets, random)) hamlets.push(hamlet);
  });
  return { districts, communes, hamlets };
}
