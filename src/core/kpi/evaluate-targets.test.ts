import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { IndicatorValue, KpiSet } from '../types';
import { evaluateTargets } from './evaluate-targets';

describeGolden('evaluateTargets', (goldenCase) => {
  const { kpis, indicators } = goldenCase.json() as { kpis: KpiSet; indicators: IndicatorValue[] };
  return evaluateTargets(kpis, indicators, DEFAULT_CONFIG.targets);
});

describe('evaluateTargets', () => {
  it('gives every plan target a row, computed ones from the engine', () => {
    const kpis = { coveredMobileShare: 1, coveredFtthShare: 0.5, sharedSiteShare: 0.31 } as KpiSet;
    const rows = evaluateTargets(kpis, [], DEFAULT_CONFIG.targets);
    expect(rows.map((row) => row.id)).toEqual(DEFAULT_CONFIG.targets.map((target) => target.id));
    expect(rows.filter((row) => row.source === 'engine').map((row) => [row.id, row.met])).toEqual([
      ['mobile-broadband-hamlets', true],
      ['ftth-hamlets', false],
      ['shared-sites', true],
    ]);
    expect(rows.filter((row) => row.source === 'missing').every((row) => row.value === null && row.met === null)).toBe(true);
  });
});
