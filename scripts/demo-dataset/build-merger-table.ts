/**
 * The merger table of the demo dataset: the real 1 July 2025 table (each Sóc Trăng commune and
 * the unit of Thành phố Cần Thơ it became part of), in the columns the app imports.
 */
import type { FrameCommune } from './admin-frame';

/** One row of the merger table. */
export interface MergerRow {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
}

/**
 * Builds the merger table from the frame.
 * @param frame the real communes (`SOC_TRANG_COMMUNES`)
 * @returns one row per commune, ordered by old code
 * @example buildMergerTable(SOC_TRANG_COMMUNES)[0] // { oldCode: '31498', oldName: 'Phường 5', newCode: '31507', newName: 'Phường Sóc Trăng' }
 */
export function buildMergerTable(frame: readonly FrameCommune[]): MergerRow[] {
  return frame
    .map((commune) => ({ oldCode: commune.code, oldName: commune.name, newCode: commune.newCode, newName: commune.newName }))
    .sort((a, b) => a.oldCode.localeCompare(b.oldCode));
}
