import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCoverageReport, createCoverageAnalysis, DEFAULT_CONFIG } from '../../src/core/index';
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

  it('gives the single-thread result when radii come from a calibration (shapes then wait for the hamlets)', async () => {
    const { input } = await loadInputFiles(demoPaths());
    const config = { ...DEFAULT_CONFIG, radiusOverrides: [{ operator: 'Viettel', technology: '4G' as const, radiusMeters: 1200 }] };
    const sequential = createCoverageAnalysis(input, config);
    const parallel = await createCoverageAnalysisInPool(pool, input, config);
    expect(Array.from(parallel.fractions)).toEqual(Array.from(sequential.fractions));
    expect(Array.from(parallel.fractions)).not.toEqual(Array.from(createCoverageAnalysis(input, DEFAULT_CONFIG).fractions));
  });
});
