import { describe, expect, it } from 'vitest';
import { decodeUrlState, DEFAULT_URL_STATE, encodeUrlState } from './url-state';

describe('url state', () => {
  it('round-trips layer, filters and view', () => {
    const state = { layer: '4g' as const, filters: { operators: ['Viettel', 'VinaPhone'], technologies: ['4G' as const] }, view: { center: [105.97, 9.6] as [number, number], zoom: 11.25 } };
    const hash = encodeUrlState(state);
    expect(hash).toBe('#layer=4g&ops=Viettel%2CVinaPhone&tech=4G&map=11.25%2F9.60000%2F105.97000');
    expect(decodeUrlState(hash)).toEqual(state);
  });
  it('falls back to defaults on garbage', () => {
    expect(decodeUrlState('#layer=6g&map=a/b/c')).toEqual(DEFAULT_URL_STATE);
    expect(decodeUrlState('')).toEqual(DEFAULT_URL_STATE);
  });
  it('drops unknown technologies', () => {
    expect(decodeUrlState('#tech=4G,6G').filters.technologies).toEqual(['4G']);
  });
});
