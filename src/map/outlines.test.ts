import { describe, expect, it } from 'vitest';
import type { Hamlet, Position } from '../core';
import { buildOutlineCollection, buildUnitLabelCollection } from './outlines';

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
