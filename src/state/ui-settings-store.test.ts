import { beforeEach, describe, expect, it } from 'vitest';
import type { CoverageReport, HamletResult } from '../core';
import { selectUncoveredHamlets, useAnalysisStore } from './analysis-store';
import { buildCoverageConfig, DEFAULT_SETTINGS, useSettingsStore } from './settings-store';
import { useUiStore } from './ui-store';

const hamlet = (id: string, households: number, mobile: number, viettel: number): HamletResult => ({
  id,
  name: id,
  commune: id === 'c' ? 'X2' : 'X1',
  district: 'D',
  households,
  areaKm2: 1,
  fraction: { mobile, '4g': mobile, '5g': 0, ftth: 0 },
  covered: { mobile: mobile >= 0.5, '4g': mobile >= 0.5, '5g': false, ftth: false },
  operatorFraction: { Viettel: { mobile: viettel, '4g': viettel, '5g': 0 } },
  groupKeys: { district: '941', commune: id === 'c' ? '31510' : '31522' },
});

const report = { hamlets: [hamlet('a', 10, 0.2, 0.2), hamlet('b', 50, 0, 0), hamlet('c', 30, 0.9, 0.1)] } as CoverageReport;

describe('useUiStore', () => {
  beforeEach(() => useUiStore.getState().actions.reset());

  it('selects with or without a zoom request', () => {
    const { actions } = useUiStore.getState();
    actions.select({ kind: 'hamlet', id: 'a' });
    expect(useUiStore.getState().zoomRequest).toBe(0);
    actions.select({ kind: 'hamlet', id: 'b' }, true);
    expect(useUiStore.getState()).toMatchObject({ selection: { kind: 'hamlet', id: 'b' }, zoomRequest: 1 });
  });

  it('merges list filter changes', () => {
    useUiStore.getState().actions.setListFilters({ district: 'D' });
    expect(useUiStore.getState().listFilters).toEqual({ district: 'D', commune: '', operator: '', sortBy: 'households' });
  });
});

describe('selectUncoveredHamlets', () => {
  beforeEach(() => useAnalysisStore.getState().actions.reset());

  it('lists uncovered hamlets by households or by fraction', () => {
    const filters = { district: '', commune: '', operator: '', sortBy: 'households' as const };
    expect(selectUncoveredHamlets(report, 'mobile', filters, 0.5).map((item) => item.id)).toEqual(['b', 'a']);
    expect(selectUncoveredHamlets(report, 'mobile', { ...filters, sortBy: 'fraction' }, 0.5).map((item) => item.id)).toEqual(['b', 'a']);
    expect(selectUncoveredHamlets(null, 'mobile', filters, 0.5)).toEqual([]);
  });

  it('with an operator, lists hamlets that operator alone leaves below the threshold', () => {
    const filters = { district: '', commune: '', operator: 'Viettel', sortBy: 'households' as const };
    expect(selectUncoveredHamlets(report, 'mobile', filters, 0.5).map((item) => item.id)).toEqual(['b', 'c', 'a']);
    expect(selectUncoveredHamlets(report, 'mobile', { ...filters, commune: '31510' }, 0.5).map((item) => item.id)).toEqual(['c']);
  });
});

describe('useSettingsStore', () => {
  beforeEach(() => useSettingsStore.getState().actions.reset());

  it('turns settings into the engine configuration, other keys kept', () => {
    useSettingsStore.getState().actions.setRadius('4G', 1500);
    useSettingsStore.getState().actions.setThreshold('ftth', 0.3);
    const config = buildCoverageConfig(useSettingsStore.getState());
    expect(config.radiiMeters['4G']).toBe(1500);
    expect(config.coveredThreshold).toEqual({ mobile: DEFAULT_SETTINGS.coveredThreshold.mobile, ftth: 0.3 });
    expect(config.targets.length).toBeGreaterThan(10);
    expect(DEFAULT_SETTINGS.radiiMeters['4G']).toBe(3000);
  });

  it('keeps the online basemap off by default', () => {
    expect(useSettingsStore.getState().basemap.isEnabled).toBe(false);
  });
});
