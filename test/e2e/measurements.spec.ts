import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';
import { rasterizePdfPage, readPdfText } from './print-pdf-tools';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'measurements');
const HAMLETS = join(import.meta.dirname, '..', '..', 'public', 'geodata', 'hamlets.geojson');

describe('field tests against the coverage map', () => {
  const app = openAppForSuite();

  it('imports a G-NetTrack drive log and draws the challenged hexagon on the map', async () => {
    const report = await app.importMeasurements('gnettrack-demo.txt', { path: join(FIXTURES, 'gnettrack-demo.txt') });
    expect(report).toMatch(/200/);
    // The log's dead spot east of site VTL-ST-0001: Viettel 4G predicted, −118 to −124 dBm on two passes three hours apart.
    const challenges = await app.readChallenges();
    expect(challenges.length).toBeGreaterThan(0);
    expect(challenges[0].text).toMatch(/Viettel/);
    expect(challenges[0].text).toMatch(/4G/);
    expect(await app.showChallengeOnMap(0)).toBeGreaterThan(0);
    const agreement = await app.readAgreement();
    expect(agreement['Viettel|4G']).toBeDefined();
    const exported = await app.downloadText('evidence-export-csv');
    expect(exported.text.split('\r\n')[0].replace(/^\uFEFF/, '')).toBe('h3,operator,technology,kind,tests,contradicting,hours_spanned,first_test,last_test');
    expect(exported.text).toContain(challenges[0].h3);
  });

  it('exports the H3 view with the tests, and prints the challenged hexagons listed beside the map', async () => {
    const challenges = await app.readChallenges();
    const exported = await app.downloadText('evidence-export-hexagons');
    expect(exported.fileName).toBe('luoi-h3-mobile-cap-8-minh-hoa.geojson');
    const hexagons = JSON.parse(exported.text) as { demo?: boolean; features: { properties: { h3: string; measured: boolean; false_covered: number } }[] };
    expect(hexagons.demo).toBe(true);
    const challenged = hexagons.features.find((feature) => feature.properties.h3 === challenges[0].h3);
    expect(challenged?.properties.measured).toBe(true);
    expect(challenged!.properties.false_covered).toBeGreaterThanOrEqual(5);
    expect(hexagons.features.filter((feature) => feature.properties.measured).length).toBeLessThan(hexagons.features.length / 10);

    await app.setPrintOptions({ mapContent: 'challenges', title: '' });
    const printed = await app.exportPrint('pdf', 'challenges-a4.pdf');
    const text = readPdfText(printed.path, 1).replace(/\s+/g, ' ');
    expect(text).toContain('Ô cần phản ánh với nhà mạng: đo kiểm trái với bản đồ phủ sóng');
    expect(text).toContain(`1. ${challenges[0].h3} — Viettel 4G`);
    expect(text).toContain('Ô báo phủ nhưng đo kiểm không có sóng');
    // The hexagon's dark red outline (#8E0152, written here) is on the page.
    const page = rasterizePdfPage(printed.path, 1, 200);
    let red = 0;
    for (let i = 0; i < page.data.length; i += 4) if (Math.abs(page.data[i] - 0x8e) + Math.abs(page.data[i + 1] - 0x01) + Math.abs(page.data[i + 2] - 0x52) < 60) red++;
    expect(red).toBeGreaterThan(10);
    await app.setPrintOptions({ mapContent: '' });
    await app.closePrintDialog();
  });

  it("imports speed tests and shows a commune's count and its monthly sample rule, keyed by its code", async () => {
    await app.importMeasurements('speedtests-demo.csv', { path: join(FIXTURES, 'speedtests-demo.csv') });
    // Phường 3 of Sóc Trăng city, found by its code in the hamlet layer; the tests inside it counted with Turf.
    type Hamlet = Parameters<typeof booleanPointInPolygon>[1] & { properties: { commune: string; commune_code: string; district_code: string } };
    const hamlets = (JSON.parse(readFileSync(HAMLETS, 'utf8')).features as Hamlet[]).filter((hamlet) => hamlet.properties.district_code === '941' && hamlet.properties.commune === 'Phường 3');
    const code = hamlets[0].properties.commune_code;
    const months = new Map<string, number>();
    for (const line of readFileSync(join(FIXTURES, 'speedtests-demo.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n').slice(1)) {
      const [time, lat, lng] = line.split(';');
      const at = point([Number(lng.replace(',', '.')), Number(lat.replace(',', '.'))]);
      if (hamlets.some((hamlet) => booleanPointInPolygon(at, hamlet))) months.set(time.slice(3, 10), (months.get(time.slice(3, 10)) ?? 0) + 1);
    }
    const tests = [...months.values()].reduce((sum, count) => sum + count, 0);
    const row = await app.readSpeedRow('commune', code);
    expect(row.label).toBe('Phường 3');
    expect(row.cells[0].replace(/\D/g, '')).toBe(String(tests));
    // Over 300 tests in each month of the period: the figures are shown, not "not enough samples".
    expect([...months.values()].every((count) => count >= 300)).toBe(true);
    expect(row.cells).toHaveLength(4);
    const agreement = await app.readAgreement();
    expect(Object.keys(agreement).length).toBeGreaterThan(0);
    await app.reload();
    expect(await app.readSpeedRow('commune', code)).toEqual(row);
    expect(await app.unreadableStoredParts()).toEqual([]);
  });

  it('says at load that stored tests could not be read, and opens without them', async () => {
    await app.damageStoredMeasurements('operator');
    await app.reload();
    await app.page.getByTestId('restore-unreadable').waitFor({ timeout: 10_000 });
    expect(await app.unreadableStoredParts()).toEqual(['measurements']);
    expect(await app.page.getByTestId('restore-unreadable').innerText()).toContain('kết quả đo kiểm');
    await app.openPanel('evidence');
    expect(await app.page.getByTestId('evidence-speed-row').count()).toBe(0);
  });
});
