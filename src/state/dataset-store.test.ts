import { beforeEach, describe, expect, it } from 'vitest';
import type { BtsRecord } from '../core';
import { selectIndicatorRows, selectIsDemo, selectOperators, useDatasetStore } from './dataset-store';

const record = (siteId: string, operator: string): BtsRecord => ({ siteId, operator, lng: 105.9, lat: 9.6, technologies: ['4G'] });

describe('useDatasetStore', () => {
  beforeEach(() => useDatasetStore.getState().actions.reset());

  it('loads layers as demo, then an import replaces or adds and bumps the revision', () => {
    const { actions } = useDatasetStore.getState();
    actions.loadLayers({ btsRecords: [record('A', 'Viettel')] }, { btsRecords: 'demo' });
    expect(selectIsDemo(useDatasetStore.getState())).toBe(true);
    const revision = useDatasetStore.getState().revision;
    actions.importLayer('btsRecords', [record('B', 'MobiFone')], 'add');
    expect(useDatasetStore.getState().btsRecords.map((item) => item.siteId)).toEqual(['A', 'B']);
    expect(useDatasetStore.getState().origin.btsRecords).toBe('imported');
    expect(useDatasetStore.getState().revision).toBe(revision + 1);
    actions.importLayer('btsRecords', [record('C', 'Viettel')], 'replace');
    expect(selectOperators(useDatasetStore.getState())).toEqual(['Viettel']);
    expect(selectIsDemo(useDatasetStore.getState())).toBe(false);
  });

  it('lets an entered indicator win over the file row and removes it again with null', () => {
    const { actions } = useDatasetStore.getState();
    actions.loadLayers({ indicators: [{ indicator: 'cloud-use', value: 0.58, date: '2024-12-31' }] }, { indicators: 'demo' });
    actions.setEnteredIndicator('cloud-use', 0.8, '2025-01-01');
    expect(selectIndicatorRows(useDatasetStore.getState())).toEqual([{ indicator: 'cloud-use', value: 0.8, date: '2025-01-01', source: 'entered' }]);
    actions.setEnteredIndicator('cloud-use', null);
    expect(selectIndicatorRows(useDatasetStore.getState())).toEqual([{ indicator: 'cloud-use', value: 0.58, date: '2024-12-31' }]);
  });
});
