import type { Feature, FeatureCollection, MultiLineString, Point } from 'geojson';
import type { Hamlet, Position } from '../core';
import { hamletBounds } from './map-data';

type Level = 'commune' | 'district' | 'province';
/** A position of a map line (GeoJSON's, not core's pair). */
type LinePoint = MultiLineString['coordinates'][number][number];

function edgeKey(a: Position, b: Position): string {
  const first = `${a[0]},${a[1]}`;
  const second = `${b[0]},${b[1]}`;
  return first < second ? `${first}|${second}` : `${second}|${first}`;
}

function ringsOf(hamlet: Hamlet): Position[][] {
  return hamlet.geometry.type === 'Polygon' ? hamlet.geometry.coordinates : hamlet.geometry.coordinates.flat();
}

/**
 * Outlines of the groups a hamlet belongs to, without a polygon union: an edge shared by two hamlets of
 * the same group is inside it, an edge seen once is on its boundary. Hamlet maps are tessellations
 * with shared vertices, so this is exact there; where neighbours do not share vertices, their edges are
 * simply all drawn, which still reads as a boundary.
 */
export function buildOutlineCollection(hamlets: Hamlet[]): FeatureCollection<MultiLineString, { level: Level; key: string }> {
  const levels: [Level, (hamlet: Hamlet) => string][] = [
    ['commune', (hamlet) => `${hamlet.district}\u0000${hamlet.commune}`],
    ['district', (hamlet) => hamlet.district],
    ['province', () => ''],
  ];
  const features: Feature<MultiLineString, { level: Level; key: string }>[] = [];
  for (const [level, keyOf] of levels) {
    const edges = new Map<string, Map<string, { count: number; segment: [Position, Position] }>>();
    for (const hamlet of hamlets) {
      const key = keyOf(hamlet);
      let group = edges.get(key);
      if (!group) edges.set(key, (group = new Map()));
      for (const ring of ringsOf(hamlet)) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const id = edgeKey(ring[i], ring[i + 1]);
          const entry = group.get(id);
          if (entry) entry.count += 1;
          else group.set(id, { count: 1, segment: [ring[i], ring[i + 1]] });
        }
      }
    }
    for (const [key, group] of edges) {
      const segments = [...group.values()].filter((entry) => entry.count === 1).map((entry) => entry.segment);
      if (segments.length > 0) features.push({ type: 'Feature', properties: { level, key }, geometry: { type: 'MultiLineString', coordinates: segments } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The outlines with each group's segments joined into lines where they meet end to end (as many as
 * it takes): the same edges, far fewer features for the map's worker to tile than one line per edge.
 * @param collection outlines as {@link buildOutlineCollection} makes them (one segment per edge)
 */
export function joinOutlineSegments<Properties>(collection: FeatureCollection<MultiLineString, Properties>): FeatureCollection<MultiLineString, Properties> {
  const pointKey = (point: LinePoint) => `${point[0]},${point[1]}`;
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => {
      const segments = feature.geometry.coordinates;
      const used = new Uint8Array(segments.length);
      const atPoint = new Map<string, number[]>();
      segments.forEach((segment, i) => {
        for (const point of [segment[0], segment[segment.length - 1]]) {
          const key = pointKey(point);
          const list = atPoint.get(key);
          if (list) list.push(i);
          else atPoint.set(key, [i]);
        }
      });
      /** An unused segment that ends at `point`, oriented to start there; null when none. */
      const next = (point: LinePoint): LinePoint[] | null => {
        for (const i of atPoint.get(pointKey(point)) ?? []) {
          if (used[i]) continue;
          used[i] = 1;
          const segment = segments[i];
          return pointKey(segment[0]) === pointKey(point) ? segment : [...segment].reverse();
        }
        return null;
      };
      const lines: LinePoint[][] = [];
      segments.forEach((segment, i) => {
        if (used[i]) return;
        used[i] = 1;
        const line = [...segment];
        for (let step = next(line[line.length - 1]); step; step = next(line[line.length - 1])) for (let k = 1; k < step.length; k++) line.push(step[k]);
        const head: LinePoint[] = [];
        for (let step = next(line[0]); step; step = next(head.length > 0 ? head[head.length - 1] : line[0])) for (let k = 1; k < step.length; k++) head.push(step[k]);
        lines.push([...head.reverse(), ...line]);
      });
      return { ...feature, geometry: { type: 'MultiLineString', coordinates: lines } };
    }),
  };
}

/**
 * One label point per district or commune: the centre of the unit's hamlet nearest to the mean of its
 * hamlets' centres, so the name lies inside the unit even when the unit is not convex.
 */
export function buildUnitLabelCollection(hamlets: Hamlet[], level: 'district' | 'commune'): FeatureCollection<Point, { name: string }> {
  const groups = new Map<string, { name: string; centres: [number, number][] }>();
  for (const hamlet of hamlets) {
    const bounds = hamletBounds(hamlet);
    const name = level === 'district' ? hamlet.district : hamlet.commune;
    if (!bounds || !name) continue;
    // Keyed by district and name: names repeat across districts ("Phường 1").
    const key = level === 'district' ? name : `${hamlet.district}\u0000${name}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name, centres: [] }));
    group.centres.push([(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2]);
  }
  return {
    type: 'FeatureCollection',
    features: [...groups.values()].map((group) => {
      const meanLng = group.centres.reduce((sum, centre) => sum + centre[0], 0) / group.centres.length;
      const meanLat = group.centres.reduce((sum, centre) => sum + centre[1], 0) / group.centres.length;
      let best = group.centres[0];
      for (const centre of group.centres) if ((centre[0] - meanLng) ** 2 + (centre[1] - meanLat) ** 2 < (best[0] - meanLng) ** 2 + (best[1] - meanLat) ** 2) best = centre;
      return { type: 'Feature', properties: { name: group.name }, geometry: { type: 'Point', coordinates: best } };
    }),
  };
}
