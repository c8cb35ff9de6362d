// A plan made from the default one in the app, as issue #14 asks (a 2026–2030 plan of the merged city
// with its own targets): the header, the annual report's title, groupings and targets come from it,
// the project file carries it, and it is still the plan after a reload.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOC_TRANG_2025_PROFILE } from '../../src/core/plan/plan-profile';
import { readDocx } from '../helpers/read-docx';
import { AppDriver, openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';

describe('a plan derived in the app', () => {
  const app = openAppForSuite();
  let derived: Awaited<ReturnType<AppDriver['derivePlan']>>;
  const engine = computeExpectedReport();

  it('starts after the default plan, by post-2025 commune, and gives the header its name', async () => {
    expect((await app.readTitles()).header).toContain(SOC_TRANG_2025_PROFILE.shortTitle);
    derived = await app.derivePlan({ 'shared-sites': '50' });
    const start = SOC_TRANG_2025_PROFILE.horizonYear + 1;
    expect([derived.defaults.start, derived.defaults.horizon]).toEqual([String(start), String(start + 4)]);
    expect(derived.defaults.shortTitle).not.toBe(SOC_TRANG_2025_PROFILE.shortTitle);
    expect(derived.summary).toContain(derived.defaults.title);
    expect(derived.summary).toContain(`Giai đoạn ${start}–${start + 4}`);
    expect(derived.summary).toContain('Báo cáo theo: Xã, phường (từ 01/7/2025)');
    const titles = await app.readTitles();
    expect(titles.header).toContain(derived.defaults.shortTitle);
    expect(titles.page).toContain(derived.defaults.shortTitle);
  });

  it('writes the annual report of that plan: its title, its grouping, its own target', async () => {
    const { paragraphs, tables } = readDocx(new Uint8Array(readFileSync(await app.downloadReport('2027-01-05'))));
    expect(paragraphs).toContain(`Kết quả thực hiện ${derived.defaults.title}`);
    expect(tables.some((table) => table[0][0] === 'STT' && table[0][1] === 'Huyện, thị xã, thành phố')).toBe(false);
    const communes = tables.find((table) => table[0][0] === 'STT' && table[0][1] === 'Xã, phường') as string[][];
    expect(communes.length - 2).toBe(engine.groups.new_commune.length);
    const targets = tables.find((table) => table[0][1] === 'Chỉ tiêu' && table[0][3] === 'Kết quả') as string[][];
    const shared = targets.find((row) => row[1] === 'Trạm BTS dùng chung hạ tầng') as string[];
    expect(shared[2]).toBe('> 50\u00a0%');
    expect(shared[4]).toBe(engine.kpis.sharedSiteShare > 0.5 ? 'Đạt' : 'Chưa đạt');
    expect(app.errors()).toEqual([]);
  });

  it('travels in the project file and stays the plan after a reload', async () => {
    const project = JSON.parse((await app.saveProject()).text) as { plan: { id: string; title: string; grouping: string[]; targets: { id: string; target: number }[] } };
    expect([project.plan.title, project.plan.grouping]).toEqual([derived.defaults.title, ['new_commune']]);
    expect(project.plan.targets.find((target) => target.id === 'shared-sites')?.target).toBe(0.5);
    await app.reload();
    expect((await app.readTitles()).header).toContain(derived.defaults.shortTitle);
  });
});
