import type { Feature, FeatureCollection, MultiLineString, Point } from 'geojson';
import type { Hamlet, Position } from '../core';
import { hamletBounds } from './map-data';

type Level = 'commune' | 'district' | 'province';

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

/** One label point per commune: the centre of the bounds of its hamlets' centres. */
export function buildCommuneLabelCollection(hamlets: Hamlet[]): FeatureCollection<Point, { name: string }> {
  const groups = new Map<string, { name: string; sumLng: number; sumLat: number; count: number }>();
  for (const hamlet of hamlets) {
    const bounds = hamletBounds(hamlet);
    if (!bounds || !hamlet.commune) continue;
    const key = `${hamlet.district}\u0000${hamlet.commune}`;
    const group = groups.get(key) ?? { name: hamlet.commune, sumLng: 0, sumLat: 0, count: 0 };
    group.sumLng += (bounds[0] + bounds[2]) / 2;
    group.sumLat += (bounds[1] + bounds[3]) / 2;
    group.count += 1;
    groups.set(key, group);
  }
  return {
    type: 'FeatureCollection',
    features: [...groups.values()].map((group) => ({
      type: 'Feature',
      properties: { name: group.name },
      geometry: { type: 'Point', coordinates: [group.sumLng / group.count, group.sumLat / group.count] },
    })),
  };
}
