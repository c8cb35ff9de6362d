/**
 * Splits a polygon into single-polygon cells with a clipped Voronoi diagram, so that the cells
 * partition it: no overlap, no gap. Used for districts (from hand-placed seed groups), communes
 * and hamlets (from random seeds smoothed by Lloyd relaxation).
 */
import {
  area,
  booleanPointInPolygon,
  centerOfMass,
  feature,
  featureCollection,
  intersect,
  length,
  point,
  pointOnFeature,
  polygonToLine,
  union,
  voronoi,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { MultiPolygonGeometry, PolygonGeometry, Position } from '../../src/core';
import { localDistanceMeters, polygonBbox, polygonParts, randomPointInPolygon, roundPolygon, vertexKeys } from './geometry-utils';
import type { Random } from './prng';

/** How {@link partitionPolygon} shapes its cells. */
export interface PartitionOptions {
  /** Lloyd relaxation rounds; more rounds = rounder, more even cells. */
  relaxIterations: number;
  /** Cells smaller than this share of the mean cell area are merged into a neighbour. */
  minCellShare: number;
  /** Cells less compact than this (4πA/P², 1 = disc) are merged into a neighbour. */
  minCompactness: number;
}

/** Defaults that give even, blob-like cells with no slivers. */
export const DEFAULT_PARTITION_OPTIONS: PartitionOptions = { relaxIterations: 3, minCellShare: 0.25, minCompactness: 0.25 };

type Cell = PolygonGeometry | MultiPolygonGeometry | null;

function toGeometry(result: Feature<Polygon | MultiPolygon> | null): Cell {
  return result ? (result.geometry as PolygonGeometry | MultiPolygonGeometry) : null;
}

/** Voronoi cells of `seeds`, each clipped to `parent`; same order as `seeds`. */
function clipVoronoi(parent: PolygonGeometry, seeds: Position[]): Cell[] {
  const [minLng, minLat, maxLng, maxLat] = polygonBbox(parent);
  const margin = 0.01;
  const cells = voronoi(featureCollection(seeds.map((seed) => point(seed))), {
    bbox: [minLng - margin, minLat - margin, maxLng + margin, maxLat + margin],
  });
  const parentFeature = feature(parent);
  return seeds.map((_, index) => {
    const cell = cells.features[index];
    if (!cell) return null;
    return toGeometry(intersect(featureCollection([cell, parentFeature])));
  });
}

function compactness(polygon: PolygonGeometry): number {
  const perimeterMeters = length(polygonToLine(polygon), { units: 'meters' });
  return perimeterMeters > 0 ? (4 * Math.PI * area(polygon)) / perimeterMeters ** 2 : 0;
}

function sharedVertexCount(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const key of a) if (b.has(key)) count++;
  return count;
}

/** Union of two polygons if it is one polygon, else null. */
function unionAsPolygon(a: PolygonGeometry, b: PolygonGeometry): PolygonGeometry | null {
  const parts = polygonParts(toGeometry(union(featureCollection([feature(a), feature(b)]))));
  return parts.length === 1 ? parts[0] : null;
}

/**
 * Merges `piece` into the neighbour (among `cells`, skipping `skipIndex`) that shares the most
 * vertices with it. Returns false when no neighbour gives a single polygon.
 */
function mergeIntoNeighbour(cells: (PolygonGeometry | null)[], piece: PolygonGeometry, skipIndex: number): boolean {
  const pieceKeys = vertexKeys(piece);
  const candidates = cells
    .map((cell, index) => ({ index, shared: cell && index !== skipIndex ? sharedVertexCount(pieceKeys, vertexKeys(cell)) : 0 }))
    .filter((candidate) => candidate.shared >= 2)
    .sort((a, b) => b.shared - a.shared || a.index - b.index);
  for (const candidate of candidates) {
    const merged = unionAsPolygon(cells[candidate.index] as PolygonGeometry, piece);
    if (merged) {
      cells[candidate.index] = merged;
      return true;
    }
  }
  return false;
}

/**
 * Turns clipped cells (possibly multipart) into one polygon per cell: every detached part is
 * given to a neighbour; then, if `mergeSmall`, slivers are merged away (the cell count drops).
 */
function resolveCells(partsPerCell: PolygonGeometry[][], options: PartitionOptions, mergeSmall: boolean): PolygonGeometry[] {
  const cells: (PolygonGeometry | null)[] = partsPerCell.map((parts) => parts[0] ?? null);
  let orphans = partsPerCell.flatMap((parts, owner) => parts.slice(1).map((piece) => ({ piece, owner })));
  // A detached part may only touch a neighbour that itself grows in this loop, so retry a few times.
  for (let pass = 0; pass < 4 && orphans.length > 0; pass++) {
    orphans = orphans.filter((orphan) => !mergeIntoNeighbour(cells, orphan.piece, orphan.owner));
  }
  if (orphans.length > 0) throw new Error(`partition: ${orphans.length} detached part(s) could not be merged`);
  if (mergeSmall) {
    const present = cells.filter((cell): cell is PolygonGeometry => cell !== null);
    const meanAreaM2 = present.reduce((sum, cell) => sum + area(cell), 0) / Math.max(1, present.length);
    let merged = true;
    while (merged) {
      merged = false;
      const ranked = cells
        .map((cell, index) => ({ index, cell, areaM2: cell ? area(cell) : 0 }))
        .filter((entry) => entry.cell !== null)
        .sort((a, b) => a.areaM2 - b.areaM2 || a.index - b.index);
      for (const entry of ranked) {
        const cell = entry.cell as PolygonGeometry;
        const isSliver = entry.areaM2 < options.minCellShare * meanAreaM2 || compactness(cell) < options.minCompactness;
        if (!isSliver) continue;
        cells[entry.index] = null;
        if (mergeIntoNeighbour(cells, cell, entry.index)) {
          merged = true;
          break;
        }
        cells[entry.index] = cell;
      }
    }
  }
  return cells.filter((cell): cell is PolygonGeometry => cell !== null);
}

/** Dart throwing: `count` points inside `parent`, kept apart so the first diagram is already even. */
function sampleSeeds(parent: PolygonGeometry, count: number, random: Random): Position[] {
  const seeds: Position[] = [];
  let spacingMeters = 0.7 * Math.sqrt(area(parent) / count);
  let failures = 0;
  while (seeds.length < count) {
    const candidate = randomPointInPolygon(parent, random);
    if (seeds.every((seed) => localDistanceMeters(seed, candidate) >= spacingMeters)) {
      seeds.push(candidate);
      failures = 0;
    } else if (++failures > 50) {
      spacingMeters *= 0.9;
      failures = 0;
    }
  }
  return seeds;
}

function cellCentre(cell: PolygonGeometry, parent: PolygonGeometry): Position {
  const centre = centerOfMass(cell).geometry.coordinates as Position;
  // The centre of a non-convex cell can fall outside it (or outside the parent).
  if (booleanPointInPolygon(centre, cell) && booleanPointInPolygon(centre, parent)) return centre;
  return pointOnFeature(cell).geometry.coordinates as Position;
}

/**
 * Partitions a polygon into about `cellCount` single polygons (slivers are merged, so a few
 * less may come back). Every returned polygon is rounded to 6 decimals.
 * @param parent polygon to split (no holes)
 * @param cellCount number of cells wanted (≥ 1)
 * @param random seeded random source
 * @param options relaxation and sliver limits
 * @returns polygons covering `parent` exactly (up to rounding), in seed order
 * @throws when a detached Voronoi part cannot be merged into any neighbour
 * @example partitionPolygon(commune.geometry, 9, createRandom(1))
 */
export function partitionPolygon(
  parent: PolygonGeometry,
  cellCount: number,
  random: Random,
  options: PartitionOptions = DEFAULT_PARTITION_OPTIONS,
): PolygonGeometry[] {
  if (cellCount <= 1) return [parent];
  let seeds = sampleSeeds(parent, cellCount, random);
  for (let iteration = 0; iteration < options.relaxIterations; iteration++) {
    const cells = clipVoronoi(parent, seeds);
    seeds = cells.flatMap((cell) => polygonParts(cell).slice(0, 1).map((main) => cellCentre(main, parent)));
  }
  const partsPerCell = clipVoronoi(parent, seeds).map((cell) => polygonParts(cell));
  return roundAll(resolveCells(partsPerCell, options, true));
}

/**
 * Partitions a polygon into one polygon per group of seeds: the Voronoi cells of all seeds,
 * united per group. Used for districts, whose shapes come from hand-placed seeds.
 * @param parent polygon to split
 * @param seedGroups one non-empty list of `[lng, lat]` seeds per output polygon
 * @returns one polygon per group, same order, rounded to 6 decimals
 * @throws when a group's cells cannot be made into one polygon
 * @example partitionBySeedGroups(outline, DISTRICTS.map((district) => district.seeds))
 */
export function partitionBySeedGroups(parent: PolygonGeometry, seedGroups: Position[][]): PolygonGeometry[] {
  const seeds = seedGroups.flat();
  const owners = seedGroups.flatMap((group, index) => group.map(() => index));
  const cells = clipVoronoi(parent, seeds);
  const partsPerGroup = seedGroups.map((_, groupIndex) => {
    const members = cells
      .filter((cell, index) => owners[index] === groupIndex && cell !== null)
      .map((cell) => feature(cell as PolygonGeometry | MultiPolygonGeometry));
    if (members.length === 0) return [];
    const united = members.length === 1 ? members[0] : union(featureCollection(members));
    return polygonParts(toGeometry(united));
  });
  const polygons = resolveCells(partsPerGroup, DEFAULT_PARTITION_OPTIONS, false);
  if (polygons.length !== seedGroups.length) throw new Error('partitionBySeedGroups: a group got no area');
  return roundAll(polygons);
}

function roundAll(polygons: PolygonGeometry[]): PolygonGeometry[] {
  return polygons.map((polygon) => {
    const rounded = roundPolygon(polygon);
    if (!rounded) throw new Error('partition: a cell vanished when rounded');
    return rounded;
  });
}
