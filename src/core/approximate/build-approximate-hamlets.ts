import { listOf, message } from '../messages';
import type { Hamlet, Position, Warning } from '../types';
import type { ApproximationKind, CommuneArea, HamletListEntry } from './approximate-types';
import { buildVoronoiCells } from './build-voronoi-cells';
import { matchCommunes } from './match-communes';
import { createLocalFrame, isInsidePolygons, nearestBoundaryPoint, polygonsArea, toAreaGeometry, toPlanarPolygons, type PlanarPolygon } from './planar-polygons';

/** Points closer than this (m) are one point: two hamlets cannot be told apart by them. */
const SAME_POINT_METERS = 1;

/** Hamlets built from a list and commune polygons, and what the user should know about them. */
export interface ApproximateHamletsResult {
  /** One hamlet per matched list entry, in the list's order, each `approximate: true`. */
  hamlets: Hamlet[];
  warnings: Warning[];
  /** How many hamlets got a Voronoi cell, and how many share their commune's polygon. */
  counts: { voronoi: number; commune: number; unmatched: number };
}

/**
 * Builds approximate hamlet areas from a hamlet list and commune polygons, for provinces that have no
 * hamlet boundaries. In a commune whose hamlets have points, each hamlet's area is the Voronoi cell of
 * its point clipped to the commune (the land nearer to its point than to any other hamlet's); in a
 * commune whose hamlets have no points, the commune itself is the unit and each of its hamlets gets the
 * commune's polygon, so they share its result. Every hamlet is marked `approximate` (and its
 * properties say `approximate: true` and `approximation: 'voronoi' | 'commune'`), keeps its point for
 * the point rule of the report, and carries its commune's `commune_code` and `district_code`.
 *
 * Hamlets are matched to communes by code, else by name within the district (see `matchCommunes`).
 * A point outside its commune is moved to the nearest point of the commune's boundary (warned with the
 * distance); hamlets sharing one point split nothing: they all get that point's cell (warned); a hamlet
 * without a point in a commune whose other hamlets have points gets the commune's polygon (warned).
 * @param entries the hamlet list (points in WGS84 degrees, or none)
 * @param communes the commune polygons (WGS84)
 * @returns the hamlets, warnings (codes `approx-*`) and counts
 * @throws never
 * @example buildApproximateHamlets(entries, communes).hamlets[0].approximate // true
 */
export function buildApproximateHamlets(entries: readonly HamletListEntry[], communes: readonly CommuneArea[]): ApproximateHamletsResult {
  const { communeOf, warnings } = matchCommunes(entries, communes);
  const members = new Map<number, number[]>();
  entries.forEach((_, h) => {
    const c = communeOf[h];
    if (c >= 0) members.set(c, [...(members.get(c) ?? []), h]);
  });
  const hamlets: (Hamlet | null)[] = entries.map(() => null);
  const counts = { voronoi: 0, commune: 0, unmatched: entries.length - [...members.values()].reduce((sum, list) => sum + list.length, 0) };
  const asUnit: string[] = [];
  for (const [c, list] of [...members.entries()].sort((a, b) => a[0] - b[0])) {
    const commune = communes[c];
    const frame = createLocalFrame(commune.geometry);
    const area = toPlanarPolygons(commune.geometry, frame);
    if (!(polygonsArea(area) > 0)) {
      warnings.push({ ...message('approx-commune-empty', { code: commune.code ?? '—', commune: commune.name, count: list.length }), where: commune.where });
      counts.unmatched += list.length;
      continue;
    }
    const pointed = list.filter((h) => entries[h].point !== null);
    const pointless = list.filter((h) => entries[h].point === null);
    if (pointed.length === 0) asUnit.push(commune.code ?? `${commune.name} (${commune.district})`);
    else if (pointless.length > 0) {
      warnings.push(message('approx-hamlet-without-point', { code: commune.code ?? '—', commune: commune.name, count: pointless.length, hamlets: listOf(pointless.map((h) => entries[h].id), { quoted: true }) }));
    }
    for (const h of pointless) {
      hamlets[h] = approximateHamlet(entries[h], commune, commune.geometry, 'commune', null);
      counts.commune += 1;
    }
    if (pointed.length === 0) continue;
    // Seeds: each hamlet's point in metres, moved onto the commune when it lies outside, one seed per place.
    const seeds: Position[] = [];
    const seedOf = new Map<number, number>();
    for (const h of pointed) {
      let planar = frame.toPlanar(entries[h].point!);
      if (!isInsidePolygons(area, planar)) {
        const nearest = nearestBoundaryPoint(area, planar);
        warnings.push({ ...message('approx-point-outside-commune', { id: entries[h].id, code: commune.code ?? '—', commune: commune.name, distanceMeters: Math.round(nearest.distanceMeters) }), where: entries[h].where });
        planar = nearest.point;
      }
      const same = seeds.findIndex((seed) => Math.hypot(seed[0] - planar[0], seed[1] - planar[1]) < SAME_POINT_METERS);
      if (same >= 0) {
        const first = pointed.find((other) => seedOf.get(other) === same)!;
        warnings.push({ ...message('approx-duplicate-point', { id: entries[h].id, other: entries[first].id }), where: entries[h].where });
        seedOf.set(h, same);
      } else {
        seedOf.set(h, seeds.length);
        seeds.push(planar);
      }
    }
    const cells = buildVoronoiCells(area, seeds);
    for (const h of pointed) {
      const seed = seedOf.get(h)!;
      const cell: PlanarPolygon[] = cells[seed];
      hamlets[h] = approximateHamlet(entries[h], commune, toAreaGeometry(cell.length > 0 ? cell : area, frame), 'voronoi', frame.toDegrees(seeds[seed]));
      counts.voronoi += 1;
    }
  }
  if (asUnit.length > 0) warnings.push(message('approx-commune-as-unit', { count: asUnit.length, communes: listOf(asUnit, { quoted: false }) }));
  const matched = new Set(communeOf);
  const idle = communes.filter((_, c) => !matched.has(c));
  if (idle.length > 0 && idle.length < communes.length) {
    warnings.push(message('approx-communes-without-hamlets', { count: idle.length, communes: listOf(idle.map((commune) => commune.code ?? `${commune.name} (${commune.district})`), { quoted: false }) }));
  }
  return { hamlets: hamlets.filter((hamlet): hamlet is Hamlet => hamlet !== null), warnings, counts };
}

function approximateHamlet(entry: HamletListEntry, commune: CommuneArea, geometry: Hamlet['geometry'], kind: ApproximationKind, point: Position | null): Hamlet {
  const properties: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, entry.properties);
  properties.approximate = true;
  properties.approximation = kind;
  if (commune.code !== null) properties.commune_code = commune.code;
  if (commune.districtCode !== null) properties.district_code = commune.districtCode;
  const hamlet: Hamlet = { id: entry.id, name: entry.name, commune: commune.name, district: entry.district === '' ? commune.district : entry.district, properties, geometry, approximate: true };
  if (entry.households !== undefined) hamlet.households = entry.households;
  if (entry.population !== undefined) hamlet.population = entry.population;
  if (point !== null) hamlet.point = point;
  return hamlet;
}
