// An operator's workbook as offices make it (title, date line, blank row, a two-row header with merged
// cells, STT, DMS latitudes, a totals row), imported through the dialog with the header-row picker;
// then the same list added again, and the duplicates question answered.
// A commune merger table and a hamlet list with a title row go through the same step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/office-tables');
const WORKBOOK = readFileSync(path.join(FIXTURES, 'tram-bts-van-phong.xlsx'));
const CSV = readFileSync(path.join(FIXTURES, 'tram-bts-van-phong.csv'));
const SITES_IN_FILE = 7;

describe('an operator workbook as offices make it, added twice', () => {
  const app = openAppForSuite();

  it('finds the two-row header under the title rows, lets the user pick another row, and imports the sites', async () => {
    const step = await app.openTableStep('sites', 'tram-bts-van-phong.xlsx', WORKBOOK, 'replace');
    expect(step.headerRow).toBe(5);
    expect(step.text).toContain('Dòng tiêu đề gồm hai dòng 4 và 5');
    expect(step.rowChoices[0]).toContain('Dòng 1: DANH SÁCH TRẠM BTS TRÊN ĐỊA BÀN');
    // Row 4 alone names no coordinate column: the user sees it, then takes row 5 alone (its merged cells
    // repeat the names above) and maps the operator column by hand.
    expect(await app.pickHeaderRow(4)).toContain('Tọa độ');
    expect(await app.pickHeaderRow(5)).toContain('STT · Mã trạm · Nhà mạng · Địa chỉ · Kinh độ · Vĩ độ · Công nghệ');
    expect(await app.applyTableStep({ operator: 'Nhà mạng' })).toBe('report');
    const report = await app.page.getByTestId('import-report').innerText();
    expect(report).toContain(`Số dòng dùng: ${SITES_IN_FILE}`);
    expect(report).toContain('dòng tổng cộng');
    expect(report).toContain('tram-bts-van-phong.xlsx[Trạm BTS]:13');
    expect(report).toMatch(/dòng tiêu đề là dòng 5; bỏ qua 4 dòng phía trên nó/);
    await app.page.waitForFunction((count) => (document.querySelector('[data-testid="origin-btsRecords"]')?.textContent ?? '').includes(`: ${count} `), SITES_IN_FILE, { timeout: 60_000 });
  });

  it('adding the same list again (as CSV) asks about the duplicates; skipping keeps the layer as it was', async () => {
    const step = await app.openTableStep('sites', 'tram-bts-van-phong.csv', CSV, 'add');
    expect(step.headerRow).toBe(5);
    expect(await app.applyTableStep()).toBe('duplicates');
    const question = await app.duplicatesText();
    expect(question).toContain(`${SITES_IN_FILE} trạm có mã trạm (cùng nhà mạng) đã có trong lớp`);
    expect(question).toContain('STG0012');
    const report = await app.chooseDuplicates('skip');
    expect(report).toContain(`Trạm trùng: Bỏ qua`);
    expect(await app.page.getByTestId('origin-btsRecords').innerText()).toContain(`: ${SITES_IN_FILE} `);
  });

  it('keeping both doubles the layer, as the user asked', async () => {
    await app.openTableStep('sites', 'tram-bts-van-phong.csv', CSV, 'add');
    expect(await app.applyTableStep()).toBe('duplicates');
    await app.chooseDuplicates('keep-both');
    expect(await app.page.getByTestId('origin-btsRecords').innerText()).toContain(`: ${SITES_IN_FILE * 2} `);
  });

  it('takes a commune merger table with a title row through the same step: header found on row 3, the new unit\'s column mapped', async () => {
    // Hand-written: two old communes merged into one new ward; its name under a heading no alias knows.
    const csv = 'BẢNG SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ;;\nNgày 01/7/2025;;\nMã xã cũ;Tên xã cũ;Đơn vị sau sắp xếp\n31522;Xã Đại Tâm;Phường Mỹ Xuyên\n31519;Xã Tham Đôn;Phường Mỹ Xuyên\n';
    const step = await app.openTableStep('merger', 'sap-nhap.csv', Buffer.from(csv, 'utf8'), 'replace');
    expect(step.headerRow).toBe(3);
    expect(step.text).toContain('Tên đơn vị mới');
    expect(await app.applyTableStep({ newName: 'Đơn vị sau sắp xếp' })).toBe('report');
    const report = await app.page.getByTestId('import-report').innerText();
    expect(report).toContain('Số dòng dùng: 2');
    expect(await app.page.getByTestId('origin-merger').innerText()).toMatch(/: 2 \(/);
  });

  it('takes a hamlet list (no boundaries) with a title row through the same step: its name column mapped, then asks for commune polygons', async () => {
    // Hand-written: two hamlets of one commune (code 31522), their names under a heading no alias knows.
    const csv = 'DANH SÁCH ẤP, KHÓM;;;\n;;;\nSTT;Tên gọi;Mã xã;Số hộ\n1;Ấp Hòa Đông;31522;412\n2;Ấp Phú Hữu;31522;305\n';
    const step = await app.openTableStep('hamlets', 'danh-sach-ap.csv', Buffer.from(csv, 'utf8'), 'replace');
    expect(step.headerRow).toBe(3);
    await app.page.getByTestId('mapping-name').selectOption('Tên gọi');
    await app.page.getByTestId('mapping-apply').click();
    const communes = app.page.getByTestId('import-communes');
    await communes.waitFor({ timeout: 60_000 });
    expect(await communes.innerText()).toContain('danh-sach-ap.csv là danh sách ấp, khóm không có ranh giới (2 ấp, khóm, 0 có điểm)');
    await communes.getByRole('button', { name: 'Hủy' }).click();
  });
});
