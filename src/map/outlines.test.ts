import { describe, expect, it } from 'vitest';
import type { Hamlet, Position } from '../core';
import { buildCommuneLabelCollection, buildOutlineCollection } from './outlines';

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

describe('buildCommuneLabelCollection', () => {
  it('puts one label per commune at the mean of its hamlet centres', () => {
    const labels = buildCommuneLabelCollection([square('a', 0, 'X'), square('b', 1, 'X')]);
    expect(labels.features).toEqual([{ type: 'Feature', properties: { name: 'X' }, geometry: { type: 'Point', coordinates: [1, 0.5] } }]);
  });
});
