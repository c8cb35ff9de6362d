import { describe, expect, it } from 'vitest';
import type { Hamlet, Position } from '../core';
import { buildOutlineCollection, buildUnitLabelCollection, joinOutlineSegments } from './outlines';

function square(id: string, x: number, commune: string, district = 'D'): Hamlet {
  const ring: Position[] = [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]];
  return { id, name: id, commune, district, properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

describe('buildOutlineCollection', () => {
  it('drops the edge two hamlets of one commune share, and keeps it between communes', () => {
    const outlines = buildOutlineCollection([square('a', 0, 'X'), square('b', 1, 'X'), square('c', 2, 'Y')]);
    const segments = (level: string, key: string) => outlines.features.find((feature) => feature.properties.level === level && feature.properties.key === key)?.geometry.coordinates.length;
    expect(segments('commune', 'D\u0000X')).toBe(6);
    expect(segments('commune', 'D\u0000Y')).toBe(4);
    expect(segments('province', '')).toBe(8);
  });
});

describe('joinOutlineSegments', () => {
  /** The edges of lines, each as its two ends in a fixed order. */
  const edgesOf = (lines: number[][][]) =>
    lines
      .flatMap((line) => line.slice(1).map((point, i) => [line[i], point].map((end) => end.join(',')).sort().join('|')))
      .sort();

  it('draws the same edges as one line per closed boundary', () => {
    const outlines = buildOutlineCollection([square('a', 0, 'X'), square('b', 1, 'X'), square('c', 2, 'Y'), square('d', 5, 'Y')]);
    const joined = joinOutlineSegments(outlines);
    expect(joined.features.map((feature) => feature.properties)).toEqual(outlines.features.map((feature) => feature.properties));
    joined.features.forEach((feature, i) => expect(edgesOf(feature.geometry.coordinates)).toEqual(edgesOf(outlines.features[i].geometry.coordinates)));
    const lines = (level: string, key: string) => joined.features.find((feature) => feature.properties.level === level && feature.properties.key === key)?.geometry.coordinates;
    // Commune X: the 2 × 1 rectangle, a closed line of 7 points (6 edges); Y: two squares apart, two lines.
    expect(lines('commune', 'D\u0000X')?.map((line) => line.length)).toEqual([7]);
    expect(lines('commune', 'D\u0000Y')?.map((line) => line.length)).toEqual([5, 5]);
    const ring = lines('commune', 'D\u0000X')![0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('keeps a branching boundary whole: every edge once', () => {
    // A T: three segments meeting at (1, 0).
    const collection = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'MultiLineString' as const, coordinates: [[[0, 0], [1, 0]], [[1, 0], [2, 0]], [[1, 0], [1, 1]]] } }] };
    const joined = joinOutlineSegments(collection).features[0].geometry.coordinates;
    expect(edgesOf(joined)).toEqual(edgesOf(collection.features[0].geometry.coordinates));
    expect(joined.length).toBe(2);
  });
});

describe('buildUnitLabelCollection', () => {
  it('puts one label per commune on the hamlet nearest the mean of its hamlet centres, inside the commune', () => {
    // Three hamlets: the mean of their centres (1.17, 0.83) falls in none; the label goes to the nearest centre, a's (0.5, 0.5).
    const corner: Hamlet = { ...square('c', 0, 'X'), geometry: { type: 'Polygon', coordinates: [[[0, 1], [1, 1], [1, 2], [0, 2], [0, 1]]] } };
    const labels = buildUnitLabelCollection([square('a', 0, 'X'), square('b', 2, 'X'), corner], 'commune');
    expect(labels.features).toEqual([{ type: 'Feature', properties: { name: 'X' }, geometry: { type: 'Point', coordinates: [0.5, 0.5] } }]);
  });
  it('keeps two communes of one name in different districts apart, and labels each district once', () => {
    const hamlets = [square('a', 0, 'Phường 1', 'D1'), square('b', 5, 'Phường 1', 'D2'), square('c', 6, 'Phường 2', 'D2')];
    expect(buildUnitLabelCollection(hamlets, 'commune').features.map((feature) => feature.properties.name)).toEqual(['Phường 1', 'Phường 1', 'Phường 2']);
    expect(buildUnitLabelCollection(hamlets, 'district').features.map((feature) => [feature.properties.name, feature.geometry.coordinates])).toEqual([
      ['D1', [0.5, 0.5]],
      ['D2', [5.5, 0.5]],
    ]);
  });
});
