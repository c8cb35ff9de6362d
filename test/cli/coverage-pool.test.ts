import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, DEFAULT_CONFIG, DEFAULT_SITE_REACH } from '../../src/core/index';
import { CoveragePool, createCoverageAnalysisInPool } from '../../scripts/cli/coverage-pool';
import { demoPaths, loadInputFiles } from '../../scripts/cli/read-inputs';

describe('coverage pool (worker threads)', () => {
  let pool: CoveragePool;
  beforeAll(async () => {
    pool = await CoveragePool.start(2);
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('gives exactly the single-thread result on the demo dataset, with extra records too', async () => {
    const { input } = await loadInputFiles(demoPaths());
    const extra = [{ siteId: 'NEW-1', operator: 'Viettel', lng: 106.1, lat: 9.4, technologies: ['4G' as const] }];
    const sequential = createCoverageAnalysis(input, DEFAULT_CONFIG, {}, extra);
    let progress = 0;
    const parallel = await createCoverageAnalysisInPool(pool, input, DEFAULT_CONFIG, { onProgress: (done) => (progress = done) }, extra);
    expect(progress).toBe(input.hamlets.length);
    expect(Array.from(parallel.fractions)).toEqual(Array.from(sequential.fractions));
    expect(buildCoverageReport(parallel)).toEqual(buildCoverageReport(sequential));
  });

  it('gives the single-thread result with calibrated radii, and with land rules per district (the shapes then wait for the hamlets)', async () => {
    const { input } = await loadInputFiles(demoPaths());
    const calibrated = { ...DEFAULT_CONFIG, radiusOverrides: [{ operator: 'Viettel', technology: '4G' as const, radiusMeters: 1200 }] };
    const plain = createCoverageAnalysis(input, DEFAULT_CONFIG).fractions;
    const sequential = createCoverageAnalysis(input, calibrated).fractions;
    expect(Array.from(sequential)).not.toEqual(Array.from(plain));
    expect(Array.from((await createCoverageAnalysisInPool(pool, input, calibrated)).fractions)).toEqual(Array.from(sequential));

    // Every record with a height and a band, the land urban but one district's rural: its sites reach farther.
    const measured = { ...input, btsRecords: input.btsRecords.map((record) => ({ ...record, heightMeters: 40, frequencyMhz: 1800 })) };
    const district = String(input.hamlets[0].properties.district_code ?? input.hamlets[0].district);
    const reach = { ...DEFAULT_SITE_REACH, isEnabled: true, environment: 'urban' as const };
    const byDistrict = { ...DEFAULT_CONFIG, siteReach: { ...reach, districtEnvironments: [{ district, environment: 'rural' as const }] } };
    const withoutRule = createCoverageAnalysis(measured, { ...DEFAULT_CONFIG, siteReach: reach }).fractions;
    const withRule = createCoverageAnalysis(measured, byDistrict).fractions;
    expect(Array.from(withRule)).not.toEqual(Array.from(withoutRule));
    expect(Array.from((await createCoverageAnalysisInPool(pool, measured, byDistrict)).fractions)).toEqual(Array.from(withRule));
  });
});
