import { message, type Message } from '../messages';
import type { InputKind } from './parse-input-file';

/** Largest file accepted per layer, in bytes. */
export const MAX_INPUT_BYTES: Record<InputKind, number> = {
  hamlets: 200 * 1024 * 1024,
  sites: 200 * 1024 * 1024,
  fibre: 200 * 1024 * 1024,
  indicators: 10 * 1024 * 1024,
};

/** Spreadsheets unpack to many times their size in memory; they get a lower limit. */
export const MAX_SPREADSHEET_BYTES = 50 * 1024 * 1024;

/** The answer of {@link checkInputSize}. */
export interface InputSizeCheck {
  ok: boolean;
  sizeBytes: number;
  limitBytes: number;
  /** Set when `ok` is false: `file-too-large` with the size and the limit in MB. */
  reason?: Message;
}

/**
 * Checks a file's size before it is read, so the app can refuse a too-big file at once with a clear
 * message instead of freezing or running out of memory. Limits: 200 MB for hamlets, sites and fibre,
 * 50 MB for Excel workbooks (they unpack to many times their size), 10 MB for indicators.
 * @param size the file's bytes, or just its size in bytes (`File.size`)
 * @param kind the layer it feeds
 * @param file the file's name (its extension picks the spreadsheet limit)
 * @param limits largest size per layer (the app passes lower ones than the CLI's defaults)
 * @returns `ok`, the size, the limit, and the reason when refused
 * @throws never
 * @example checkInputSize(300 * 1024 * 1024, 'hamlets', 'ap.geojson').ok // false
 */
export function checkInputSize(size: number | Uint8Array | ArrayBuffer, kind: InputKind, file = '', limits: Record<InputKind, number> = MAX_INPUT_BYTES): InputSizeCheck {
  const sizeBytes = typeof size === 'number' ? size : size.byteLength;
  const limitBytes = /\.xlsx$/i.test(file) ? Math.min(MAX_SPREADSHEET_BYTES, limits[kind]) : limits[kind];
  if (sizeBytes <= limitBytes) return { ok: true, sizeBytes, limitBytes };
  const megabytes = (bytes: number): number => Number((bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0));
  return { ok: false, sizeBytes, limitBytes, reason: message('file-too-large', { sizeMb: megabytes(sizeBytes), limitMb: megabytes(limitBytes) }) };
}
