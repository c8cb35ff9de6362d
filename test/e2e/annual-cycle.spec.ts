// The plan's yearly cycle in the app: two dated snapshots (the default 4G radius, then a wider one),
// what changed between them as the engine says, the map and the KPI panel showing it, and the annual
// report downloaded as a Word file whose tables hold the same numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/state/settings-store';
import { parseVietnameseNumber, PYTHON_DOCX, readDocx, readDocxPicturesWithPython } from '../helpers/read-docx';
import { openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';

const WIDER = { radiiMeters: { ...DEFAULT_SETTINGS.radiiMeters, '4G': 3500 } };

describe('the yearly cycle', () => {
  const app = openAppForSuite();
  const before = computeExpectedReport();
  const after = computeExpectedReport({ settings: WIDER });
  const newlyCovered = (layer: 'mobile' | '4g') => {
    const was = new Map(before.hamlets.map((hamlet) => [hamlet.id, hamlet.covered[layer]]));
    return after.hamlets.filter((hamlet) => hamlet.covered[layer] && !was.get(hamlet.id)).map((hamlet) => hamlet.id);
  };

  it('saves two snapshots and finds what changed between them, as the engine says', async () => {
    expect(await app.saveSnapshot('2024-12-31', 'Số liệu đến 31/12/2024')).toContain('Số liệu đến 31/12/2024');
    await app.changeSetting('setting-radius-4G', '3500');
    expect(await app.saveSnapshot('2025-12-31', 'Số liệu đến 31/12/2025')).toContain('Số liệu đến 31/12/2025');
    const change = await app.compareSnapshots('2024-12-31', '2025-12-31');
    expect(newlyCovered('mobile').length).toBeGreaterThan(0);
    expect(change.layers.mobile).toEqual({ newly: newlyCovered('mobile').length, lost: 0 });
    expect(change.layers['4g']).toEqual({ newly: newlyCovered('4g').length, lost: 0 });
    expect(change.sites).toEqual({ added: 0, removed: 0, newlyShared: 0 });
  });

  it('shows the change on the map and the targets then → now in the KPI panel', async () => {
    expect(await app.showChangeOnMap()).toBe('Thay đổi: Di động băng rộng');
    await app.screenshot('cycle-change');
    const targets = await app.readTargetChange();
    expect(targets['mobile-broadband-hamlets']).toEqual({ then: before.kpis.coveredMobileShare, now: after.kpis.coveredMobileShare });
  });

  it('downloads the annual report, whose tables hold the engine’s numbers', async () => {
    const { tables, paragraphs } = readDocx(new Uint8Array(readFileSync(await app.downloadReport('2026-01-05'))));
    expect(tables[0][0][0]).toContain('UBND THÀNH PHỐ CẦN THƠ');
    expect(paragraphs).toContain('III. KẾT QUẢ SO VỚI KỲ TRƯỚC');
    const targets = tables.find((table) => table[0][0] === 'STT' && table[0][1] === 'Chỉ tiêu' && table[0][3] === 'Kết quả') as string[][];
    const mobile = targets.find((row) => row[1] === after.targets[0].label) as string[];
    expect(Math.abs((parseVietnameseNumber(mobile[3]) ?? NaN) - after.kpis.coveredMobileShare * 100)).toBeLessThanOrEqual(0.05);
    const change = tables.find((table) => table[0][1] === 'Huyện, thị xã, thành phố' && table[0][2] === 'Ấp được phủ DĐBR mới') as string[][];
    const total = change[change.length - 1];
    expect([total[1], parseVietnameseNumber(total[2]), parseVietnameseNumber(total[3])]).toEqual(['Toàn địa bàn', newlyCovered('mobile').length, 0]);
    expect(app.errors()).toEqual([]);
  });

  it.skipIf(!PYTHON_DOCX)('embeds the whole area’s map and one per district from the print layout when asked, with a progress bar', async () => {
    // Maps are pictures of the current data: compare the earlier snapshot with it.
    await app.compareSnapshots('2024-12-31', null);
    const pictures = readDocxPicturesWithPython(await app.downloadReport('2026-01-05', 'district'));
    const districts = after.groups.district.map((unit) => unit.key).sort((a, b) => Number(a) - Number(b));
    expect(districts.length).toBeGreaterThan(5);
    expect(pictures.map((picture) => picture.name)).toEqual(['province', ...districts]);
    for (const picture of pictures) {
      expect([picture.contentType, picture.widthPx, picture.heightPx], picture.name).toEqual(['image/png', 1403, 992]);
      expect(picture.bytes, picture.name).toBeGreaterThan(100_000);
    }
    // Each map is of its own extent: no two pictures alike.
    expect(new Set(pictures.map((picture) => picture.sha1)).size).toBe(pictures.length);
    expect(app.errors()).toEqual([]);
  }, 300_000);

  it('keeps the snapshots across a reload (IndexedDB)', async () => {
    await app.reload();
    expect(await app.snapshotIds()).toEqual(['2024-12-31', '2025-12-31']);
  });
});
