import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';

describe('operator filter', () => {
  const app = openAppForSuite();

  it('"Viettel alone" re-runs the engine on Viettel’s records: KPIs as the engine says', async () => {
    const all = await app.readKpis();
    await app.filterToOperator('Viettel');
    const expected = computeExpectedReport({ filters: { operators: ['Viettel'], technologies: null } });
    const shown = await app.readKpis();
    expect(shown).toEqual({
      hamlets: expected.kpis.hamlets,
      sites: expected.kpis.sites,
      coveredMobileShare: expected.kpis.coveredMobileShare,
      covered4gShare: expected.kpis.covered4gShare,
      covered5gShare: expected.kpis.covered5gShare,
      coveredFtthShare: expected.kpis.coveredFtthShare,
      sharedSiteShare: expected.kpis.sharedSiteShare,
    });
    expect(shown.coveredMobileShare).toBeLessThan(all.coveredMobileShare);
    await expect(app.page.getByTestId('active-filters').textContent()).resolves.toBe('Đang lọc: Viettel');
    await app.screenshot('03-filter-viettel');
  });

  it('keeps the filter and layer in the URL, so a reload reopens the same map', async () => {
    await app.page.getByTestId('layer-select').selectOption('5g');
    expect(app.urlState()).toMatchObject({ layer: '5g', filters: { operators: ['Viettel'], technologies: null } });
    await app.reload();
    const expected = computeExpectedReport({ filters: { operators: ['Viettel'], technologies: null } });
    expect((await app.readKpis()).covered5gShare).toBe(expected.kpis.covered5gShare);
    await expect(app.page.getByTestId('layer-select').inputValue()).resolves.toBe('5g');
  });

  it('makes no request off the page’s origin', () => {
    expect(app.offOriginRequests()).toEqual([]);
  });
});
