import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../io/resolve-config';
import { DEFAULT_LINK_BUDGETS } from '../propagation/link-budget';
import { DEFAULT_MEASUREMENT_OPTIONS } from './measurement-options';

describe('the measurement and reach keys of the config', () => {
  it('merge over their defaults', () => {
    const config = resolveConfig(
      {
        measurements: { rsrpThresholdDbm: -105, h3Resolution: 9 },
        radiusOverrides: [{ operator: 'Viettel', technology: '4g', radiusMeters: 2600 }],
        siteReach: { isEnabled: true, environment: 'rural', districtEnvironments: [{ district: '941', environment: 'urban' }], budgets: { '5G': { eirpDbm: 72 } }, margins: [{ operator: 'Viettel', technology: '4G', marginDb: 3.5 }] },
      },
      'config.json',
    );
    expect(config.measurements).toEqual({ ...DEFAULT_MEASUREMENT_OPTIONS, rsrpThresholdDbm: -105, h3Resolution: 9 });
    expect(config.radiusOverrides).toEqual([{ operator: 'Viettel', technology: '4G', radiusMeters: 2600 }]);
    expect(config.siteReach?.budgets).toEqual({ '4G': DEFAULT_LINK_BUDGETS['4G'], '5G': { ...DEFAULT_LINK_BUDGETS['5G'], eirpDbm: 72 } });
    expect(config.siteReach).toMatchObject({ isEnabled: true, environment: 'rural', margins: [{ operator: 'Viettel', technology: '4G', marginDb: 3.5 }] });
    expect(resolveConfig({}, 'config.json').siteReach).toBeUndefined();
  });

  it('refuse bad values at their place', () => {
    expect(() => resolveConfig({ measurements: { h3Resolution: 7 } }, 'c.json')).toThrow(expect.objectContaining({ code: 'config-invalid', where: 'measurements.h3Resolution' }));
    expect(() => resolveConfig({ measurements: { minTests: 3 } }, 'c.json')).toThrow(/measurements\.minTests/);
    expect(() => resolveConfig({ radiusOverrides: [{ operator: 'Viettel', technology: '6G', radiusMeters: 1 }] }, 'c.json')).toThrow(/radiusOverrides\[0\]\.technology/);
    expect(() => resolveConfig({ siteReach: { environment: 'jungle' } }, 'c.json')).toThrow(/siteReach\.environment/);
    expect(() => resolveConfig({ siteReach: { budgets: { '4G': { eirpDbm: '60' } } } }, 'c.json')).toThrow(/siteReach\.budgets\.4G\.eirpDbm/);
  });
});
