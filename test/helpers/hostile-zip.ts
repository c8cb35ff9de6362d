// Hostile zip archives for tests, written by hand so a bomb costs milliseconds to build: an entry is a
// run of parts, each part deflated once with a full flush (no reference to earlier bytes) and its
// compressed block repeated, so 400 MB of one byte is ~400 KB written without ever being held.
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Entries up to this size get their true CRC-32. */
const MAX_CHECKED_BYTES = 64 * 1024 * 1024;

/** One part of an entry: `bytes`, written `repeat` times in a row. */
export interface ZipPart {
  bytes: Uint8Array;
  repeat?: number;
}

export interface HostileEntry {
  name: string;
  parts: ZipPart[];
  /** The unpacked size the headers state (default: the true one). */
  statedBytes?: number;
}

/** `bytes` bytes of `value`, as parts of 1 MiB (plus a remainder). */
export function filledParts(bytes: number, value = 0): ZipPart[] {
  const mib = 1024 * 1024;
  const parts: ZipPart[] = [{ bytes: new Uint8Array(mib).fill(value), repeat: Math.floor(bytes / mib) }];
  if (bytes % mib > 0) parts.push({ bytes: new Uint8Array(bytes % mib).fill(value) });
  return parts;
}

/** `bytes` bytes that do not pack (a seeded xorshift stream), as one part. */
export function unpackableParts(bytes: number, seed = 12_345): ZipPart[] {
  const data = new Uint8Array(bytes);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < bytes; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    data[index] = state & 0xff;
  }
  return [{ bytes: data }];
}

/** Text as one part. */
export const textPart = (text: string): ZipPart => ({ bytes: new TextEncoder().encode(text) });

interface WrittenEntry {
  name: Uint8Array;
  data: Uint8Array[];
  crc: number;
  compressedBytes: number;
  statedBytes: number;
  offset: number;
}

function header(size: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  return bytes;
}

/** A zip of deflated entries (sizes and CRC in the headers, no data descriptors, UTF-8 names). */
export function writeHostileZip(entries: HostileEntry[]): Uint8Array {
  const out: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    out.push(bytes);
    offset += bytes.length;
  };
  const written: WrittenEntry[] = [];
  for (const entry of entries) {
    const data: Uint8Array[] = [];
    let crc = 0;
    let trueBytes = 0;
    for (const part of entry.parts) {
      const block = deflateRawSync(part.bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
      for (let index = 0; index < (part.repeat ?? 1); index++) data.push(block);
      trueBytes += part.bytes.length * (part.repeat ?? 1);
    }
    // A bomb's CRC is not computed (it would cost seconds): the readers refuse it before any check.
    if (trueBytes <= MAX_CHECKED_BYTES) for (const part of entry.parts) for (let index = 0; index < (part.repeat ?? 1); index++) crc = crc32(part.bytes, crc);
    data.push(deflateRawSync(new Uint8Array(0)));
    const name = new TextEncoder().encode(entry.name);
    const compressedBytes = data.reduce((sum, block) => sum + block.length, 0);
    const statedBytes = entry.statedBytes ?? trueBytes;
    written.push({ name, data, crc, compressedBytes, statedBytes, offset });
    push(
      header(30, (view) => {
        view.setUint32(0, 0x04034b50, true);
        view.setUint16(4, 20, true);
        view.setUint16(6, 0x0800, true);
        view.setUint16(8, 8, true);
        view.setUint32(14, crc >>> 0, true);
        view.setUint32(18, compressedBytes, true);
        view.setUint32(22, statedBytes >>> 0, true);
        view.setUint16(26, name.length, true);
      }),
    );
    push(name);
    for (const block of data) push(block);
  }
  const directoryOffset = offset;
  for (const entry of written) {
    push(
      header(46, (view) => {
        view.setUint32(0, 0x02014b50, true);
        view.setUint16(4, 20, true);
        view.setUint16(6, 20, true);
        view.setUint16(8, 0x0800, true);
        view.setUint16(10, 8, true);
        view.setUint32(16, entry.crc >>> 0, true);
        view.setUint32(20, entry.compressedBytes, true);
        view.setUint32(24, entry.statedBytes >>> 0, true);
        view.setUint16(28, entry.name.length, true);
        view.setUint32(42, entry.offset, true);
      }),
    );
    push(entry.name);
  }
  const directoryBytes = offset - directoryOffset;
  push(
    header(22, (view) => {
      view.setUint32(0, 0x06054b50, true);
      view.setUint16(8, written.length, true);
      view.setUint16(10, written.length, true);
      view.setUint32(12, directoryBytes, true);
      view.setUint32(16, directoryOffset, true);
    }),
  );
  const zip = new Uint8Array(offset);
  let at = 0;
  for (const bytes of out) {
    zip.set(bytes, at);
    at += bytes.length;
  }
  return zip;
}
