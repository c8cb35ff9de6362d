import { describe, expect, it } from 'vitest';
import { toggleFilterValue } from './toggle-filter-value';

describe('toggleFilterValue', () => {
  const all = ['MobiFone', 'Viettel', 'VinaPhone'];
  it('unticking one value from "all" keeps the others, in list order', () => {
    expect(toggleFilterValue(null, all, 'Viettel')).toEqual(['MobiFone', 'VinaPhone']);
  });
  it('ticking the last missing value goes back to "all"', () => {
    expect(toggleFilterValue(['MobiFone', 'VinaPhone'], all, 'Viettel')).toBeNull();
  });
});
