// A fibre layer that names no operator (as a provincial office often holds it): the import does not stop
// at the column-mapping step, the report says what that means, and the analysis counts the fibre for
// every operator but not under an operator filter. The layer is the demo's fibre points with their
// `operator` property removed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';

const FIBRE = path.resolve(import.meta.dirname, '../../public/geodata/fibre.geojson');

describe('a fibre layer without an operator attribute', () => {
  const app = openAppForSuite();
  const fibre = JSON.parse(readFileSync(FIBRE, 'utf8')) as FeatureCollection<Point, Record<string, unknown>>;
  for (const feature of fibre.features) delete feature.properties.operator;
  const count = fibre.features.length;

  it('is imported without the column-mapping step, and the report says the fibre names no operator', async () => {
    const report = await app.importBinaryFile('fibre', 'diem-cap-quang.geojson', Buffer.from(JSON.stringify(fibre), 'utf8'), 'replace');
    expect(await app.page.getByTestId('column-mapping').count()).toBe(0);
    expect(report).toContain(`Số dòng dùng: ${count.toLocaleString('vi-VN')}`);
    const line = app.page.getByTestId('import-fibre-no-operator');
    expect(Number(await line.getAttribute('data-count'))).toBe(count);
    expect(await line.innerText()).toContain('không ghi nhà mạng: được tính khi xem mọi nhà mạng, không được tính khi lọc theo nhà mạng');
  });

  it('counts the fibre for every operator: the FTTH share of the demo fibre at the same places', async () => {
    // Operators do not place fibre: without a filter the shares are the demo's own.
    expect((await app.readKpis()).coveredFtthShare).toBe(computeExpectedReport().kpis.coveredFtthShare);
    expect(computeExpectedReport().kpis.coveredFtthShare).toBeGreaterThan(0);
  });

  it('leaves it out when the analysis is filtered by operator', async () => {
    await app.filterToOperator('Viettel');
    expect((await app.readKpis()).coveredFtthShare).toBe(0);
  });

  it('logs no page error', () => {
    expect(app.errors()).toEqual([]);
  });
});
