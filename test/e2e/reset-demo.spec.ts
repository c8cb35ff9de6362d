// "Quay lại dữ liệu minh họa" in a real browser: it forgets what it says it forgets (imported layers,
// reference layers among them, field tests, entered indicators, settings, proposals) and keeps the plan's dated
// snapshots, in the page and after a reload alike.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';

const REFERENCE = path.join(import.meta.dirname, '..', 'fixtures', 'reference', 'tinh-lan-can.geojson');

describe('back to the demo data', () => {
  const app = openAppForSuite();

  it('forgets the reference layers and keeps the snapshots, before and after a reload', async () => {
    await app.saveSnapshot('2024-12-31', 'Số liệu đến 31/12/2024');
    const snapshots = await app.snapshotIds();
    expect(snapshots).toHaveLength(1);
    await app.importReferenceLayer(REFERENCE, 'replace');
    expect(await app.readReferenceLayers()).toHaveLength(1);

    await app.backToDemoData();
    expect(await app.readReferenceLayers()).toEqual([]);
    expect(await app.snapshotIds()).toEqual(snapshots);

    await app.reload();
    expect(await app.readReferenceLayers()).toEqual([]);
    expect(await app.snapshotIds()).toEqual(snapshots);
  });
});
