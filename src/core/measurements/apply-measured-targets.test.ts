import { describe, expect, it } from 'vitest';
import type { TargetResult } from '../types';
import { withMeasuredTargets } from './apply-measured-targets';

const target = (id: string, value: number | null, source: string): TargetResult => ({ id, label: id, comparator: '>=', target: 40, unit: 'mbps', value, met: value === null ? null : value >= 40, source });

describe('withMeasuredTargets', () => {
  it('takes the speed targets from the field tests and every other target from the analysis', () => {
    const analysed = [target('mobile-speed-mbps', 52.3, 'indicator: A (2024-12-31)'), target('shared-sites', 0.2, 'engine'), target('fixed-speed-mbps', 118.6, 'indicator: A (2024-12-31)')];
    // The tests' list was taken from an older analysis: only its speed targets count.
    const measured = [target('mobile-speed-mbps', 31.9, 'measured: 957 tests, 2025-01 – 2025-02'), target('shared-sites', 0.9, 'engine')];
    expect(withMeasuredTargets(analysed, measured).map((row) => [row.id, row.value, row.source])).toEqual([
      ['mobile-speed-mbps', 31.9, 'measured: 957 tests, 2025-01 – 2025-02'],
      ['shared-sites', 0.2, 'engine'],
      ['fixed-speed-mbps', 118.6, 'indicator: A (2024-12-31)'],
    ]);
    expect(withMeasuredTargets(analysed, undefined)).toEqual(analysed);
  });
});
