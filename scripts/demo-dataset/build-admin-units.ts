/**
 * Builds the administrative tree of the demo dataset: the 11 real districts and 108 real communes
 * (names, GSO codes, types, census 2019 figures, their unit from 1 July 2025) drawn with synthetic
 * shapes, and synthetic hamlets with each commune's census households and population spread
 * exactly over them.
 */
import { area, booleanPointInPolygon, centerOfMass } from '@turf/turf';
import type { PolygonGeometry, Position } from '../../src/core';
import type { CommuneType, FrameCommune } from './admin-frame';
import { allocateIntegers } from './allocate-integers';
import { localDistanceMeters, polygonBbox, sharedBoundaryMeters } from './geometry-utils';
import { partitionBySeedGroups, partitionPolygon } from './partition-polygon';
import { placeCommunes } from './place-communes';
import type { Random } from './prng';
import { DISTRICTS, PROVINCE_OUTLINE } from './province-layout';
import { makeHamletNames } from './vietnamese-names';

/** `city` = thành phố (all phường), `town` = thị xã (phường + xã), `rural` = huyện (thị trấn + xã). */
export type DistrictKind = 'city' | 'town' | 'rural';

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
  type: CommuneType;
  isUrban: boolean;
  district: DistrictUnit;
  households: number;
  population: number;
  /** The unit it became part of on 1 July 2025. */
  newCode: string;
  newName: string;
  geometry: PolygonGeometry;
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

/** Sizes of the hamlet layer. */
export interface AdminOptions {
  /** Mean households per hamlet: a commune gets about its households / this many hamlets. */
  householdsPerHamlet: number;
  /** Inclusive bounds on the hamlets drawn per commune. */
  hamletsPerCommune: [number, number];
}

/** The province outline as a polygon. */
export const PROVINCE_POLYGON: PolygonGeometry = { type: 'Polygon', coordinates: [PROVINCE_OUTLINE] };

/** Communes sharing less border than this are not neighbours (a corner touch is not a border). */
const MIN_SHARED_BORDER_METERS = 200;
const PLACEMENT_ATTEMPTS = 12;
const PARTITION_ATTEMPTS = 40;

function centreOf(polygon: PolygonGeometry): Position {
  return centerOfMass(polygon).geometry.coordinates as Position;
}

/** North to south, then west to east, on a 0.01° band: a stable, readable numbering order. */
function byReadingOrder(a: Position, b: Position): number {
  return Math.round((b[1] - a[1]) * 100) || a[0] - b[0];
}

function districtKindOf(name: string): DistrictKind {
  if (name.startsWith('Thành phố ')) return 'city';
  return name.startsWith('Thị xã ') ? 'town' : 'rural';
}

/** Exactly `count` cells (the partition merges slivers, so a draw can come back short). */
function partitionExactly(parent: PolygonGeometry, count: number, random: Random): PolygonGeometry[] {
  for (let attempt = 0; attempt < PARTITION_ATTEMPTS; attempt++) {
    const cells = partitionPolygon(parent, count, random);
    if (cells.length === count) return cells;
  }
  throw new Error(`partitionExactly: no partition into ${count} cells`);
}

function findNeighbours(cells: PolygonGeometry[]): Set<number>[] {
  const boxes = cells.map(polygonBbox);
  const margin = 1e-4;
  const neighbours = cells.map(() => new Set<number>());
  for (let a = 0; a < cells.length; a++) {
    for (let b = a + 1; b < cells.length; b++) {
      const [aMinLng, aMinLat, aMaxLng, aMaxLat] = boxes[a];
      const [bMinLng, bMinLat, bMaxLng, bMaxLat] = boxes[b];
      if (aMinLng > bMaxLng + margin || bMinLng > aMaxLng + margin || aMinLat > bMaxLat + margin || bMinLat > aMaxLat + margin) continue;
      if (sharedBoundaryMeters(cells[a], cells[b]) < MIN_SHARED_BORDER_METERS) continue;
      neighbours[a].add(b);
      neighbours[b].add(a);
    }
  }
  return neighbours;
}

/** The cell holding a town, or the free cell of its district nearest to it. */
function pinTown(position: Position, districtCells: number[], cells: PolygonGeometry[], centres: Position[], taken: Set<number>): number {
  const holder = districtCells.find((cell) => !taken.has(cell) && booleanPointInPolygon(position, cells[cell]));
  if (holder !== undefined) return holder;
  return districtCells.filter((cell) => !taken.has(cell)).sort((a, b) => localDistanceMeters(centres[a], position) - localDistanceMeters(centres[b], position))[0];
}

/** Draws each district's commune cells and places the real communes in them (see `placeCommunes`). */
function drawCommunes(districts: DistrictUnit[], frame: readonly FrameCommune[], random: Random): CommuneUnit[] {
  for (let attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
    const cells: PolygonGeometry[] = [];
    const cellDistrict: string[] = [];
    for (const district of districts) {
      const count = frame.filter((commune) => commune.districtCode === district.code).length;
      const drawn = partitionExactly(district.geometry, count, random).sort((a, b) => byReadingOrder(centreOf(a), centreOf(b)));
      for (const cell of drawn) {
        cells.push(cell);
        cellDistrict.push(district.code);
      }
    }
    const centres = cells.map(centreOf);
    const pinned = new Map<string, number>();
    const seats = new Map<string, Position>();
    for (const layout of DISTRICTS) {
      const districtCells = cells.flatMap((_, index) => (cellDistrict[index] === layout.code ? [index] : []));
      seats.set(layout.code, layout.towns[0].position);
      for (const town of layout.towns) pinned.set(town.communeCode, pinTown(town.position, districtCells, cells, centres, new Set(pinned.values())));
    }
    const placement = placeCommunes(
      {
        cells: cells.map((_, index) => ({ districtCode: cellDistrict[index], centre: centres[index] })),
        neighbours: findNeighbours(cells),
        communes: frame.map((commune) => ({ code: commune.code, districtCode: commune.districtCode, newCode: commune.newCode, isUrban: commune.type !== 'Xã' })),
        pinned,
        seats,
      },
      random,
    );
    if (!placement) continue;
    return frame.map((commune) => ({
      code: commune.code,
      name: commune.name,
      type: commune.type,
      isUrban: commune.type !== 'Xã',
      district: districts.find((district) => district.code === commune.districtCode) as DistrictUnit,
      households: commune.households,
      population: commune.population,
      newCode: commune.newCode,
      newName: commune.newName,
      geometry: cells[placement.get(commune.code) as number],
    }));
  }
  throw new Error('drawCommunes: no placement keeps every 2025 unit in one piece');
}

function hamletCountOf(commune: CommuneUnit, options: AdminOptions, random: Random): number {
  const [minCount, maxCount] = options.hamletsPerCommune;
  const wanted = Math.round((commune.households / options.householdsPerHamlet) * Math.exp(0.15 * random.normal()));
  return Math.min(maxCount, Math.max(minCount, wanted));
}

/** Hamlets of one commune, with its census households and population spread over them (with some noise). */
function buildHamlets(commune: CommuneUnit, options: AdminOptions, random: Random): HamletUnit[] {
  const polygons = partitionPolygon(commune.geometry, hamletCountOf(commune, options, random), random)
    .map((geometry) => ({ geometry, centre: centreOf(geometry), areaM2: area(geometry) }))
    .sort((a, b) => byReadingOrder(a.centre, b.centre));
  const names = makeHamletNames(polygons.length, commune.isUrban, random);
  const households = allocateIntegers(commune.households, polygons.map((polygon) => Math.sqrt(polygon.areaM2) * Math.exp(0.3 * random.normal())));
  const population = allocateIntegers(commune.population, households.map((count) => count * Math.exp(0.05 * random.normal())));
  return polygons.map((polygon, index) => ({
    id: `${commune.code}-${String(index + 1).padStart(2, '0')}`,
    name: names[index],
    commune,
    households: households[index],
    population: population[index],
    areaM2: polygon.areaM2,
    geometry: polygon.geometry,
  }));
}

/**
 * Builds districts, communes and hamlets on the real frame. Households and population of every
 * commune's hamlets add up exactly to its census 2019 figures.
 * @param frame the real communes (`SOC_TRANG_COMMUNES`)
 * @param options sizes of the hamlet layer
 * @param random seeded random source
 * @returns the tree; communes in frame order, hamlets ordered by id
 * @throws when a partition step fails or no placement keeps the 2025 units in one piece
 * @example buildAdminUnits(SOC_TRANG_COMMUNES, { householdsPerHamlet: 370, hamletsPerCommune: [3, 16] }, createRandom(1))
 */
export function buildAdminUnits(frame: readonly FrameCommune[], options: AdminOptions, random: Random): AdminUnits {
  const districtPolygons = partitionBySeedGroups(PROVINCE_POLYGON, DISTRICTS.map((layout) => layout.seeds));
  const districts: DistrictUnit[] = DISTRICTS.map((layout, index) => {
    const members = frame.filter((commune) => commune.districtCode === layout.code);
    if (members.length === 0) throw new Error(`buildAdminUnits: district ${layout.code} has no commune in the frame`);
    return {
      code: layout.code,
      name: members[0].districtName,
      kind: districtKindOf(members[0].districtName),
      households: members.reduce((sum, commune) => sum + commune.households, 0),
      population: members.reduce((sum, commune) => sum + commune.population, 0),
      geometry: districtPolygons[index],
    };
  });
  const communes = drawCommunes(districts, frame, random);
  const hamlets = communes
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code))
    .flatMap((commune) => buildHamlets(commune, options, random));
  return { districts, communes, hamlets };
}
